import fs from 'node:fs';
import path from 'node:path';
import https from 'node:https';
import { execFileSync } from 'node:child_process';
import type { AddressInfo } from 'node:net';

/**
 * A local push service: HTTPS with a throw-away certificate (web-push always speaks HTTPS),
 * answering 201 like a real one. Each subscription's endpoint is `/p/<resident index>`, so an
 * arrival names its recipient without decrypting the payload.
 */
export class PushSink {
  private server: https.Server | null = null;
  arrivals = 0;
  /** (resident index, performance.now(), encrypted body) for every push handed over */
  onPush: ((idx: number, at: number, body: Buffer) => void) | null = null;

  async start(dir: string): Promise<{ origin: string; certPath: string }> {
    fs.mkdirSync(dir, { recursive: true });
    const keyPath = path.join(dir, 'sink-key.pem');
    const certPath = path.join(dir, 'sink-cert.pem');
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:prime256v1',
        '-nodes',
        '-days',
        '2',
        '-subj',
        '/CN=127.0.0.1',
        '-addext',
        'subjectAltName=IP:127.0.0.1',
        '-keyout',
        keyPath,
        '-out',
        certPath,
      ],
      { stdio: 'ignore' },
    );
    const server = https.createServer(
      { key: fs.readFileSync(keyPath), cert: fs.readFileSync(certPath), keepAliveTimeout: 60_000 },
      (req, res) => {
        const at = performance.now();
        const m = /^\/p\/(\d+)$/.exec(req.url ?? '');
        const chunks: Buffer[] = [];
        req.on('data', (c: Buffer) => chunks.push(c));
        req.on('end', () => {
          res.writeHead(201, { location: `${req.url}/m${this.arrivals}` });
          res.end();
          if (req.method !== 'POST' || !m) return;
          this.onPush?.(Number(m[1]), at, Buffer.concat(chunks));
        });
        if (req.method !== 'POST' || !m) return;
        this.arrivals++;
      },
    );
    server.maxRequestsPerSocket = 0;
    this.server = server;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    return { origin: `https://127.0.0.1:${port}`, certPath };
  }

  close(): void {
    this.server?.closeAllConnections();
    this.server?.close();
  }
}
