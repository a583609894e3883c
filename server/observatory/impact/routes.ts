import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { Role } from '../../../shared/types.js';
import type { Trial } from '../../../shared/observatory-evaluation.js';
import { body, ApiError } from '../../http/errors.js';
import { requireUser, type Env } from '../../http/context.js';
import type { Services } from '../../services.js';
import { CITY_TIME_ZONE } from '../../../shared/i18n/core.js';
import { isoDay, localClock } from '../local-time.js';
import { incidentReader } from './counts.js';
import { evaluate } from './evaluate.js';
import { evaluationRequest, MAX_BODY_BYTES, trialRequest } from './input.js';
import { endTrial, startTrial } from './trials.js';

/** Who may start or end a trial: it changes the plans officers patrol by. Operators read. */
const TRIAL_ROLES: readonly Role[] = ['analyst', 'admin'];

/**
 * Before / after with displacement (`POST /evaluation`, a read sent as POST because the cell
 * lists are long; `GET /evaluation/defaults`, what the view proposes) and the randomised plan mode (`GET/POST /trials`, `POST /trials/:id/end`).
 * Mounted under `/api/observatory` behind the observatory's roles; starting and ending a trial
 * is for analysts and admins only.
 */
export function impactRoutes(s: Services): Hono<Env> {
  const app = new Hono<Env>();
  const reader = incidentReader(s);
  const limit = bodyLimit({
    maxSize: MAX_BODY_BYTES,
    onError: () => {
      throw new ApiError(
        413,
        'too_large',
        `The request is larger than ${MAX_BODY_BYTES / 1024} KiB.`,
      );
    },
  });
  const steer = requireUser(s, TRIAL_ROLES);

  // What the view proposes: the programme's first plan as the intervention date, the city's ring.
  app.get('/evaluation/defaults', (c) => {
    const first = s.storage.planLog.first();
    const day = first ? isoDay(localClock(CITY_TIME_ZONE)(Date.parse(first)).day) : null;
    return c.json({ interventionDate: day, ring: s.city.observatory.catchment });
  });

  app.post('/evaluation', limit, async (c) => {
    const req = await body(c, evaluationRequest);
    return c.json(evaluate(s, reader, req, s.observatory.now()));
  });

  // With the units' labels: a trial names its cells' units by id.
  const units = s.city.units.map((u) => ({ id: u.id, label: u.label }));
  app.get('/trials', (c) => c.json({ trials: s.storage.trials.list() satisfies Trial[], units }));
  app.post('/trials', steer, limit, async (c) => {
    const req = await body(c, trialRequest);
    return c.json(startTrial(s, c.get('user'), req.seed, s.observatory.now()), 201);
  });
  app.post('/trials/:id/end', steer, (c) =>
    c.json(endTrial(s, c.get('user'), c.req.param('id'), s.observatory.now())),
  );
  return app;
}
