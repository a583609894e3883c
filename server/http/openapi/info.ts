/**
 * The document's introduction: how to sign in, the one error shape, and the interfaces that
 * live outside `/api` with their own standards (described there, not here).
 */
export const INFO_DESCRIPTION = `The REST API of SAC, the community alert system. Everything live (alerts, requests, units' \
records) travels over Yjs sync rooms; these routes are for sign-in, accounts, the operators' \
console, the observatory and files.

**Sign-in.** \`POST /api/auth/login\` answers a \`token\` and sets the \`sac_session\` cookie \
(HttpOnly). Send either the cookie or \`Authorization: Bearer <token>\`. Each operation says which \
roles may call it (\`x-roles\`); an account that is not active gets 403 \`account_suspended\`.

**Browsers.** A state-changing request whose \`Origin\` is another site is refused (403 \
\`cross_site\`); JSON bodies must be sent as \`application/json\`; bodies are capped at 512 KiB \
unless a route says otherwise. Answers carry \`Cache-Control: no-store\` unless a route says \
otherwise.

**Errors.** Every error is \`{"error":{"code","message","field?"}}\` (schema \`ApiError\`); \
\`field\` names the input the error is about. A 429 carries \`Retry-After\`.

**Outside this document** (their own standards and formats):
- [Open311 GeoReport v2](/open311/v2/services.json): request categories and neighbour requests \
for 311 tools (JSON and XML, API keys for filing).
- [CAP 1.2](/cap/alerts.atom): public alerts as OASIS CAP messages, with an Atom index to \
poll (API key with the \`cap\` scope).
- [\`/metrics\`](/metrics): Prometheus exposition, for a scraper holding its token.
- [\`/healthz\`](/healthz): liveness.
- \`/sync/<room>\` (WebSocket): the Yjs sync rooms; \`POST /api/sync/{room}\` is its offline \
fallback.
- \`/devices/ws\` (WebSocket): the siren central units.`;

/** The document's groups, by the first segment after `/api`, in reading order. */
export const TAGS: readonly { name: string; description: string }[] = [
  { name: 'city', description: "The city's set-up, as every screen reads it." },
  { name: 'auth', description: 'Sign-in, sign-out, registration, a password reset.' },
  { name: 'me', description: "A person's own account." },
  { name: 'users', description: 'Accounts, for operators and admins.' },
  { name: 'console', description: "The operators' console besides its sync room." },
  { name: 'units', description: 'Police units: plans, logs, hot spots for a shift.' },
  { name: 'sirens', description: 'Siren commands.' },
  { name: 'push', description: 'Web Push subscriptions.' },
  { name: 'sync', description: "The sync rooms' offline fallback." },
  { name: 'requests', description: "Neighbour requests' photos." },
  { name: 'observatory', description: 'Analyses, evaluations, imports and reports.' },
  { name: 'exports', description: 'Staff exports of the records, as CSV and GeoJSON.' },
  { name: 'integrations', description: "Other systems' API keys, for admins." },
  { name: 'openapi', description: 'This document.' },
];
