import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { chromiumLaunch } from '../../../e2e/support/browser.js';
import { ServerProc, benchRoot } from '../server-proc.js';
import { freePort } from '../ports.js';
import { round } from '../stats.js';
import { spread, type Spread } from './figures.js';
import { flappingRound, type FlapResult } from './flapping.js';
import { NAME_SHIM, watchRows } from './in-page.js';
import { SlowLink, removeStale, unavailable } from './netns.js';
import type { LinkShape, Profile } from './profiles.js';
import type { LaneStats } from './lane.js';
import {
  OPS_ROWS,
  alertRound,
  type AlertTiming,
  firstVisit,
  phoneContext,
  repeatVisit,
  untilControlled,
} from './rounds.js';
import { DEMO_PASSWORD } from '../../../shared/demo-city.js';

export interface SlowLinkOptions {
  profiles: Profile[];
  /** alerts and repeat visits per profile, reloads while flapping */
  rounds: number;
  /** first visits per profile (each a fresh phone; the slowest part of the phase) */
  visits: number;
  /** alerts raised while flapping */
  flapAlerts: number;
}

export interface ProfileResult {
  profile: string;
  shape: LinkShape;
  alertToOpsMs: Spread;
  alertToDeliveredMs: Spread;
  /** IP bytes toward the phone until the worker controlled the page (headers and retransmissions included) */
  firstVisitBytes: Spread;
  firstVisitBytesUp: Spread;
  loginMs: Spread;
  swReadyMs: Spread;
  repeatVisitMs: Spread;
  /** every alert's figures, in the order raised */
  alerts: Pick<AlertTiming, 'toOpsMs' | 'deliveredMs' | 'sockets'>[];
  /** whether the worker controlled the phone of the repeat visits (if not, they came from the network) */
  repeatControlled: boolean;
  /** what the link did over the whole profile, per direction (down: toward the phone) */
  link: { down: LaneStats; up: LaneStats };
  /** a first visit gives up after this long (counted at the cap) */
  visitCapMs: number;
  targets: { loginMs: number; swReadyMs: number };
}

export interface SlowLinkResult {
  profiles: ProfileResult[];
  flapping: FlapResult | null;
  rounds: number;
  visits: number;
  durationS: number;
  loadAvg1m: { start: number; end: number };
}

const ALERT_CAP_MS = 30_000;
const REPEAT_CAP_MS = 30_000;
/** after a first visit's cap, how much longer the last phone may take to install before its repeat visits */
const INSTALL_WAIT_MS = 120_000;

/** Chromium for the resident resolves `localhost` to the host's end of the link (a secure origin still). */
const resolveTo = (addr: string): string => `--host-resolver-rules=MAP localhost ${addr}`;

/**
 * The slow-link phase: its own server on the demo city bound to the host's end of the link,
 * the operator in a host Chromium, the resident in a Chromium inside the namespace. Returns
 * the reason instead when this machine cannot run it (not root, no TUN device).
 */
export async function slowLinkPhase(
  o: SlowLinkOptions,
  work: string,
  log: (s: string) => void,
): Promise<SlowLinkResult | string> {
  const why = unavailable();
  if (why) return why;
  const stale = removeStale();
  if (stale.length) log(`slow link: removed leftovers of an earlier run: ${stale.join(', ')}`);
  const started = Date.now();
  const load0 = os.loadavg()[0]!;
  const link = new SlowLink();
  const browsers: Browser[] = [];
  let server: ServerProc | null = null;
  try {
    await link.start();
    const port = await freePort();
    const dataDir = path.join(work, 'slow-link-data');
    fs.mkdirSync(dataDir, { recursive: true });
    server = await ServerProc.start({
      name: 'sac-slow-link',
      root: benchRoot,
      script: 'server/main.ts',
      port,
      host: link.hostAddr,
      env: {
        DEMO: '1',
        DATA_DIR: dataDir,
        HOST: link.hostAddr,
        SECURE_COOKIES: 'false',
        LOG_LEVEL: 'warn',
        NODE_ENV: 'production',
        CLIENT_DIR: path.join(benchRoot, 'dist', 'client'),
      },
      logFile: path.join(work, 'slow-link-server.log'),
      healthPath: '/healthz',
    });
    const url = `http://localhost:${port}/`;
    const base = chromiumLaunch();
    const args = [...(base.args ?? []), resolveTo(link.hostAddr)];
    const opsBrowser = await chromium.launch({ ...base, args, headless: true });
    browsers.push(opsBrowser);
    const ops = await operatorPage(opsBrowser, url);
    const binary = base.executablePath ?? '/usr/lib/chromium/chromium';
    const resident = await chromium.launch({
      ...base,
      executablePath: link.chromiumWrapper(work, binary),
      args,
      headless: true,
    });
    browsers.push(resident);
    const out: SlowLinkResult = {
      profiles: [],
      flapping: null,
      rounds: o.rounds,
      visits: o.visits,
      durationS: 0,
      loadAvg1m: { start: round(load0, 2)!, end: 0 },
    };
    for (const [i, p] of o.profiles.entries()) {
      const username = `vecino${i + 1}`;
      if (p.flap) {
        // Each reload may wait a minute on a dead link: three show the pattern.
        const reloads = Math.min(o.rounds, 3);
        log(`slow link ${p.name}: ${o.flapAlerts} alerts, then ${reloads} reloads`);
        out.flapping = await flappingRound(
          p,
          link,
          resident,
          ops,
          url,
          username,
          o.flapAlerts,
          reloads,
          log,
        );
      } else out.profiles.push(await steadyProfile(p, o, link, resident, ops, url, username, log));
    }
    out.durationS = Math.round((Date.now() - started) / 1000);
    out.loadAvg1m.end = round(os.loadavg()[0]!, 2)!;
    return out;
  } finally {
    for (const b of browsers) await b.close().catch(() => undefined);
    await server?.stop(10_000);
    link.closeSync();
  }
}

