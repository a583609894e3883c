import { tObs } from '../../../shared/i18n/observatory-screen.js';
import { getLang } from '../../../shared/i18n/core.js';
import { html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { SacElement } from '../../components/sac-element.js';
import type { ObservatoryFilter } from '../../../shared/observatory.js';
import type { MonthReport, WeekReport } from '../../../shared/observatory-reports.js';
import {
  addDays,
  lastFullMonth,
  lastFullWeek,
  mondayOf,
  weekBounds,
} from '../../../shared/report-periods.js';
import type { CityInfo, Me } from '../../../shared/types.js';
import { call } from '../../data/api.js';
import { base } from '../../styles.js';
import { cityToday } from '../operator/city-day.js';
import { formatDay, LOADING, load, type Loadable } from './obs-figure.js';
import { monthReportView, type ReportContext } from './obs-report-month.js';
import { reportHash, reportRoute, type ReportRoute } from './obs-report-route.js';
import { reportStyles } from './obs-report-styles.js';
import { weekReportView } from './obs-report-week.js';
import { obsStyles, segStyles } from './obs-styles.js';

type Loaded = { kind: 'month'; report: MonthReport } | { kind: 'week'; report: WeekReport };

/**
 * The monthly report for the mayor and the weekly one for the inter-institutional meeting:
 * one document per period, gathered by the server in one request, printed from the browser
 * (`window.print()`, the print stylesheet in obs-report-styles.ts). Its address
 * (obs-report-route.ts) opens it directly and follows the period picked.
 */
@customElement('sac-obs-reports')
export class ObsReportsSection extends SacElement {
  static override styles = [base, obsStyles, segStyles, reportStyles];

  @property({ attribute: false }) me!: Me;
  @property({ attribute: false }) city!: CityInfo;
  /** the observatory's filter bar: the reports bring their own period and area */
  @property({ attribute: false }) filter!: ObservatoryFilter;
  @state() private route: ReportRoute = defaultRoute('month');
  @state() private value: Loadable<Loaded> = LOADING;
  private asked = '';

  override connectedCallback(): void {
    super.connectedCallback();
    this.route = reportRoute(location.hash) ?? this.route;
    addEventListener('hashchange', this.onHash);
  }

  override disconnectedCallback(): void {
    removeEventListener('hashchange', this.onHash);
    super.disconnectedCallback();
  }

  private onHash = (): void => {
    const r = reportRoute(location.hash);
    if (r) this.route = r;
  };

  override willUpdate(): void {
    const key = reportHash(this.route);
    if (key === this.asked) return;
    this.asked = key;
    this.fetch();
  }

  private fetch(): void {
    const key = this.asked;
    const r = this.route;
    const area = r.areaId ? `?area=${encodeURIComponent(r.areaId)}` : '';
    load<Loaded>(
      () =>
        r.kind === 'month'
          ? call<MonthReport>('GET', `/observatory/reports/month/${r.month}${area}`).then(
              (report) => ({ kind: 'month', report }),
            )
          : call<WeekReport>('GET', `/observatory/reports/week/${r.week}${area}`).then(
              (report) => ({ kind: 'week', report }),
            ),
      (v) => (this.value = v),
      () => this.asked === key,
    );
  }

  /** A new period or area: the address follows (replaced, so Back leaves the reports). */
  private go(route: ReportRoute): void {
    this.route = route;
    history.replaceState(history.state, '', reportHash(route));
  }

  override render() {
    return html`<h2 class="visually-hidden">${tObs('obs.section.reports')}</h2>
      ${this.controls()} ${this.body()}`;
  }

  private body() {
    const v = this.value;
    if (v.state === 'ok') return this.document(v.data);
    if (v.state === 'loading')
      return html`<p class="state" role="status">${tObs('obs.loading')}</p>`;
    return html`<div class="state error" role="alert">
      <p>${tObs(v.forbidden ? 'obs.forbidden' : 'obs.error')}</p>
      ${v.forbidden ? nothing : html`<button @click=${() => this.fetch()}>${tObs('obs.retry')}</button>`}
    </div>`;
  }

  private controls() {
    const r = this.route;
    const today = cityToday(Date.now());
    const kind = (k: 'month' | 'week') =>
      html`<button
        type="button"
        data-kind=${k}
        aria-pressed=${r.kind === k ? 'true' : 'false'}
        @click=${() => r.kind !== k && this.go({ ...defaultRoute(k), areaId: r.areaId })}
      >
        ${tObs(`obs.report.kind.${k}`)}
      </button>`;
    return html`<div class="controls" role="group" aria-label=${tObs('obs.report.controls')}>
      <div class="seg">${kind('month')}${kind('week')}</div>
      ${
        r.kind === 'month'
          ? html`<label
              >${tObs('obs.report.pick_month')}
              <input
                type="month"
                name="month"
                .value=${r.month}
                max=${today.slice(0, 7)}
                @change=${(e: Event) => {
                  const v = (e.target as HTMLInputElement).value;
                  if (v) this.go({ ...r, month: v });
                }}
            /></label>`
          : html`<label
              >${tObs('obs.report.pick_week')}
              <input
                type="date"
                name="week"
                .value=${r.week}
                max=${addDays(today, -1)}
                @change=${(e: Event) => {
                  const v = (e.target as HTMLInputElement).value;
                  if (v) this.go({ ...r, week: mondayOf(v) });
                }}
            /></label>`
      }
      <label
        >${tObs('obs.report.area')}
        <select
          name="area"
          @change=${(e: Event) => {
            const v = (e.target as HTMLSelectElement).value;
            this.go({ ...r, areaId: v || null });
          }}
        >
          <option value="" ?selected=${!r.areaId}>${tObs('obs.filter.area.all')}</option>
          ${this.city.areas.features.map(
            (f) =>
              html`<option value=${f.properties.id} ?selected=${r.areaId === f.properties.id}>
                ${f.properties.name}
              </option>`,
          )}
        </select>
      </label>
      <button
        type="button"
        class="primary print"
        title=${tObs('obs.report.print_hint')}
        ?disabled=${this.value.state !== 'ok'}
        @click=${() => window.print()}
      >
        ${tObs('obs.report.print')}
      </button>
    </div>`;
  }

  private document(l: Loaded) {
    const areaName = (id: string) =>
      this.city.areas.features.find((f) => f.properties.id === id)?.properties.name ?? id;
    const r = this.route;
    const ctx: Omit<ReportContext, 'title'> = {
      city: this.city,
      areaId: r.areaId,
      areaName,
      scope: r.areaId ? areaName(r.areaId) : tObs('obs.filter.area.all'),
    };
    if (l.kind === 'month')
      return monthReportView(l.report, {
        ...ctx,
        title: tObs('obs.report.title_month', {
          city: this.city.name,
          month: monthName(l.report.month),
        }),
      });
    const { from, to } = weekBounds(l.report.week);
    return weekReportView(l.report, {
      ...ctx,
      title: tObs('obs.report.title_week', {
        city: this.city.name,
        from: formatDay(from),
        to: formatDay(to),
      }),
    });
  }
}

function defaultRoute(kind: 'month' | 'week'): ReportRoute {
  const today = cityToday(Date.now());
  return kind === 'month'
    ? { kind, month: lastFullMonth(today), areaId: null }
    : { kind, week: lastFullWeek(today), areaId: null };
}

/** "noviembre de 2026" / "November 2026". */
export function monthName(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Intl.DateTimeFormat(getLang() === 'en' ? 'en-GB' : 'es-AR', {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(Date.UTC(y, m - 1, 1));
}

declare global {
  interface HTMLElementTagNameMap {
    'sac-obs-reports': ObsReportsSection;
  }
}
