/** A tiny levelled logger. Never log secrets, tokens, passwords or silent-alert details. */
type Level = 'debug' | 'info' | 'warn' | 'error' | 'silent';
const RANK: Record<Level, number> = { debug: 0, info: 1, warn: 2, error: 3, silent: 4 };

export interface Logger {
  debug(msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
}

export function createLogger(level: Level): Logger {
  const emit =
    (at: Exclude<Level, 'silent'>) =>
    (msg: string, fields?: Record<string, unknown>): void => {
      if (RANK[at] < RANK[level]) return;
      const line = fields ? `${msg} ${JSON.stringify(fields)}` : msg;
      (at === 'error' || at === 'warn' ? console.error : console.log)(`[${at}] ${line}`);
    };
  return { debug: emit('debug'), info: emit('info'), warn: emit('warn'), error: emit('error') };
}

const RECORD_ID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

/**
 * A policy reason (`alerts/<uuid>/receivedAt: not writable by citizen`) without its record ids.
 * Logged beside the writer's user id, the id of a silent alert would tie her to it for anyone
 * who reads the logs (DESIGN §2: a silent alert never reaches a log line); the path and the
 * rule are what a refusal needs to be understood.
 */
export function withoutRecordIds(reason: string): string {
  return reason.replace(RECORD_ID, '<id>');
}
