import type { Config } from '../config.js';
import { MemoryThrottleStore, type Lock, type ThrottleStore } from './throttle-store.js';

/** What a throttle says about an attempt: go ahead, or wait this long. */
export type Verdict = { ok: true } | { ok: false; retryAfterMs: number };

export interface BackoffRule {
  /** failures allowed before the first wait */
  free: number;
  firstWaitMs: number;
  maxWaitMs: number;
}

/** The wait after the n-th failure: nothing for the free ones, then doubling to the cap. */
export function backoffMs(failures: number, rule: BackoffRule): number {
  const over = failures - rule.free;
  if (over <= 0) return 0;
  return Math.min(rule.maxWaitMs, rule.firstWaitMs * 2 ** Math.min(over - 1, 30));
}

/** Keys in the store: an account by its lower-cased name, an address as given. */
const accountKey = (username: string) => `account:${username.normalize('NFC').toLowerCase()}`;
const addressKey = (address: string) => `address:${address}`;

export interface LockView {
  kind: 'account' | 'address';
  /** the username as typed (lower-cased) or the address */
  key: string;
  until: string;
}

/**
 * Sign-in throttle, per account and per source address, with backoff. An attempt is counted
 * before the password is checked and the lock it earns is set at once, so a hundred guesses
 * sent together get one check and ninety-nine waits, not a hundred checks. A right password
 * wipes the account's count (its attempt still counts for the address only if it failed).
 * Unknown usernames are throttled like real ones: the answer must not tell them apart.
 */
export class LoginThrottle {
  constructor(
    private readonly store: ThrottleStore,
    private readonly account: BackoffRule,
    private readonly address: BackoffRule,
  ) {}

  static fromConfig(config: Config, store?: ThrottleStore): LoginThrottle {
    const wait = { firstWaitMs: config.LOGIN_LOCK_SECONDS * 1000 };
    const maxWaitMs = config.LOGIN_LOCK_MAX_SECONDS * 1000;
    return new LoginThrottle(
      // Failures are remembered a day: long enough that backing off means something.
      store ?? new MemoryThrottleStore('login', 86_400),
      { free: config.LOGIN_FREE_FAILURES, ...wait, maxWaitMs },
      { free: config.LOGIN_ADDRESS_FREE_FAILURES, ...wait, maxWaitMs },
    );
  }

  /**
   * Before checking a password: refuses while the account or the address waits; otherwise
   * counts the attempt and returns the function to call with the outcome.
   */
  async attempt(
    username: string,
    address: string,
  ): Promise<
    { ok: true; done(success: boolean): Promise<Verdict> } | { ok: false; retryAfterMs: number }
  > {
    const keys = [accountKey(username), addressKey(address)] as const;
    const waiting = Math.max(...(await Promise.all(keys.map((k) => this.store.lockedFor(k)))));
    if (waiting > 0) return { ok: false, retryAfterMs: waiting };
    const [forAccount, forAddress] = await Promise.all(keys.map((k) => this.store.count(k)));
    const waits = [backoffMs(forAccount!, this.account), backoffMs(forAddress!, this.address)];
    await Promise.all(keys.map((k, i) => (waits[i]! > 0 ? this.store.lock(k, waits[i]!) : null)));
    return {
      ok: true,
      done: async (success) => {
        if (!success) {
          const wait = Math.max(...waits);
          return wait > 0 ? { ok: false, retryAfterMs: wait } : { ok: true };
        }
        await Promise.all([
          this.store.forget(keys[0]),
          this.store.unlock(keys[0]),
          this.store.uncount(keys[1]),
          waits[1]! > 0 ? this.store.unlock(keys[1]) : null,
        ]);
        return { ok: true };
      },
    };
  }

  /** Every account and address waiting now (the operators' list). */
  async locks(): Promise<LockView[]> {
    const view = (l: Lock): LockView => {
      const colon = l.key.indexOf(':');
      return {
        kind: l.key.slice(0, colon) === 'account' ? 'account' : 'address',
        key: l.key.slice(colon + 1),
        until: new Date(l.until).toISOString(),
      };
    };
    return (await this.store.locks()).map(view);
  }

  /** An operator lets an account (or an address) try again, with a clean slate. */
  async release(kind: LockView['kind'], key: string): Promise<boolean> {
    const k = kind === 'account' ? accountKey(key) : addressKey(key);
    const was = (await this.store.lockedFor(k)) > 0;
    await Promise.all([this.store.unlock(k), this.store.forget(k)]);
    return was;
  }
}

/**
 * Registration attempts per source address: a fixed budget per hour, every attempt counted
 * (a refused one too: each answer about a username is worth throttling).
 */
export class RegistrationThrottle {
  constructor(
    private readonly store: ThrottleStore,
    private readonly perHour: number,
  ) {}

  static fromConfig(config: Config, store?: ThrottleStore): RegistrationThrottle {
    return new RegistrationThrottle(
      store ?? new MemoryThrottleStore('register', 3600),
      config.REGISTER_PER_ADDRESS_PER_HOUR,
    );
  }

  async attempt(address: string): Promise<Verdict> {
    const key = addressKey(address);
    const waiting = await this.store.lockedFor(key);
    if (waiting > 0) return { ok: false, retryAfterMs: waiting };
    if ((await this.store.count(key)) <= this.perHour) return { ok: true };
    // Over budget: the address waits an hour, then starts afresh.
    await this.store.forget(key);
    await this.store.lock(key, 3_600_000);
    return { ok: false, retryAfterMs: 3_600_000 };
  }
}
