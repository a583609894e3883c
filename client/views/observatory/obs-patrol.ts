import { tObs } from '../../../shared/i18n/observatory-screen.js';
import { css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { SacElement } from '../../components/sac-element.js';
import type { ObservatoryFilter } from '../../../shared/observatory.js';
import type { DosageResult } from '../../../shared/observatory-evaluation.js';
import type { CityInfo, Me } from '../../../shared/types.js';
import { call } from '../../data/api.js';
import { filterQuery } from '../../data/observatory.js';
import { base } from '../../styles.js';
import { obsStyles } from './obs-styles.js';
import { exportLinks, LOADING, load, metaLine, type Loadable } from './obs-figure.js';
import {
  doneSentence,
  dwellChart,
  dwellSentence,
  residualTable,
  visitsTable,
} from './obs-patrol-figures.js';

/**
 * Patrol dosage: were the fixed points visited as planned, and for how long? Planned versus
 * done per unit and shift, the dwell distribution against the recommended band, and the
 * local residual-deterrence curve with how (not) to read it. One request feeds the three.
 */
@customElement('sac-obs-patrol')
export class ObsPatrolSection extends SacElement {
  static override styles = [base, obsStyles, patrolStyles()];

  @property({ attribute: false }) me!: Me;
  @property({ attribute: false }) city!: CityInfo;
  /** the observatory's filter bar (period, type, area) */
  @property({ attribute: false }) filter!: ObservatoryFilter;
  @state() private dosage: Loadable<DosageResult> = LOADING;
  private asks = 0;

  /** As the other sections: the filter arrives at the first update; equal values are no change. */
  override updated(changed: PropertyValues<this>): void {
    const before = changed.get('filter');
    if (changed.has('filter') && JSON.stringify(before) !== JSON.stringify(this.filter))
      this.reload();
  }

  private reload(): void {
    const id = ++this.asks;
    const f = this.filter;
    load(
      () => call<DosageResult>('GET', `/observatory/dosage${filterQuery(f)}`),
      (v) => (this.dosage = v),
      () => this.asks === id,
    );
  }

  override render() {
    const retry = () => this.reload();
    const csv = exportLinks(tObs('obs.patrol.csv'), [
      { format: 'CSV', href: `/api/observatory/dosage.csv${filterQuery(this.filter)}` },
    ]);
    return html`<p class="question">${tObs('obs.patrol.question')}</p>
      <section class="card" aria-labelledby="done-title" data-figure="patrol">
        <h2 id="done-title">${tObs('obs.patrol.done.title')}</h2>
        ${figure(this.dosage, retry, (r) => this.done(r))} ${csv}
      </section>
      <section class="card" aria-labelledby="dwell-title" data-figure="dwell">
        <h2 id="dwell-title">${tObs('obs.patrol.dwell.title')}</h2>
        ${figure(
          this.dosage,
          retry,
          (r) =>
            html`<p class="gap" data-dwell>${dwellSentence(r)}</p>
              ${dwellChart(r)} ${metaLine({ ...r.meta, n: r.dwell.stays })}`,
        )}
      </section>
      <section class="card" aria-labelledby="residual-title" data-figure="residual">
        <h2 id="residual-title">${tObs('obs.patrol.residual.title')}</h2>
        ${figure(
          this.dosage,
          retry,
          (r) =>
            html`<p>
                ${tObs('obs.patrol.residual.sentence', {
                  points: r.residual.points,
                  stays: r.residual.stays,
                  radius: r.residual.radiusMetres,
                })}
              </p>
              ${residualTable(r)}
              <p class="caveat small" role="note">${tObs('obs.patrol.residual.caveat')}</p>
              ${metaLine(
                {
                  ...r.meta,
                  sources: ['alerts', ...r.meta.sources],
                  n: r.residual.stays,
                  method: 'residual_deterrence',
                },
                { radius: r.residual.radiusMetres },
              )}`,
        )}
      </section>`;
  }

  private done(r: DosageResult) {
    const shifts = r.byShift.map((s) => ({
      ...s,
      key: s.shift,
      label: tObs(`obs.patrol.shift.${s.shift}`),
    }));
    const units = r.byUnit.map((u) => ({ ...u, key: u.unitId }));
    return html`<p class="gap" data-done>${doneSentence(r)}</p>
      <p class="muted small">${tObs('obs.patrol.done.caption')}</p>
      <div class="two">
        ${visitsTable(tObs('obs.patrol.by_unit'), tObs('obs.patrol.unit'), units, false)}
        ${visitsTable(tObs('obs.patrol.by_shift'), tObs('obs.patrol.shift'), shifts)}
      </div>
      ${metaLine(r.meta)}`;
  }
}

/**
 * `figure()` of obs-figure.ts for this section's evaluation meta: loading, an error with a
 * retry, an empty period (nothing planned and no stay), or the body.
 */
function figure(
  value: Loadable<DosageResult>,
  retry: () => void,
  body: (r: DosageResult) => TemplateResult,
): TemplateResult {
  if (value.state === 'loading')
    return html`<p class="state" role="status">${tObs('obs.loading')}</p>`;
  if (value.state === 'error')
    return html`<div class="state error" role="alert">
      <p>${tObs(value.forbidden ? 'obs.forbidden' : 'obs.error')}</p>
      ${value.forbidden ? nothing : html`<button @click=${retry}>${tObs('obs.retry')}</button>`}
    </div>`;
  const r = value.data;
  if (r.total.planned === 0 && r.dwell.stays + r.dwell.unclosed === 0)
    return html`<p class="state empty">${tObs('obs.patrol.done.none')}</p>
      ${metaLine(r.meta)}`;
  return body(r);
}

function patrolStyles() {
  return css`
    .question {
      font-size: 1.05rem;
      font-weight: 600;
      margin: 0 0 12px;
    }
    .two {
      display: grid;
      grid-template-columns: 3fr 2fr;
      gap: 16px;
      align-items: start;
    }
    @media (max-width: 900px) {
      .two {
        grid-template-columns: 1fr;
      }
    }
    table.visits,
    table.residual {
      width: 100%;
    }
    th,
    td {
      padding: 4px 6px;
      text-align: left;
      border-bottom: 1px solid #e4e1e8;
    }
    .num {
      text-align: right;
      font-variant-numeric: tabular-nums;
    }
    td.share {
      display: flex;
      align-items: center;
      gap: 6px;
      min-width: 100px;
    }
    table.nowrap th[scope='row'] {
      white-space: nowrap;
    }
    @media (max-width: 600px) {
      table.visits th,
      table.visits td {
        padding: 4px 3px;
      }
      td.share {
        min-width: 84px;
      }
    }
    .bar {
      flex: 1;
      height: 10px;
      background: #ece8f0;
      border-radius: 2px;
      overflow: hidden;
    }
    .bar > span {
      display: block;
      height: 100%;
      background: #4a3b8f;
    }
    .pct {
      min-width: 3.5em;
      text-align: right;
      font-variant-numeric: tabular-nums;
    }
    figure.dwell {
      margin: 0;
    }
    figure.dwell svg {
      width: 100%;
      height: auto;
      max-height: 260px;
    }
    .dwell rect.band,
    .swatch.band {
      fill: #d9eedd;
      background: #d9eedd;
    }
    .dwell rect.in {
      fill: #1f6e3a;
    }
    .dwell rect.out {
      fill: #8a8494;
    }
    .dwell line.plan {
      stroke: #8c1d18;
      stroke-width: 2;
      stroke-dasharray: 4 3;
    }
    .dwell line.axis {
      stroke: #5f5a66;
    }
    .dwell text.tick {
      font-size: 12px;
      fill: #3d3943;
    }
    .legend {
      display: flex;
      gap: 16px;
      flex-wrap: wrap;
      margin-top: 4px;
    }
    .swatch {
      display: inline-block;
      width: 14px;
      height: 10px;
      margin-right: 4px;
      vertical-align: middle;
    }
    .swatch.plan {
      border-top: 2px dashed #8c1d18;
      height: 0;
    }
    .caveat {
      border-left: 3px solid #b26b00;
      padding: 4px 8px;
      background: #fff8ec;
    }
  `;
}

declare global {
  interface HTMLElementTagNameMap {
    'sac-obs-patrol': ObsPatrolSection;
  }
}
