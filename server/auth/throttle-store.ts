import { RateLimiterMemory } from 'rate-limiter-flexible';

/** A key that is made to wait: an account or a source address. */
export interface Lock {
  key: string;
  /** epoch ms when the wait ends */
  until: number;
}

/**
 * What the sign-in and registration throttles keep. In memory (one process) today; once SAC
 * runs on several nodes, an implementation over rate-limiter-flexible's Redis or Postgres
 * limiters (the same calls) replaces it, so a guesser cannot spread guesses across nodes.
 */
export interface ThrottleStore {
  /** Counts one attempt against `key`; returns the attempts counted in its window. */
  count(key: string): Promise<number>;
  /** Takes one counted attempt back (counted in advance, and it turned out well). */
  uncount(key: string): Promise<void>;
  /** Forgets `key`'s attempts (a right password wipes the account's slate). */
  forget(key: string): Promise<void>;
  /** Makes `key` wait `ms`. */
  lock(key: string, ms: number): Promise<void>;
  /** How long `key` must still wait, in ms; 0 when it need not. */
  lockedFor(key: string): Promise<number>;
  unlock(key: string): Promise<void>;
  /** Every key waiting now, soonest free first. */
  locks(): Promise<Lock[]>;
}

/**
 * The memory store: attempts in a fixed window from a key's first attempt (`windowSeconds`),
 * locks as rate-limiter-flexible blocks. Entries expire on their own timers, so a spray of
 * made-up usernames costs memory only for its window.
 */
export class MemoryThrottleStore implements ThrottleStore {
  private readonly attempts: RateLimiterMemory;
  private readonly waits: RateLimiterMemory;

  constructor(name: string, windowSeconds: number) {
    // `points` only matters for consume(); attempts are counted with penalty(), never refused.
    this.attempts = new RateLimiterMemory({
      keyPrefix: `${name}:n`,
      points: 1,
      duration: windowSeconds,
    });
    this.waits = new RateLimiterMemory({ keyPrefix: `${name}:w`, points: 1, duration: 1 });
  }

  async count(key: string): Promise<number> {
    return (await this.attempts.penalty(key, 1)).consumedPoints;
  }

  async uncount(key: string): Promise<void> {
    const res = await this.attempts.get(key);
    if (res && res.consumedPoints > 0) await this.attempts.reward(key, 1);
  }

  async forget(key: string): Promise<void> {
    await this.attempts.delete(key);
  }

  async lock(key: string, ms: number): Promise<void> {
    await this.waits.block(key, ms / 1000);
  }

  async lockedFor(key: string): Promise<number> {
    const res = await this.waits.get(key);
    return res && res.consumedPoints > 1 ? Math.max(0, res.msBeforeNext) : 0;
  }

  async unlock(key: string): Promise<void> {
    await this.waits.delete(key);
  }

  async locks(): Promise<Lock[]> {
    const now = Date.now();
    return this.waits
      .dump()
      .storage.filter((r) => r.value > 1 && r.expiresAt !== null && r.expiresAt > now)
      .map((r) => ({ key: String(r.key), until: r.expiresAt! }))
      .sort((a, b) => a.until - b.until);
  }
}
