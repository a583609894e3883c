import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawBytes } from '../testing/raw-bytes.js';
import { onError } from './errors.js';
import { mountClient } from './static.js';

/**
 * The built client as a browser gets it, over a real socket: the coding it takes, validators,
 * 304s, ranges, HEAD, and the 404 rule. A temp folder stands in for dist/client, with the
 * copies the build writes beside each text file (vite-precompress.ts), one of them missing.
 */
const SHELL = `<!doctype html><title>SAC</title>${'<p>shell</p>'.repeat(200)}`;
const SCRIPT = `export const big = ${JSON.stringify('alerta '.repeat(2000))};`;
const WORKER = `self.addEventListener('install', () => {}); // ${'precache '.repeat(500)}`;
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');

let dir = '';
let server: ServerType;
let base = '';
const get = (p: string, headers: Record<string, string> = {}, method = 'GET') =>
  rawBytes(`${base}${p}`, { method, headers });

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sac-static-'));
  const write = (rel: string, body: string | Buffer, codings: ('br' | 'gz')[] = []) => {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), body);
    if (codings.includes('br'))
      fs.writeFileSync(path.join(dir, `${rel}.br`), zlib.brotliCompressSync(body));
    if (codings.includes('gz')) fs.writeFileSync(path.join(dir, `${rel}.gz`), zlib.gzipSync(body));
  };
  write('index.html', SHELL, ['br', 'gz']);
  write('assets/index-new.js', SCRIPT, ['br', 'gz']);
  // The build left no gzip copy of the worker: gzip-only clients get the file itself.
  write('sw.js', WORKER, ['br']);
  write('icons/icon-192.png', PNG);
  const app = new Hono();
  app.onError(onError(() => undefined));
  mountClient(app, dir);
  server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('content coding', () => {
  it('sends brotli, then gzip, then the file itself, each with its length and type', async () => {
    const br = await get('/assets/index-new.js', { 'accept-encoding': 'gzip, deflate, br' });
    expect(br.status).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(Number(br.headers['content-length'])).toBe(br.body.length);
    expect(br.body.length).toBeLessThan(SCRIPT.length / 10);
    expect(zlib.brotliDecompressSync(br.body).toString()).toBe(SCRIPT);

    const gz = await get('/assets/index-new.js', { 'accept-encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(gz.body).toString()).toBe(SCRIPT);

    const plain = await get('/assets/index-new.js');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toBe(SCRIPT);
    for (const res of [br, gz, plain]) {
      expect(res.headers.vary).toBe('Accept-Encoding');
      expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    }
  });

  it('honours q-values: q=0 refuses a coding, a higher q wins', async () => {
    const noBr = await get('/index.html', { 'accept-encoding': 'br;q=0, gzip' });
    expect(noBr.headers['content-encoding']).toBe('gzip');
    const gzFirst = await get('/index.html', { 'accept-encoding': 'br;q=0.5, gzip;q=0.9' });
    expect(gzFirst.headers['content-encoding']).toBe('gzip');
    const star = await get('/index.html', { 'accept-encoding': '*' });
    expect(star.headers['content-encoding']).toBe('br');
    const none = await get('/index.html', { 'accept-encoding': 'br;q=0, gzip;q=0' });
    expect(none.headers['content-encoding']).toBeUndefined();
    expect(none.body.toString()).toBe(SHELL);
  });

  it('falls back to the file itself when the build left no copy in that coding', async () => {
    const res = await get('/sw.js', { 'accept-encoding': 'gzip' });
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.body.toString()).toBe(WORKER);
    expect(res.headers['cache-control']).toBe('no-cache');
    expect((await get('/sw.js', { 'accept-encoding': 'br' })).headers['content-encoding']).toBe(
      'br',
    );
  });

  it('never compresses an image, and says so without Vary', async () => {
    const res = await get('/icons/icon-192.png', { 'accept-encoding': 'br, gzip' });
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.headers['content-type']).toBe('image/png');
    expect(res.headers.vary).toBeUndefined();
    expect(res.body.equals(PNG)).toBe(true);
  });

  it('reads a malformed Accept-Encoding as no preference, never a 500', async () => {
    for (const header of [';;;', 'br;q=abc', 'gzip;q=2', '\u00e9', ',', 'br;q=']) {
      const res = await get('/index.html', { 'accept-encoding': header });
      expect(res.status, header).toBe(200);
    }
  });
});

