import { loginSchema, registerSchema } from '../../auth/routes.js';
import { resetSchema } from '../../auth/reset.js';
import { profileSchema } from '../../profile/routes.js';
import { homeSchema } from '../../profile/home.js';
import type { RouteDoc } from './types.js';
import { okAnswer } from './common.js';
import { loginAnswer, meAnswer } from './answers.js';

const ME = 'The signed-in account (`Me`, shared/types.ts).';

/** Signing in and out, registering, and a person's own account: `/api/auth`, `/api/me`. */
export const accountRoutes: readonly RouteDoc[] = [
  {
    method: 'get',
    path: '/api/city',
    summary: "The city's set-up: areas, sirens, units, catalogue",
    access: 'public',
    ok: { status: 200, media: 'json', description: 'The city (`CityInfo`).' },
  },
  {
    method: 'get',
    path: '/api/openapi.json',
    summary: 'This document',
    access: 'public',
    ok: { status: 200, media: 'json', description: 'OpenAPI 3.1.' },
  },
  {
    method: 'post',
    path: '/api/auth/login',
    summary: 'Sign in',
    description:
      'Answers `{token, user}` and sets the session cookie. Failed attempts are throttled per ' +
      'account and per address (429 with `Retry-After`).',
    access: 'public',
    body: { media: 'json', schema: loginSchema },
    ok: { status: 200, media: 'json', description: 'The session.', schema: loginAnswer },
    errors: [401, 403, 429],
  },
  {
    method: 'post',
    path: '/api/auth/logout',
    summary: 'Sign out: ends this session',
    access: 'signed-in',
    ok: { status: 200, media: 'json', description: 'Done.', schema: okAnswer },
  },
  {
    method: 'post',
    path: '/api/auth/register',
    summary: 'Register as a resident (pending until an operator approves)',
    description:
      'The home must lie inside the city (400 `outside_city`); a weak password is 400 ' +
      '`weak_password`; a taken username 409. Throttled per address.',
    access: 'public',
    body: { media: 'json', schema: registerSchema },
    ok: { status: 201, media: 'json', description: '`{user: Me}`, status `pending`.' },
    errors: [409, 429],
  },
  {
    method: 'post',
    path: '/api/auth/reset',
    summary: 'Set a new password with the code an operator read out',
    description:
      'A wrong, expired or used code and an unknown username get the same 401. Ends every ' +
      'session of the account. Throttled like sign-in.',
    access: 'public',
    body: { media: 'json', schema: resetSchema },
    ok: { status: 200, media: 'json', description: 'Done.', schema: okAnswer },
    errors: [401, 429],
  },
  {
    method: 'get',
    path: '/api/me',
    summary: 'The signed-in account',
    access: 'signed-in',
    ok: { status: 200, media: 'json', description: ME, schema: meAnswer },
  },
  {
    method: 'patch',
    path: '/api/me',
    summary: "A resident's settings: call-back phone, name shown to neighbours",
    access: ['citizen'],
    body: { media: 'json', schema: profileSchema, description: 'At least one of the two.' },
    ok: { status: 200, media: 'json', description: ME, schema: meAnswer },
  },
  {
    method: 'post',
    path: '/api/me/home',
    summary: 'Ask to move home (an operator approves)',
    access: ['citizen'],
    body: { media: 'json', schema: homeSchema },
    ok: {
      status: 200,
      media: 'json',
      description: `${ME} with \`pendingHome\`.`,
      schema: meAnswer,
    },
  },
  {
    method: 'delete',
    path: '/api/me/home',
    summary: 'Withdraw a waiting change of home',
    access: ['citizen'],
    ok: { status: 200, media: 'json', description: ME, schema: meAnswer },
  },
  {
    method: 'delete',
    path: '/api/me/approved-notice',
    summary: '"Your account was approved" was seen',
    access: ['citizen'],
    ok: { status: 200, media: 'json', description: ME, schema: meAnswer },
  },
];
