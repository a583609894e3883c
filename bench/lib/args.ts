import { parseArgs } from 'node:util';
import { parseProfiles, parseRounds, type Profile } from './slow-link/profiles.js';

/** The reference city (DESIGN §1). */
export const CITY = { residents: 16_788, steadyAlerts: 60, burstAlerts: 200, relayReaders: 50 };

/**
 * The neighbourhood grids the bench can lay over the demo city's ground: the reference
 * city's 400 neighbourhood groups (DESIGN §1), or the demo city's 40 areas, ten times as
 * large (the default for a scaled city, so every area still has residents to notify).
 */
export const GRIDS: Record<number, { columns: number; rows: number }> = {
  400: { columns: 25, rows: 16 },
  40: { columns: 8, rows: 5 },
};

export interface Options {
  scale: number;
  residents: number;
  /** neighbourhood groups (areas), a key of GRIDS */
  areas: number;
  steadyAlerts: number;
  burstAlerts: number;
  burstWindowMs: number;
  relayReaders: number;
  relayWrites: number;
  /** how many times the restart is measured (each a SIGTERM and a full resync); the median is the figure */
  restarts: number;
  browser: boolean;
  reference: boolean;
  keep: boolean;
  cpuProf: boolean;
  /** V8's --trace-gc in both servers' logs (kept), to compare their pauses */
  traceGc: boolean;
  /** run our server from another checkout (e.g. a patched copy), for before/after figures */
  serverRoot: string | null;
  out: string;
  /** run only the observatory's figures (seconds, not the city's half hour) */
  observatoryOnly: boolean;
  /** the slow-link phase (a resident behind an emulated mobile link), after the others */
  slowLink: {
    run: boolean;
    only: boolean;
    profiles: Profile[];
    rounds: number;
    visits: number;
    flapAlerts: number;
  };
}

const USAGE = `npm run bench [-- options]
  --scale <0..1>     fraction of the reference city (default 1: 16,788 residents)
  --areas <400|40>   neighbourhood groups (default 400, the reference city; 40 when scaled)
  --no-browser       skip the Chromium offline-reload measurement
  --no-reference     skip the @y/websocket-server comparison
  --cpu-prof         write a V8 CPU profile of our server (into the run's temp dir, kept)
  --restarts <n>     measure the restart n times, the median is the figure (default 1)
  --trace-gc         log every GC pause of our server and the reference (temp dir, kept)
  --observatory-only only the observatory's figures (a minute), results not written
  --keep             keep the temp directory (data, logs, certificates)
  --server-root <d>  start our server from checkout <d> instead of this one (before/after runs)
  --out <file>       results file (default bench/results/latest.json; scaled runs: scaled.json)
  --no-slow-link     skip the slow-link phase (a resident behind an emulated mobile link)
  --slow-link-only   only the slow-link phase (needs root and /dev/net/tun; ~10 min)
  --slow-profiles <list>  of 3g,poor,terrible,flapping (default all four)
  --slow-rounds <n>  alerts and repeat visits per profile (default 5; reloads while flapping: up to 3)
  --slow-visits <n>  first visits (fresh phones) per profile (default 3)
  --slow-flap-alerts <n>  alerts raised on the flapping link (default 10)`;

export function options(argv = process.argv.slice(2)): Options {
  const { values } = parseArgs({
    args: argv,
    options: {
      scale: { type: 'string', default: '1' },
      areas: { type: 'string' },
      'no-browser': { type: 'boolean', default: false },
      'no-reference': { type: 'boolean', default: false },
      'cpu-prof': { type: 'boolean', default: false },
      'trace-gc': { type: 'boolean', default: false },
      keep: { type: 'boolean', default: false },
      restarts: { type: 'string', default: '1' },
      'observatory-only': { type: 'boolean', default: false },
      'server-root': { type: 'string' },
      out: { type: 'string' },
      'no-slow-link': { type: 'boolean', default: false },
      'slow-link-only': { type: 'boolean', default: false },
      'slow-profiles': { type: 'string' },
      'slow-rounds': { type: 'string' },
      'slow-visits': { type: 'string' },
      'slow-flap-alerts': { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const scale = Number(values.scale);
  if (!(scale > 0 && scale <= 1)) throw new Error(`--scale must be in (0, 1]\n${USAGE}`);
  const full = scale === 1;
  const areas = Number(values.areas ?? (full ? 400 : 40));
  if (!GRIDS[areas])
    throw new Error(`--areas must be one of ${Object.keys(GRIDS).join(', ')}\n${USAGE}`);
  // Residents are dealt round-robin over the areas; the raisers are the sixth round (plan.ts).
  const residents = Math.round(CITY.residents * scale);
  if (residents < areas * 6)
    throw new Error(
      `--scale ${scale} gives ${residents} residents, fewer than 6 per area (${areas * 6})\n${USAGE}`,
    );
  return {
    scale,
    residents,
    areas,
    // Rates stay real; a scaled city has proportionally fewer alerts (but enough to rank).
    steadyAlerts: Math.max(10, Math.round(CITY.steadyAlerts * scale)),
    burstAlerts: Math.max(20, Math.round(CITY.burstAlerts * scale)),
    // The burst keeps its rate (200 in 10 s = 20/s) when scaled.
    burstWindowMs: (Math.max(20, Math.round(CITY.burstAlerts * scale)) / 20) * 1000,
    relayReaders: Math.max(10, Math.round(CITY.relayReaders * scale)),
    relayWrites: full ? 400 : 200,
    restarts: Math.max(1, Math.round(Number(values.restarts)) || 1),
    browser: !values['no-browser'],
    reference: !values['no-reference'],
    keep: values.keep || values['cpu-prof'] || values['trace-gc'],
    cpuProf: values['cpu-prof'],
    traceGc: values['trace-gc'],
    serverRoot: values['server-root'] ?? null,
    observatoryOnly: values['observatory-only'],
    slowLink: {
      run: !values['no-slow-link'],
      only: values['slow-link-only'],
      profiles: parseProfiles(values['slow-profiles']),
      rounds: parseRounds('--slow-rounds', values['slow-rounds'], 5),
      visits: parseRounds('--slow-visits', values['slow-visits'], 3),
      flapAlerts: parseRounds('--slow-flap-alerts', values['slow-flap-alerts'], 10),
    },
    out:
      values.out ??
      (values['slow-link-only']
        ? 'bench/results/slow-link.json'
        : full
          ? 'bench/results/latest.json'
          : 'bench/results/scaled.json'),
  };
}
