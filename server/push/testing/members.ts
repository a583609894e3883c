import { randomBytes, randomUUID } from 'node:crypto';
import { hashToken } from '../../auth/sessions.js';
import type { Storage } from '../../storage/storage.js';
import type { PushSink } from './push-sink.js';

export interface Member {
  id: string;
  token: string;
  /** the sink client's name, when subscribed */
  name: string | null;
}

/**
 * Active residents of an area written straight into the server's storage (the demo city has
 * one per area), each with a session and, when `sink` is given, a push subscription there,
 * named `<prefix><n>`. Registration and approval over HTTP are tested elsewhere.
 */
export function addMembers(
  storage: Storage,
  areaId: string,
  count: number,
  prefix: string,
  sink?: PushSink,
): Member[] {
  const home = storage.users.list({ role: 'citizen' }).find((u) => u.areaId === areaId)!.home;
  const members: Member[] = [];
  storage.transaction(() => {
    for (let n = 1; n <= count; n++) {
      const id = randomUUID();
      storage.users.insert({
        id,
        username: `${prefix}${n}`,
        passwordHash: 'not-used',
        role: 'citizen',
        status: 'active',
        name: `Vecino${n} Prueba`,
        phone: null,
        address: null,
        home,
        areaId,
        unitId: null,
        showName: true,
      });
      const token = randomBytes(32).toString('base64url');
      const now = Date.now();
      storage.sessions.insert({
        tokenHash: hashToken(token),
        userId: id,
        createdAt: new Date(now).toISOString(),
        expiresAt: new Date(now + 86_400_000).toISOString(),
      });
      const name = sink ? `${prefix}${n}` : null;
      if (sink && name) {
        const sub = sink.subscribe(name);
        storage.push.upsert({
          userId: id,
          sessionHash: hashToken(token),
          endpoint: sub.endpoint,
          p256dh: sub.keys.p256dh,
          auth: sub.keys.auth,
          lang: 'es',
        });
      }
      members.push({ id, token, name });
    }
  });
  return members;
}
