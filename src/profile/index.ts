export { CLUSTERIX2 } from './clusterix2';
export type { Profile } from './types';
