/**
 * Invents the sample's budget split so that every figure adds up exactly, in integer cents:
 * each partner's lines sum to its approved budget, office is 15% of staff rounded down, the lead partner
 * has EUR 15,000 preparation costs, equipment stays within EUR 7,000 across the partnership, phase 2
 * plans less than phase 1, and expenditure is reported only for periods that end by the report date.
 */
import type { BudgetLineKey } from '../model/types';
import type { CalendarDate } from '../util/dates';
import { cents, type Cents } from '../util/money';
import type { ProfilePartner, ProfilePeriod } from './types';

type Lines = Partial<Record<BudgetLineKey, Cents[]>>;

export function buildSampleFigures(args: {
  partners: ProfilePartner[];
  approvedBudgets: Record<number, Cents>;
  periods: ProfilePeriod[];
  reportDate: CalendarDate;
  preparation: Cents;
  equipmentPerPartner: Cents;
}): { plan: Record<number, Lines>; reported: Record<number, Lines> } {
  const plan: Record<number, Lines> = {};
  const reported: Record<number, Lines> = {};
  // Half-year periods weigh 2, yearly ones 3: phase 2 (2 × 3) plans less than phase 1 (6 × 2).
  const weights = args.periods.map((p) => (p.months >= 12 ? 3 : 2));
  const weightSum = weights.reduce((a, b) => a + b, 0);
  for (const partner of args.partners) {
    const total = args.approvedBudgets[partner.no];
    const isLead = partner.role === 'LP';
    const prep = isLead ? args.preparation : 0;
    const spread = total - prep;
    const perPeriod = weights.map((w) => Math.floor((spread * w) / weightSum));
    perPeriod[0] += spread - perPeriod.reduce((a, b) => a + b, 0);
    const lines = { staff: [] as Cents[], office: [] as Cents[], travel: [] as Cents[], external: [] as Cents[], equipment: [] as Cents[], preparation: [] as Cents[] };
    const rep = { staff: [] as Cents[], office: [] as Cents[], travel: [] as Cents[], external: [] as Cents[], equipment: [] as Cents[], preparation: [] as Cents[] };
    perPeriod.forEach((base, i) => {
      const staff = Math.floor(base * 0.55);
      const office = Math.floor((staff * 15) / 100);
      const travel = Math.floor(base * 0.1);
      const equipment = i === 0 ? args.equipmentPerPartner : 0;
      const external = base - staff - office - travel - equipment;
      lines.staff.push(cents(staff));
      lines.office.push(cents(office));
      lines.travel.push(cents(travel));
      lines.external.push(cents(external));
      lines.equipment.push(cents(equipment));
      lines.preparation.push(cents(i === 0 ? prep : 0));
      const inReport = args.periods[i].end <= args.reportDate;
      const rStaff = inReport ? Math.floor(staff * 0.95) : 0;
      rep.staff.push(cents(rStaff));
      rep.office.push(cents(Math.floor((rStaff * 15) / 100)));
      rep.travel.push(cents(inReport ? Math.floor(travel * 0.9) : 0));
      rep.external.push(cents(inReport ? Math.floor(external * 0.9) : 0));
      rep.equipment.push(cents(inReport ? equipment : 0));
      rep.preparation.push(cents(inReport && i === 0 ? prep : 0));
    });
    if (!isLead) {
      delete (lines as Lines).preparation;
      delete (rep as Lines).preparation;
    }
    plan[partner.no] = lines;
    reported[partner.no] = rep;
  }
  return { plan, reported };
}
