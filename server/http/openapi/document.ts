import { z } from 'zod';
import { SESSION_COOKIE } from '../../auth/sessions.js';
import type { ErrorStatus, Media, RouteDoc } from './types.js';
import { API_ERROR_CODES } from './error-codes.js';
import { INFO_DESCRIPTION, TAGS } from './info.js';
import { ANSWER_COMPONENTS } from './answers.js';

type Json = Record<string, unknown>;

/**
 * A zod schema as JSON Schema 2020-12 (OpenAPI 3.1's dialect), the side a client sends:
 * defaults are optional, coerced query numbers are numbers, a transform's input is what is
 * described. Refinements a schema cannot state (a real calendar day, a point in the city)
 * stay the route's; the description says where.
 */
export function jsonSchema(schema: z.ZodType): Json {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, {
    io: 'input',
    unrepresentable: 'any',
  }) as Json;
  return rest;
}

const ERROR_REF = { $ref: '#/components/schemas/ApiError' };

const MEDIA_TYPES: Record<Exclude<Media, 'none'>, string> = {
  json: 'application/json',
  csv: 'text/csv',
  geojson: 'application/geo+json',
  octet: 'application/octet-stream',
  image: 'image/*',
};

const ERROR_TEXT: Record<ErrorStatus, string> = {
  400: 'Bad input: `field` names the first wrong one when there is one.',
  401: 'Not signed in (`unauthenticated`), or wrong credentials where the route checks them.',
  403: 'The role may not do this (`forbidden`), or the account is not active.',
  404: 'No such thing, or one the caller may not know exists (`not_found`).',
  409: 'The thing is not in a state that allows this (`conflict`).',
  413: 'The body is larger than the route takes (`too_large`).',
  415: 'The body is not of the type the route takes (`unsupported_media_type`).',
  422: 'Understood but refused as a whole (see the message).',
  429: 'Too many attempts or busy: wait the `Retry-After` seconds.',
};

/** The statuses every route of this kind may answer, whatever it says of itself. */
function impliedErrors(r: RouteDoc): ErrorStatus[] {
  const out: ErrorStatus[] = [];
  if (r.access !== 'public') out.push(401, 403);
  if (r.body || r.query) out.push(400);
  if (r.body) out.push(413);
  if (r.body && r.body.media !== 'octet' && !(r.body.media === 'json' && r.body.anyType))
    out.push(415);
  return out;
}

function accessText(r: RouteDoc): string {
  if (r.access === 'public') return 'No sign-in.';
  if (r.access === 'signed-in') return 'Any signed-in account.';
  return `Roles: ${r.access.join(', ')}.`;
}

function parameters(r: RouteDoc): Json[] {
  const out: Json[] = Object.entries(r.params ?? {}).map(([name, p]) => ({
    name,
    in: 'path',
    required: true,
    description: typeof p === 'string' ? p : p.description,
    schema: typeof p === 'string' ? { type: 'string' } : jsonSchema(p.schema),
  }));
  if (!r.query) return out;
  const shape = jsonSchema(r.query) as { properties?: Record<string, Json>; required?: string[] };
  for (const [name, schema] of Object.entries(shape.properties ?? {})) {
    const note = r.queryNotes?.[name];
    out.push({
      name,
      in: 'query',
      required: shape.required?.includes(name) ?? false,
      ...(note ? { description: note } : {}),
      schema,
    });
  }
  return out;
}

function requestBody(r: RouteDoc): Json | undefined {
  const b = r.body;
  if (!b) return undefined;
  if (b.media === 'json')
    return {
      required: true,
      ...(b.description ? { description: b.description } : {}),
      content: { 'application/json': { schema: jsonSchema(b.schema) } },
    };
  if (b.media === 'upload') {
    const fields = jsonSchema(b.schema);
    return {
      required: true,
      description: b.description,
      content: {
        'multipart/form-data': { schema: withFile(fields) },
        'application/json': { schema: fields },
      },
    };
  }
  const type =
    b.media === 'image' ? ['image/jpeg', 'image/png', 'image/webp'] : [MEDIA_TYPES.octet];
  return {
    required: true,
    description: b.description,
    content: Object.fromEntries(
      type.map((t) => [t, { schema: { type: 'string', contentMediaType: t } }]),
    ),
  };
}

