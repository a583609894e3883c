import type { Browser, Page } from 'playwright-core';
import { alertButtons } from './in-page.js';
import {
  flapFigures,
  flapPressTimes,
  spread,
  type FlapAlert,
  type FlapFigures,
  type Spread,
} from './figures.js';
import type { SlowLink } from './netns.js';
import type { Profile } from './profiles.js';
import {
  OPS_ROWS,
  firstVisit,
  phoneContext,
  pressAlert,
  repeatVisit,
  untilRecorded,
} from './rounds.js';
import { readRows } from './in-page.js';
import { sleep } from '../stats.js';

export interface FlapResult extends FlapFigures {
  profile: string;
  schedule: { periodMs: number; downMs: number };
  /** alerts pressed while the link was down */
  pressedDown: number;
  /** reload during the flapping → alert buttons usable, ms */
  reloadMs: Spread;
  reloadCapMs: number;
  /** how long the phase waited, after the last press, for every row */
  settleCapMs: number;
}

const SETTLE_MS = 120_000;
const RELOAD_CAP_MS = 60_000;
const SIGN_IN_CAP_MS = 90_000;

/**
 * The resident signs in on the steady link, then the link starts flapping: `alerts` alerts
 * are pressed at times that walk through the cycle (outages and up-times alike), the
 * operator's screen is watched for each row, then the app is reloaded `reloads` times
 * while the link keeps flapping.
 */
export async function flappingRound(
  p: Profile,
  link: SlowLink,
  resident: Browser,
  ops: Page,
  url: string,
  username: string,
  alerts: number,
  reloads: number,
  log: (s: string) => void,
): Promise<FlapResult> {
  const flap = p.flap!;
  link.setFlap(null, Date.now());
  link.setShape(p.shape);
  const ctx = await phoneContext(resident);
  try {
    const phone = await ctx.newPage();
    const visit = await firstVisit(phone, link, url, username, SIGN_IN_CAP_MS);
    log(`slow link ${p.name}: signed in, worker in control after ${visit.swReadyMs ?? '> cap'} ms`);
    await phone.waitForFunction(alertButtons, undefined, { polling: 'raf', timeout: 60_000 });
    const t0 = Date.now() + 2000;
    link.setFlap(flap, t0);
    const list: FlapAlert[] = [];
    for (const at of flapPressTimes(alerts, flap, t0)) {
      await sleep(Math.max(0, at - Date.now()));
      const { id, pressAt } = await pressAlert(phone);
      list.push({ id, pressAt, rowAt: null, copies: 0 });
    }
    const ids = list.map((a) => a.id).filter((x): x is string => x !== null);
    await untilRecorded(phone, ops, (_, o) => ids.every((id) => o?.seen[id]), SETTLE_MS);
    // A second copy would be drawn after the first: give it a moment to show.
    await sleep(3000);
    const rows = await ops.evaluate(readRows, OPS_ROWS.key);
    for (const a of list) {
      if (a.id === null) continue;
      a.rowAt = rows?.seen[a.id] ?? null;
      a.copies = rows?.copies[a.id] ?? 0;
    }
    const times: (number | null)[] = [];
    for (let i = 0; i < reloads; i++) {
      times.push(await repeatVisit(phone, url, RELOAD_CAP_MS));
      await sleep(3300);
    }
    link.setFlap(null, Date.now());
    const figures = flapFigures(list, flap, t0);
    return {
      profile: p.name,
      schedule: flap,
      pressedDown: list.filter(
        (a) => (a.pressAt - t0) % flap.periodMs >= flap.periodMs - flap.downMs,
      ).length,
      ...figures,
      reloadMs: spread(times, RELOAD_CAP_MS),
      reloadCapMs: RELOAD_CAP_MS,
      settleCapMs: SETTLE_MS,
    };
  } finally {
    link.setFlap(null, Date.now());
    await ctx.close().catch(() => undefined);
  }
}
