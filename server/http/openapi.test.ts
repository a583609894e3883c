import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing/harness.js';
import { createApp } from './app.js';
import { conforms } from './openapi/conforms.js';

type Json = Record<string, unknown>;
type Operation = {
  operationId: string;
  parameters?: { name: string; in: string; schema: Json }[];
  requestBody?: { content: Record<string, { schema: Json }> };
  responses: Record<string, Json>;
};
type Doc = { openapi: string; info: Json; paths: Record<string, Record<string, Operation>> };

let server: TestServer;
let doc: Doc;
beforeAll(async () => {
  server = await startTestServer();
  doc = (await (await server.request('/api/openapi.json')).json()) as Doc;
});
afterAll(() => server.close());

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];
const operations = () =>
  Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([m]) => METHODS.includes(m))
      .map(([method, op]) => ({ path, method, op })),
  );
const op = (method: string, path: string) => doc.paths[path]![method]!;
const bodySchema = (o: Operation) => o.requestBody!.content['application/json']!.schema;
const param = (o: Operation, name: string) => o.parameters!.find((p) => p.name === name)!.schema;

const send = (method: string, body: unknown, token: string) => ({
  method,
  token,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});

describe('OpenAPI description', () => {
  it('describes every route under /api, and nothing that is not one', () => {
    const app = createApp(server.services);
    const real = new Set(
      app.routes
        .filter((r) => r.method !== 'ALL' && r.path.startsWith('/api/'))
        .map((r) => `${r.method} ${r.path}`),
    );
    const described = new Set(
      operations().map((o) => `${o.method.toUpperCase()} ${o.path.replace(/\{(\w+)\}/g, ':$1')}`),
    );
    expect(
      [...real].filter((r) => !described.has(r)),
      'routes without a description',
    ).toEqual([]);
    expect(
      [...described].filter((d) => !real.has(d)),
      'descriptions without a route',
    ).toEqual([]);
  });

  it('is served without sign-in, cacheable, and revalidated by its ETag', async () => {
    const res = await server.request('/api/openapi.json');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(res.headers.get('cache-control')).toBe('public, max-age=300');
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    const etag = res.headers.get('etag')!;
    expect(etag).toMatch(/^".+"$/);
    const again = await server.request('/api/openapi.json', {
      headers: { 'if-none-match': etag },
    });
    expect(again.status).toBe(304);
  });

  it('has the shape of OpenAPI 3.1: info, paths, operations with answers, refs that resolve', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.info).toMatchObject({ title: expect.any(String), version: expect.any(String) });
    // the interfaces outside /api are named, with links
    for (const where of ['/open311/v2/', '/cap/', '/metrics', '/healthz', '/devices/ws'])
      expect(doc.info.description).toContain(where);
    const ids = new Set<string>();
    for (const { path, method, op: o } of operations()) {
      expect(ids.has(o.operationId), `${method} ${path}: operationId`).toBe(false);
      ids.add(o.operationId);
      const statuses = Object.keys(o.responses);
      expect(
        statuses.some((s) => /^2\d\d$/.test(s)),
        `${method} ${path}: a success`,
      ).toBe(true);
      const inPath = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      const declared = (o.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name);
      expect(declared.sort(), `${method} ${path}: path parameters`).toEqual(inPath);
    }
    const refs = JSON.stringify(doc).match(/"\$ref":"[^"]*"/g) ?? [];
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of new Set(refs)) {
      const pointer = ref.slice(8, -1);
      expect(pointer.startsWith('#/'), ref).toBe(true);
      const target = pointer
        .slice(2)
        .split('/')
        .reduce<unknown>((at, key) => (at as Json | undefined)?.[key], doc);
      expect(target, ref).toBeTypeOf('object');
    }
  });

  it('says who may call: public routes need no security, others name their roles', () => {
    expect(op('post', '/api/auth/login')).toMatchObject({ security: [] });
    expect(op('get', '/api/console/audit')).toMatchObject({ 'x-roles': ['admin'] });
    expect(op('get', '/api/console/audit').responses).toHaveProperty('401');
    expect(op('get', '/api/observatory/hotspots.geojson').responses['200']).toMatchObject({
      content: { 'application/geo+json': expect.any(Object) },
    });
    expect(op('post', '/api/sync/{room}').requestBody!.content).toHaveProperty(
      'application/octet-stream',
    );
  });
});

/** One demo account per role, to knock on every door the document says is closed to it. */
const DEMO_BY_ROLE = {
  citizen: 'vecino1',
  officer: 'oficial1',
  operator: 'operador1',
  analyst: 'analista1',
  admin: 'admin',
} as const;

