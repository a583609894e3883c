import type { Trial } from '../../shared/observatory-evaluation.js';

/** The plan generator's randomised trials (`trials`): at most one running at a time. */
export interface TrialStore {
  /** the trial running now (not ended), null when plans are not randomised */
  active(): Trial | null;
  /** every trial, the latest first */
  list(): Trial[];
  get(id: string): Trial | null;
  /** Records a new trial; false when one is already running (nothing written). */
  start(trial: Trial): boolean;
  /** Ends a running trial; false when it is unknown or already ended. */
  end(id: string, at: string, by: string): boolean;
}
