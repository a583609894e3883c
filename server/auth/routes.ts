import { Hono } from 'hono';
import { setCookie, deleteCookie } from 'hono/cookie';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { areaForPoint } from '../../shared/geo.js';
import type { Me, SessionUser } from '../../shared/types.js';
import type { UserRow } from '../storage/storage.js';
import type { Services } from '../services.js';
import { ApiError, body } from '../http/errors.js';
import { requireUser, type Env } from '../http/context.js';
import { hashPassword, verifyPassword } from './passwords.js';
import { SESSION_COOKIE, createSession } from './sessions.js';

const loginSchema = z.object({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(256),
});

const registerSchema = z.object({
  username: z
    .string()
    .trim()
    .regex(/^[a-zA-Z0-9._-]{3,32}$/, 'use 3–32 letters, digits, dots, dashes'),
  password: z.string().min(8, 'at least 8 characters').max(256),
  name: z.string().trim().min(2).max(80),
  phone: z
    .string()
    .trim()
    .regex(/^\+?[0-9 ()-]{6,24}$/, 'a phone number'),
  address: z.string().trim().min(3).max(160),
  home: z.object({ lat: z.number().min(-90).max(90), lng: z.number().min(-180).max(180) }),
});

export const sessionUser = (u: UserRow): SessionUser => ({
  id: u.id,
  role: u.role,
  areaId: u.areaId,
  unitId: u.unitId,
});

export const me = (u: UserRow): Me => ({
  ...sessionUser(u),
  name: u.name,
  username: u.username,
  status: u.status,
  home: u.role === 'citizen' ? u.home : null,
  showName: u.showName,
});

/** Phone numbers compare by digits only: "+54 261 4…" and "+542614…" are the same phone. */
export const normalisePhone = (phone: string): string => phone.replace(/[^0-9+]/g, '');

export function authRoutes(s: Services): Hono<Env> {
  const app = new Hono<Env>();

  app.post('/login', async (c) => {
    const { username, password } = await body(c, loginSchema);
    const found = s.storage.users.credentials(username);
    const user = found?.user;
    // Verify even for unknown users so timing does not reveal which usernames exist.
    const ok = await verifyPassword(password, found?.passwordHash ?? DUMMY_HASH);
    if (!user || !ok) throw new ApiError(401, 'invalid_credentials', 'Wrong username or password.');
    if (user.status === 'pending')
      throw new ApiError(403, 'account_pending', 'The account waits for approval.');
    if (user.status !== 'active')
      throw new ApiError(403, 'account_suspended', 'This account is not active.');
    const token = createSession(s.storage, user.id, s.config.SESSION_DAYS);
    setCookie(c, SESSION_COOKIE, token, {
      httpOnly: true,
      sameSite: 'Lax',
      secure: s.config.SECURE_COOKIES,
      path: '/',
      maxAge: s.config.SESSION_DAYS * 86_400,
    });
    return c.json({ token, user: sessionUser(user) });
  });

  app.post('/logout', requireUser(s), (c) => {
    const tokenHash = c.get('tokenHash');
    s.storage.sessions.revoke(tokenHash);
    s.sync.closeSession(tokenHash);
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
    return c.json({ ok: true });
  });

  app.post('/register', async (c) => {
    const input = await body(c, registerSchema);
    const phone = normalisePhone(input.phone);
    if (s.storage.users.byUsername(input.username))
      throw new ApiError(409, 'conflict', 'That username is taken.', 'username');
    if (s.storage.users.byPhone(phone))
      throw new ApiError(409, 'conflict', 'That phone number is already registered.', 'phone');
    const id = randomUUID();
    s.storage.users.insert({
      id,
      username: input.username,
      passwordHash: await hashPassword(input.password),
      role: 'citizen',
      status: 'pending',
      name: input.name,
      phone,
      address: input.address,
      home: input.home,
      areaId: areaForPoint(input.home, s.city.areas),
      unitId: null,
      showName: true,
    });
    return c.json({ user: me(s.storage.users.byId(id)!) }, 201);
  });

  return app;
}

export function meRoute(s: Services): Hono<Env> {
  const app = new Hono<Env>();
  app.get('/', requireUser(s), (c) => c.json(me(c.get('user'))));
  return app;
}

// A valid scrypt string for a password nobody has: keeps login time constant.
const DUMMY_HASH =
  'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';
