import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { onError } from './errors.js';
import { mountClient } from './static.js';

describe('the built client', () => {
  let dir = '';
  const app = new Hono();
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sac-static-'));
    fs.mkdirSync(path.join(dir, 'assets'));
    fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>SAC</title>');
    fs.writeFileSync(path.join(dir, 'assets', 'index-new.js'), 'export {};');
    app.onError(onError(() => undefined));
    mountClient(app, dir);
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('serves the files it has', async () => {
    const res = await app.request('/assets/index-new.js');
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('export {};');
  });

  it('answers a chunk that left with a deploy with 404, not the shell', async () => {
    const res = await app.request('/assets/index-old.js');
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: { code: 'not_found', message: 'No such file.' } });
    expect((await app.request('/icons/nothing.png')).status).toBe(404);
  });

  it('falls back to the shell for the app’s own paths', async () => {
    for (const url of ['/', '/alerts', '/some/where']) {
      const res = await app.request(url);
      expect(res.status).toBe(200);
      expect(await res.text()).toContain('<title>SAC</title>');
    }
  });
});
