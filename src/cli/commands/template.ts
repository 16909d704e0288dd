/** `clusterix template OUT.xlsx` and `clusterix sample OUT.xlsx`: new reporting workbooks from the profile. */
import type { Command } from 'commander';

/** Loaded on use, so `clusterix --help` does not pay for the writer. */
async function write(which: 'template' | 'sample', out: string): Promise<void> {
  const { buildSample, buildTemplate } = await import('../../template');
  const { writeSpecXlsx } = await import('../../apply/xlsx/spec-writer');
  await writeSpecXlsx(which === 'sample' ? buildSample() : buildTemplate(), out);
}

export function registerTemplate(program: Command): void {
  program
    .command('template')
    .argument('<out>', 'the new workbook (.xlsx)')
    .description('write a new reporting workbook with the ClusteriX 2.0 defaults and empty figures')
    .action(async (out: string) => {
      await write('template', out);
      process.stdout.write(`wrote ${out}: the ClusteriX 2.0 template (fill in the budgets and indicators, then run check)\n`);
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
