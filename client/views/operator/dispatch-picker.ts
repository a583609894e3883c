import { html, css, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { SacElement } from '../../components/sac-element.js';
import { t } from '../../../shared/i18n/core.js';
import { base } from '../../styles.js';
import { formatDistance, type UnitChoice } from './ops-data.js';
import { opsStyles } from './ops-styles.js';

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
