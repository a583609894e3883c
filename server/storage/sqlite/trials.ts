import type { Db } from './index.js';
import type { Trial } from '../../../shared/observatory-evaluation.js';
import type { TrialStore } from '../trials.js';

type TrialRaw = Omit<Trial, 'cells'> & { cells: string };

export function trialQueries(db: Db): TrialStore {
  const active = db.prepare<[], TrialRaw>(`SELECT id, seed, started_at AS startedAt,
    started_by AS startedBy, starts_on AS startsOn, ended_at AS endedAt, ended_by AS endedBy,
    cells FROM trials WHERE ended_at IS NULL ORDER BY started_at DESC LIMIT 1`);
  return {
    active() {
      const r = active.get();
      return r ? { ...r, cells: JSON.parse(r.cells) as Trial['cells'] } : null;
    },
  };
}
