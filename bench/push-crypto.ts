/**
 * How many Web Push messages one core encrypts per second here: what the push sender
 * threads (server/push/sender-thread.mjs) do per message, minus the HTTPS request.
 *
 *   node --import tsx bench/push-crypto.ts [seconds]
 *
 * Prints encryptions per second for an area push's payload (RFC 8291, web-push
 * `generateRequestDetails` with the VAPID header signed once, as the sender does), and the
 * cost of signing a fresh VAPID token per message, for comparison.
 */
import { createECDH, randomBytes } from 'node:crypto';
import webpush from 'web-push';

const seconds = Number(process.argv[2] ?? 3);
const ecdh = createECDH('prime256v1');
ecdh.generateKeys();
const sub = {
  endpoint: 'https://push.example.org/p/1',
  keys: { p256dh: ecdh.getPublicKey().toString('base64url'), auth: randomBytes(16).toString('base64url') }, // prettier-ignore
};
const payload = JSON.stringify({
  title: '3 alertas en tu barrio — Villa Hipódromo',
  body: 'En la última hora. La más reciente: Alerta general, a las 21:04',
  tag: '6f1c2a52-3e0b-4c1e-9a57-0c7d0c1b2e11',
  renotify: true,
  url: '/#/alert/6f1c2a52-3e0b-4c1e-9a57-0c7d0c1b2e11',
  action: 'Ver',
});
const vapid = webpush.generateVAPIDKeys();

function rate(label: string, fn: () => void): number {
  for (let i = 0; i < 200; i++) fn(); // warm up
  let n = 0;
  const cpu0 = process.cpuUsage();
  const until = performance.now() + seconds * 1000;
  while (performance.now() < until) {
    fn();
    n++;
  }
  const cpu = process.cpuUsage(cpu0);
  const perS = n / ((cpu.user + cpu.system) / 1e6);
  console.log(`${label}: ${Math.round(perS)} per CPU-second (${(1000 / perS).toFixed(3)} ms each)`);
  return perS;
}

rate('encrypt (token reused)', () => {
  webpush.generateRequestDetails(sub, payload, { TTL: 3600, urgency: 'high', topic: 'abc' });
});
rate('encrypt + fresh VAPID token', () => {
  webpush.generateRequestDetails(sub, payload, {
    TTL: 3600,
    urgency: 'high',
    vapidDetails: { subject: 'mailto:a@b.c', ...vapid },
  });
});