async function operatorPage(browser: Browser, url: string): Promise<Page> {
  const ctx = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  await ctx.addInitScript({ content: NAME_SHIM });
  const page = await ctx.newPage();
  await page.goto(url);
  await page.getByLabel(/usuario|username/i).fill('operador1');
  await page.getByLabel(/contraseña|password/i).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: /ingresar|log in/i }).click();
  await page.locator('sac-alert-queue').waitFor({ timeout: 60_000 });
  await page.evaluate(watchRows, OPS_ROWS);
  return page;
}

/** One steady link: first visits on fresh phones, then repeat visits and alerts on the last. */
async function steadyProfile(
  p: Profile,
  o: SlowLinkOptions,
  link: SlowLink,
  resident: Browser,
  ops: Page,
  url: string,
  username: string,
  log: (s: string) => void,
): Promise<ProfileResult> {
  link.setFlap(null, Date.now());
  link.setShape(p.shape);
  const stats0 = await link.stats();
  const visitCapMs = Math.max(60_000, 2 * p.targets.swReadyMs);
  const visits = [];
  const repeats: (number | null)[] = [];
  const alerts = [];
  let repeatControlled = true;
  for (let v = 0; v < o.visits; v++) {
    const ctx = await phoneContext(resident);
    try {
      const page = await ctx.newPage();
      const visit = await firstVisit(page, link, url, username, visitCapMs);
      visits.push(visit);
      log(
        `slow link ${p.name}: first visit ${v + 1}/${o.visits}: login ${visit.loginMs ?? '> cap'} ms, worker ${visit.swReadyMs ?? '> cap'} ms, ${Math.round(visit.bytes / 1024)} KB`,
      );
      if (v < o.visits - 1) continue;
      // Repeat visits need the worker in control: give a slow install the time it takes.
      if (visit.swReadyMs === null)
        repeatControlled = (await untilControlled(page, Date.now() + INSTALL_WAIT_MS)) !== null;
      for (let r = 0; r < o.rounds; r++) repeats.push(await repeatVisit(page, url, REPEAT_CAP_MS));
      for (let r = 0; r < o.rounds; r++) {
        alerts.push(await alertRound(page, ops, ALERT_CAP_MS));
        await page.waitForTimeout(1000);
      }
    } finally {
      await ctx.close().catch(() => undefined);
    }
  }
  const stats1 = await link.stats();
  const result: ProfileResult = {
    profile: p.name,
    shape: p.shape,
    alertToOpsMs: spread(
      alerts.map((a) => a.toOpsMs),
      ALERT_CAP_MS,
    ),
    alertToDeliveredMs: spread(
      alerts.map((a) => a.deliveredMs),
      ALERT_CAP_MS,
    ),
    // Where the worker never took control, the bytes are those carried until the cap.
    firstVisitBytes: {
      ...spread(visits.map((v) => v.bytes)),
      capped: visits.filter((v) => v.swReadyMs === null).length,
    },
    firstVisitBytesUp: spread(visits.map((v) => v.bytesUp)),
    loginMs: spread(
      visits.map((v) => v.loginMs),
      visitCapMs,
    ),
    swReadyMs: spread(
      visits.map((v) => v.swReadyMs),
      visitCapMs,
    ),
    repeatVisitMs: spread(repeats, REPEAT_CAP_MS),
    repeatControlled,
    alerts: alerts.map((a) => ({
      toOpsMs: a.toOpsMs,
      deliveredMs: a.deliveredMs,
      sockets: a.sockets,
    })),
    link: { down: laneDelta(stats0.down, stats1.down), up: laneDelta(stats0.up, stats1.up) },
    visitCapMs,
    targets: p.targets,
  };
  log(
    `slow link ${p.name}: alert → ops ${result.alertToOpsMs.median} ms, → delivered ${result.alertToDeliveredMs.median} ms, repeat visit ${result.repeatVisitMs.median} ms`,
  );
  return result;
}

/** The phase as `npm run bench` runs it: never throws, a skip or a failure comes back as its reason. */
export async function slowLinkStep(
  o: SlowLinkOptions,
  work: string,
  log: (s: string) => void,
): Promise<SlowLinkResult | string> {
  log(`slow link: ${o.profiles.map((p) => p.name).join(', ')}`);
  const r = await slowLinkPhase(o, work, log).catch((e: unknown) => {
    log(`slow link failed: ${String(e)}`);
    return `failed: ${(e instanceof Error ? e.message : String(e)).split('\n')[0]}`;
  });
  if (typeof r === 'string') log(`slow link: skipped (${r})`);
  return r;
}

const laneDelta = (a: LaneStats, b: LaneStats): LaneStats => ({
  delivered: b.delivered - a.delivered,
  deliveredBytes: b.deliveredBytes - a.deliveredBytes,
  lost: b.lost - a.lost,
  queueDrops: b.queueDrops - a.queueDrops,
  downDrops: b.downDrops - a.downDrops,
});
