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
