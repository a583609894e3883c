import crypto from 'node:crypto';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import https from 'node:https';
import type { IncomingMessage } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';

/**
 * A local push service for tests (RFC 8030), over HTTPS with a throw-away certificate. It
 * checks what a real one checks — the VAPID token (RFC 8292) — and decrypts each message
 * (RFC 8291) with the subscription's private key, so a test sees exactly what a browser
 * would show, and nothing in between is trusted.
 */
export interface SinkMessage {
  /** the subscription's name in the test */
  name: string;
  payload: unknown;
  ttl: number;
  urgency: string | null;
  /** RFC 8030 Topic header, if any */
  topic: string | null;
  /** the VAPID JWT, to see that tokens are reused */
  token: string;
  at: number;
}

export interface SinkSubscription {
  endpoint: string;
  keys: { p256dh: string; auth: string };
}

interface Client {
  name: string;
  ecdh: crypto.ECDH;
  auth: Buffer;
  /** statuses to answer with, in order; 201 once empty */
  answers: number[];
}

export function makeTestCertificate(): { key: string; cert: string; certFile: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sac-push-cert-'));
  const keyFile = path.join(dir, 'key.pem');
  const certFile = path.join(dir, 'cert.pem');
  execFileSync('openssl', [
    'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes',
    '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1', '-days', '2',
    '-keyout', keyFile, '-out', certFile,
  ], { stdio: 'ignore' }); // prettier-ignore
  return {
    key: fs.readFileSync(keyFile, 'utf8'),
    cert: fs.readFileSync(certFile, 'utf8'),
    certFile,
  };
}

export class PushSink {
  readonly messages: SinkMessage[] = [];
  /** requests refused because their VAPID token or body did not verify */
  readonly rejected: string[] = [];
  private readonly clients = new Map<string, Client>();
  private server!: https.Server;
  origin = '';
  /** Answer each message this much later (a slow push service); it is recorded at once. */
  slowMs = 0;
  readonly certFile: string;
  /** This sink's certificate, for the server's sender threads to trust. */
  readonly ca: string;
  private readonly tls: { key: string; cert: string };

  constructor(private readonly vapidPublicKey: () => string | null = () => null) {
    const { key, cert, certFile } = makeTestCertificate();
    this.tls = { key, cert };
    this.ca = cert;
    this.certFile = certFile;
  }

