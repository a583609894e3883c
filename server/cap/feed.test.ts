import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCity } from '../city/city.js';
import { loadConfig } from '../config.js';
import type { CapAlertRow, CapStore } from '../storage/integrations.js';
import { CapFeed } from './feed.js';

const H = 3_600_000;
const T0 = Date.parse('2026-12-05T12:00:00.000Z');
const iso = (ms: number) => new Date(ms).toISOString();

/** A store of one fire, verified and resolved at T0, with a counter of full reads. */
function store() {
  const fire: CapAlertRow = {
    id: '3f2a5c1e-1111-4222-8333-944455556666',
    type: 'fire',
    areaId: 'area-1',
    status: 'resolved',
    statusAt: iso(T0),
    flagged: false,
    releasedAt: null,
    events: [
      { status: 'received', at: iso(T0 - 20 * 60_000) },
      { status: 'acknowledged', at: iso(T0 - 19 * 60_000) },
      { status: 'resolved', at: iso(T0) },
    ],
  };
  const reads = { n: 0 };
  const cap: CapStore = {
    current: (since) => {
      reads.n++;
      return fire.statusAt >= since ? [fire] : [];
    },
    byId: (id) => (id === fire.id ? fire : undefined),
    lastClosedBefore: (since) => (fire.statusAt < since ? fire.statusAt : null),
    version: () => '1.1',
  };
  return { cap, reads };
}

describe('the CAP index over time', () => {
  it('keeps an ended alert 24 h, answers from what it built, and rebuilds when it must leave', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sac-cap-'));
    const config = loadConfig({ DEMO: '1', DATA_DIR: dir });
    const { cap, reads } = store();
    let now = T0 + H;
    const feed = new CapFeed({
      storage: { cap },
      city: loadCity(config),
      config,
      now: () => new Date(now),
    });
    const url = (id: string) => `https://x/cap/messages/${id}.xml`;

    const first = feed.index('https://x/cap/alerts.atom', url);
    expect(first.body).toContain('.resolved.xml');
    expect(first.updated).toBe(iso(T0));
    now = T0 + 23 * H;
    expect(feed.index('https://x/cap/alerts.atom', url)).toBe(first);
    expect(reads.n).toBe(1);

    now = T0 + 24 * H + 1;
    const after = feed.index('https://x/cap/alerts.atom', url);
    expect(reads.n).toBe(2);
    expect(after.body).not.toContain('<entry>');
    // The feed changed when the alert left it.
    expect(after.updated).toBe(iso(T0 + 24 * H));
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