/** An upload's form: the JSON fields less the text content, plus the file itself. */
function withFile(fields: Json): Json {
  const props = { ...((fields.properties as Json | undefined) ?? {}) };
  delete props.content;
  const required = ((fields.required as string[] | undefined) ?? []).filter((n) => n !== 'content');
  return {
    type: 'object',
    properties: {
      ...props,
      file: { type: 'string', contentMediaType: 'application/octet-stream' },
    },
    required: [...required, 'file'],
  };
}

/** A named answer by reference (components.schemas), any other inline. */
function answerSchema(schema: z.ZodType): Json {
  const name = Object.entries(ANSWER_COMPONENTS).find(([, known]) => known === schema)?.[0];
  return name ? { $ref: `#/components/schemas/${name}` } : jsonSchema(schema);
}

function responses(r: RouteDoc): Json {
  const ok = r.ok;
  const media = ok.media === 'none' ? [] : typeof ok.media === 'string' ? [ok.media] : ok.media;
  const content = media.length
    ? Object.fromEntries(
        media.map((m) => [MEDIA_TYPES[m], ok.schema ? { schema: answerSchema(ok.schema) } : {}]),
      )
    : undefined;
  const out: Json = {
    [String(ok.status)]: { description: ok.description, ...(content ? { content } : {}) },
  };
  const errors = [...new Set([...impliedErrors(r), ...(r.errors ?? [])])].sort();
  for (const status of errors)
    out[String(status)] = {
      description: ERROR_TEXT[status],
      content: { 'application/json': { schema: ERROR_REF } },
    };
  return out;
}

const operationId = (r: RouteDoc): string =>
  `${r.method}${r.path
    .replace(/^\/api/, '')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join('')}`;

const tagOf = (r: RouteDoc): string => r.path.split('/')[2]?.replace(/\..*$/, '') ?? 'api';

function operation(r: RouteDoc): Json {
  const params = parameters(r);
  const body = requestBody(r);
  return {
    operationId: operationId(r),
    tags: [tagOf(r)],
    summary: r.summary,
    description: [r.description, accessText(r)].filter(Boolean).join('\n\n'),
    ...(r.access === 'public' ? { security: [] } : { 'x-roles': r.access }),
    ...(params.length ? { parameters: params } : {}),
    ...(body ? { requestBody: body } : {}),
    responses: responses(r),
  };
}

/** The OpenAPI 3.1 document of every route the registry lists; built once, at start-up. */
export function buildDocument(routes: readonly RouteDoc[], version: string): Json {
  const paths: Record<string, Json> = {};
  for (const r of routes) (paths[r.path] ??= {})[r.method] = operation(r);
  const used = new Set(routes.map(tagOf));
  return {
    openapi: '3.1.0',
    info: {
      title: 'SAC REST API',
      version,
      description: INFO_DESCRIPTION,
      license: { name: 'AGPL-3.0-or-later', identifier: 'AGPL-3.0-or-later' },
    },
    servers: [{ url: '/' }],
    // Only the groups that have routes; a group missing a description still shows, unnamed.
    tags: [
      ...TAGS.filter((t) => used.has(t.name)),
      ...[...used].filter((u) => !TAGS.some((t) => t.name === u)).map((name) => ({ name })),
    ],
    // Either works on every route that needs a session; public routes say `security: []`.
    security: [{ session: [] }, { bearer: [] }],
    paths,
    components: {
      securitySchemes: {
        session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE },
        bearer: { type: 'http', scheme: 'bearer', description: 'The `token` of a sign-in.' },
      },
      schemas: {
        ...Object.fromEntries(
          Object.entries(ANSWER_COMPONENTS).map(([name, schema]) => [name, jsonSchema(schema)]),
        ),
        ApiError: {
          type: 'object',
          required: ['error'],
          properties: {
            error: {
              type: 'object',
              required: ['code', 'message'],
              properties: {
                code: { type: 'string', enum: [...API_ERROR_CODES] },
                message: { type: 'string' },
                field: { type: 'string', description: 'the input the error is about' },
              },
            },
          },
        },
      },
    },
  };
}
