import { html, css, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { SacElement } from '../../components/sac-element.js';
import type { OpsUnit } from '../../../shared/console.js';
import { distanceMetres } from '../../../shared/geo.js';
import { getLang, t } from '../../../shared/i18n/index.js';
import type { CityInfo, GeoPoint } from '../../../shared/types.js';
import { base } from '../../styles.js';
import { unitPosition } from './ops-data.js';
import { opsStyles } from './ops-styles.js';

export interface UnitChoice {
  unit: OpsUnit;
  /** metres from the alert; null when either place is unknown */
  metres: number | null;
  /** the distance is to the middle of the unit's beat, not a logged position */
  approximate: boolean;
}

/** Free cars first, nearest first; busy ones after, still choosable (the operator decides). */
export function rankUnits(units: OpsUnit[], at: GeoPoint | null, city: CityInfo): UnitChoice[] {
  return units
    .map((unit) => {
      const pos = unitPosition(unit, city);
      return {
        unit,
        metres: at && pos ? distanceMetres(at, pos) : null,
        approximate: typeof unit.lat !== 'number',
      };
    })
    .sort(
      (a, b) =>
        Number(a.unit.status !== 'available') - Number(b.unit.status !== 'available') ||
        (a.metres ?? Infinity) - (b.metres ?? Infinity),
    );
}

export function formatDistance(metres: number | null): string {
  if (metres === null) return '—';
  const locale = getLang() === 'es' ? 'es-AR' : 'en-GB';
  if (metres < 1000) return `${Math.round(metres / 10) * 10} m`;
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(metres / 1000)} km`;
}

/** The units to dispatch, with status and distance; keys 1–9 pick (operator-home). */
@customElement('sac-dispatch-picker')
export class DispatchPicker extends SacElement {
  static override styles = [
    base,
    opsStyles,
    css`
      ol {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        gap: 4px;
        max-height: 260px;
        overflow: auto;
      }
      button {
        width: 100%;
        display: grid;
        grid-template-columns: 22px 1fr auto auto;
        gap: 8px;
        align-items: center;
        text-align: left;
        min-height: 36px;
        padding: 4px 8px;
      }
      button.busy {
        color: var(--muted);
      }
      .dist {
        font-variant-numeric: tabular-nums;
        font-weight: 700;
      }
      .approx {
        font-weight: 400;
        color: var(--muted);
      }
    `,
  ];

  @property({ attribute: false }) choices: UnitChoice[] = [];

  private pick(unitId: string): void {
    this.dispatchEvent(
      new CustomEvent('dispatch', { detail: unitId, bubbles: true, composed: true }),
    );
  }

  override render() {
    return html`<p class="section-title" id="pick">${t('ops.dispatch.choose')}</p>
      <ol aria-labelledby="pick">
        ${this.choices.map(
          (c, i) =>
            html`<li>
              <button
                class=${c.unit.status === 'available' ? '' : 'busy'}
                data-unit=${c.unit.id}
                @click=${() => this.pick(c.unit.id)}
              >
                ${i < 9 ? html`<kbd>${i + 1}</kbd>` : html`<span></span>`}
                <span><strong>${c.unit.label}</strong></span>
                <span class="pill st-${c.unit.status}"
                  >${t(`ops.unit.status.${c.unit.status}`)}</span
                >
                <span class="dist"
                  >${formatDistance(c.metres)}${
                    c.approximate && c.metres !== null
                      ? html` <span class="approx">${t('ops.dispatch.approx')}</span>`
                      : nothing
                  }</span
                >
              </button>
            </li>`,
        )}
      </ol>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'sac-dispatch-picker': DispatchPicker;
  }
}
