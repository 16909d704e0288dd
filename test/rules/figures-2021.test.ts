/**
 * The figures and report tabs carry Infrastructure and works where the rules allow it (2021–2027), and only there:
 * a 2014–2020 workbook's figures and tabs keep the five lines and preparation costs.
 */
import { consolidateWorkbook } from '../../src/engine';
import { toFiguresJson } from '../../src/figures/json';
import { buildProject2021 } from '../support/project-2021';
import { sampleSnapshot } from '../checks/support/workbook';
import { at, disagreements, rowOf, shown, tab } from '../plan/support/plan-helpers';

const NOW = new Date('2026-12-01T10:00:00Z');

describe('PilotNet (2021–2027) consolidated', () => {
  const snapshot = buildProject2021().snapshot();
  const { figures, plan } = consolidateWorkbook(snapshot, { now: NOW });

  test('the figures have an Infrastructure and works line: EUR 25,000 planned for the lead partner, 25,000 reported (P3)', () => {
    const json = toFiguresJson(figures);
    expect(Object.keys(json.totals.budget)).toEqual(['staff', 'office', 'travel', 'external', 'equipment', 'infrastructure', 'preparation', 'total']);
    expect(json.partners[0].budget.infrastructure).toBe(25000);
    expect(json.partners[0].reported.infrastructure).toBe(25000);
    expect(json.partners[1].budget.infrastructure).toBe(0);
    // Lead partner: staff 8 × 20,000, office and travel 8 × 3,000 each, external 8 × 5,000, equipment 3,000,
    // infrastructure 25,000, preparation 20,000.
    expect(json.partners[0].budget.total).toBe(160000 + 24000 + 24000 + 40000 + 3000 + 25000 + 20000);
  });

  test('Report By partner and Report Summary have the column and the row, and every formula computes its value', () => {
    const byPartner = tab(plan, 'Report By partner');
    const head = byPartner.cells.find((c) => c.value.kind === 'text' && c.value.text === 'Infra. & works')!;
    const lead = rowOf(byPartner, 'Agencia de Desarrollo Regional de Extremadura', 1);
    expect(shown(at(byPartner, lead, head.col))).toBe(25000);
    // Budget lines, Total, ERDF, contribution, then the reported lines: Total sits right after the seven lines.
    expect(shown(at(byPartner, lead, head.col + 2))).toBe(296000);
    const summary = tab(plan, 'Report Summary');
    const row = rowOf(summary, 'Infrastructure and works', 0);
    expect([shown(at(summary, row, 1)), shown(at(summary, row, 4))]).toEqual([25000, 25000]); // budget, reported to date
    expect(disagreements(snapshot, plan)).toEqual([]);
  });
});

test('the ClusteriX 2.0 sample (2014–2020) has no Infrastructure and works line in its figures or tabs', () => {
  const { figures, plan } = consolidateWorkbook(sampleSnapshot(), { now: NOW });
  expect(Object.keys(toFiguresJson(figures).totals.budget)).toEqual(['staff', 'office', 'travel', 'external', 'equipment', 'preparation', 'total']);
  const texts = plan.tabs.flatMap((t) => t.cells).filter((c) => c.value.kind === 'text').map((c) => (c.value.kind === 'text' ? c.value.text : ''));
  expect(texts.filter((t) => /infrastructure/i.test(t))).toEqual([]);
});
