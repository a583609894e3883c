import type { Db } from './index.js';
import type { Trial } from '../../../shared/observatory-evaluation.js';
import type { TrialStore } from '../trials.js';

type TrialRaw = Omit<Trial, 'cells'> & { cells: string };

const COLUMNS = `id, seed, started_at AS startedAt, started_by AS startedBy,
  starts_on AS startsOn, ended_at AS endedAt, ended_by AS endedBy, cells`;

const parsed = (r: TrialRaw | undefined): Trial | null =>
  r ? { ...r, cells: JSON.parse(r.cells) as Trial['cells'] } : null;

export function trialQueries(db: Db): TrialStore {
  const active = db.prepare<[], TrialRaw>(
    `SELECT ${COLUMNS} FROM trials WHERE ended_at IS NULL ORDER BY started_at DESC LIMIT 1`,
  );
  const list = db.prepare<[], TrialRaw>(
    `SELECT ${COLUMNS} FROM trials ORDER BY started_at DESC, id`,
  );
  const get = db.prepare<[string], TrialRaw>(`SELECT ${COLUMNS} FROM trials WHERE id = ?`);
  const insert = db.prepare(`INSERT INTO trials (id, seed, started_at, started_by, starts_on,
    ended_at, ended_by, cells) VALUES (@id, @seed, @startedAt, @startedBy, @startsOn, NULL, NULL,
    @cells)`);
  const end = db.prepare<[string, string, string]>(
    'UPDATE trials SET ended_at = ?, ended_by = ? WHERE id = ? AND ended_at IS NULL',
  );
  return {
    active: () => parsed(active.get()),
    list: () => list.all().flatMap((r) => parsed(r) ?? []),
    get: (id) => parsed(get.get(id)),
    // The check and the insert in one transaction: two analysts pressing "start" at once get
    // one trial, not two running side by side.
    start: db.transaction((trial: Trial): boolean => {
      if (active.get()) return false;
      insert.run({ ...trial, cells: JSON.stringify(trial.cells) });
      return true;
    }),
    end: (id, at, by) => end.run(at, by, id).changes > 0,
  };
}
