import { tObs } from '../../../shared/i18n/observatory-screen.js';
import { CITY_TIME_ZONE } from '../../../shared/i18n/core.js';
import { html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { SacElement } from '../../components/sac-element.js';
import type { ObservatoryFilter } from '../../../shared/observatory.js';
import type {
  EvaluationRequest,
  EvaluationResult,
  Trial,
} from '../../../shared/observatory-evaluation.js';
import type { CityInfo, GeoPoint, Me } from '../../../shared/types.js';
import { prefetchMap } from '../../components/sac-map.js';
import { ApiFailure } from '../../data/api.js';
import { cellIdAt, impactApi } from '../../data/observatory-impact.js';
import { base } from '../../styles.js';
import type { Loadable } from './obs-figure.js';
import { impactForm, type ImpactInputs } from './obs-impact-form.js';
import { impactLegend, impactMap } from './obs-impact-map.js';
import { resultState } from './obs-impact-result.js';
import { impactStyles } from './obs-impact-styles.js';
import { obsStyles, segStyles } from './obs-styles.js';
import './obs-impact-trials.js';

/**
 * Before and after with displacement: "did the fixed points reduce robberies, and did they
 * move next door?". The analyst sets the intervention date (proposed: the first plan on record),
 * the type, the treated cells (the plans' fixed points, a trial's arm, or cells marked on the
 * map), the ring and the control; the server counts and tests (server/observatory/impact), this
 * draws the sets on the map, the four counts, the WDD and WDQ in words, and the warnings. Below,
 * the randomised plan mode. The section brings its own inputs: the filter bar is not read.
 */
@customElement('sac-obs-impact')
export class ObsImpactSection extends SacElement {
  static override styles = [base, obsStyles, segStyles, impactStyles];

  @property({ attribute: false }) me!: Me;
  @property({ attribute: false }) city!: CityInfo;
  /** the observatory's filter bar (not read here: the section brings its own inputs) */
  @property({ attribute: false }) filter!: ObservatoryFilter;
  @state() private inputs: ImpactInputs = {
    date: '',
    type: 'general',
    treated: 'plan',
    trialId: '',
    inner: 150,
    outer: 300,
    control: 'auto',
  };
  @state() private proposed: string | null = null;
  @state() private picked: { treated: string[]; control: string[] } = { treated: [], control: [] };
  @state() private picking: 'off' | 'treated' | 'control' = 'off';
  @state() private result: Loadable<EvaluationResult> | null = null;
  @state() private problem: string | null = null;
  @state() private trials: Trial[] = [];
  @state() private units: { id: string; label: string }[] = [];
  private asks = 0;

  override connectedCallback(): void {
    super.connectedCallback();
    prefetchMap();
    void this.start();
  }

  /** The proposal (first plan, city ring) and the trials; then the default evaluation runs. */
  private async start(): Promise<void> {
    const [defaults] = await Promise.all([
      impactApi.defaults().catch(() => null),
      this.loadTrials(),
    ]);
    if (defaults) {
      this.proposed = defaults.interventionDate;
      this.inputs = {
        ...this.inputs,
        date: defaults.interventionDate ?? '',
        inner: defaults.ring.inner,
        outer: defaults.ring.outer,
      };
    }
    if (this.inputs.date) this.run();
  }

  private async loadTrials(): Promise<void> {
    try {
      const r = await impactApi.trials();
      this.trials = r.trials;
      this.units = r.units;
    } catch {
      // The panel then shows no trial; the evaluation does not depend on it.
    }
  }

  private request(): EvaluationRequest | string {
    const i = this.inputs;
    if (!i.date) return tObs('obs.impact.date');
    if (!(i.outer > i.inner)) return tObs('obs.impact.bad_ring');
    let treated: EvaluationRequest['treated'];
    if (i.treated === 'cells') {
      if (this.picked.treated.length === 0) return tObs('obs.impact.pick.need');
      treated = { kind: 'cells', cells: this.picked.treated };
    } else if (i.treated === 'trial') {
      const id = i.trialId || this.trials[0]?.id;
      if (!id) return tObs('obs.impact.no_trials');
      treated = { kind: 'trial', trialId: id };
    } else treated = { kind: 'plan' };
    let control: EvaluationRequest['control'] = { kind: 'auto' };
    if (i.control === 'cells') {
      if (this.picked.control.length === 0) return tObs('obs.impact.pick.need');
      control = { kind: 'cells', cells: this.picked.control };
    }
    return {
      interventionDate: i.date,
      type: i.type,
      treated,
      ring: { inner: i.inner, outer: i.outer },
      control,
    };
  }

  private run(): void {
    const req = this.request();
    if (typeof req === 'string') {
      this.problem = req;
      return;
    }
    this.problem = null;
    const id = ++this.asks;
    this.result = { state: 'loading' };
    impactApi.evaluate(req).then(
      (data) => {
        if (this.asks === id) this.result = { state: 'ok', data };
      },
      (e: unknown) => {
        if (this.asks !== id) return;
        // A refused request says which input is wrong, in the reader's words.
        const refused = e instanceof ApiFailure && e.status === 400;
        if (refused) {
          this.result = null;
          this.problem = tObs(
            e.field === 'interventionDate' ? 'obs.impact.bad_date' : 'obs.impact.bad_cells',
          );
        } else
          this.result = {
            state: 'error',
            forbidden: e instanceof ApiFailure && e.status === 403,
          };
      },
    );
  }

  private set(patch: Partial<ImpactInputs>): void {
    this.inputs = { ...this.inputs, ...patch };
    if (patch.treated !== undefined || patch.control !== undefined) {
      const wantsPicking =
        (patch.treated ?? this.inputs.treated) === 'cells' ||
        (patch.control ?? this.inputs.control) === 'cells';
      if (!wantsPicking) this.picking = 'off';
      else if (patch.treated === 'cells') this.picking = 'treated';
      else if (patch.control === 'cells') this.picking = 'control';
    }
  }

  private onPick(e: CustomEvent<GeoPoint>): void {
    if (this.picking === 'off') return;
    const id = cellIdAt(this.city.areas.features, e.detail);
    if (!id) return;
    const list = this.picked[this.picking];
    const next = list.includes(id) ? list.filter((x) => x !== id) : [...list, id];
    this.picked = { ...this.picked, [this.picking]: next };
  }

  private evaluateTrial(id: string): void {
    this.set({ treated: 'trial', trialId: id, control: 'auto' });
    // From the day its plans first followed it; a trial started today has no "after" yet, so
    // its arms are compared over the date already on screen (are they alike before?).
    const trial = this.trials.find((t) => t.id === id);
    const today = new Date().toLocaleDateString('en-CA', { timeZone: CITY_TIME_ZONE });
    if (trial && trial.startsOn < today) this.inputs = { ...this.inputs, date: trial.startsOn };
    this.run();
  }

  override render() {
    const r = this.result?.state === 'ok' ? this.result.data : null;
    return html`<section class="card" aria-labelledby="impact-title" data-figure="impact">
        <h2 id="impact-title">${tObs('obs.impact.question')}</h2>
        <p class="intro">${tObs('obs.impact.intro')}</p>
        ${impactForm({
          inputs: this.inputs,
          proposed: this.proposed,
          trials: this.trials,
          set: (p) => this.set(p),
          run: () => this.run(),
        })}
        ${this.problem ? html`<p class="bad" role="alert">${this.problem}</p>` : nothing}
        ${this.pickerBar()}
        <div class="map-grid" @pick=${(e: CustomEvent<GeoPoint>) => this.onPick(e)}>
          ${impactMap(this.city, r, { ...this.picked, picking: this.picking !== 'off' })}
          <div class="side">${r ? impactLegend(r) : nothing}</div>
        </div>
        <div class="gap" aria-live="polite">
          ${this.result ? resultState(this.result, () => this.run()) : nothing}
        </div>
      </section>
      <sac-obs-trials
        .me=${this.me}
        .trials=${this.trials}
        .units=${this.units}
        @trials-changed=${() => void this.loadTrials()}
        @evaluate-trial=${(e: CustomEvent<string>) => this.evaluateTrial(e.detail)}
      ></sac-obs-trials>`;
  }

  private pickerBar() {
    const i = this.inputs;
    if (i.treated !== 'cells' && i.control !== 'cells') return nothing;
    const modes = (['treated', 'control', 'off'] as const).filter(
      (m) => m === 'off' || (m === 'treated' ? i.treated === 'cells' : i.control === 'cells'),
    );
    const label = (m: 'treated' | 'control' | 'off') =>
      m === 'off'
        ? tObs('obs.impact.pick.off')
        : tObs(`obs.impact.pick.${m}`, { count: this.picked[m].length });
    return html`<div class="picker">
      <div class="seg" role="group" aria-label=${tObs('obs.impact.pick')}>
        ${modes.map(
          (m) =>
            html`<button
              aria-pressed=${this.picking === m ? 'true' : 'false'}
              @click=${() => (this.picking = m)}
            >
              ${label(m)}
            </button>`,
        )}
      </div>
      <button @click=${() => (this.picked = { treated: [], control: [] })}>
        ${tObs('obs.impact.pick.clear')}
      </button>
      <span class="muted small">${tObs('obs.impact.pick.hint')}</span>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'sac-obs-impact': ObsImpactSection;
  }
}
