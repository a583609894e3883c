import type { Trial } from '../../shared/observatory-evaluation.js';

/** The plan generator's randomised trials (`trials`): at most one running at a time. */
export interface TrialStore {
  /** the trial running now (not ended), null when plans are not randomised */
  active(): Trial | null;
}
