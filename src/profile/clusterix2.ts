/**
 * ClusteriX 2.0, the built-in default: the facts of the project's own description (workbook.md),
 * the Interreg Europe 2014-2020 rules the checks use, and the sample's invented figures.
 */
import type { CalendarDate } from '../util/dates';
import { euros } from '../util/money';
import type { Profile, ProfilePartner } from './types';
import { buildSampleFigures } from './sample-figures';
import { PRESET_2014_2020 } from '../rules/presets';

const d = (s: string) => s as CalendarDate;

const partners: ProfilePartner[] = [
  { no: 1, role: 'LP', name: 'ecoplus. The Business Agency of Lower Austria', shortName: 'ecoplus', country: 'AT', nuts: 'AT12', legalStatus: 'public', erdfRateBp: 8500, approvedBudget: null },
  { no: 2, role: 'PP', name: 'IDM Südtirol – Alto Adige', shortName: 'IDM', country: 'IT', nuts: 'ITH10', legalStatus: 'public', erdfRateBp: 8500, approvedBudget: null },
  { no: 3, role: 'PP', name: 'West-Pannon Regional and Economic Development Public Nonprofit Ltd.', shortName: 'West-Pannon', country: 'HU', nuts: 'HU22', legalStatus: 'public', erdfRateBp: 8500, approvedBudget: euros(178550) },
  { no: 4, role: 'PP', name: 'INMA', shortName: 'INMA', country: 'RO', nuts: 'RO32', legalStatus: 'public', erdfRateBp: 8500, approvedBudget: null },
  { no: 5, role: 'PP', name: 'Lund University', shortName: 'Lund', country: 'SE', nuts: 'SE224', legalStatus: 'public', erdfRateBp: 8500, approvedBudget: null },
  { no: 6, role: 'PP', name: 'Regional Development Agency Ostrava', shortName: 'Ostrava', country: 'CZ', nuts: 'CZ080', legalStatus: 'public', erdfRateBp: 8500, approvedBudget: null },
  { no: 7, role: 'PP', name: 'Region of Southern Denmark', shortName: 'Southern Denmark', country: 'DK', nuts: 'DK03', legalStatus: 'public', erdfRateBp: 8500, approvedBudget: null },
  { no: 8, role: 'PP', name: 'Regional Council of Auvergne', shortName: 'Auvergne', country: 'FR', nuts: 'FR72', legalStatus: 'public', erdfRateBp: 8500, approvedBudget: null },
  { no: 9, role: 'PP', name: 'Flanders Innovation & Entrepreneurship', shortName: 'Flanders', country: 'BE', nuts: 'BE2', legalStatus: 'public', erdfRateBp: 8500, approvedBudget: null },
  { no: 10, role: 'PP', name: 'North-East Regional Development Agency', shortName: 'North-East', country: 'RO', nuts: 'RO21', legalStatus: 'public', erdfRateBp: 8500, approvedBudget: null },
  // The description writes SK (Slovakia); Skåne is in Sweden (NUTS SE224). Kept as given: P01 flags it.
  { no: 11, role: 'PP', name: 'Region Skåne', shortName: 'Skane', country: 'SK', nuts: 'SE224', legalStatus: 'public', erdfRateBp: 8500, approvedBudget: null },
];

/** Invented budgets for the partners the description gives none; they add up to EUR 2,126,574 exactly. */
const approvedBudgets = {
  1: euros(420000), 2: euros(180000), 3: euros(178550), 4: euros(150000), 5: euros(175000), 6: euros(160000),
  7: euros(170000), 8: euros(165000), 9: euros(185000), 10: euros(150000), 11: euros(193024),
};

