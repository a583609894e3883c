import { Hono } from 'hono';
import { z } from 'zod';
import * as Y from 'yjs';
import { areaRoom } from '../../sync/rooms.js';
import { me } from '../auth/routes.js';
import { displayName } from '../alerts/projection.js';
import { body } from '../http/errors.js';
import { requireUser, type Env } from '../http/context.js';
import { SERVER } from '../sync/origin.js';
import type { Services } from '../services.js';
import type { UserRow } from '../storage/storage.js';

/** What a resident may change about themselves; anything else is refused, not ignored. */
const profileSchema = z.object({ showName: z.boolean() }).strict();

/** Neighbours see an alert while it is open and for 24 h after (DESIGN §2). */
const PUBLIC_FOR_MS = 24 * 3_600_000;

/**
 * `PATCH /api/me`: the resident's profile settings. Today one: whether neighbours see their
 * display name on alerts (DESIGN §2, on by default). The change reaches alerts neighbours
 * can still see, not only future ones: withdrawing consent must take the name off the feed.
 */
export function profileRoutes(s: Services): Hono<Env> {
  const app = new Hono<Env>();
  app.patch('/', requireUser(s, ['citizen']), async (c) => {
    const { showName } = await body(c, profileSchema);
    const user = c.get('user');
    s.storage.transaction(() => s.storage.profile.setShowName(user.id, showName));
    const updated = s.storage.users.byId(user.id)!;
    renameInAreas(s, updated);
    return c.json(me(updated));
  });
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
