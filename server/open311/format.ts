import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { escapeXml } from '../http/xml.js';

/** GeoReport v2 answers in the format the path's extension names; XML is the required one. */
export type Format = 'json' | 'xml';

/** A flat record of one answer: values are text, numbers or absent (left out of both formats). */
export type Fields = Record<string, string | number | boolean | null | undefined>;

/** Splits `requests.xml` into its name and format; null when the extension is neither. */
export function splitFormat(segment: string): { name: string; format: Format } | null {
  const m = /^(.+)\.(json|xml)$/.exec(segment);
  return m ? { name: m[1]!, format: m[2] as Format } : null;
}

function element(name: string, value: Fields[string] | Fields[]): string {
  if (Array.isArray(value))
    return value.length
      ? `<${name}>${value.map((v) => fieldsXml(v)).join('')}</${name}>`
      : `<${name}/>`;
  if (value === undefined) return '';
  if (value === null || value === '') return `<${name}/>`;
  return `<${name}>${escapeXml(String(value))}</${name}>`;
}

const fieldsXml = (f: Fields): string =>
  Object.entries(f)
    .map(([k, v]) => element(k, v))
    .join('');

/** `<root><item>…</item>…</root>`, as the standard's examples nest every list. */
export function listXml(root: string, item: string, rows: Fields[]): string {
  const body = rows.map((r) => `<${item}>${fieldsXml(r)}</${item}>`).join('');
  return `<?xml version="1.0" encoding="utf-8"?>\n<${root}>${body}</${root}>\n`;
}

/** One object with nested lists (a service definition's `attributes`). */
export function objectXml(root: string, f: Record<string, Fields[string] | Fields[]>): string {
  const body = Object.entries(f)
    .map(([k, v]) => element(k, v))
    .join('');
  return `<?xml version="1.0" encoding="utf-8"?>\n<${root}>${body}</${root}>\n`;
}

const withoutAbsent = (f: Fields) =>
  Object.fromEntries(Object.entries(f).filter(([, v]) => v !== undefined));

/** A list answer: a JSON array, or XML under `root` with one `item` per row. */
export function sendList(
  c: Context,
  format: Format,
  names: { root: string; item: string },
  rows: Fields[],
  status: ContentfulStatusCode = 200,
): Response {
  if (format === 'json') return c.json(rows.map(withoutAbsent), status);
  return c.body(listXml(names.root, names.item, rows), status, {
    'Content-Type': 'text/xml; charset=utf-8',
  });
}

/**
 * The standard's error shape: JSON `[{"code","description"}]`, XML
 * `<errors><error><code/><description/></error></errors>`, with the same HTTP status.
 */
export function sendError(
  c: Context,
  format: Format,
  status: ContentfulStatusCode,
  description: string,
  headers: Record<string, string> = {},
): Response {
  for (const [k, v] of Object.entries(headers)) c.header(k, v);
  return sendList(
    c,
    format,
    { root: 'errors', item: 'error' },
    [{ code: status, description }],
    status,
  );
}

/** The format a failing request asked for, read from its path (JSON when it names none). */
export const formatOfPath = (path: string): Format => (/\.xml$/i.test(path) ? 'xml' : 'json');
