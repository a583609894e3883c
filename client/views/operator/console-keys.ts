import { ALERT_OUTCOMES } from '../../../shared/console.js';
import type { DetailMode, Intent } from './alert-detail.js';

/** What the keyboard may ask of the console (operator-home implements it). */
export interface KeyHost {
  readonly onQueue: boolean;
  readonly selected: string | null;
  readonly mode: DetailMode;
  move(step: 1 | -1): void;
  perform(intent: Intent): void;
  /** the n-th unit of the dispatch picker, 0-based */
  pickUnit(index: number): void;
  focusSearch(): void;
  focusNote(): void;
  toggleHelp(): void;
}

/** Typing in a field is typing, not a shortcut (only Escape leaves the field). */
function inField(e: KeyboardEvent): boolean {
  const target = e.composedPath()[0];
  if (!(target instanceof HTMLElement)) return false;
  return (
    target.isContentEditable ||
    target instanceof HTMLInputElement ||
    target instanceof HTMLTextAreaElement ||
    target instanceof HTMLSelectElement
  );
}

/**
 * The console's shortcuts (listed in shortcuts-help.ts): j/k move, a acknowledge, d dispatch
 * (then 1–9), s on scene, e escalate, r resolve (then 1–5), f false alarm, Enter confirms,
 * m the next unit for a dispatch nobody accepted, n note, i identity, l release a held-back
 * alert, / filter, Esc back, ? help. Returns whether the key was used.
 */
export function handleKey(e: KeyboardEvent, host: KeyHost): boolean {
  if (e.ctrlKey || e.metaKey || e.altKey) return false;
  if (inField(e)) return false;
  if (e.key === '?') {
    host.toggleHelp();
    return true;
  }
  // Inside the help dialog, keys are the dialog's: Escape must close it, not the alert.
  if (e.composedPath().some((n) => n instanceof HTMLDialogElement)) return false;
  if (!host.onQueue) return false;
  const id = host.selected;
  const digit = /^[1-9]$/.test(e.key) ? Number(e.key) - 1 : -1;
  if (digit >= 0 && host.mode === 'dispatch') {
    host.pickUnit(digit);
    return true;
  }
  if (digit >= 0 && host.mode === 'resolve') {
    const outcome = ALERT_OUTCOMES[digit];
    if (outcome) host.perform({ kind: 'resolve', outcome });
    return true;
  }
  switch (e.key) {
    case 'j':
      host.move(1);
      return true;
    case 'k':
      host.move(-1);
      return true;
    case '/':
      host.focusSearch();
      return true;
    case 'Escape':
      host.perform(host.mode !== 'view' ? { kind: 'mode', mode: 'view' } : { kind: 'close' });
      return true;
    case 'Enter':
      if (host.mode === 'escalate' || host.mode === 'false_alarm')
        host.perform({ kind: host.mode });
      else if (!id) host.move(1);
      else return false; // Enter on a focused button is that button's
      return true;
  }
  if (!id) return false;
  const intents: Readonly<Record<string, Intent>> = {
    a: { kind: 'acknowledge' },
    s: { kind: 'on_scene' },
    d: { kind: 'mode', mode: 'dispatch' },
    e: { kind: 'mode', mode: 'escalate' },
    r: { kind: 'mode', mode: 'resolve' },
    f: { kind: 'mode', mode: 'false_alarm' },
    i: { kind: 'identity' },
    l: { kind: 'release' },
    m: { kind: 'redispatch' },
  };
  if (e.key === 'n') {
    host.focusNote();
    return true;
  }
  const intent = Object.hasOwn(intents, e.key) ? intents[e.key] : undefined;
  if (!intent) return false;
  host.perform(intent);
  return true;
}
