import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing/harness.js';
import { ConfigError, loadConfig } from '../config.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const json = (body: unknown) => ({
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});

describe('HTTP API', () => {
  it('logs in with the contract shape and sets an HttpOnly cookie', async () => {
    const res = await server.request(
      '/api/auth/login',
      json({ username: 'vecino1', password: 'demo1234' }),
    );
    expect(res.status).toBe(200);
    const body = (await res.json()) as { token: string; user: Record<string, unknown> };
    expect(body.user).toEqual({
      id: expect.any(String),
      role: 'citizen',
      areaId: 'area-1',
      unitId: null,
    });
    expect(res.headers.get('set-cookie')).toMatch(/sac_session=.*HttpOnly/i);
    const me = await server.request('/api/me', { token: body.token });
    expect(await me.json()).toMatchObject({
      name: expect.any(String),
      home: { lat: expect.any(Number) },
    });
  });

  it('answers every error in one shape', async () => {
    const wrong = await server.request(
      '/api/auth/login',
      json({ username: 'vecino1', password: 'nope' }),
    );
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toEqual({
      error: { code: 'invalid_credentials', message: expect.any(String) },
    });
    const bad = await server.request('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{',
    });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { code: string } }).error.code).toBe('bad_request');
    const anon = await server.request('/api/me');
    expect(anon.status).toBe(401);
    const missing = await server.request('/api/nothing');
    expect(missing.status).toBe(404);
  });

  it('keeps residents out of staff routes', async () => {
    const { token } = await server.login('vecino2');
    const res = await server.request('/api/users?status=pending', { token });
    expect(res.status).toBe(403);
  });

  it('serves the city and health', async () => {
    const city = (await (await server.request('/api/city')).json()) as {
      areas: { features: unknown[] };
    };
    expect(city.areas.features.length).toBe(40);
    expect((await server.request('/healthz')).status).toBe(200);
  });
});

describe('configuration', () => {
  it('fails fast with a message naming the variable', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
  });
});
