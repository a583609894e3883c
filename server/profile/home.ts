import type { Hono } from 'hono';
import { z } from 'zod';
import { areaForPoint } from '../../shared/geo.js';
import { meFull, visibleText } from '../auth/routes.js';
import { ApiError, body } from '../http/errors.js';
import { requireUser, type Env } from '../http/context.js';
import type { Services } from '../services.js';

export const homeSchema = z
  .object({
    address: visibleText(3, 160),
    home: z.object({ lat: z.number().min(-90).max(90), lng: z.number().min(-180).max(180) }),
  })
  .strict();

/**
 * A resident's new home goes back to an operator, as the first one did at registration:
 * the home decides whose sirens sound and which neighbourhood the resident belongs to, so
 * it is not self-service. Until an operator approves, the approved home stays in force: a
 * resident moving house must not lose alerts-at-home or their neighbourhood meanwhile.
 * Asking again replaces the waiting request; `DELETE` withdraws it.
 */
export function homeRequestRoutes(app: Hono<Env>, s: Services): void {
  app.post('/home', requireUser(s, ['citizen']), async (c) => {
    const input = await body(c, homeSchema);
    const user = c.get('user');
    const areaId = areaForPoint(input.home, s.city.areas);
    if (!areaId) throw new ApiError(400, 'outside_city', 'The home is outside the city.', 'home');
    const at = new Date().toISOString();
    s.storage.transaction(() => {
      s.storage.residents.requestHome({ userId: user.id, ...input, areaId, requestedAt: at });
      s.storage.audit.add({
        at,
        actorId: user.id,
        action: 'user.home_requested',
        subject: user.id,
        detail: areaId,
      });
    });
    return c.json(meFull(s, s.storage.users.byId(user.id)!));
  });

  app.delete('/home', requireUser(s, ['citizen']), (c) => {
    const user = c.get('user');
    s.storage.transaction(() => s.storage.residents.dropHomeChange(user.id));
    return c.json(meFull(s, s.storage.users.byId(user.id)!));
  });

  /** The resident saw "your account was approved": it is not shown again. */
  app.delete('/approved-notice', requireUser(s, ['citizen']), (c) => {
    const user = c.get('user');
    s.storage.transaction(() => s.storage.residents.setApprovedNotice(user.id, false));
    return c.json(meFull(s, s.storage.users.byId(user.id)!));
  });
}
