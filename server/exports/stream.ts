/** About this much text per chunk: big enough to keep the socket busy, small enough to hold. */
export const CHUNK_CHARS = 64 * 1024;

export interface StreamSource<R> {
  rows: Iterator<R>;
  head: string;
  piece(r: R): string;
  tail: string;
  /** Called once, however the stream ends: finished, cancelled, failed or out of time. */
  done(end: { rows: number; complete: boolean; error?: unknown }): void;
  /** the longest an export may take before it is cut off (it holds a read snapshot) */
  maxMs: number;
}

/**
 * A file as a pull stream: a chunk is read from the database only when the one before it has
 * been taken (the queue holds one), so a slow download reads slowly and a year of rows is never
 * in memory at once. The HTTP server writes each chunk and waits for the socket's `drain`
 * before asking for the next (@hono/node-server); a closed connection cancels the stream,
 * which ends the read.
 */
export function exportStream<R>(src: StreamSource<R>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let rows = 0;
  let ended = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const end = (complete: boolean, error?: unknown) => {
    if (ended) return;
    ended = true;
    clearTimeout(timer);
    src.done({ rows, complete, ...(error === undefined ? {} : { error }) });
  };
  let started = false;
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        timer = setTimeout(() => {
          const error = new Error(`export not taken within ${src.maxMs} ms`);
          end(false, error);
          controller.error(error);
        }, src.maxMs);
        timer.unref?.();
      },
      pull(controller) {
        if (ended) return;
        try {
          let text = started ? '' : src.head;
          started = true;
          while (text.length < CHUNK_CHARS) {
            const next = src.rows.next();
            if (next.done) {
              controller.enqueue(encoder.encode(text + src.tail));
              controller.close();
              end(true);
              return;
            }
            rows++;
            text += src.piece(next.value);
          }
          controller.enqueue(encoder.encode(text));
        } catch (error) {
          end(false, error);
          controller.error(error);
        }
      },
      cancel() {
        end(false);
      },
    },
    { highWaterMark: 1 },
  );
}
