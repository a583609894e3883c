import { alertType, isOpenStatus } from '../../../shared/catalogue.js';
import { t } from '../../../shared/i18n/core.js';
import { overdue } from './dispatch-watch.js';
import type { ConsoleAlert } from './ops-data.js';

/** While an alert waits for someone to take it, the tone repeats this often. */
const REMIND_MS = 20_000;

/**
 * A new alert must be impossible to miss, hours into a shift: a tone (two, for a critical
 * type), the tab title flashing until the window is looked at, and — while any alert waits
 * with nobody on it — the tone again every 20 s. The highlight in the queue is the view's.
 * One instance per console; nothing at module level, so a test or a second console is clean.
 */
export class Attention {
  private flashing: ReturnType<typeof setInterval> | null = null;
  private reminder: ReturnType<typeof setInterval> | null = null;
  private lateReminder: ReturnType<typeof setInterval> | null = null;
  private readonly late = new Set<string>();
  private audio: AudioContext | null = null;

  private readonly seen = new Set<string>();
  private first = true;

  /**
   * The console's alerts as they are now: sounds for what is new, waiting or overdue, and
   * returns the open alerts that arrived since the last look. What was already there when the
   * console opened (`synced` not yet true) is not news; what arrives after is.
   */
  look(alerts: readonly ConsoleAlert[], synced: boolean): ConsoleAlert[] {
    const arrived = alerts.filter((a) => !this.seen.has(a.id) && isOpenStatus(a.status));
    for (const a of alerts) this.seen.add(a.id);
    const news = this.first ? [] : arrived;
    if (synced) this.first = false;
    if (news.length)
      this.arrived(
        news.length,
        news.some((a) => alertType(a.type).priority === 'critical'),
      );
    this.waiting(alerts.filter((a) => a.status === 'received').length);
    this.overdue(alerts.filter(overdue).map((a) => a.id));
    return news;
  }

  /** New alerts arrived. */
  arrived(count: number, critical: boolean): void {
    this.beep(critical ? 2 : 1);
    this.flash(count);
  }

  /** How many alerts wait for an operator; starts or stops the reminder. */
  waiting(count: number): void {
    if (count > 0 && !this.reminder) {
      this.reminder = setInterval(() => this.beep(1), REMIND_MS);
    } else if (count === 0 && this.reminder) {
      clearInterval(this.reminder);
      this.reminder = null;
    }
  }

  /**
   * The dispatches no crew accepted in time: a falling three-tone call (unlike a new alert's)
   * for each that becomes overdue, repeated while any stays so.
   */
  overdue(ids: readonly string[]): void {
    const fresh = ids.filter((id) => !this.late.has(id));
    this.late.clear();
    for (const id of ids) this.late.add(id);
    if (fresh.length) this.beep(3, [660, 520, 390]);
    if (ids.length && !this.lateReminder) {
      this.lateReminder = setInterval(() => this.beep(3, [660, 520, 390]), REMIND_MS);
    } else if (!ids.length && this.lateReminder) {
      clearInterval(this.lateReminder);
      this.lateReminder = null;
    }
  }

  stop(): void {
    if (this.flashing) clearInterval(this.flashing);
    if (this.reminder) clearInterval(this.reminder);
    if (this.lateReminder) clearInterval(this.lateReminder);
    this.flashing = this.reminder = this.lateReminder = null;
    document.title = t('app.name');
    void this.audio?.close();
    this.audio = null;
  }

  private flash(count: number): void {
    if (this.flashing) clearInterval(this.flashing);
    const original = t('app.name');
    let on = false;
    this.flashing = setInterval(() => {
      on = !on;
      document.title = on ? `(${count}) ${t('ops.new_alert')}` : original;
      if (document.hasFocus() && !on) {
        clearInterval(this.flashing!);
        this.flashing = null;
      }
    }, 800);
  }

  private beep(times: number, pitches: readonly number[] = [880]): void {
    try {
      // One context for the whole shift: browsers limit how many a page may open.
      this.audio ??= new AudioContext();
      const ctx = this.audio;
      for (let i = 0; i < times; i++) {
        const osc = ctx.createOscillator();
        const gain = ctx.createGain();
        const start = ctx.currentTime + i * 0.45;
        osc.type = 'square';
        osc.frequency.value = pitches[i % pitches.length]!;
        gain.gain.value = 0.08;
        osc.connect(gain).connect(ctx.destination);
        osc.start(start);
        osc.stop(start + 0.3);
      }
    } catch {
      // No audio device (or autoplay blocked until the operator interacts): the flash remains.
    }
  }
}
