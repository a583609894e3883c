import { html, nothing } from 'lit';
import { ALERT_THRESHOLD, isOpenStatus } from '../../../shared/catalogue.js';
import { formatTime, t } from '../../../shared/i18n/core.js';
import { heldWhat } from '../../../shared/types.js';
import type { ConsoleAlert } from './ops-data.js';
import type { NameOf } from './detail-sections.js';

/**
 * What the per-resident threshold held back of an alert, said on the alert (server/alerts/
 * threshold.ts): the detail says what did not go out and offers to release it (key `l`); once
 * released, who did and when. Nothing for an alert the threshold did not touch.
 */
export function heldNote(a: ConsoleAlert, nameOf: NameOf, release: () => void) {
  const what = heldWhat(a.heldBack);
  if (!what) return nothing;
  if (a.releasedAt)
    return html`<p class="flagged" data-held="released">
      ${t('held.ops.released', { name: a.releasedBy ? nameOf(a.releasedBy) : '—', time: formatTime(a.releasedAt) })}
    </p>`;
  const minutes = ALERT_THRESHOLD.windowMs / 60_000;
  return html`<div class="flagged" role="note" data-held=${what}>
    <strong>${t('held.ops.title')}</strong>
    <p>${t(`held.ops.${what}`, { count: ALERT_THRESHOLD.count, minutes })}</p>
    ${
      isOpenStatus(a.status)
        ? html`<button class="primary" data-action="release" @click=${release}>
            ${t(`held.ops.release_${what}`)} <kbd>l</kbd>
          </button>`
        : nothing
    }
  </div>`;
}

/** The queue row's word for it: what is held back, or that it was released. */
export function heldChip(a: ConsoleAlert) {
  const what = heldWhat(a.heldBack);
  if (!what) return nothing;
  const text = a.releasedAt ? t('held.short.released') : t(`held.short.${what}`);
  return html`<span class="warn" data-held=${a.releasedAt ? 'released' : what}>${text}</span>`;
}

/** True when the key `l` has something to release on this alert. */
export function canRelease(a: ConsoleAlert | undefined): boolean {
  return !!a && !!heldWhat(a.heldBack) && !a.releasedAt && isOpenStatus(a.status);
}
