import { tObs } from '../../../shared/i18n/observatory-screen.js';
import { css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { SacElement } from '../../components/sac-element.js';
import type { ObservatoryFilter } from '../../../shared/observatory.js';
import type { ResponseGrouping, ResponseResult } from '../../../shared/observatory-evaluation.js';
import type { CityInfo, Me } from '../../../shared/types.js';
import { base } from '../../styles.js';
import { exportLinks, LOADING, load, metaLine, type Loadable } from './obs-figure.js';
import { csvUrl, evaluationApi, evaluationFigure } from './obs-response-api.js';
import { weeklyChart } from './obs-response-chart.js';
import { groupTable, headline, recentLine, stageTable } from './obs-response-tables.js';
import { evaluationStyles } from './obs-evaluation-styles.js';
import { obsStyles, segStyles } from './obs-styles.js';

const GROUPINGS: readonly ResponseGrouping[] = ['area', 'type', 'shift', 'unit', 'week'];

/** The first day of the period's last 28 days (the period's own start when it is shorter). */
function lastWeeksFrom(f: ObservatoryFilter): string {
  const from = new Date(`${f.to}T00:00:00Z`);
  from.setUTCDate(from.getUTCDate() - 27);
  const day = from.toISOString().slice(0, 10);
  return day > f.from ? day : f.from;
}

/**
 * Response times: are we within the target? The share of resolved alerts on scene within it,
 * with its interval, the median and 90th percentile, each stage, a weekly line, and the same
 * per area, type, shift, unit or week. Cancelled alerts and false alarms are counted apart.
 * The server computes (and leaves silent alerts out); this only draws.
 */
@customElement('sac-obs-response')
export class ObsResponseSection extends SacElement {
  static override styles = [
    base,
    obsStyles,
    segStyles,
    evaluationStyles,
    css`
      .weekly svg {
        width: 100%;
        height: auto;
        max-height: 240px;
      }
    `,
  ];

  @property({ attribute: false }) me!: Me;
  @property({ attribute: false }) city!: CityInfo;
  /** the observatory's filter bar (period, type, area) */
  @property({ attribute: false }) filter!: ObservatoryFilter;
  @state() private by: ResponseGrouping = 'area';
  /** by week: the headline, the stages and the weekly line */
  @state() private weekly: Loadable<ResponseResult> = LOADING;
  /** by the chosen grouping (the same answer as `weekly` when that is "week") */
  @state() private grouped: Loadable<ResponseResult> = LOADING;
  /** the period's last four weeks: where the city stands now, beside the whole period */
  @state() private recent: Loadable<ResponseResult> | null = null;
  private asks = 0;
  private groupAsk = 0;

  override updated(changed: PropertyValues<this>): void {
    const before = changed.get('filter');
    if (changed.has('filter') && JSON.stringify(before) !== JSON.stringify(this.filter))
      this.reload();
  }

  private reload(): void {
    const id = ++this.asks;
    load(
      () => evaluationApi.response(this.filter, 'week'),
      (v) => (this.weekly = v),
      () => this.asks === id,
    );
    const from = lastWeeksFrom(this.filter);
    this.recent = from > this.filter.from ? LOADING : null;
    if (this.recent)
      load(
        () => evaluationApi.response({ ...this.filter, from }, 'type'),
        (v) => (this.recent = v),
        () => this.asks === id,
      );
    this.fetchGroups();
  }

  private fetchGroups(): void {
    const id = ++this.groupAsk;
    if (this.by === 'week') {
      this.grouped = this.weekly;
      return;
    }
    load(
      () => evaluationApi.response(this.filter, this.by),
      (v) => (this.grouped = v),
      () => this.groupAsk === id,
    );
  }

  private setBy(by: ResponseGrouping): void {
    this.by = by;
    this.fetchGroups();
  }

  override render() {
    const suspicious = this.filter?.type === 'suspicious_activity';
    const grouped = this.by === 'week' ? this.weekly : this.grouped;
    return html`<section class="card" aria-labelledby="response-title" data-figure="response">
        <h2 id="response-title">${tObs('obs.response.question', { target: this.target() })}</h2>
        ${
          suspicious
            ? html`<p class="state empty">${tObs('obs.response.suspicious')}</p>`
            : evaluationFigure(
                this.weekly,
                () => this.reload(),
                (r) =>
                  html`<div class="two">
                      <div>
                        ${headline(r)}
                        ${this.recent?.state === 'ok' ? recentLine(this.recent.data) : nothing}
                      </div>
                      <div>${weeklyChart(r)}</div>
                    </div>
                    ${stageTable(r.total.resolved)} ${metaLine(r.meta)}`,
              )
        }
      </section>
      <section class="card" aria-labelledby="response-groups" data-figure="response-groups">
        <h2 id="response-groups">${tObs('obs.section.response')}</h2>
        <div class="controls">
          <div class="seg" role="group" aria-label=${tObs('obs.response.by')}>
            ${GROUPINGS.map(
              (by) =>
                html`<button
                  aria-pressed=${this.by === by ? 'true' : 'false'}
                  @click=${() => this.setBy(by)}
                >
                  ${tObs(`obs.response.by.${by}`)}
                </button>`,
            )}
          </div>
        </div>
        ${
          suspicious
            ? nothing
            : evaluationFigure(
                grouped,
                () => this.fetchGroups(),
                (r) => html`${groupTable(r, this.city)} ${metaLine(r.meta)}`,
              )
        }
        ${exportLinks(tObs('obs.response.export'), [
          { format: 'CSV', href: csvUrl('response', this.filter, { by: this.by }) },
        ])}
      </section>`;
  }

  private target(): number {
    return this.weekly.state === 'ok' ? this.weekly.data.targetMinutes : 7;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'sac-obs-response': ObsResponseSection;
  }
}
