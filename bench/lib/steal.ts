import fs from 'node:fs';
import os from 'node:os';
import { round } from './stats.js';

/** Linux counts /proc/stat in USER_HZ, 100 per second on every architecture Node runs on. */
const HZ = 100;
const SAMPLE_MS = 250;

export interface StealWindow {
  /** CPU time the hypervisor gave to other guests, summed over this machine's CPUs */
  s: number;
  /** the most stolen in one 250 ms sample: a stall every process here felt */
  maxMsPerSample: number;
  /** the 1-minute load average as the window closed: the machine's other users */
  load1m?: number;
}

/** The `steal` column of /proc/stat's `cpu` line, in jiffies; null off Linux or in a VM without it. */
function stealJiffies(): number | null {
  try {
    const line = fs.readFileSync('/proc/stat', 'utf8').split('\n', 1)[0]!;
    const v = Number(line.trim().split(/\s+/)[8]);
    return Number.isFinite(v) ? v : null;
  } catch {
    return null;
  }
}

/**
 * CPU steal over the bench's phases: on a shared VM the hypervisor may take a core away for
 * 100 ms and more, and every process here, server and reference alike, stalls with it.
 * Reported beside the figures so a run's outliers can be read for what they are.
 */
export class StealMeter {
  private readonly timer: NodeJS.Timeout | null;
  private last: number | null = stealJiffies();
  private readonly open = new Map<string, StealWindow>();
  readonly windows: Record<string, StealWindow> = {};

  constructor() {
    this.timer = this.last === null ? null : setInterval(() => this.sample(), SAMPLE_MS);
    this.timer?.unref();
  }

  get available(): boolean {
    return this.timer !== null;
  }

  start(name: string): void {
    this.open.set(name, { s: 0, maxMsPerSample: 0 });
  }

  stop(name: string): void {
    const w = this.open.get(name);
    if (!w) return;
    this.open.delete(name);
    this.windows[name] = {
      s: round(w.s, 2)!,
      maxMsPerSample: round(w.maxMsPerSample, 0)!,
      load1m: round(os.loadavg()[0]!, 2)!,
    };
  }

  close(): void {
    if (this.timer) clearInterval(this.timer);
    for (const name of [...this.open.keys()]) this.stop(name);
  }

  private sample(): void {
    const now = stealJiffies();
    if (now === null || this.last === null) return;
    const stolenMs = ((now - this.last) * 1000) / HZ;
    this.last = now;
    for (const w of this.open.values()) {
      w.s += stolenMs / 1000;
      w.maxMsPerSample = Math.max(w.maxMsPerSample, stolenMs);
    }
  }
}
