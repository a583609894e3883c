import type { z } from 'zod';
import type { Role } from '../../../shared/types.js';

/**
 * Who may call a route: anyone, anyone signed in (any role, an active account), or the roles
 * listed. It mirrors the route's `requireUser(...)`; the coverage test cannot see middleware,
 * so a change of roles in a route must be made here too.
 */
export type Access = 'public' | 'signed-in' | readonly Role[];

/** What travels in a body, by the content types the routes set or accept. */
export type Media = 'json' | 'csv' | 'geojson' | 'octet' | 'image' | 'none';

/** Error statuses a route may answer beyond those its access and input already imply. */
export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429;

export interface RouteDoc {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** the full path in OpenAPI form: `/api/users/{id}/approve` */
  path: string;
  summary: string;
  description?: string;
  access: Access;
  /** path parameters: a description each, and the schema where the route has one */
  params?: Record<string, string | { description: string; schema: z.ZodType }>;
  /** the query as the route validates it: its own schema, or one built from its constants */
  query?: z.ZodObject;
  /** what a query parameter's schema cannot say (a value checked against the city, a default) */
  queryNotes?: Record<string, string>;
  /** `json` bodies are validated with `schema` (server/http/errors.ts `body`) */
  body?:
    | {
        media: 'json';
        schema: z.ZodType;
        description?: string;
        /** read as JSON whatever its declared type: no 415 */
        anyType?: true;
      }
    | { media: 'octet' | 'image'; description: string }
    /** a file as multipart/form-data or as JSON text (`schema`): the observatory's import */
    | { media: 'upload'; schema: z.ZodType; description: string };
  ok: {
    status: 200 | 201 | 202 | 204;
    /** several when the path chooses the format (`alerts.csv`, `alerts.geojson`) */
    media: Media | readonly Exclude<Media, 'none'>[];
    description: string;
    schema?: z.ZodType;
  };
  errors?: readonly ErrorStatus[];
}