describe('validators', () => {
  it('gives every file a strong ETag per coding and a Last-Modified', async () => {
    const tags = new Set<string>();
    for (const coding of ['br', 'gzip', 'identity']) {
      const res = await get('/sw.js', { 'accept-encoding': coding });
      expect(res.headers.etag).toMatch(/^"[^"]+"$/);
      expect(res.headers['last-modified']).toBe(
        new Date(
          Math.floor(fs.statSync(path.join(dir, 'sw.js')).mtimeMs / 1000) * 1000,
        ).toUTCString(),
      );
      tags.add(res.headers.etag!);
    }
    // gzip fell back to identity: the same bytes, the same tag.
    expect(tags.size).toBe(2);
    const icon = await get('/icons/icon-192.png');
    expect(icon.headers.etag).toMatch(/^"[^"]+"$/);
  });

  it('answers 304 to If-None-Match and If-Modified-Since, with no body', async () => {
    const first = await get('/sw.js', { 'accept-encoding': 'br' });
    const again = await get('/sw.js', {
      'accept-encoding': 'br',
      'if-none-match': first.headers.etag!,
    });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
    expect(again.headers.etag).toBe(first.headers.etag);
    expect(again.headers['cache-control']).toBe('no-cache');
    expect(again.headers.vary).toBe('Accept-Encoding');
    // The stored answer's type, never a default that would relabel the cached worker.
    expect(again.headers['content-type']).toBe('text/javascript; charset=utf-8');
    const byDate = await get('/sw.js', { 'if-modified-since': first.headers['last-modified']! });
    expect(byDate.status).toBe(304);
    const list = await get('/sw.js', {
      'accept-encoding': 'br',
      'if-none-match': `"old", W/${first.headers.etag!}`,
    });
    expect(list.status).toBe(304);
  });

  it('never hands a copy in one coding to a request for another', async () => {
    const br = await get('/assets/index-new.js', { 'accept-encoding': 'br' });
    const plain = await get('/assets/index-new.js', { 'if-none-match': br.headers.etag! });
    expect(plain.status).toBe(200);
    expect(plain.body.toString()).toBe(SCRIPT);
  });

  it('sends the file when the validators are stale, malformed or lose to If-None-Match', async () => {
    const stale = await get('/sw.js', { 'if-none-match': '"something-else"' });
    expect(stale.status).toBe(200);
    for (const header of ['', 'garbage', '"', 'W/']) {
      const res = await get('/sw.js', { 'if-none-match': header });
      expect(res.status, header).toBe(200);
    }
    const badDate = await get('/sw.js', { 'if-modified-since': 'yesterday-ish' });
    expect(badDate.status).toBe(200);
    // If-None-Match decides alone when both are sent.
    const both = await get('/sw.js', {
      'if-none-match': '"something-else"',
      'if-modified-since': new Date(Date.now() + 86_400_000).toUTCString(),
    });
    expect(both.status).toBe(200);
  });

  it('gives a new tag when the file changes under the running server', async () => {
    const before = await get('/icons/icon-192.png');
    const changed = Buffer.concat([PNG, Buffer.from([0])]);
    const file = path.join(dir, 'icons/icon-192.png');
    fs.writeFileSync(file, changed);
    fs.utimesSync(file, new Date(), new Date(Date.now() + 5000));
    const after = await get('/icons/icon-192.png', { 'if-none-match': before.headers.etag! });
    expect(after.status).toBe(200);
    expect(after.headers.etag).not.toBe(before.headers.etag);
    expect(after.body.equals(changed)).toBe(true);
  });
});

describe('HEAD and ranges', () => {
  it('answers HEAD with the headers of GET and no body', async () => {
    const get1 = await get('/assets/index-new.js', { 'accept-encoding': 'br' });
    const head = await get('/assets/index-new.js', { 'accept-encoding': 'br' }, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
    for (const h of ['content-length', 'content-encoding', 'etag', 'content-type', 'vary'])
      expect(head.headers[h], h).toBe(get1.headers[h]);
  });

  it('serves one byte range of the coding it picked, and 416 past the end', async () => {
    const part = await get('/sw.js', { range: 'bytes=0-9' });
    expect(part.status).toBe(206);
    expect(part.body.toString()).toBe(WORKER.slice(0, 10));
    expect(part.headers['content-range']).toBe(`bytes 0-9/${WORKER.length}`);
    const tail = await get('/sw.js', { range: 'bytes=-5' });
    expect(tail.body.toString()).toBe(WORKER.slice(-5));
    const past = await get('/sw.js', { range: `bytes=${WORKER.length}-` });
    expect(past.status).toBe(416);
    expect(past.headers['content-range']).toBe(`bytes */${WORKER.length}`);
    const malformed = await get('/sw.js', { range: 'bytes=oops' });
    expect(malformed.status).toBe(200);
    const staleIfRange = await get('/sw.js', { range: 'bytes=0-9', 'if-range': '"old"' });
    expect(staleIfRange.status).toBe(200);
    expect(staleIfRange.body.toString()).toBe(WORKER);
  });
});

describe('missing files and the app’s paths', () => {
  it('answers a chunk that left with a deploy with 404, not the shell', async () => {
    const res = await get('/assets/index-old.js', { 'accept-encoding': 'br' });
    expect(res.status).toBe(404);
    expect(JSON.parse(res.body.toString())).toEqual({
      error: { code: 'not_found', message: 'No such file.' },
    });
    expect((await get('/icons/nothing.png')).status).toBe(404);
    // Hidden files and paths out of the folder are not files of the app.
    expect((await get('/.env')).status).toBe(404);
    expect((await get('/assets/%2e%2e/%2e%2e/%2e%2e/etc/hostname.txt')).status).toBe(404);
    const escape = await get('/..%2f..%2f..%2fetc%2fpasswd');
    expect(escape.body.toString()).toBe(SHELL);
  });

  it('falls back to the shell, with its validators, for the app’s own paths', async () => {
    for (const url of ['/', '/alerts', '/some/where']) {
      const res = await get(url);
      expect(res.status).toBe(200);
      expect(res.body.toString()).toContain('<title>SAC</title>');
      expect(res.headers['cache-control']).toBe('no-cache');
      const again = await get(url, { 'if-none-match': res.headers.etag! });
      expect(again.status).toBe(304);
    }
  });

  it('answers a malformed path with 400, never a 500', async () => {
    const res = await get('/%E0%A4%A');
    expect(res.status).toBe(400);
  });
});
