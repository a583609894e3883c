import { html, css, nothing, type PropertyValues } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { SacElement } from '../../components/sac-element.js';
import { t } from '../../../shared/i18n/core.js';
import { unmanned } from '../../../shared/dispatch-progress.js';
import { base } from '../../styles.js';
import { formatDistance, type UnitChoice } from './ops-data.js';
import { opsStyles } from './ops-styles.js';

/** What the picker asks for: a unit, and whether the operator confirmed sending it unmanned. */
export interface DispatchPick {
  unitId: string;
  confirmed: boolean;
}

/**
 * The units to dispatch, with status, crew and distance; keys 1–9 pick (operator-home). A unit
 * nobody is connected for asks once more (`pending`): at 3 a.m. an operator may still want to
 * send the only car near, whose crew a push or a phone call can wake, so it is not refused;
 * but it is never sent by a reflex keystroke. Enter confirms (the button has the focus).
 */
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
      .confirm-nobody {
        border: 2px solid var(--red);
        border-radius: 8px;
        padding: 8px 10px;
        margin-bottom: 8px;
        background: #fff8f7;
      }
      .confirm-nobody h3 {
        margin: 0 0 4px;
        font-size: 1rem;
        color: #8c1d18;
      }
      .confirm-nobody p {
        margin: 0 0 8px;
      }
      .confirm-nobody .buttons {
        display: flex;
        gap: 8px;
        flex-wrap: wrap;
      }
      .confirm-nobody button {
        width: auto;
        display: inline-block;
      }
    `,
  ];

  @property({ attribute: false }) choices: UnitChoice[] = [];
  /** a unit nobody is connected for, picked and waiting for the operator's confirmation */
  @property({ attribute: false }) pending: string | null = null;

  private pick(unitId: string, confirmed = false): void {
    const detail: DispatchPick = { unitId, confirmed };
    this.dispatchEvent(new CustomEvent('dispatch', { detail, bubbles: true, composed: true }));
  }

  override updated(changed: PropertyValues<this>): void {
    if (changed.has('pending') && this.pending)
      this.renderRoot.querySelector<HTMLButtonElement>('.confirm-nobody .primary')?.focus();
  }

  private confirmation() {
    const unit = this.choices.find((c) => c.unit.id === this.pending)?.unit;
    if (!unit) return nothing;
    return html`<div class="confirm-nobody" role="alertdialog" aria-labelledby="nobody-title">
      <h3 id="nobody-title">${t('ops.dispatch.nobody_title', { unit: unit.label })}</h3>
      <p>${t('ops.dispatch.nobody_body')}</p>
      <div class="buttons">
        <button class="primary" data-confirm=${unit.id} @click=${() => this.pick(unit.id, true)}>
          ${t('ops.dispatch.nobody_yes')} <kbd>Enter</kbd>
        </button>
        <button @click=${() => this.dispatchEvent(new CustomEvent('unpick'))}>
          ${t('ops.dispatch.nobody_other')}
        </button>
      </div>
    </div>`;
  }

  override render() {
    return html`${this.confirmation()}
      <p class="section-title" id="pick">${t('ops.dispatch.choose')}</p>
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
                ${
                  unmanned(c.unit) && c.unit.status === 'available'
                    ? html`<span class="pill st-nobody">${t('ops.unit.nobody')}</span>`
                    : html`<span class="pill st-${c.unit.status}"
                        >${t(`ops.unit.status.${c.unit.status}`)}</span
                      >`
                }
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
