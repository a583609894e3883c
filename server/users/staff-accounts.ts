import { randomUUID } from 'node:crypto';
import type { Hono } from 'hono';
import { z } from 'zod';
import { visibleText } from '../auth/routes.js';
import { hashPassword } from '../auth/passwords.js';
import { passwordProblem } from '../auth/password-policy.js';
import { body, ApiError } from '../http/errors.js';
import { requireUser, type Env } from '../http/context.js';
import type { Services } from '../services.js';

/**
 * Staff accounts an admin creates from the console: analysts (the observatory's readers)
 * and operators. Officers need a unit and stay with the city's set-up. Active at once (an
 * admin is the approval), with the same password rules as everyone's, audited.
 */
const ROLES = ['analyst', 'operator'] as const;

export const newStaff = z
  .object({
    username: z
      .string()
      .trim()
      .regex(/^[a-zA-Z0-9._-]{3,32}$/, 'use 3–32 letters, digits, dots, dashes'),
    password: z.string().max(256),
    name: visibleText(2, 80).refine((v) => /\p{L}/u.test(v), 'a name has letters'),
    role: z.enum(ROLES),
  })
  .strict();

export const roleQuery = z.enum(ROLES);

/** Mounted on `/api/users` (staff); both routes are for admins only. */
export function staffAccountRoutes(app: Hono<Env>, s: Services): void {
  const admin = requireUser(s, ['admin']);

  /** `GET /api/users/staff?role=analyst`: the accounts of one role, newest last. */
  app.get('/staff', admin, (c) => {
    const role = roleQuery.safeParse(c.req.query('role'));
    if (!role.success) throw new ApiError(400, 'bad_request', 'role: analyst or operator', 'role');
    const staff = s.storage.users.list({ role: role.data }).map((u) => ({
      id: u.id,
      username: u.username,
      name: u.name,
      role: u.role,
      status: u.status,
      createdAt: u.createdAt,
    }));
    return c.json({ staff });
  });

  /** `POST /api/users/staff {username, password, name, role}` → 201 with the account. */
  app.post('/staff', admin, async (c) => {
    const input = await body(c, newStaff);
    const problem = passwordProblem(input.password, input.username);
    if (problem) throw new ApiError(400, 'weak_password', `password: ${problem}`, 'password');
    const passwordHash = await hashPassword(input.password);
    if (s.storage.users.byUsername(input.username))
      throw new ApiError(409, 'conflict', 'That username is taken.', 'username');
    const id = randomUUID();
    const actor = c.get('user');
    s.storage.transaction(() => {
      s.storage.users.insert({
        id,
        username: input.username,
        passwordHash,
        role: input.role,
        status: 'active',
        name: input.name,
        phone: null,
        address: null,
        home: null,
        areaId: null,
        unitId: null,
        showName: true,
      });
      s.storage.audit.add({
        at: new Date().toISOString(),
        actorId: actor.id,
        action: 'user.created',
        subject: id,
        detail: input.role,
      });
    });
    const u = s.storage.users.byId(id)!;
    return c.json(
      {
        user: {
          id: u.id,
          username: u.username,
          name: u.name,
          role: u.role,
          status: u.status,
          createdAt: u.createdAt,
        },
      },
      201,
    );
  });
}
