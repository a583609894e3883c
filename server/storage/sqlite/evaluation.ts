import type { Db } from './index.js';
import type { PlanLogStore } from '../evaluation.js';
import { isShiftPlan } from '../../../shared/plan.js';

interface PlanLogRaw {
  key: string;
  unitId: string;
  start: string;
  points: string;
  visits: string;
  rest: string;
  trialId: string | null;
}

export function planLogQueries(db: Db): PlanLogStore {
  const upsert = db.prepare(`INSERT INTO plan_log (plan_key, unit_id, shift, start, end, points,
    visits, source, edited_by, generated_at, trial_id) VALUES (@key, @unitId, @shift, @start,
    @end, @points, @visits, @source, @editedBy, @generatedAt, @trialId)
    ON CONFLICT (plan_key, unit_id) DO UPDATE SET shift = excluded.shift, start = excluded.start,
    end = excluded.end, points = excluded.points, visits = excluded.visits,
    source = excluded.source, edited_by = excluded.edited_by,
    generated_at = excluded.generated_at, trial_id = excluded.trial_id`);
  const between = db.prepare<[string, string], PlanLogRaw>(`SELECT plan_key AS key,
    unit_id AS unitId, start, points, visits, trial_id AS trialId,
    json_object('shift', shift, 'end', end, 'source', source, 'editedBy', edited_by,
      'generatedAt', generated_at) AS rest
    FROM plan_log WHERE start >= ? AND start < ? ORDER BY start, unit_id`);
  const first = db.prepare<[], { start: string | null }>(
    'SELECT min(start) AS start FROM plan_log',
  );
  return {
    upsert(plan) {
      upsert.run({
        key: plan.key,
        unitId: plan.unitId,
        shift: plan.shift,
        start: plan.start,
        end: plan.end,
        points: JSON.stringify(plan.points),
        // the label and quadrant are the city's: not repeated in every row
        visits: JSON.stringify({
          visits: plan.visits,
          unitLabel: plan.unitLabel,
          quadrant: plan.quadrant,
        }),
        source: plan.source,
        editedBy: plan.editedBy ?? null,
        generatedAt: plan.generatedAt,
        trialId: plan.trialId ?? null,
      });
    },
    between(fromIso, toIso) {
      return between.all(fromIso, toIso).flatMap((r) => {
        const rest = JSON.parse(r.rest) as Record<string, string | null>;
        const extra = JSON.parse(r.visits) as Record<string, unknown>;
        const plan = {
          key: r.key,
          unitId: r.unitId,
          unitLabel: extra.unitLabel,
          quadrant: extra.quadrant,
          shift: rest.shift,
          start: r.start,
          end: rest.end,
          points: JSON.parse(r.points) as unknown,
          visits: extra.visits,
          generatedAt: rest.generatedAt,
          source: rest.source,
          ...(rest.editedBy ? { editedBy: rest.editedBy } : {}),
          ...(r.trialId ? { trialId: r.trialId } : {}),
        };
        // a row this code did not write (a hand edit, an older shape) is skipped, not trusted
        return isShiftPlan(plan) ? [plan] : [];
      });
    },
    first: () => first.get()?.start ?? null,
  };
}
