import type { Hono } from 'hono';
import { tFor } from '../../shared/i18n/index.js';
import type { Services } from '../services.js';
import { ApiError } from '../http/errors.js';
import type { Env } from '../http/context.js';
import { tellUser } from './notify.js';

/**
 * `GET /api/users/home-changes`: residents' waiting changes of home, each with the home in
 * force now, so the operator can compare (and call) before approving.
 * `POST /api/users/:id/home-change/approve|reject`: the decision, audited and told to the
 * resident. Approval moves the resident's area: from then on alerts-at-home, sirens and
 * neighbourhood pushes follow the new home; the app opens the new area on its next start.
 */
export function homeChangeRoutes(app: Hono<Env>, s: Services): void {
  app.get('/home-changes', (c) => {
    const changes = s.storage.residents.homeChanges().flatMap((change) => {
      const u = s.storage.users.byId(change.userId);
      if (!u) return [];
      return [
        {
          user: { id: u.id, username: u.username, name: u.name, phone: u.phone, status: u.status },
          current: { address: u.address, home: u.home, areaId: u.areaId },
          requested: { address: change.address, home: change.home, areaId: change.areaId },
          requestedAt: change.requestedAt,
        },
      ];
    });
    return c.json({ changes });
  });

  const decide = (verdict: 'approve' | 'reject') =>
    app.post(`/:id/home-change/${verdict}`, (c) => {
      const actor = c.get('user');
      const id = c.req.param('id');
      const change = s.storage.residents.homeChange(id);
      if (!change) throw new ApiError(404, 'not_found', 'No waiting change of home.');
      const at = new Date().toISOString();
      let pushed = false;
      s.storage.transaction(() => {
        if (verdict === 'approve') s.storage.residents.applyHome(change);
        s.storage.residents.dropHomeChange(id);
        s.storage.audit.add({
          at,
          actorId: actor.id,
          action: `user.home_${verdict === 'approve' ? 'approved' : 'rejected'}`,
          subject: id,
          detail: change.areaId,
        });
        const address =
          verdict === 'approve' ? change.address : (s.storage.users.byId(id)?.address ?? '');
        const kind = verdict === 'approve' ? 'home_approved' : 'home_rejected';
        pushed = tellUser(s, id, `${kind}:${at}`, (lang) => ({
          title: tFor(lang, `push.${kind}.title`),
          body: tFor(lang, `push.${kind}.body`, { address }),
          tag: `account:${id}`,
          renotify: false,
          url: '/#/profile',
          action: tFor(lang, 'push.open'),
        }));
      });
      if (pushed) s.push.worker.poke();
      return c.json({ ok: true });
    });

  decide('approve');
  decide('reject');
}
