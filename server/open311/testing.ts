import { validateXML } from 'xmllint-wasm';
import type { TestServer } from '../testing/harness.js';

/** Whether `xml` is well-formed (libxml2 parses it); the reason when not. */
export async function wellFormed(xml: string): Promise<string | null> {
  const r = await validateXML({
    xml: [{ fileName: 'answer.xml', contents: xml }],
    normalization: 'format',
  });
  return r.valid ? null : r.rawOutput;
}

/** An admin issues a key with these scopes; returns the key and its client's id. */
export async function issueKey(
  server: TestServer,
  adminToken: string,
  name: string,
  scopes: string[],
): Promise<{ key: string; id: string }> {
  const res = await server.request('/api/integrations', {
    method: 'POST',
    token: adminToken,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name, scopes }),
  });
  if (res.status !== 201) throw new Error(`issue ${name}: ${res.status}`);
  const out = (await res.json()) as { key: string; client: { id: string } };
  return { key: out.key, id: out.client.id };
}

/** `POST /open311/v2/requests.<format>` with form fields, as the standard sends them. */
export function postForm(
  server: TestServer,
  fields: Record<string, string>,
  format: 'json' | 'xml' = 'json',
  headers: Record<string, string> = {},
) {
  return server.request(`/open311/v2/requests.${format}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(fields).toString(),
  });
}
