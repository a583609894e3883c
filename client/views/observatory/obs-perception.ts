import { tObs } from '../../../shared/i18n/observatory-screen.js';
import { t } from '../../../shared/i18n/core.js';
import { html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { SacElement } from '../../components/sac-element.js';
import { prefetchMap } from '../../components/sac-map.js';
import {
  ANSWERS,
  CONVERSATION_QUESTIONS,
  type Answer,
  type ConversationQuestion,
} from '../../../shared/conversations.js';
import type { ObservatoryFilter } from '../../../shared/observatory.js';
import type { PerceptionResult } from '../../../shared/observatory-evaluation.js';
import type { CityInfo, Me } from '../../../shared/types.js';
import { base } from '../../styles.js';
import { exportLinks, formatNumber, LOADING, load, metaLine, type Loadable } from './obs-figure.js';
import { csvUrl, evaluationApi, evaluationFigure, percent } from './obs-response-api.js';
import { ciText, perceptionLegend, perceptionMap } from './obs-perception-map.js';
import { areaTable, quadrantGrid } from './obs-perception-tables.js';
import { evaluationStyles } from './obs-evaluation-styles.js';
import { obsStyles, segStyles } from './obs-styles.js';

const answerName = (a: Answer) => t(`officer.answer.${a}`);

/**
 * Perception per place from officers' conversations: a question, an answer, its share per
 * cell (a map of squares) and per area with 95 % intervals, withheld under the minimum of
 * answers; then perception against incidents as a 2 × 2 of areas. Never a note or an officer:
 * the server sends neither.
 */
@customElement('sac-obs-perception')
export class ObsPerceptionSection extends SacElement {
  static override styles = [base, obsStyles, segStyles, evaluationStyles];

  @property({ attribute: false }) me!: Me;
  @property({ attribute: false }) city!: CityInfo;
  /** the observatory's filter bar (period, type, area) */
  @property({ attribute: false }) filter!: ObservatoryFilter;
  @state() private question: ConversationQuestion = 'feels_safe_night';
  @state() private answer: Answer = 'no';
  @state() private value: Loadable<PerceptionResult> = LOADING;
  private asks = 0;

  override connectedCallback(): void {
    super.connectedCallback();
    prefetchMap();
  }

  override updated(changed: PropertyValues<this>): void {
    const before = changed.get('filter');
    if (changed.has('filter') && JSON.stringify(before) !== JSON.stringify(this.filter))
      this.reload();
  }

  private reload(): void {
    const id = ++this.asks;
    load(
      () => evaluationApi.perception(this.filter),
      (v) => (this.value = v),
      () => this.asks === id,
    );
  }

  override render() {
    return html`<section class="card" aria-labelledby="perception-title" data-figure="perception">
        <h2 id="perception-title">${tObs('obs.section.perception')}</h2>
        <div class="controls">
          <label
            >${tObs('obs.perception.question')}
            <select
              name="question"
              @change=${(e: Event) =>
                (this.question = (e.target as HTMLSelectElement).value as ConversationQuestion)}
            >
              ${CONVERSATION_QUESTIONS.map(
                (q) =>
                  html`<option value=${q} ?selected=${q === this.question}>
                    ${t(`conversation.q.${q}`)}
                  </option>`,
              )}
            </select></label
          >
          <div class="seg" role="group" aria-label=${tObs('obs.perception.answer')}>
            ${ANSWERS.map(
              (a) =>
                html`<button
                  aria-pressed=${this.answer === a ? 'true' : 'false'}
                  @click=${() => (this.answer = a)}
                >
                  ${answerName(a)}
                </button>`,
            )}
          </div>
        </div>
        ${
          this.filter?.type !== 'all'
            ? html`<p class="small" data-type-ignored>${tObs('obs.perception.type_ignored')}</p>`
            : nothing
        }
        ${evaluationFigure(
          this.value,
          () => this.reload(),
          (r) => this.body(r),
        )}
        ${exportLinks(tObs('obs.perception.export'), [
          { format: 'CSV', href: csvUrl('perception', this.filter) },
        ])}
      </section>
      <section class="card" aria-labelledby="quadrant-title" data-figure="quadrant">
        <h2 id="quadrant-title">${tObs('obs.perception.quadrant')}</h2>
        ${evaluationFigure(
          this.value,
          () => this.reload(),
          (r) =>
            html`<p class="small">
                ${tObs('obs.perception.quadrant_intro', { min: r.minAnswers })}
              </p>
              ${quadrantGrid(r, this.city)} ${metaLine(r.meta, { min: r.minAnswers })}`,
        )}
      </section>`;
  }

  private body(r: PerceptionResult) {
    const q = r.questions.find((x) => x.question === this.question);
    if (!q) return html`<p class="state empty">${tObs('obs.empty')}</p>`;
    const names = { yes: answerName('yes'), no: answerName('no'), unsure: answerName('unsure') };
    const total = q.total[this.answer];
    return html`<p class="gap" data-total>
        ${
          total.shown
            ? tObs('obs.perception.total', {
                answer: names[this.answer],
                share: percent(total.share),
                ci: ciText(total),
                n: formatNumber(total.n),
              })
            : tObs('obs.perception.total_withheld', { min: r.minAnswers })
        }
      </p>
      <div class="map-grid">
        ${perceptionMap(this.city, this.filter.areaId, q.cells, this.answer, names[this.answer], r.minAnswers)}
        <div class="side">
          <p class="small">
            ${tObs('obs.perception.map', { answer: names[this.answer], metres: r.cellMetres })}
          </p>
          ${perceptionLegend(names[this.answer], r.minAnswers)}
        </div>
      </div>
      ${areaTable(q, this.answer, names, this.city, r.minAnswers)}
      ${metaLine(r.meta, { min: r.minAnswers })}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'sac-obs-perception': ObsPerceptionSection;
  }
}
