/** `clusterix template OUT.xlsx` and `clusterix sample OUT.xlsx`: new reporting workbooks from the profile. */
import type { Command } from 'commander';

import { UserError } from '../../util/errors';
import type { PresetId } from '../../rules/types';

const PROGRAMMES: readonly PresetId[] = ['2014-2020', '2021-2027'];

/** Loaded on use, so `clusterix --help` does not pay for the writer. */
async function write(which: 'template' | 'sample', out: string, programme: PresetId = '2014-2020'): Promise<void> {
  const { buildSample, buildProgrammeTemplate } = await import('../../template');
  const { writeSpecXlsx } = await import('../../apply/xlsx/spec-writer');
  await writeSpecXlsx(which === 'sample' ? buildSample() : buildProgrammeTemplate(programme), out);
}

export function registerTemplate(program: Command): void {
  program
    .command('template')
    .argument('<out>', 'the new workbook (.xlsx)')
    .option('--programme <period>', 'the programme\'s rules: 2014-2020 (the ClusteriX 2.0 template) or 2021-2027 (an empty project)', '2014-2020')
    .description('write a new reporting workbook with the ClusteriX 2.0 defaults and empty figures, or an empty 2021-2027 one')
    .action(async (out: string, opts: { programme: string }) => {
      const programme = PROGRAMMES.find((p) => p === opts.programme.replace(/[–—]/g, '-'));
      if (!programme) throw new UserError(`--programme must be ${PROGRAMMES.join(' or ')}, not '${opts.programme}'`);
      await write('template', out, programme);
      const what = programme === '2014-2020' ? 'the ClusteriX 2.0 template (fill in the budgets and indicators, then run check)' : 'an empty Interreg Europe 2021-2027 project (fill in its facts, budgets and indicators, then run check)';
      process.stdout.write(`wrote ${out}: ${what}\n`);
    });
}

export function registerSample(program: Command): void {
  program
    .command('sample')
    .argument('<out>', 'the new workbook (.xlsx)')
    .description('write the template filled with the sample figures')
    .action(async (out: string) => {
      await write('sample', out);
      process.stdout.write(`wrote ${out}: the ClusteriX 2.0 sample (invented figures, see its Project sheet)\n`);
    });
}
