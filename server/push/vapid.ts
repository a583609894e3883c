import fs from 'node:fs';
import path from 'node:path';
import webpush from 'web-push';
import { z } from 'zod';

export interface VapidKeys {
  publicKey: string;
  privateKey: string;
  /** Who push services contact about this sender: a `mailto:` or `https:` URL (RFC 8292). */
  subject: string;
}

const FILE = 'vapid.json';
const stored = z.object({
  publicKey: z.string().regex(/^[A-Za-z0-9_-]{87}$/),
  privateKey: z.string().regex(/^[A-Za-z0-9_-]{43}$/),
  subject: z.string().regex(/^(mailto:|https:\/\/)\S+$/),
});

/**
 * The server's VAPID key pair, generated on first start and kept in the data directory
 * (DESIGN §6). It must outlive restarts: every browser subscription is bound to this public
 * key, and a new pair would silently orphan them all. Readable by the server's user only.
 */
export function loadOrCreateVapid(dataDir: string): VapidKeys {
  const file = path.join(dataDir, FILE);
  if (fs.existsSync(file)) {
    const parsed = stored.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
    if (!parsed.success) throw new Error(`${file} is not a valid VAPID key file`);
    return parsed.data;
  }
  const keys: VapidKeys = { ...webpush.generateVAPIDKeys(), subject: 'mailto:sac@example.org' };
  fs.mkdirSync(dataDir, { recursive: true });
  // 'wx': never overwrite a key file another process wrote in the meantime.
  fs.writeFileSync(file, JSON.stringify(keys, null, 2) + '\n', { mode: 0o600, flag: 'wx' });
  return keys;
}

/** Seconds a VAPID token lives; RFC 8292 allows at most 24 h. */
const TOKEN_SECONDS = 12 * 3600;
/** Renew this long before expiry, so a token never expires in flight or in a push queue. */
const RENEW_BEFORE_SECONDS = 3600;

/**
 * One signed VAPID token per push-service origin, reused until it nears expiry. Signing an
 * ES256 JWT is most of the cost of a push (TOOLCHAIN.md: ≈0.7 of ≈1 ms), and a token is
 * valid for every subscription on that origin.
 */
export class VapidTokens {
  private readonly byOrigin = new Map<string, { header: string; exp: number }>();
  signed = 0;

  constructor(
    private readonly keys: VapidKeys,
    private readonly nowSeconds: () => number = () => Math.floor(Date.now() / 1000),
  ) {}

  authorization(origin: string): string {
    const now = this.nowSeconds();
    const cached = this.byOrigin.get(origin);
    if (cached && cached.exp - now > RENEW_BEFORE_SECONDS) return cached.header;
    const exp = now + TOKEN_SECONDS;
    const { Authorization } = webpush.getVapidHeaders(
      origin,
      this.keys.subject,
      this.keys.publicKey,
      this.keys.privateKey,
      'aes128gcm',
      exp,
    );
    this.signed++;
    this.byOrigin.set(origin, { header: Authorization, exp });
    return Authorization;
  }
}