  async start(port = 0): Promise<this> {
    this.server = https.createServer(this.tls, (req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const status = this.receive(req, Buffer.concat(chunks));
        if (this.slowMs) setTimeout(() => res.writeHead(status).end(), this.slowMs);
        else res.writeHead(status).end();
      });
    });
    await new Promise<void>((r) => this.server.listen(port, '127.0.0.1', r));
    this.origin = `https://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  /** A browser's subscription on this push service, as `PushSubscription.toJSON()` gives it. */
  subscribe(name: string, answers: number[] = []): SinkSubscription {
    const ecdh = crypto.createECDH('prime256v1');
    ecdh.generateKeys();
    const auth = crypto.randomBytes(16);
    const id = crypto.randomBytes(12).toString('hex');
    this.clients.set(id, { name, ecdh, auth, answers: [...answers] });
    return {
      endpoint: `${this.origin}/push/${id}`,
      keys: {
        p256dh: ecdh.getPublicKey().toString('base64url'),
        auth: auth.toString('base64url'),
      },
    };
  }

  /** Makes a subscription answer with these statuses next (410: gone, 429: slow down). */
  answer(name: string, ...statuses: number[]): void {
    for (const c of this.clients.values()) if (c.name === name) c.answers.push(...statuses);
  }

  for(name: string): SinkMessage[] {
    return this.messages.filter((m) => m.name === name);
  }

  private receive(req: IncomingMessage, body: Buffer): number {
    const id = /^\/push\/([0-9a-f]{24})$/.exec(req.url ?? '')?.[1];
    const client = id && this.clients.get(id);
    if (!client) return 404;
    const token = verifyVapid(req.headers.authorization, this.origin, this.vapidPublicKey());
    if (typeof token !== 'object') {
      this.rejected.push(token);
      return 401;
    }
    if (req.headers['content-encoding'] !== 'aes128gcm') {
      this.rejected.push('content-encoding');
      return 415;
    }
    const status = client.answers.shift() ?? 201;
    if (status >= 300) return status; // a refused message is not delivered
    let payload: unknown;
    try {
      payload = JSON.parse(decrypt(body, client.ecdh, client.auth).toString('utf8'));
    } catch (error) {
      this.rejected.push(`decrypt: ${String(error)}`);
      return 400;
    }
    this.messages.push({
      name: client.name,
      payload,
      ttl: Number(req.headers.ttl),
      urgency: (req.headers.urgency as string | undefined) ?? null,
      topic: (req.headers.topic as string | undefined) ?? null,
      token: token.jwt,
      at: performance.now(),
    });
    return status;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((r) => this.server.close(() => r()));
    fs.rmSync(path.dirname(this.certFile), { recursive: true, force: true });
  }
}

/**
 * RFC 8292: `vapid t=<JWT>, k=<public key>`; ES256 over `header.claims`, audience = this
 * origin, expiry in the future and at most 24 h ahead. Returns a reason when it fails.
 */
export function verifyVapid(
  header: string | undefined,
  origin: string,
  expectedKey: string | null,
): { jwt: string } | string {
  const m = /^vapid t=([\w-]+\.[\w-]+\.[\w-]+),\s*k=([\w-]+)$/.exec(header ?? '');
  if (!m) return 'no vapid authorization';
  const jwt = m[1]!;
  const k = m[2]!;
  if (expectedKey && k !== expectedKey) return 'unexpected vapid key';
  const raw = Buffer.from(k, 'base64url');
  if (raw.length !== 65 || raw[0] !== 4) return 'bad vapid key';
  const key = crypto.createPublicKey({
    key: {
      kty: 'EC',
      crv: 'P-256',
      x: raw.subarray(1, 33).toString('base64url'),
      y: raw.subarray(33).toString('base64url'),
    },
    format: 'jwk',
  });
  const [h, c, sig] = jwt.split('.') as [string, string, string];
  const ok = crypto.verify(
    'sha256',
    Buffer.from(`${h}.${c}`),
    { key, dsaEncoding: 'ieee-p1363' },
    Buffer.from(sig, 'base64url'),
  );
  if (!ok) return 'bad vapid signature';
  const head = JSON.parse(Buffer.from(h, 'base64url').toString()) as { alg?: string };
  const claims = JSON.parse(Buffer.from(c, 'base64url').toString()) as {
    aud?: string;
    exp?: number;
    sub?: string;
  };
  const now = Date.now() / 1000;
  if (head.alg !== 'ES256') return 'bad vapid alg';
  if (claims.aud !== origin) return 'bad vapid audience';
  if (!claims.exp || claims.exp <= now || claims.exp > now + 86_400) return 'bad vapid expiry';
  if (!/^(mailto:|https:)/.test(claims.sub ?? '')) return 'bad vapid subject';
  return { jwt };
}

/** RFC 8291 + RFC 8188 (aes128gcm), one record. */
export function decrypt(body: Buffer, ecdh: crypto.ECDH, auth: Buffer): Buffer {
  const salt = body.subarray(0, 16);
  const idlen = body[20]!;
  const asPublic = body.subarray(21, 21 + idlen);
  const ciphertext = body.subarray(21 + idlen);
  const secret = ecdh.computeSecret(asPublic);
  const keyInfo = Buffer.concat([Buffer.from('WebPush: info\0'), ecdh.getPublicKey(), asPublic]);
  const ikm = Buffer.from(crypto.hkdfSync('sha256', secret, auth, keyInfo, 32));
  const derive = (info: string, len: number) =>
    Buffer.from(crypto.hkdfSync('sha256', ikm, salt, Buffer.from(info), len));
  const cek = derive('Content-Encoding: aes128gcm\0', 16);
  const nonce = derive('Content-Encoding: nonce\0', 12);
  const decipher = crypto.createDecipheriv('aes-128-gcm', cek, nonce);
  decipher.setAuthTag(ciphertext.subarray(ciphertext.length - 16));
  const plain = Buffer.concat([
    decipher.update(ciphertext.subarray(0, ciphertext.length - 16)),
    decipher.final(),
  ]);
  // Padding: a 0x02 delimiter (last record) followed by zeros.
  let end = plain.length - 1;
  while (end >= 0 && plain[end] === 0) end--;
  if (plain[end] !== 2) throw new Error('bad padding delimiter');
  return plain.subarray(0, end);
}
