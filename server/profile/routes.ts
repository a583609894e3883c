import { Hono } from 'hono';
import { z } from 'zod';
import * as Y from 'yjs';
import { areaRoom } from '../../sync/rooms.js';
import { meFull, normalisePhone, phoneSchema } from '../auth/routes.js';
import { homeRequestRoutes } from './home.js';
import { displayName } from '../alerts/projection.js';
import { body } from '../http/errors.js';
import { requireUser, type Env } from '../http/context.js';
import { SERVER } from '../sync/origin.js';
import type { Services } from '../services.js';
import type { UserRow } from '../storage/storage.js';

/**
 * What a resident may change about themselves at once; anything else is refused, not
 * ignored. The home is not here: it goes back to an operator (home.ts).
 */
export const profileSchema = z
  .object({ showName: z.boolean().optional(), phone: phoneSchema.optional() })
  .strict()
  .refine((p) => p.showName !== undefined || p.phone !== undefined, 'nothing to change');

/** Neighbours see an alert while it is open and for 24 h after (DESIGN §2). */
const PUBLIC_FOR_MS = 24 * 3_600_000;

/**
 * `PATCH /api/me`: the resident's profile settings: the phone the monitoring centre calls
 * back, and whether neighbours see their display name on alerts (DESIGN §2, on by default).
 * The name change reaches alerts neighbours can still see, not only future ones:
 * withdrawing consent must take the name off the feed.
 */
export function profileRoutes(s: Services): Hono<Env> {
  const app = new Hono<Env>();
  app.patch('/', requireUser(s, ['citizen']), async (c) => {
    const { showName, phone } = await body(c, profileSchema);
    const user = c.get('user');
    s.storage.transaction(() => {
      if (showName !== undefined) s.storage.profile.setShowName(user.id, showName);
      if (phone !== undefined) {
        s.storage.residents.setPhone(user.id, normalisePhone(phone));
        s.storage.audit.add({
          at: new Date().toISOString(),
          actorId: user.id,
          action: 'user.phone_changed',
          subject: user.id,
          detail: '',
        });
      }
    });
    const updated = s.storage.users.byId(user.id)!;
    if (showName !== undefined) renameInAreas(s, updated);
    return c.json(meFull(s, updated));
  });
  homeRequestRoutes(app, s);
  return app;
}

function renameInAreas(s: Services, user: UserRow): void {
  const since = new Date(Date.now() - PUBLIC_FOR_MS).toISOString();
  for (const { id, areaId } of s.storage.profile.alertsSince(user.id, since)) {
    if (!areaId) continue;
    const doc = s.sync.room(areaRoom(areaId)).doc;
    const rec = doc.getMap('alerts').get(id);
    // Only alerts the area room holds: silent ones and those over the threshold never were.
    if (!(rec instanceof Y.Map)) continue;
    doc.transact(() => {
      if (user.showName) rec.set('reporterName', displayName(user.name));
      else rec.delete('reporterName');
    }, SERVER);
  }
}
