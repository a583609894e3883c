import fs from 'node:fs';
import { validateXML } from 'xmllint-wasm';

/** Helpers for the CAP tests: the OASIS schema, as vendored, and xmllint in WebAssembly. */

const XSD = fs.readFileSync(new URL('./schema/CAP-v1.2.xsd', import.meta.url), 'utf8');

/** The errors xmllint finds validating each message against CAP-v1.2.xsd (empty: all valid). */
export async function capErrors(messages: readonly string[]): Promise<string[]> {
  if (messages.length === 0) return [];
  const result = await validateXML({
    xml: messages.map((contents, i) => ({ fileName: `message-${i}.xml`, contents })),
    schema: [{ fileName: 'CAP-v1.2.xsd', contents: XSD }],
  });
  return result.errors.map((e) => e.rawMessage);
}

/** The errors xmllint finds parsing a document (empty: well-formed). */
export async function xmlErrors(xml: string): Promise<string[]> {
  const result = await validateXML({
    xml: { fileName: 'feed.xml', contents: xml },
    normalization: 'format',
  });
  return result.errors.map((e) => e.rawMessage);
}

/** A civil-protection system polling the feed with its key, as a test drives it. */
export class Poller {
  /** every message body fetched, for one schema check at the end */
  readonly seen = new Map<string, string>();

  constructor(
    private readonly baseUrl: string,
    private readonly key: string,
  ) {}

  get(pathOrUrl: string, headers: Record<string, string> = {}): Promise<Response> {
    const url = pathOrUrl.startsWith('http') ? pathOrUrl : `${this.baseUrl}${pathOrUrl}`;
    return fetch(url, { headers: { authorization: `Bearer ${this.key}`, ...headers } });
  }

  /** The index's entries: each one's newest message link and stamp. */
  async index(): Promise<{ body: string; entries: { href: string; updated: string }[] }> {
    const res = await this.get('/cap/alerts.atom');
    if (res.status !== 200) throw new Error(`index: ${res.status} ${await res.text()}`);
    const body = await res.text();
    const entries = [...body.matchAll(/<entry>([\s\S]*?)<\/entry>/g)].map((m) => ({
      href: /<link rel="alternate" type="application\/cap\+xml" href="([^"]+)"/.exec(m[1]!)![1]!,
      updated: /<updated>([^<]+)<\/updated>/.exec(m[1]!)![1]!,
    }));
    return { body, entries };
  }

  /** The entry of this alert's newest message, if the index lists it. */
  async entryOf(alertId: string): Promise<string | undefined> {
    const { entries } = await this.index();
    return entries.find((e) => e.href.includes(`/sac.${alertId}.`))?.href;
  }

  /** A message by URL; remembered for the schema check, and checked to never change. */
  async message(pathOrUrl: string): Promise<string> {
    const url = pathOrUrl.startsWith('http') ? pathOrUrl : `${this.baseUrl}${pathOrUrl}`;
    const res = await this.get(url);
    if (res.status !== 200) throw new Error(`${url}: ${res.status}`);
    if (!res.headers.get('content-type')?.startsWith('application/cap+xml'))
      throw new Error(`${url}: ${res.headers.get('content-type')}`);
    const body = await res.text();
    const before = this.seen.get(url);
    if (before !== undefined && before !== body) throw new Error(`${url} changed`);
    this.seen.set(url, body);
    return body;
  }
}

/** Polls until `check` resolves to something other than undefined/false. */
export async function eventually<T>(check: () => Promise<T | undefined | false>): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() - started > 5000) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** The text of a message's first `<tag>`. */
export const tag = (xml: string, name: string) =>
  new RegExp(`<${name}>([^<]*)</${name}>`).exec(xml)?.[1];
