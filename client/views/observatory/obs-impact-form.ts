import { tObs } from '../../../shared/i18n/observatory-screen.js';
import { t } from '../../../shared/i18n/core.js';
import { html, nothing } from 'lit';
import type { IncidentType } from '../../../shared/observatory.js';
import type { Trial } from '../../../shared/observatory-evaluation.js';
import { formatDay } from './obs-figure.js';
import { INCIDENT_TYPES } from './obs-filters.js';

/** What the analyst sets before computing. */
export interface ImpactInputs {
  date: string;
  type: IncidentType | 'all';
  treated: 'plan' | 'trial' | 'cells';
  trialId: string;
  inner: number;
  outer: number;
  control: 'auto' | 'cells';
}

const typeLabel = (type: IncidentType) =>
  type === 'suspicious_activity' ? tObs('obs.type.suspicious_activity') : t(`alert.type.${type}`);

const value = (e: Event) => (e.target as HTMLInputElement | HTMLSelectElement).value;

/** The inputs: date, type, treated, ring, control, and the button that computes. */
export function impactForm(f: {
  inputs: ImpactInputs;
  proposed: string | null;
  trials: readonly Trial[];
  set: (patch: Partial<ImpactInputs>) => void;
  run: () => void;
}) {
  const i = f.inputs;
  return html`<form
    class="form"
    @submit=${(e: Event) => {
      e.preventDefault();
      f.run();
    }}
  >
    <label
      >${tObs('obs.impact.date')}
      <input
        type="date"
        name="interventionDate"
        required
        .value=${i.date}
        @change=${(e: Event) => f.set({ date: value(e) })}
      />
      ${
        f.proposed
          ? html`<span class="hint"
              >${tObs('obs.impact.date_hint', { date: formatDay(f.proposed) })}</span
            >`
          : nothing
      }
    </label>
    <label
      >${tObs('obs.impact.type')}
      <select
        name="type"
        @change=${(e: Event) => f.set({ type: value(e) as ImpactInputs['type'] })}
      >
        ${INCIDENT_TYPES.map(
          (type) =>
            html`<option value=${type} ?selected=${i.type === type}>${typeLabel(type)}</option>`,
        )}
        <option value="all" ?selected=${i.type === 'all'}>${tObs('obs.impact.type.all')}</option>
      </select>
    </label>
    <label
      >${tObs('obs.impact.treated')}
      <select
        name="treated"
        @change=${(e: Event) => f.set({ treated: value(e) as ImpactInputs['treated'] })}
      >
        ${(['plan', 'trial', 'cells'] as const).map(
          (k) =>
            html`<option value=${k} ?selected=${i.treated === k}>
              ${tObs(`obs.impact.treated.${k}`)}
            </option>`,
        )}
      </select>
    </label>
    ${
      i.treated === 'trial'
        ? html`<label
            >${tObs('obs.impact.trial')}
            ${
              f.trials.length
                ? html`<select name="trial" @change=${(e: Event) => f.set({ trialId: value(e) })}>
                    ${f.trials.map(
                      (tr) =>
                        html`<option value=${tr.id} ?selected=${i.trialId === tr.id}>
                          ${tObs('obs.impact.trial_option', { date: formatDay(tr.startsOn), seed: tr.seed })}
                        </option>`,
                    )}
                  </select>`
                : html`<span class="hint">${tObs('obs.impact.no_trials')}</span>`
            }
          </label>`
        : nothing
    }
    <fieldset>
      <legend>${tObs('obs.impact.ring')}</legend>
      <div class="row">
        <label
          >${tObs('obs.impact.ring.inner')}
          <input
            type="number"
            name="inner"
            min="0"
            max="5000"
            step="10"
            .value=${String(i.inner)}
            @change=${(e: Event) => f.set({ inner: Number(value(e)) })}
        /></label>
        <label
          >${tObs('obs.impact.ring.outer')}
          <input
            type="number"
            name="outer"
            min="50"
            max="5000"
            step="10"
            .value=${String(i.outer)}
            @change=${(e: Event) => f.set({ outer: Number(value(e)) })}
        /></label>
      </div>
    </fieldset>
    <label
      >${tObs('obs.impact.control')}
      <select
        name="control"
        @change=${(e: Event) => f.set({ control: value(e) as ImpactInputs['control'] })}
      >
        ${(['auto', 'cells'] as const).map(
          (k) =>
            html`<option value=${k} ?selected=${i.control === k}>
              ${tObs(`obs.impact.control.${k}`)}
            </option>`,
        )}
      </select>
    </label>
    <button class="primary" type="submit">${tObs('obs.impact.run')}</button>
  </form>`;
}
