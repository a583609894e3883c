import { randomInt, randomUUID } from 'node:crypto';
import type { Trial } from '../../../shared/observatory-evaluation.js';
import { nextShift, shiftAt } from '../../../shared/plan.js';
import { CELL_METRES, hotspotsFor } from '../../hotspots/index.js';
import { ApiError } from '../../http/errors.js';
import { POINTS_PER_UNIT } from '../../plans/generator.js';
import { MIN_SPACING_METRES } from '../../plans/generator.js';
import { assignTrial } from '../../plans/trial.js';
import type { Services } from '../../services.js';
import type { UserRow } from '../../storage/storage.js';

/** Seeds are drawn from, and must fit in, 32 bits: the plans' stream (mulberry32) takes no more. */
export const MAX_SEED = 0xffff_ffff;

/**
 * Starts a randomised trial: each quadrant's eligible hot cells, from the ranking the next
 * shift's plans would use, dealt to treatment or control by a stream seeded with the given
 * seed (a random one when none is given; recorded either way, so anyone can redraw the arms).
 * Plans of every shift starting after this moment follow it (server/plans/service.ts). Eligible
 * cells are spaced one cell beyond the catchment ring's outer radius, so a control cell is not
 * inside a treated cell's ring. Audited.
 */
export function startTrial(s: Services, by: UserRow, seed: number | undefined, now: Date): Trial {
  if (s.storage.trials.active())
    throw new ApiError(409, 'conflict', 'A trial is already running; end it first.');
  const shift = nextShift(shiftAt(now));
  const drawn = seed ?? randomInt(0, MAX_SEED);
  const cells = assignTrial({
    seed: drawn,
    units: s.city.units,
    areas: s.city.areas,
    cells: hotspotsFor(s.storage.patrol, s.city.areas, shift),
    spacingMetres: Math.max(MIN_SPACING_METRES, s.city.observatory.catchment.outer + CELL_METRES),
    perUnit: 2 * POINTS_PER_UNIT,
  });
  if (cells.length === 0)
    throw new ApiError(409, 'conflict', 'No hot cells to assign yet: the city has no history.');
  const trial: Trial = {
    id: randomUUID(),
    seed: drawn,
    startedAt: now.toISOString(),
    startedBy: by.id,
    startsOn: shift.date,
    endedAt: null,
    endedBy: null,
    cells,
  };
  if (!s.storage.trials.start(trial))
    throw new ApiError(409, 'conflict', 'A trial is already running; end it first.');
  s.storage.audit.add({
    at: trial.startedAt,
    actorId: by.id,
    action: 'trial.start',
    subject: trial.id,
    detail: `seed ${drawn}, ${cells.length} cells, from ${shift.key}`,
  });
  return trial;
}

/** Ends a running trial: the next plans are the ordinary ones again. Audited. */
export function endTrial(s: Services, by: UserRow, id: string, now: Date): Trial {
  const trial = s.storage.trials.get(id);
  if (!trial) throw new ApiError(404, 'not_found', 'No such trial.');
  if (trial.endedAt || !s.storage.trials.end(id, now.toISOString(), by.id))
    throw new ApiError(409, 'conflict', 'This trial has already ended.');
  s.storage.audit.add({
    at: now.toISOString(),
    actorId: by.id,
    action: 'trial.end',
    subject: id,
    detail: '',
  });
  return s.storage.trials.get(id) ?? trial;
}
