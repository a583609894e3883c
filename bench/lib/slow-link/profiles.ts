/**
 * The links a resident's phone sits behind in the slow-link phase. Figures are the issue's
 * field measurements of prepaid mobile data: round-trip time, bottleneck rate, random loss.
 */
export interface LinkShape {
  /** round-trip time the link adds; half of it each way */
  rttMs: number;
  /** bottleneck rate in bits per second, the same both ways */
  rateBps: number;
  /** probability a packet is lost, applied independently in each direction */
  loss: number;
  /**
   * Depth of the bottleneck's queue in milliseconds of its rate (a mobile network buffers
   * generously: packets wait rather than drop, which is what makes a busy link slow).
   */
  queueMs: number;
}

export interface FlapSchedule {
  /** length of one cycle */
  periodMs: number;
  /** the link is down for the last `downMs` of every cycle */
  downMs: number;
}

export interface Profile {
  name: string;
  shape: LinkShape;
  flap: FlapSchedule | null;
  /** targets from the issue: login screen usable, service worker ready (first visit) */
  targets: { loginMs: number; swReadyMs: number };
}

const QUEUE_MS = 1000;
const threeG: LinkShape = { rttMs: 300, rateBps: 1_600_000, loss: 0, queueMs: QUEUE_MS };
const poor: LinkShape = { rttMs: 400, rateBps: 400_000, loss: 0.03, queueMs: QUEUE_MS };
const terrible: LinkShape = { rttMs: 1000, rateBps: 100_000, loss: 0.1, queueMs: QUEUE_MS };

export const PROFILES: Record<string, Profile> = {
  '3g': { name: '3g', shape: threeG, flap: null, targets: { loginMs: 2000, swReadyMs: 5000 } },
  poor: { name: 'poor', shape: poor, flap: null, targets: { loginMs: 4000, swReadyMs: 12_000 } },
  terrible: {
    name: 'terrible',
    shape: terrible,
    flap: null,
    targets: { loginMs: 15_000, swReadyMs: 45_000 },
  },
  // The poor link, down 10 s of every 15 s.
  flapping: {
    name: 'flapping',
    shape: poor,
    flap: { periodMs: 15_000, downMs: 10_000 },
    targets: { loginMs: 4000, swReadyMs: 12_000 },
  },
};

export const DEFAULT_PROFILES = ['3g', 'poor', 'terrible', 'flapping'];

/** `--slow-profiles 3g,poor`: names in the given order, each once; throws on an unknown name. */
export function parseProfiles(list: string | undefined): Profile[] {
  const names = (list ?? DEFAULT_PROFILES.join(','))
    .split(',')
    .map((s) => s.trim().toLowerCase())
    .filter((s) => s !== '');
  if (names.length === 0) throw new Error('--slow-profiles: no profile named');
  const out: Profile[] = [];
  for (const name of names) {
    const p = PROFILES[name];
    if (!p)
      throw new Error(
        `--slow-profiles: unknown profile "${name}" (known: ${Object.keys(PROFILES).join(', ')})`,
      );
    if (!out.includes(p)) out.push(p);
  }
  return out;
}

/** A positive whole number of rounds from a flag; throws with the flag's name otherwise. */
export function parseRounds(flag: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 100)
    throw new Error(`${flag} must be a whole number from 1 to 100, not "${value}"`);
  return n;
}

/** One-way delay of a shape: the link's round trip split evenly between the two directions. */
export const oneWayMs = (s: LinkShape): number => s.rttMs / 2;

/** Queue depth in bytes: `queueMs` of the rate, never under 16 full-size packets. */
export const queueBytes = (s: LinkShape): number =>
  Math.max(16 * 1500, Math.round((s.rateBps / 8) * (s.queueMs / 1000)));
