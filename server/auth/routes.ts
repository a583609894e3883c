import { Hono } from 'hono';
import { setCookie, deleteCookie } from 'hono/cookie';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { areaForPoint } from '../../shared/geo.js';
import type { Me, SessionUser } from '../../shared/types.js';
import type { UserRow } from '../storage/storage.js';
import type { Services } from '../services.js';
import { hasInvisible, normaliseText } from '../../shared/text.js';
import { ApiError, body } from '../http/errors.js';
import { requireUser, type Env } from '../http/context.js';
import { peerOfContext, trustedProxies } from '../http/client-address.js';
import { hashPassword, verifyPassword } from './passwords.js';
import { SESSION_COOKIE, createSession } from './sessions.js';
import { passwordProblem } from './password-policy.js';
import type { LoginThrottle, RegistrationThrottle } from './throttle.js';
import { resetRoute } from './reset.js';

export const loginSchema = z.object({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(256),
});

/** Typed text shown to people: normalised, and refused if it hides invisible characters. */
export const visibleText = (min: number, max: number) =>
  z
    .string()
    .transform(normaliseText)
    .pipe(
      z
        .string()
        .min(min)
        .max(max)
        .refine((v) => !hasInvisible(v), 'invisible or control characters'),
    )
    // The API description reads the input side, where the transform hides the lengths.
    .meta({ minLength: min, maxLength: max });

/** A phone as people type it; stored by its digits (normalisePhone). */
export const phoneSchema = z
  .string()
  .trim()
  .regex(/^\+?[0-9 ()-]{6,24}$/, 'a phone number');

export const registerSchema = z.object({
  username: z
    .string()
    .trim()
    .regex(/^[a-zA-Z0-9._-]{3,32}$/, 'use 3–32 letters, digits, dots, dashes'),
  password: z.string().max(256),
  name: visibleText(2, 80).refine((v) => /\p{L}/u.test(v), 'a name has letters'),
  phone: phoneSchema,
  address: visibleText(3, 160),
  home: z.object({ lat: z.number().min(-90).max(90), lng: z.number().min(-180).max(180) }),
});

export const sessionUser = (u: UserRow): SessionUser => ({
  id: u.id,
  role: u.role,
  areaId: u.areaId,
  unitId: u.unitId,
});

export const me = (u: UserRow, extra?: Pick<Me, 'pendingHome' | 'approvedNotice'>): Me => ({
  ...sessionUser(u),
  name: u.name,
  username: u.username,
  status: u.status,
  home: u.role === 'citizen' ? u.home : null,
  showName: u.showName,
  phone: u.role === 'citizen' ? u.phone : null,
  address: u.role === 'citizen' ? u.address : null,
  pendingHome: extra?.pendingHome ?? null,
  approvedNotice: extra?.approvedNotice ?? false,
});

/** `me()` with what only the resident themself is shown: a waiting home, the approval notice. */
export const meFull = (s: Services, u: UserRow): Me => {
  if (u.role !== 'citizen') return me(u);
  const change = s.storage.residents.homeChange(u.id);
  return me(u, {
    pendingHome: change
      ? {
          address: change.address,
          home: change.home,
          areaId: change.areaId,
          requestedAt: change.requestedAt,
        }
      : null,
    approvedNotice: s.storage.residents.approvedNotice(u.id),
  });
};

/** Phone numbers compare by digits only: "+54 261 4…" and "+542614…" are the same phone. */
export const normalisePhone = (phone: string): string => phone.replace(/[^0-9+]/g, '');

export interface AuthThrottles {
  login: LoginThrottle;
  register: RegistrationThrottle;
}

/** 429 with `Retry-After` (whole seconds, rounded up): the screens say how long to wait. */
function tooMany(retryAfterMs: number, message: string): ApiError {
  const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  return new ApiError(429, 'too_many_attempts', `${message} Wait ${seconds} s.`, undefined, {
    'Retry-After': String(seconds),
  });
}

export function authRoutes(s: Services, throttles: AuthThrottles): Hono<Env> {
  const app = new Hono<Env>();
  const trusted = trustedProxies(s.config);

  app.post('/login', async (c) => {
    const { username, password } = await body(c, loginSchema);
    const attempt = await throttles.login.attempt(username, peerOfContext(trusted, c).address);
    if (!attempt.ok) throw tooMany(attempt.retryAfterMs, 'Too many failed sign-ins.');
    const found = s.storage.users.credentials(username);
    const user = found?.user;
    // Verify even for unknown users so timing does not reveal which usernames exist.
    const ok = await verifyPassword(password, found?.passwordHash ?? DUMMY_HASH);
    const verdict = await attempt.done(Boolean(user) && ok);
    if (!verdict.ok) throw tooMany(verdict.retryAfterMs, 'Too many failed sign-ins.');
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

  /**
   * A new resident, pending until an operator approves. The answer never says whether the
   * phone is already registered: that would tell anyone whether a person (maybe someone
   * being looked for) uses SAC, and let one block her registration by taking her number
   * first. A second account with the same phone is stored like any other and shown to the
   * approving operator as a duplicate (server/users/routes.ts). A taken username is still
   * refused: a handle someone chose says nothing about a person, and guessing at accounts
   * through it is throttled here and at sign-in.
   */
  app.post('/register', async (c) => {
    const verdict = await throttles.register.attempt(peerOfContext(trusted, c).address);
    if (!verdict.ok) throw tooMany(verdict.retryAfterMs, 'Too many registrations from here.');
    const input = await body(c, registerSchema);
    const problem = passwordProblem(input.password, input.username);
    if (problem) throw new ApiError(400, 'weak_password', `password: ${problem}`, 'password');
    const areaId = areaForPoint(input.home, s.city.areas);
    if (!areaId) throw new ApiError(400, 'outside_city', 'The home is outside the city.', 'home');
    // Hashed first, so the check and the insert run in one turn: two registrations of
    // one username at once get a 409, not a constraint error.
    const passwordHash = await hashPassword(input.password);
    if (s.storage.users.byUsername(input.username))
      throw new ApiError(409, 'conflict', 'That username is taken.', 'username');
    const id = randomUUID();
    s.storage.users.insert({
      id,
      username: input.username,
      passwordHash,
      role: 'citizen',
      status: 'pending',
      name: input.name,
      phone: normalisePhone(input.phone),
      address: input.address,
      home: input.home,
      areaId,
      unitId: null,
      showName: true,
    });
    return c.json({ user: me(s.storage.users.byId(id)!) }, 201);
  });

  resetRoute(app, s, throttles.login, (ms) => tooMany(ms, 'Too many failed attempts.'));
  return app;
}

export function meRoute(s: Services): Hono<Env> {
  const app = new Hono<Env>();
  app.get('/', requireUser(s), (c) => c.json(meFull(s, c.get('user'))));
  return app;
}

// A valid scrypt string for a password nobody has: keeps login time constant.
const DUMMY_HASH =
  'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';
