import fs from 'node:fs';
import path from 'node:path';
import { CITY_TIME_ZONE } from '../../shared/i18n/core.js';
import type { ObservatoryFilter } from '../../shared/observatory.js';
import { loadCity } from '../../server/city/city.js';
import { loadConfig } from '../../server/config.js';
import { seedDemo } from '../../server/demo/seed.js';
import { HISTORY_ALERTS, seedHistory } from '../../server/demo/history.js';
import type { Analysis, AnalysisJob } from '../../server/observatory/jobs.js';
import { AnalysisThread } from '../../server/observatory/worker.js';
import { openSqlite } from '../../server/storage/sqlite/index.js';

/** One city-year's figures: what a first visit to the Observatorio costs the analysis thread. */
export interface ObservatoryYear {
  alerts: number;
  /** incidents the analyses counted (verified, non-silent, in the period) */
  incidents: number;
  /** hot spots (count layer, 999 permutations) + hour × weekday, data read from SQL included */
  hotspotsHoursMs: number;
  /** the same two again with the data already read (another filter of the same data) */
  hotspotsHoursWarmMs: number;
  /** the weekly space-time cube with its Mann–Kendall trends and patterns */
  emergingMs: number;
}

/**
 * The observatory on the demo city's two synthetic years (6,000 alerts, about 3,000 a year) and
 * on years ten times as dense, each in a database of its own, the last twelve months analysed, through the analysis thread the server uses. Timed
 * from the job's post to its answer, so the figure includes the thread's reading of SQL and the
 * structured clone back, not the thread's start nor the cache (every job here is a miss).
 */
export async function observatoryPhase(
  work: string,
  log: (s: string) => void,
): Promise<{ year: ObservatoryYear; year10: ObservatoryYear }> {
  // Storage's checkpoint thread and the analysis thread are unref'd (they never keep a server
  // from exiting); here nothing else would keep the process alive while they finish.
  const alive = setInterval(() => undefined, 1000);
  try {
    const year = await oneYear(work, 1, log);
    const year10 = await oneYear(work, 10, log);
    return { year, year10 };
  } finally {
    clearInterval(alive);
  }
}

async function oneYear(work: string, times: number, log: (s: string) => void) {
  const dir = path.join(work, `observatory-${times}x`);
  fs.mkdirSync(dir, { recursive: true });
  const config = loadConfig({ DEMO: '1', DATA_DIR: dir });
  const city = loadCity(config);
  const storage = openSqlite(dir);
  const now = new Date();
  await seedDemo(storage, city); // the demo's people and its two years of alerts
  if (times > 1) seedHistory(storage, city, now, HISTORY_ALERTS * times);
  await storage.close();
  // The same seeded stream: the denser years' first 6,000 are the demo's own, stored once.
  const alerts = HISTORY_ALERTS * times;

  const thread = new AnalysisThread(path.join(dir, 'sac.db'), {
    areas: city.areas,
    observatory: city.observatory,
    timeZone: CITY_TIME_ZONE,
  });
  const day = (d: Date) => d.toISOString().slice(0, 10);
  const filter: ObservatoryFilter = {
    from: day(new Date(now.getTime() - 365 * 86_400_000)),
    to: day(new Date(now.getTime() - 86_400_000)),
    type: 'all',
    areaId: null,
  };
  let version = 0;
  const job = <A extends Analysis>(analysis: A, v = `v${version}`): AnalysisJob<A> => ({
    analysis,
    filter,
    layer: 'count',
    version: v,
    now: now.toISOString(),
  });
  const timed = async (f: () => Promise<unknown>) => {
    const t0 = performance.now();
    await f();
    return performance.now() - t0;
  };
  try {
    await thread.run(job('hours', 'warm-up')); // the thread's start and tsx, not measured
    version++;
    let incidents = 0;
    const cold = await timed(async () => {
      const hot = await thread.run(job('hotspots'));
      await thread.run(job('hours'));
      incidents = hot.meta.n;
    });
    const warm = await timed(async () => {
      await thread.run({ ...job('hotspots'), layer: 'harm' });
      await thread.run({ ...job('hours'), filter: { ...filter, type: 'general' } });
    });
    version++;
    const emerging = await timed(() => thread.run(job('emerging')));
    const out: ObservatoryYear = {
      alerts,
      incidents,
      hotspotsHoursMs: Math.round(cold),
      hotspotsHoursWarmMs: Math.round(warm),
      emergingMs: Math.round(emerging),
    };
    log(`observatory ${times}× year: ${JSON.stringify(out)}`);
    return out;
  } finally {
    await thread.close();
  }
}
