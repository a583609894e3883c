import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { CHECKPOINT_EVERY_MS } from './storage/sqlite/checkpointer.js';

/**
 * All configuration in one place: defaults, then environment variables, validated at
 * start-up. A bad value stops the server with a message that names the variable.
 */
const bool = z
  .enum(['0', '1', 'true', 'false', 'yes', 'no'])
  .transform((v) => v === '1' || v === 'true' || v === 'yes');

const schema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATA_DIR: z.string().min(1).default('./data'),
  DEMO: bool.default(false),
  /**
   * With DEMO: also seed what the observatory's evaluation stands on (plans and check-ins since
   * the programme, response stages, conversations, imports, requests). About 2–3 s on first
   * start; the integration tests that do not read it turn it off.
   */
  DEMO_EVALUATION: bool.default(true),
  CLIENT_DIR: z.string().min(1).default('./dist/client'),
  CITY_NAME: z.string().min(1).default('Godoy Cruz'),
  EMERGENCY_PHONE: z
    .string()
    .regex(/^[0-9+ ]{2,20}$/)
    .default('911'),
  MONITORING_PHONE: z
    .string()
    .regex(/^[0-9+ ]{2,20}$/)
    .default('+54 261 413 3000'),
  MONITORING_SMS: z
    .string()
    .regex(/^[0-9+ ]{2,20}$/)
    .default('+54 261 413 3001'),
  TILES_URL: z.string().default(''),
  TILES_ATTRIBUTION: z.string().default('© OpenStreetMap contributors'),
  SESSION_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  /** Secure cookies need HTTPS; on by default unless serving plain localhost. */
  SECURE_COOKIES: bool.optional(),
  /** Comma-separated origins a push subscription endpoint may point at (DESIGN §6). */
  PUSH_ENDPOINT_ALLOW: z
    .string()
    .default(
      'https://fcm.googleapis.com,https://updates.push.services.mozilla.com,https://web.push.apple.com,https://wns2-par02p.notify.windows.com',
    ),
  /** Threads that encrypt and send Web Push; default: one per core but the main one's. */
  PUSH_THREADS: z.coerce.number().int().min(1).max(64).optional(),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
  /** A dispatch no crew accepted within this many seconds warns the console (a tone, the
   * next nearest unit offered). */
  DISPATCH_ACCEPT_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
  /** Idle rooms are unloaded after this many milliseconds without connections. */
  ROOM_IDLE_MS: z.coerce.number().int().min(100).default(30_000),
  /** Sync sockets one user may hold open (a phone holds two rooms, a console one). */
  SYNC_SOCKETS_PER_USER: z.coerce.number().int().min(1).default(20),
  /** Sync sockets from one source address: high, many phones share one carrier address. */
  SYNC_SOCKETS_PER_ADDRESS: z.coerce.number().int().min(1).default(5000),
  /** WAL checkpoints on their own thread this often; 0: SQLite's own, inside commits. */
  SQLITE_CHECKPOINT_MS: z.coerce.number().int().min(0).default(CHECKPOINT_EVERY_MS),
  /** Where the group commit's fsync runs: `threadpool` (off the event loop, receipts after
   * it) or `inline` (synchronous=FULL inside COMMIT, on the event loop, as before). */
  SQLITE_COMMIT_SYNC: z.enum(['threadpool', 'inline']).default('threadpool'),
  // Abuse hardening: who the server trusts about the client, what it lets through, how fast.
  /** The address the app is served at (`https://sac.example.org`): its origin is the only one
   * allowed to send state-changing requests and open sockets, and `https` turns on HSTS.
   * Unset: the request's own host (fine for one machine, on loopback or without a proxy). */
  PUBLIC_URL: z.string().url().optional(),
  /** Comma-separated addresses of reverse proxies whose X-Forwarded-For/-Proto are believed;
   * empty: the socket's peer is the client, forwarded headers are ignored. */
  TRUSTED_PROXIES: z.string().default(''),
  /** Failed sign-ins an account (or a source address) gets before waiting, and the first
   * wait, doubled on every further failure up to the cap (seconds). */
  LOGIN_FREE_FAILURES: z.coerce.number().int().min(1).default(5),
  LOGIN_ADDRESS_FREE_FAILURES: z.coerce.number().int().min(1).default(30),
  LOGIN_LOCK_SECONDS: z.coerce.number().int().min(1).default(30),
  LOGIN_LOCK_MAX_SECONDS: z.coerce.number().int().min(1).default(900),
  /** Registrations one source address may attempt per hour. */
  REGISTER_PER_ADDRESS_PER_HOUR: z.coerce.number().int().min(1).default(20),
  /** Requests one Open311 API key may file per minute: one client cannot flood the queue. */
  OPEN311_POSTS_PER_MINUTE: z.coerce.number().int().min(1).default(30),
  /** `GET /metrics` answers only `Authorization: Bearer <METRICS_TOKEN>`; unset: off (404). */
  METRICS_TOKEN: z.string().min(16).optional(),
});

export type Config = Omit<z.output<typeof schema>, 'SECURE_COOKIES' | 'PUSH_THREADS'> & {
  SECURE_COOKIES: boolean;
  PUSH_THREADS: number;
  dataDir: string;
  clientDir: string;
};

export class ConfigError extends Error {}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const picked: Record<string, string> = {};
  for (const key of Object.keys(schema.shape)) {
    const value = env[key];
    if (value !== undefined && value !== '') picked[key] = value;
  }
  const parsed = schema.safeParse(picked);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const c = parsed.data;
  const local = c.HOST === '127.0.0.1' || c.HOST === 'localhost' || c.HOST === '::1';
  return {
    ...c,
    SECURE_COOKIES: c.SECURE_COOKIES ?? !local,
    PUSH_THREADS: c.PUSH_THREADS ?? Math.max(1, os.availableParallelism() - 1),
    dataDir: path.resolve(c.DATA_DIR),
    clientDir: path.resolve(c.CLIENT_DIR),
  };
}

/** What is safe to print: never a secret (METRICS_TOKEN shows only whether it is set). */
export function describeConfig(c: Config): string {
  const metrics = c.METRICS_TOKEN ? 'token' : 'off';
  return `port=${c.PORT} host=${c.HOST} data=${c.dataDir} demo=${c.DEMO ? 'on' : 'off'} metrics=${metrics}`;
}
