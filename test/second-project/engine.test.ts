/** NordLink, the second project (test/support/second-project.ts), through the engine: findings and figures typed by hand. */
import { consolidateWorkbook } from '../../src/engine';
import { toFiguresJson } from '../../src/figures/json';
import { NORDLINK_FIGURES, NORDLINK_FINDINGS, nordLinkSnapshot } from '../support/second-project';

const NOW = new Date('2021-07-15T09:00:00Z');

test('NordLink gives exactly its three progress infos and the figures worked out by hand', () => {
  const { findings, figures } = consolidateWorkbook(nordLinkSnapshot(), { now: NOW });
  expect(findings).toEqual(NORDLINK_FINDINGS);
  expect(toFiguresJson(figures)).toMatchObject(NORDLINK_FIGURES);
});
