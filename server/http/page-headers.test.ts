import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing/harness.js';
import { rawBytes } from '../testing/raw-bytes.js';

/**
 * The page-only security headers (CSP, framing, features…) go with what a browser can make a
 * page or a worker of, and are left off hashed scripts, stylesheets and raster images, where
 * they did nothing but cost ~600 bytes each on a first visit.
 */
let server: TestServer;
let dir = '';

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sac-client-'));
  fs.mkdirSync(path.join(dir, 'assets'));
  fs.mkdirSync(path.join(dir, 'icons'));
  fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>SAC</title>');
  fs.writeFileSync(path.join(dir, 'sw.js'), 'self.skipWaiting();');
  fs.writeFileSync(path.join(dir, 'manifest.webmanifest'), '{}');
  fs.writeFileSync(path.join(dir, 'assets', 'index-abc.js'), 'export {};');
  fs.writeFileSync(path.join(dir, 'assets', 'index-abc.css'), 'body{}');
  fs.writeFileSync(
    path.join(dir, 'icons', 'icon.svg'),
    '<svg xmlns="http://www.w3.org/2000/svg"/>',
  );
  fs.writeFileSync(path.join(dir, 'icons', 'icon-192.png'), Buffer.from('89504e47', 'hex'));
  server = await startTestServer({ CLIENT_DIR: dir });
});

afterAll(async () => {
  await server.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

it('keeps the CSP and framing rules on pages, the worker, SVG and data', async () => {
  for (const p of [
    '/',
    '/alerts',
    '/sw.js',
    '/icons/icon.svg',
    '/manifest.webmanifest',
    '/api/city',
  ]) {
    const res = await rawBytes(`${server.url}${p}`);
    expect(res.status, p).toBe(200);
    expect(String(res.headers['content-security-policy']), p).toContain("script-src 'self'");
    expect(res.headers['x-frame-options'], p).toBe('DENY');
    expect(res.headers['x-content-type-options'], p).toBe('nosniff');
  }
});

it('sends scripts, stylesheets and images with nosniff, CORP and no-referrer only', async () => {
  for (const p of ['/assets/index-abc.js', '/assets/index-abc.css', '/icons/icon-192.png']) {
    const res = await rawBytes(`${server.url}${p}`);
    expect(res.status, p).toBe(200);
    expect(res.headers['content-security-policy'], p).toBeUndefined();
    expect(res.headers['permissions-policy'], p).toBeUndefined();
    expect(res.headers['x-content-type-options'], p).toBe('nosniff');
    expect(res.headers['cross-origin-resource-policy'], p).toBe('same-origin');
    expect(res.headers['referrer-policy'], p).toBe('no-referrer');
  }
});

it('keeps a missing asset’s error answer whole', async () => {
  const res = await rawBytes(`${server.url}/assets/gone.js`);
  expect(res.status).toBe(404);
  expect(String(res.headers['content-security-policy'])).toContain("default-src 'self'");
});
