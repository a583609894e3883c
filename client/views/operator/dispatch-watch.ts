import { css, html, nothing } from 'lit';
import type { OpsUnit } from '../../../shared/console.js';
import { crewTook, unmanned } from '../../../shared/dispatch-progress.js';
import { formatTime, t } from '../../../shared/i18n/core.js';
import type { CityInfo } from '../../../shared/types.js';
import {
  ageOf,
  formatDistance,
  rankUnits,
  type ConsoleAlert,
  type UnitChoice,
} from './ops-data.js';

/**
 * A dispatch no crew accepted in time (the server stamps `acceptOverdueAt`, server/console
 * accept-watch.ts). A stamp older than the last dispatch was for the unit it was taken from.
 */
export function overdue(a: ConsoleAlert): boolean {
  return (
    a.status === 'dispatched' &&
    !crewTook(a) &&
    typeof a.acceptOverdueAt === 'string' &&
    typeof a.statusAt === 'string' &&
    a.acceptOverdueAt >= a.statusAt
  );
}

/** The nearest free unit, other than the one waited for, with someone connected to take it. */
export function nextUnit(a: ConsoleAlert, units: OpsUnit[], city: CityInfo): UnitChoice | null {
  return (
    rankUnits(units, a.location, city).find(
      (c) => c.unit.id !== a.assignedUnit && c.unit.status === 'available' && !unmanned(c.unit),
    ) ?? null
  );
}

const label = (units: OpsUnit[], id: string | undefined) =>
  units.find((u) => u.id === id)?.label ?? id ?? '—';

/**
 * Under the detail's toolbar while the alert is dispatched: whether the crew accepted, how long
 * the operator has been waiting, and once overdue a warning with the next nearest unit, one
 * click or `m` away.
 */
export function dispatchProgress(
  a: ConsoleAlert,
  units: OpsUnit[],
  city: CityInfo,
  now: number,
  onRedispatch: (unitId: string) => void,
) {
  if (a.status !== 'dispatched') return nothing;
  const unit = label(units, a.assignedUnit);
  if (crewTook(a))
    return html`<p class="progress taken" data-accept="taken">
      ${t('ops.accept.taken', { unit, time: a.acceptedAt ? formatTime(a.acceptedAt) : '—' })}
    </p>`;
  if (!overdue(a))
    return html`<p class="progress" data-accept="waiting">
      ${t('ops.accept.waiting', { unit, time: ageOf(a.statusAt, now) })}
    </p>`;
  const next = nextUnit(a, units, city);
  // The console's clock ticks every few seconds: never say less than the server waited.
  const waited = ageOf(a.statusAt, Math.max(now, Date.parse(a.acceptOverdueAt!)));
  return html`<div class="progress overdue" role="alert" data-accept="overdue">
    <strong>${t('ops.accept.overdue', { unit, time: waited })}</strong>
    ${
      next
        ? html`<button
              class="primary"
              data-redispatch=${next.unit.id}
              @click=${() => onRedispatch(next.unit.id)}
            >
              ${t('ops.accept.offer', { unit: next.unit.label, distance: formatDistance(next.metres) })}
              <kbd>m</kbd>
            </button>
            <span class="small">${t('ops.accept.offer_hint')}</span>`
        : html`<span>${t('ops.accept.no_other')}</span>`
    }
  </div>`;
}

export const progressStyles = css`
  .progress {
    margin: 0 12px 8px;
    padding: 6px 10px;
    border-radius: 8px;
    font-size: 0.85rem;
    background: #e3ecfd;
    color: #0842a0;
  }
  .progress.taken {
    background: #e0f2e6;
    color: #1b5e32;
  }
  .progress.overdue {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 8px;
    background: #fde7e4;
    color: #8c1d18;
    border: 2px solid var(--red);
    animation: overdue-blink 1s step-end 6;
  }
  @keyframes overdue-blink {
    50% {
      background: #fff;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .progress.overdue {
      animation: none;
    }
  }
`;
