import { createHash, timingSafeEqual } from 'node:crypto';
import { Hono } from 'hono';
import type { Services } from '../services.js';
import { ApiError } from './errors.js';

const digest = (text: string) => createHash('sha256').update(text).digest();

/**
 * Whether `authorization` carries `Bearer <token>`. Both sides are hashed first so the
 * comparison takes the same time whatever the length or the first wrong byte.
 */
export function bearerMatches(authorization: string | undefined, token: string): boolean {
  const given = authorization?.startsWith('Bearer ') ? authorization.slice(7).trim() : '';
  return timingSafeEqual(digest(given), digest(token)) && given.length > 0;
}

/**
 * `/healthz` and `/metrics` (Prometheus text format). Nothing personal in either, but the
 * metrics tell an outsider how busy the centre is (connections, alerts): they are served
 * only to a scraper holding METRICS_TOKEN, and not at all without one.
 */
export function opsRoutes(s: Services): Hono {
  const app = new Hono();
  app.get('/healthz', (c) => c.json({ ok: true }));
  app.get('/metrics', (c) => {
    const token = s.config.METRICS_TOKEN;
    if (!token) throw new ApiError(404, 'not_found', 'No such endpoint.');
    if (!bearerMatches(c.req.header('authorization'), token)) {
      c.header('WWW-Authenticate', 'Bearer realm="metrics"');
      throw new ApiError(401, 'unauthenticated', 'The metrics need their token.');
    }
    const mem = process.memoryUsage();
    const lines = [
      '# HELP sac_connections Open sync sockets.',
      '# TYPE sac_connections gauge',
      `sac_connections ${s.sync.connections}`,
      '# HELP sac_rooms_loaded Rooms held in memory.',
      '# TYPE sac_rooms_loaded gauge',
      `sac_rooms_loaded ${s.sync.rooms.size}`,
      '# HELP sac_updates_refused_total Updates refused by the write policy.',
      '# TYPE sac_updates_refused_total counter',
      `sac_updates_refused_total ${s.sync.refused}`,
      '# HELP sac_commits_total Durable group commits.',
      '# TYPE sac_commits_total counter',
      `sac_commits_total ${s.sync.committer.commits}`,
      '# HELP sac_last_commit_ms Duration of the last group commit.',
      '# TYPE sac_last_commit_ms gauge',
      `sac_last_commit_ms ${s.sync.committer.lastCommitMs.toFixed(3)}`,
      '# HELP sac_alerts_total Alerts in the system of record.',
      '# TYPE sac_alerts_total gauge',
      `sac_alerts_total ${s.storage.alerts.count()}`,
      ...counters('sac_push', 'Web Push deliveries by outcome.', s.push.worker.stats),
      ...counters('sac_siren_commands', 'Siren commands by outcome.', s.push.sirens.stats),
      '# HELP process_resident_memory_bytes Resident memory.',
      '# TYPE process_resident_memory_bytes gauge',
      `process_resident_memory_bytes ${mem.rss}`,
    ];
    return c.text(lines.join('\n') + '\n', 200, { 'content-type': 'text/plain; version=0.0.4' });
  });
  return app;
}

/** One Prometheus counter family with an `outcome` label per field of `stats`. */
function counters(name: string, help: string, stats: Record<string, number>): string[] {
  return [
    `# HELP ${name}_total ${help}`,
    `# TYPE ${name}_total counter`,
    ...Object.entries(stats).map(([outcome, n]) => `${name}_total{outcome="${outcome}"} ${n}`),
  ];
}
