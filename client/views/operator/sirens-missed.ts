import { html, nothing } from 'lit';
import type { OpsSiren } from '../../../shared/console.js';
import { formatTime, t } from '../../../shared/i18n/core.js';
import type { ConsoleAlert } from './ops-data.js';

/** A missed command stays on the board this long: a shift's worth and more. */
export const MISSED_SHOWN_MS = 24 * 3_600_000;

/** True when the unit's last command expired before it acknowledged, within the last day. */
export function missedRecently(s: OpsSiren, now: number): boolean {
  return !!s.missedAt && now - Date.parse(s.missedAt) < MISSED_SHOWN_MS;
}

/**
 * Commands that expired undelivered (server/sirens: a unit offline or not answering): the
 * operator learns which units stayed quiet, or did not stop, when they should have.
 */
export function missedBanner(
  sirens: readonly OpsSiren[],
  now: number,
  onShow: (() => void) | null,
) {
  const count = sirens.filter((s) => missedRecently(s, now)).length;
  if (!count) return nothing;
  return html`<div class="missed" role="status" data-missed=${count}>
    <strong>${count === 1 ? t('sirens.missed.one') : t('sirens.missed.many', { count })}</strong>
    <p>${t('sirens.missed.hint')}</p>
    ${onShow ? html`<button @click=${onShow}>${t('sirens.show_missed')}</button>` : nothing}
  </div>`;
}

/** The unit's last expired command: what, for which alert, when. */
export function missedCell(s: OpsSiren, alerts: readonly ConsoleAlert[], now: number) {
  if (!missedRecently(s, now) || !s.missedCmd) return html`<span class="muted">—</span>`;
  const cmd = t(`sirens.cmd.${s.missedCmd}`);
  const time = formatTime(s.missedAt!);
  const alert = s.missedAlert ? alerts.find((a) => a.id === s.missedAlert) : undefined;
  return html`<span class="warn"
    >${
      alert
        ? t('sirens.missed.for_alert', { cmd, type: t(`alert.type.${alert.type}`), time })
        : t('sirens.missed.cell', { cmd, time })
    }</span
  >`;
}
