/**
 * Push-service origins a subscription endpoint may point at (DESIGN §6). The server POSTs to
 * every endpoint it stores, so an unchecked endpoint would let any resident make it send
 * requests to an internal address (server-side request forgery). Exact origins, HTTPS only.
 */
export class EndpointAllowList {
  private readonly origins: ReadonlySet<string>;

  constructor(list: string) {
    const origins = new Set<string>();
    for (const raw of list.split(',')) {
      const item = raw.trim();
      if (!item) continue;
      const origin = httpsOrigin(item);
      if (!origin) throw new Error(`PUSH_ENDPOINT_ALLOW: ${item} is not an https origin`);
      origins.add(origin);
    }
    this.origins = origins;
  }

  allows(endpoint: string): boolean {
    const origin = httpsOrigin(endpoint);
    return origin !== null && this.origins.has(origin);
  }
}

/** The URL's origin when it is plain https with no credentials, else null. */
export function httpsOrigin(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' || url.username || url.password) return null;
  return url.origin;
}
