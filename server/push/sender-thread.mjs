/**
 * One push-sender thread (server/push/sender-pool.ts): RFC 8291 encryption (web-push) and the
 * RFC 8030 request, off the main event loop that serves the sync sockets.
 *
 * Plain JavaScript on purpose: the server runs from TypeScript through tsx, and a worker
 * thread would need the loader registered again (vitest does not use tsx at all); this file
 * imports only node and web-push, so it starts the same way everywhere.
 *
 * The VAPID private key never comes here: the main thread signs the token (once per push
 * service origin and half-day) and sends the ready `Authorization` header with each job.
 * Nothing here logs: a job holds subscription keys and the token.
 */
import fs from 'node:fs';
import https from 'node:https';
import os from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import webpush from 'web-push';

// Below the main thread: on two cores, the encryption of a burst's pushes must not hold
// back the operators' screens or the sirens. Linux keeps a nice value per thread, so this
// thread lowers only itself (its id from /proc/thread-self); elsewhere it stays as it is.
try {
  const tid = Number(fs.readlinkSync('/proc/thread-self').split('/').pop());
  if (tid > 0 && tid !== process.pid)
    os.setPriority(tid, os.constants.priority.PRIORITY_BELOW_NORMAL);
} catch {
  // not Linux, or not allowed: the thread keeps the process's priority
}

const { ca, timeoutMs } = /** @type {{ ca: string | null, timeoutMs: number }} */ (workerData);
// Keep-alive: one TLS handshake per push service and socket, not per message.
const agent = new https.Agent({ keepAlive: true, maxSockets: 64, ...(ca ? { ca } : {}) });

parentPort.on('message', (job) => {
  if (job === 'close') {
    agent.destroy();
    parentPort.close();
    return;
  }
  send(job).then((reply) => parentPort.postMessage({ id: job.id, ...reply }));
});

/** @returns {Promise<{ status: number, retryAfter?: string } | { error: 'keys' | 'network' }>} */
function send(job) {
  let details;
  try {
    details = webpush.generateRequestDetails(
      { endpoint: job.endpoint, keys: { p256dh: job.p256dh, auth: job.auth } },
      job.payload,
      { TTL: job.ttl, urgency: job.urgency, ...(job.topic ? { topic: job.topic } : {}) },
    );
  } catch {
    // Keys the encryption cannot use: no retry will fix them.
    return Promise.resolve({ error: 'keys' });
  }
  details.headers.Authorization = job.authorization;
  return new Promise((resolve) => {
    const req = https.request(job.endpoint, {
      method: 'POST',
      headers: details.headers,
      agent,
      timeout: timeoutMs,
    });
    req.on('response', (res) => {
      res.resume(); // the body is of no use; drain it so the socket is reused
      const retryAfter = res.headers['retry-after'];
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, ...(retryAfter ? { retryAfter } : {}) }),
      );
      res.on('error', () => resolve({ error: 'network' }));
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', () => resolve({ error: 'network' }));
    req.end(details.body ?? undefined);
  });
}
