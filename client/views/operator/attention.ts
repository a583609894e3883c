import { t } from '../../../shared/i18n/index.js';

let flashing: ReturnType<typeof setInterval> | null = null;

/**
 * A new alert must be impossible to miss: a tone, and the tab title flashing until the
 * window is looked at.
 */
export function attention(count: number): void {
  beep();
  if (flashing) clearInterval(flashing);
  const original = t('app.name');
  let on = false;
  flashing = setInterval(() => {
    on = !on;
    document.title = on ? `(${count}) ${t('ops.new_alert')}` : original;
    if (document.hasFocus() && !on) {
      clearInterval(flashing!);
      flashing = null;
    }
  }, 800);
}

function beep(): void {
  try {
    const ctx = new AudioContext();
    const osc = ctx.createOscillator();
    const gain = ctx.createGain();
    osc.type = 'square';
    osc.frequency.value = 880;
    gain.gain.value = 0.08;
    osc.connect(gain).connect(ctx.destination);
    osc.start();
    osc.stop(ctx.currentTime + 0.35);
    osc.onended = () => void ctx.close();
  } catch {
    // No audio device (or autoplay blocked until the operator interacts): the flash remains.
  }
}
