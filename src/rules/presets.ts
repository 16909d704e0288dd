/** The two Interreg Europe presets (workbook.md, "Programme rules"), and which one a Programme field picks. */
import { euros } from '../util/money';
import { normalizeLabel } from '../util/labels';
import type { Preset, PresetId } from './types';

const EU27 = ['AT', 'BE', 'BG', 'CY', 'CZ', 'DE', 'DK', 'EE', 'EL', 'ES', 'FI', 'FR', 'HR', 'HU', 'IE', 'IT', 'LT', 'LU', 'LV', 'MT', 'NL', 'PL', 'PT', 'RO', 'SE', 'SI', 'SK'];

export const PRESET_2014_2020: Preset = {
  id: '2014-2020',
  programme: 'Interreg Europe 2014-2020',
  rules: {
    officeRateBp: 1500,
    travelRateBp: null,
    erdfRateBpByStatus: { public: 8500, 'private non-profit': 7500, norwegian: 5000 },
    preparationMax: euros(15000),
    equipmentMax: euros(7000),
    flexibilityBp: 2000,
    countries: [...EU27, 'UK', 'NO', 'CH'],
    budgetLines: ['staff', 'office', 'travel', 'external', 'equipment', 'preparation'],
  },
};

export const PRESET_2021_2027: Preset = {
  id: '2021-2027',
  programme: 'Interreg Europe 2021-2027',
  rules: {
    officeRateBp: 1500,
    travelRateBp: 1500,
    erdfRateBpByStatus: { public: 8000, 'private non-profit': 7000, norwegian: 5000 },
    preparationMax: null,
    equipmentMax: null,
    flexibilityBp: 2000,
    countries: [...EU27, 'NO', 'CH', 'AL', 'BA', 'MD', 'ME', 'MK', 'RS', 'UA'],
    budgetLines: ['staff', 'office', 'travel', 'external', 'equipment', 'infrastructure', 'preparation'],
  },
};

export const PRESETS: Record<PresetId, Preset> = { '2014-2020': PRESET_2014_2020, '2021-2027': PRESET_2021_2027 };

/** Text that names 2021 (as in 'Interreg Europe 2021-2027') picks 2021–2027; anything else, blank too, 2014–2020. */
export function presetFor(programme: string | null | undefined): Preset {
  return /2021/.test(normalizeLabel(programme ?? '')) ? PRESET_2021_2027 : PRESET_2014_2020;
}
