import { t } from '../../../shared/i18n/core.js';

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
  private audio: AudioContext | null = null;

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

  stop(): void {
    if (this.flashing) clearInterval(this.flashing);
    if (this.reminder) clearInterval(this.reminder);
    this.flashing = this.reminder = null;
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

  private beep(times: number): void {
    try {
      // One context for the whole shift: browsers limit how many a page may open.
      this.audio ??= new AudioContext();
      const ctx = this.audio;
      for (let i = 0; i < times; i++) {
        const osc = ctx.createOscillator();
        const gain = ctx.createGain();
        const start = ctx.currentTime + i * 0.45;
        osc.type = 'square';
        osc.frequency.value = 880;
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
