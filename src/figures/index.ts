import type { Model } from '../model/types';
import type { Profile } from '../profile/types';
import type { Figures } from './types';

/** The consolidated figures (being written). */
export function computeFigures(_model: Model, _profile: Profile): Figures {
  throw new Error('computeFigures: not written yet');
}
