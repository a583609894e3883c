import { z } from 'zod';
import { statusQuery } from '../../users/routes.js';
import { releaseSchema } from '../../users/locks.js';
import { residentsQuery } from '../../users/residents.js';
import { newStaff, roleQuery } from '../../users/staff-accounts.js';
import { STAFF } from '../context.js';
import type { RouteDoc } from './types.js';
import { ID, okAnswer } from './common.js';

const USER = { status: 200, media: 'json', description: '`{user}` as operators see it.' } as const;

/** Decisions on an account; a staff account's only by an admin (403 otherwise). */
const decisions = (
  [
    ['approve', 'Approve a pending registration (the resident is told)', 'pending'],
    ['reject', 'Reject a pending registration', 'pending'],
    ['suspend', 'Suspend an active account (its sockets close at once)', 'active'],
    ['reinstate', 'Reinstate a suspended account', 'suspended'],
  ] as const
).map(([verb, summary, from]): RouteDoc => ({
  method: 'post',
  path: `/api/users/{id}/${verb}`,
  summary,
  description: `The account must be \`${from}\` (409 otherwise). Audited.`,
  access: STAFF,
  params: ID,
  ok: USER,
  errors: [404, 409],
}));

const homeDecisions = (['approve', 'reject'] as const).map((verb): RouteDoc => ({
  method: 'post',
  path: `/api/users/{id}/home-change/${verb}`,
  summary: `${verb === 'approve' ? 'Approve' : 'Reject'} a resident's waiting change of home`,
  description: 'Audited; the resident is told.',
  access: STAFF,
  params: ID,
  ok: { status: 200, media: 'json', description: 'Done.', schema: okAnswer },
  errors: [404],
}));

/** Accounts, for operators and admins: `/api/users`. */
export const userRoutes: readonly RouteDoc[] = [
  {
    method: 'get',
    path: '/api/users',
    summary: 'Accounts, with other accounts on the same phone for a pending one',
    access: STAFF,
    query: z.object({ status: statusQuery }),
    ok: { status: 200, media: 'json', description: '`{users}`.' },
  },
  {
    method: 'get',
    path: '/api/users/locks',
    summary: 'Accounts and addresses the sign-in throttle makes wait',
    access: STAFF,
    ok: { status: 200, media: 'json', description: '`{locks: LockedView[]}`.' },
  },
  {
    method: 'post',
    path: '/api/users/locks/release',
    summary: 'Let a locked account or address try again now',
    description: "Audited; a staff account's lock only by an admin.",
    access: STAFF,
    body: { media: 'json', schema: releaseSchema },
    ok: { status: 200, media: 'json', description: 'Done.', schema: okAnswer },
    errors: [404],
  },
  {
    method: 'get',
    path: '/api/users/residents',
    summary: 'Residents, searched by name, username, address or phone, a page at a time',
    access: STAFF,
    query: residentsQuery,
    queryNotes: { area: 'an area id of the city' },
    ok: { status: 200, media: 'json', description: '`ResidentPage` (shared/history.ts).' },
  },
  {
    method: 'get',
    path: '/api/users/home-changes',
    summary: "Residents' waiting changes of home, each with the home in force",
    access: STAFF,
    ok: { status: 200, media: 'json', description: '`{changes}`.' },
  },
  ...homeDecisions,
  {
    method: 'get',
    path: '/api/users/by-username/{username}',
    summary: 'Find an account by username (an operator on the phone)',
    access: STAFF,
    params: { username: 'the username the caller gives' },
    ok: { status: 200, media: 'json', description: '`{user}` with the registered phone.' },
    errors: [404],
  },
  {
    method: 'post',
    path: '/api/users/{id}/reset-code',
    summary: 'A one-time code to read out to a resident who forgot their password',
    description: 'Good for 30 minutes; replaces any earlier code. Staff accounts: admins only.',
    access: STAFF,
    params: ID,
    ok: { status: 200, media: 'json', description: '`{code: "1234 5678", expiresAt}`.' },
    errors: [404, 409],
  },
  {
    method: 'get',
    path: '/api/users/staff',
    summary: 'Staff accounts of one role',
    access: ['admin'],
    query: z.object({ role: roleQuery }),
    ok: { status: 200, media: 'json', description: '`{staff}`.' },
  },
  {
    method: 'post',
    path: '/api/users/staff',
    summary: 'Create an analyst or operator account (active at once, audited)',
    access: ['admin'],
    body: { media: 'json', schema: newStaff },
    ok: { status: 201, media: 'json', description: '`{user}`.' },
    errors: [409],
  },
  ...decisions,
];
