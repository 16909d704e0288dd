import type { Model } from '../model/types';
import type { Profile } from '../profile/types';
import type { Finding } from '../checks/types';
import type { Figures } from '../figures/types';
import type { ReportPlan } from './types';

export interface PlanOptions {
  profile: Profile;
  /** Time of the run, stamped on the Checks tab. */
  now: Date;
}

/** The five report tabs and the marks (being written). */
export function planReport(_model: Model, _findings: Finding[], _figures: Figures, _opts: PlanOptions): ReportPlan {
  throw new Error('planReport: not written yet');
}
