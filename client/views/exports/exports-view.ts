import { html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { SacElement } from '../../components/sac-element.js';
import type { CityInfo, Me } from '../../../shared/types.js';
import { getLang, t } from '../../../shared/i18n/core.js';
import { base } from '../../styles.js';
import { exportsStyles } from './exports-styles.js';
import {
  DATASETS,
  FORMATS,
  MAX_DAYS,
  PERIODS,
  TYPED,
  exportUrl,
  periodDays,
  periodProblem,
  type Dataset,
  type Format,
  type Period,
} from './export-url.js';

/** `2026-03-01` → `01/03/2026`, as people in the city write a day. */
const dayText = (d: string) => d.split('-').reverse().join('/');

/**
 * The staff's exports (`/api/exports`): alerts, requests, check-ins and conversations as
 * CSV or GeoJSON for a period, type and area. What each role may take is the server's rule;
 * the screen says it in a line. The download is a plain link to the streaming URL: the
 * browser writes the file to disk as it arrives, however long the year.
 */
@customElement('sac-exports-view')
export class ExportsView extends SacElement {
  static override styles = [base, exportsStyles];

  @property({ attribute: false }) me?: Me;
  @property({ attribute: false }) city?: CityInfo;
  /** the heading's level: the console's tab is a page of its own, the observatory's a section */
  @property({ type: Number }) level: 1 | 2 = 1;
  @state() private what: Dataset = 'alerts';
  @state() private format: Format = 'csv';
  @state() private period: Period = 'last_month';
  @state() private custom = { from: '', to: '' };
  @state() private type = '';
  @state() private area = '';

  private get analyst(): boolean {
    return this.me?.role === 'analyst';
  }

  private days(): { from: string; to: string } {
    return this.period === 'custom' ? this.custom : periodDays(this.period);
  }

  /** The types the role may filter by: an analyst's export holds no silent type at all. */
  private types(): { value: string; label: string }[] {
    if (this.what === 'requests')
      return (this.city?.requestCategories ?? []).map((c) => ({
        value: c,
        label: t(`request.category.${c}`),
      }));
    return (this.city?.alertTypes ?? [])
      .filter((a) => !(this.analyst && a.silent))
      .map((a) => ({ value: a.code, label: t(`alert.type.${a.code}`) }));
  }

  override render() {
    const { from, to } = this.days();
    const problem = this.period === 'custom' ? periodProblem(from, to) : null;
    const areas = [...(this.city?.areas.features ?? [])].sort((a, b) =>
      a.properties.name.localeCompare(b.properties.name),
    );
    const pick = (e: Event) => (e.target as HTMLSelectElement | HTMLInputElement).value;
    return html`<section aria-labelledby="exports-title">
      ${
        this.level === 1
          ? html`<h1 id="exports-title">${t('exports.title')}</h1>`
          : html`<h2 id="exports-title">${t('exports.title')}</h2>`
      }
      <p>${t('exports.intro')}</p>
      <p class="scope" data-scope=${this.analyst ? 'anonymised' : 'full'}>
        ${t(this.analyst ? 'exports.scope.anonymised' : 'exports.scope.full')}
      </p>
      <form aria-label=${t('exports.form')} @submit=${(e: Event) => e.preventDefault()}>
        <label
          >${t('exports.dataset')}
          <select
            name="dataset"
            @change=${(e: Event) => {
              this.what = pick(e) as Dataset;
              this.type = '';
            }}
          >
            ${DATASETS.map(
              (d) =>
                html`<option value=${d} ?selected=${this.what === d}>
                  ${t(`exports.dataset.${d}`)}
                </option>`,
            )}
          </select>
        </label>
        <label
          >${t('exports.format')}
          <select name="format" @change=${(e: Event) => (this.format = pick(e) as Format)}>
            ${FORMATS.map(
              (f) =>
                html`<option value=${f} ?selected=${this.format === f}>
                  ${t(`exports.format.${f}`)}
                </option>`,
            )}
          </select>
        </label>
        <label
          >${t('exports.period')}
          <select
            name="period"
            @change=${(e: Event) => {
              const next = pick(e) as Period;
              if (next === 'custom' && this.period !== 'custom') this.custom = this.days();
              this.period = next;
            }}
          >
            ${PERIODS.map(
              (p) =>
                html`<option value=${p} ?selected=${this.period === p}>
                  ${t(`exports.period.${p}`)}
                </option>`,
            )}
          </select>
        </label>
        ${this.period === 'custom' ? this.dates(problem !== null) : nothing}
        ${TYPED.has(this.what) ? this.typeField() : nothing}
        <label
          >${t('exports.area')}
          <select name="area" @change=${(e: Event) => (this.area = pick(e))}>
            <option value="" ?selected=${!this.area}>${t('exports.area.all')}</option>
            ${areas.map(
              (a) =>
                html`<option value=${a.properties.id} ?selected=${this.area === a.properties.id}>
                  ${a.properties.name}
                </option>`,
            )}
          </select>
        </label>
      </form>
      <div class="go">${problem ? this.blocked(problem) : this.link(from, to)}</div>
      <p class="muted">${t('exports.audited')}</p>
      ${this.format === 'csv' ? html`<p class="muted">${t('exports.spreadsheet')}</p>` : nothing}
    </section>`;
  }

  private dates(bad: boolean) {
    const set = (which: 'from' | 'to') => (e: Event) =>
      (this.custom = { ...this.custom, [which]: (e.target as HTMLInputElement).value });
    return html`<label
        >${t('exports.from')}
        <input
          type="date"
          name="from"
          .value=${this.custom.from}
          aria-invalid=${bad ? 'true' : 'false'}
          @change=${set('from')}
      /></label>
      <label
        >${t('exports.to')}
        <input
          type="date"
          name="to"
          .value=${this.custom.to}
          aria-invalid=${bad ? 'true' : 'false'}
          @change=${set('to')}
      /></label>`;
  }

  private typeField() {
    const requests = this.what === 'requests';
    return html`<label
      >${t(requests ? 'exports.category' : 'exports.type')}
      <select
        name="type"
        @change=${(e: Event) => (this.type = (e.target as HTMLSelectElement).value)}
      >
        <option value="" ?selected=${!this.type}>
          ${t(requests ? 'exports.category.all' : 'exports.type.all')}
        </option>
        ${this.types().map(
          (o) =>
            html`<option value=${o.value} ?selected=${this.type === o.value}>${o.label}</option>`,
        )}
      </select>
    </label>`;
  }

  private link(from: string, to: string) {
    const href = exportUrl({
      dataset: this.what,
      format: this.format,
      from,
      to,
      type: this.type,
      area: this.area,
      lang: getLang(),
    });
    return html`<a class="download" href=${href} download>${t('exports.download')}</a>
      <span>
        ${t('exports.summary', {
          dataset: t(`exports.dataset.${this.what}`),
          from: dayText(from),
          to: dayText(to),
          format: this.format === 'csv' ? 'CSV' : 'GeoJSON',
        })}
      </span>`;
  }

  private blocked(problem: 'missing' | 'order' | 'long') {
    return html`<button class="download" type="button" disabled>${t('exports.download')}</button>
      <p class="bad" role="alert">${t(`exports.bad.${problem}`, { max: MAX_DAYS })}</p>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'sac-exports-view': ExportsView;
  }
}