const periods = [
  { number: 1, phase: '1', start: d('2016-04-01'), end: d('2016-09-30'), months: 6 },
  { number: 2, phase: '1', start: d('2016-10-01'), end: d('2017-03-31'), months: 6 },
  { number: 3, phase: '1', start: d('2017-04-01'), end: d('2017-09-30'), months: 6 },
  { number: 4, phase: '1', start: d('2017-10-01'), end: d('2018-03-31'), months: 6 },
  { number: 5, phase: '1', start: d('2018-04-01'), end: d('2018-09-30'), months: 6 },
  { number: 6, phase: '1', start: d('2018-10-01'), end: d('2019-03-31'), months: 6 },
  { number: 7, phase: '2', start: d('2019-04-01'), end: d('2020-03-31'), months: 12 },
  { number: 8, phase: '2', start: d('2020-04-01'), end: d('2021-03-31'), months: 12 },
];

const targets = [
  { code: 'PLE', name: 'Policy learning events organised', target: 32, unit: 'events', minimum: false },
  { code: 'GP', name: 'Good practices identified', target: 20, unit: 'good practices', minimum: true },
  { code: 'AP', name: 'Action plans developed and implemented', target: 10, unit: 'action plans', minimum: false },
  { code: 'MEDIA', name: 'Appearances in media', target: 50, unit: 'appearances', minimum: true },
  { code: 'PEOPLE', name: 'People with increased professional capacity', target: 50, unit: 'people', minimum: true },
  { code: 'PI-SF', name: 'Policy instruments improved (Structural Funds)', target: 9, unit: 'policy instruments', minimum: false },
  { code: 'PI-REG', name: 'Policy instruments improved (regional)', target: 1, unit: 'policy instruments', minimum: false },
];

/** ClusteriX 2.0 ran under Interreg Europe 2014-2020: that preset's rules. */
const rules = PRESET_2014_2020.rules;

const reportDate = d('2019-03-31');

export const CLUSTERIX2: Profile = {
  id: 'clusterix2',
  acronym: 'ClusteriX 2.0',
  programme: 'Interreg Europe',
  totalBudget: euros(2126574),
  start: d('2016-04-01'),
  end: d('2021-03-31'),
  phases: [
    { name: '1', start: d('2016-04-01'), end: d('2019-03-31'), months: 36 },
    // The description states 01/04/2021; 24 months from 2019-04-01 end on 2021-03-31. Kept as given: P02 flags it.
    { name: '2', start: d('2019-04-01'), end: d('2021-04-01'), months: 24 },
  ],
  periods,
  partners,
  targets,
  rules: { ...rules, countries: [...rules.countries], erdfRateBpByStatus: { ...rules.erdfRateBpByStatus } },
  sample: {
    reportDate,
    approvedBudgets,
    ...buildSampleFigures({ partners, approvedBudgets, periods, reportDate, preparation: euros(15000), equipmentPerPartner: euros(500) }),
    achievements: buildSampleAchievements(partners.map((p) => p.no), periods.length),
    inventedNote:
      'Sample: the total budget, West-Pannon\'s budget, partners, phases and targets come from the ClusteriX 2.0 description; ' +
      'the other partners\' budgets, the split by budget line and period, the reported expenditure and the achievements are invented.',
  },
};

/** Invented achievements up to the report date (P1–P6): below target, so progress shows as info. */
function buildSampleAchievements(partnerNos: number[], periodCount: number): Record<number, Record<string, number[]>> {
  const pattern: Record<string, number[]> = {
    PLE: [0, 1, 0, 0, 1, 0],
    GP: [0, 0, 1, 0, 0, 0],
    AP: [0, 0, 0, 0, 0, 0],
    MEDIA: [1, 0, 1, 0, 1, 0],
    PEOPLE: [0, 0, 0, 2, 0, 0],
    'PI-SF': [0, 0, 0, 0, 0, 0],
    'PI-REG': [0, 0, 0, 0, 0, 0],
  };
  const out: Record<number, Record<string, number[]>> = {};
  for (const no of partnerNos) {
    out[no] = {};
    for (const [code, vals] of Object.entries(pattern)) {
      out[no][code] = Array.from({ length: periodCount }, (_, i) => vals[i] ?? 0);
    }
  }
  return out;
}
