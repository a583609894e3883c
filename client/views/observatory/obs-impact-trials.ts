import { tObs } from '../../../shared/i18n/observatory-screen.js';
import { css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { SacElement } from '../../components/sac-element.js';
import type { Trial } from '../../../shared/observatory-evaluation.js';
import type { Me } from '../../../shared/types.js';
import { ApiFailure } from '../../data/api.js';
import { impactApi } from '../../data/observatory-impact.js';
import { base } from '../../styles.js';
import { formatDay, formatNumber } from './obs-figure.js';
import { obsStyles } from './obs-styles.js';
import { impactStyles } from './obs-impact-styles.js';

type Unit = { id: string; label: string };

const dayOf = (iso: string) => iso.slice(0, 10);

/**
 * The randomised plan mode: the running trial with its arms and seed, earlier trials, and for
 * analysts and admins the start (with a confirmation: it changes the next plans) and end
 * buttons. An operator reads it. Sends `trials-changed` after a start or an end and
 * `evaluate-trial` (detail: the trial's id) when asked to evaluate one.
 */
@customElement('sac-obs-trials')
export class ObsTrialsPanel extends SacElement {
  static override styles = [
    base,
    obsStyles,
    impactStyles,
    // inside the section's own box: no second margin around it
    css`
      :host {
        padding: 0;
        overflow: visible;
      }
    `,
  ];

  @property({ attribute: false }) me!: Me;
  @property({ attribute: false }) trials: Trial[] = [];
  @property({ attribute: false }) units: Unit[] = [];
  @state() private confirming: 'start' | 'end' | null = null;
  @state() private busy = false;
  @state() private failure: string | null = null;
  @state() private seed = '';

  private get steers(): boolean {
    return this.me.role === 'analyst' || this.me.role === 'admin';
  }

  private async act(what: 'start' | 'end', running: Trial | null): Promise<void> {
    this.busy = true;
    this.failure = null;
    try {
      if (what === 'start') {
        const seed = this.seed.trim() === '' ? undefined : Number(this.seed);
        await impactApi.startTrial(seed);
        this.seed = '';
      } else if (running) {
        await impactApi.endTrial(running.id);
      }
      this.confirming = null;
      this.dispatchEvent(new CustomEvent('trials-changed', { bubbles: true, composed: true }));
    } catch (e) {
      this.failure = e instanceof ApiFailure ? e.message : String(e);
    } finally {
      this.busy = false;
    }
  }

  private evaluate(id: string): void {
    this.dispatchEvent(
      new CustomEvent('evaluate-trial', { detail: id, bubbles: true, composed: true }),
    );
  }

  override render() {
    const running = this.trials.find((t) => t.endedAt === null) ?? null;
    const past = this.trials.filter((t) => t.endedAt !== null);
    return html`<section class="card" aria-labelledby="trials-title" data-figure="trials">
      <h2 id="trials-title">${tObs('obs.trials.title')}</h2>
      <p class="intro">${tObs('obs.trials.intro')}</p>
      ${running ? this.runningTrial(running) : html`<p data-no-trial>${tObs('obs.trials.none')}</p>`}
      ${this.steers ? this.controls(running) : html`<p class="muted small" data-read-only>${tObs('obs.trials.read_only')}</p>`}
      ${
        this.failure
          ? html`<p class="bad" role="alert">
              ${tObs('obs.trials.failed', { message: this.failure })}
            </p>`
          : nothing
      }
      ${
        past.length
          ? html`<h3>${tObs('obs.trials.past')}</h3>
              <ul class="past">
                ${past.map(
                  (t) =>
                    html`<li>
                      ${tObs('obs.trials.past_item', {
                        from: formatDay(t.startsOn),
                        to: formatDay(dayOf(t.endedAt ?? '')),
                        seed: t.seed,
                      })}
                      <button class="link" @click=${() => this.evaluate(t.id)}>
                        ${tObs('obs.trials.evaluate')}
                      </button>
                    </li>`,
                )}
              </ul>`
          : nothing
      }
    </section>`;
  }

  private runningTrial(t: Trial) {
    const arm = (a: Trial['cells'][number]['arm'], unitId?: string) =>
      t.cells.filter((c) => c.arm === a && (!unitId || c.unitId === unitId)).length;
    const units = [...new Set(t.cells.map((c) => c.unitId))];
    const label = (id: string) => this.units.find((u) => u.id === id)?.label ?? id;
    return html`<div data-running>
      <p>
        <strong
          >${tObs('obs.trials.running', { date: formatDay(t.startsOn), seed: t.seed })}</strong
        >
        ${tObs('obs.trials.arms', {
          treatment: formatNumber(arm('treatment')),
          control: formatNumber(arm('control')),
        })}
      </p>
      <details>
        <summary>${tObs('obs.trials.by_unit')}</summary>
        <ul class="units">
          ${units.map(
            (u) =>
              html`<li>
                ${tObs('obs.trials.unit_arms', {
                  unit: label(u),
                  treatment: arm('treatment', u),
                  control: arm('control', u),
                })}
              </li>`,
          )}
        </ul>
      </details>
      <button class="link" @click=${() => this.evaluate(t.id)}>
        ${tObs('obs.trials.evaluate')}
      </button>
    </div>`;
  }

  private controls(running: Trial | null) {
    if (this.confirming) {
      const start = this.confirming === 'start';
      return html`<div class="confirm" role="group" aria-labelledby="trial-confirm">
        <p id="trial-confirm">${tObs(start ? 'obs.trials.confirm' : 'obs.trials.end_confirm')}</p>
        <div class="buttons">
          <button
            class="primary"
            ?disabled=${this.busy}
            @click=${() => void this.act(start ? 'start' : 'end', running)}
          >
            ${tObs(start ? 'obs.trials.confirm_yes' : 'obs.trials.end_yes')}
          </button>
          <button ?disabled=${this.busy} @click=${() => (this.confirming = null)}>
            ${tObs('obs.trials.cancel')}
          </button>
        </div>
      </div>`;
    }
    if (running)
      return html`<button @click=${() => (this.confirming = 'end')}>
        ${tObs('obs.trials.end')}
      </button>`;
    return html`<div class="controls">
      <label
        >${tObs('obs.trials.seed')}
        <input
          name="seed"
          inputmode="numeric"
          pattern="[0-9]*"
          .value=${this.seed}
          aria-describedby="seed-hint"
          @input=${(e: Event) => (this.seed = (e.target as HTMLInputElement).value.replace(/\D/g, ''))}
      /></label>
      <span id="seed-hint" class="muted small">${tObs('obs.trials.seed_hint')}</span>
      <button class="primary" @click=${() => (this.confirming = 'start')}>
        ${tObs('obs.trials.start')}
      </button>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'sac-obs-trials': ObsTrialsPanel;
  }
}
