import { auditQuery } from '../../console/routes.js';
import { historyQuery } from '../../console/history.js';
import { redispatchBody } from '../../console/redispatch.js';
import { STAFF } from '../context.js';
import type { RouteDoc } from './types.js';
import { ID, okAnswer } from './common.js';

const SILENT =
  "A silent alert's reporter is never in these answers unless `/identity` is asked, which is " +
  'audited.';

/** The operators' console besides its `ops` sync room: `/api/console`. */
export const consoleRoutes: readonly RouteDoc[] = [
  {
    method: 'get',
    path: '/api/console/stats',
    summary: "Today's response times (the city's day)",
    access: STAFF,
    ok: { status: 200, media: 'json', description: '`ConsoleStats` (shared/console.ts).' },
  },
  {
    method: 'get',
    path: '/api/console/alerts',
    summary: 'The alert history: any day range and words, a page at a time',
    description: `Days are the city's calendar days, \`from\` ≤ \`to\`. ${SILENT}`,
    access: STAFF,
    query: historyQuery,
    queryNotes: { area: 'an area id of the city', q: 'words: reporter, address, type, area' },
    ok: { status: 200, media: 'json', description: '`HistoryPage` (shared/history.ts).' },
  },
  {
    method: 'get',
    path: '/api/console/alerts/{id}/times',
    summary: "An alert's response times",
    access: STAFF,
    params: ID,
    ok: { status: 200, media: 'json', description: '`{times}`.' },
    errors: [404],
  },
  {
    method: 'post',
    path: '/api/console/alerts/{id}/opened',
    summary: "Open an alert's detail: the reporter and their recent alerts",
    description: `A silent alert's opening is audited and answers \`{audited: true}\` only. ${SILENT}`,
    access: STAFF,
    params: ID,
    ok: { status: 200, media: 'json', description: '`OpenedDetail` (shared/console.ts).' },
    errors: [404],
  },
  {
    method: 'post',
    path: '/api/console/alerts/{id}/identity',
    summary: 'Reveal who raised an alert (audited for a silent one)',
    access: STAFF,
    params: ID,
    ok: { status: 200, media: 'json', description: '`OpenedAlert` (shared/console.ts).' },
    errors: [404],
  },
  {
    method: 'post',
    path: '/api/console/alerts/{id}/release',
    summary: 'Let an alert held back by the per-resident threshold reach its area',
    access: STAFF,
    params: ID,
    ok: { status: 202, media: 'json', description: 'Released (audited).', schema: okAnswer },
    errors: [404, 409],
  },
  {
    method: 'post',
    path: '/api/console/alerts/{id}/redispatch',
    summary: 'Send a dispatched alert to another unit',
    description: 'Audited.',
    access: STAFF,
    params: ID,
    body: {
      media: 'json',
      schema: redispatchBody,
      description: 'A unit of the city.',
      anyType: true,
    },
    ok: { status: 202, media: 'json', description: 'Sent.', schema: okAnswer },
    errors: [404, 409],
  },
  {
    method: 'get',
    path: '/api/console/staff',
    summary: 'Operators, admins and officers, with their units',
    access: STAFF,
    ok: { status: 200, media: 'json', description: '`{staff: StaffMember[]}`.' },
  },
  {
    method: 'get',
    path: '/api/console/flagged',
    summary: 'Residents with repeated false alarms',
    access: STAFF,
    ok: { status: 200, media: 'json', description: '`{reporters: FlaggedReporterView[]}`.' },
  },
  {
    method: 'get',
    path: '/api/console/audit',
    summary: 'The audit log, newest first',
    access: ['admin'],
    query: auditQuery,
    queryNotes: { before: 'an entry id: the page before it', actor: 'a user id' },
    ok: { status: 200, media: 'json', description: '`{entries: AuditEntryView[]}`.' },
  },
];