describe('who may call, as the document says', () => {
  const concrete = (path: string) => path.replace(/\{\w+\}/g, 'x');

  it('refuses every non-public route without a session, and no public one', async () => {
    for (const { path, method, op: o } of operations()) {
      const res = await server.request(concrete(path), { method: method.toUpperCase() });
      const open = (o as Operation & { security?: unknown[] }).security?.length === 0;
      expect(res.status === 401, `${method} ${path}`).toBe(!open);
    }
  });

  it('refuses each role the document leaves out', async () => {
    const tokens = new Map<string, string>();
    for (const [role, username] of Object.entries(DEMO_BY_ROLE))
      tokens.set(role, (await server.login(username)).token);
    for (const { path, method, op: o } of operations()) {
      const roles = (o as Operation & { 'x-roles'?: string | string[] })['x-roles'];
      if (!Array.isArray(roles)) continue;
      for (const [role, token] of tokens) {
        if (roles.includes(role)) continue;
        const res = await server.request(concrete(path), { method: method.toUpperCase(), token });
        expect(res.status, `${role}: ${method} ${path}`).toBe(403);
      }
    }
  });
});

describe('the schemas are what the routes accept', () => {
  it("a resident's settings: valid per the document is taken, invalid gets the route's 400", async () => {
    const { token } = await server.login('vecino1');
    const schema = bodySchema(op('patch', '/api/me'));
    const cases: [unknown, boolean][] = [
      [{ showName: false }, true],
      [{ showName: true, phone: '+54 261 555-0101' }, true],
      [{ showName: 'yes' }, false],
      [{ showName: true, nickname: 'x' }, false],
      [{ phone: 'call me' }, false],
    ];
    for (const [body, valid] of cases) {
      expect(conforms(schema, body), JSON.stringify(body)).toBe(valid);
      const res = await server.request('/api/me', send('PATCH', body, token));
      expect(res.status, JSON.stringify(body)).toBe(valid ? 200 : 400);
    }
  });

  it('a new staff account: the role the document allows, and no other', async () => {
    const { token } = await server.login('admin');
    const schema = bodySchema(op('post', '/api/users/staff'));
    const base = { password: 'a long enough passphrase 42', name: 'Ana Analista' };
    const cases: [unknown, boolean][] = [
      [{ ...base, username: 'ana.analista', role: 'analyst' }, true],
      [{ ...base, username: 'otra.admin', role: 'admin' }, false],
      [{ ...base, username: 'x', role: 'operator' }, false],
      [{ ...base, role: 'operator' }, false],
    ];
    for (const [body, valid] of cases) {
      expect(conforms(schema, body), JSON.stringify(body)).toBe(valid);
      const res = await server.request('/api/users/staff', send('POST', body, token));
      expect(res.status, JSON.stringify(body)).toBe(valid ? 201 : 400);
    }
  });

  it('the answers it names are what the routes send', async () => {
    const schemas = (doc as Doc & { components: { schemas: Record<string, Json> } }).components
      .schemas;
    const ref = (o: Operation) =>
      (o.responses['200']!.content as Record<string, { schema: { $ref: string } }>)[
        'application/json'
      ]!.schema.$ref;
    expect(ref(op('post', '/api/auth/login'))).toBe('#/components/schemas/Login');
    expect(ref(op('get', '/api/me'))).toBe('#/components/schemas/Me');
    for (const username of ['vecino1', 'operador1']) {
      const login = await server.login(username);
      expect(conforms(schemas.Login!, login), username).toBe(true);
      const me = await (await server.request('/api/me', { token: login.token })).json();
      expect(conforms(schemas.Me!, me), username).toBe(true);
      expect(conforms(schemas.Me!, { ...(me as Json), role: 'mayor' })).toBe(false);
    }
  });

  it("an export's query: required days and the languages, as the route has them", async () => {
    const { token } = await server.login('operador1');
    const o = op('get', '/api/exports/{file}');
    expect(o.parameters!.find((p) => p.name === 'from')).toMatchObject({ required: true });
    const lang = param(o, 'lang');
    const file = param(o, 'file');
    expect(conforms(file, 'alerts.csv')).toBe(true);
    expect(conforms(file, 'users.csv')).toBe(false);
    for (const [value, valid] of [
      ['en', true],
      ['fr', false],
    ] as const) {
      expect(conforms(lang, value), value).toBe(valid);
      const res = await server.request(
        `/api/exports/alerts.csv?from=2026-01-01&to=2026-01-31&lang=${value}`,
        { token },
      );
      expect(res.status, value).toBe(valid ? 200 : 400);
      await res.body?.cancel();
    }
    const noDays = await server.request('/api/exports/alerts.csv', { token });
    expect(noDays.status).toBe(400);
  });

  it("the audit log's query: the document's bounds are the route's", async () => {
    const { token } = await server.login('admin');
    const limit = param(op('get', '/api/console/audit'), 'limit');
    for (const [value, valid] of [
      [500, true],
      [1, true],
      [501, false],
      [0, false],
    ] as const) {
      expect(conforms(limit, value), String(value)).toBe(valid);
      const res = await server.request(`/api/console/audit?limit=${value}`, { token });
      expect(res.status, String(value)).toBe(valid ? 200 : 400);
    }
  });
});
