import { tObs } from '../../../shared/i18n/observatory-screen.js';
import { html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { SacElement } from '../../components/sac-element.js';
import {
  HOTSPOT_LAYERS,
  type EmergingResult,
  type HotspotLayer,
  type HotspotResult,
  type HourWeekResult,
  type ObservatoryFilter,
  type SilentCounts,
  type TrendResult,
} from '../../../shared/observatory.js';
import type { CityInfo, Me } from '../../../shared/types.js';
import { exportUrl, observatoryApi } from '../../data/observatory.js';
import { base } from '../../styles.js';
import { prefetchMap } from '../../components/sac-map.js';
import {
  exportLinks,
  figure,
  formatNumber,
  LOADING,
  load,
  metaLine,
  type Loadable,
} from './obs-figure.js';
import { hoursTable } from './obs-hours.js';
import { emergingLegend, hotspotLegend, obsMap } from './obs-map.js';
import { silentTable } from './obs-silent.js';
import { changeSentence } from './obs-trends.js';
import { obsStyles, segStyles } from './obs-styles.js';
import { ImportOverlay } from './obs-sources-overlay.js';
import './obs-trends.js';

type Figures = {
  hotspots: HotspotResult;
  emerging: EmergingResult;
  hours: HourWeekResult;
  trends: TrendResult;
  silent: SilentCounts;
};
type Name = keyof Figures;

/**
 * Where and when incidents concentrate: the observatory's first section, with the
 * silent-alert counts for operators and admins only. Every figure loads on its own, prints its
 * source, period, n and method, and links its export with the filter on screen. The server
 * computes; this only draws.
 */
@customElement('sac-obs-where')
export class ObsWhereSection extends SacElement {
  static override styles = [base, obsStyles, segStyles];

  @property({ attribute: false }) me!: Me;
  @property({ attribute: false }) city!: CityInfo;
  /** the observatory's filter bar (period, type, area) */
  @property({ attribute: false }) filter!: ObservatoryFilter;
  @state() private mode: 'hotspots' | 'emerging' = 'hotspots';
  @state() private layer: HotspotLayer = 'count';
  @state() private figures: { [K in Name]: Loadable<Figures[K]> } = {
    hotspots: LOADING,
    emerging: LOADING,
    hours: LOADING,
    trends: LOADING,
    silent: LOADING,
  };
  /** the request each figure's answer must belong to: older answers are dropped */
  private readonly asked = new Map<Name, number>();
  private asks = 0;
  /** an imported source drawn beneath the cells, chosen by the reader */
  private readonly overlay = new ImportOverlay(this);

  private get staff(): boolean {
    return this.me.role === 'operator' || this.me.role === 'admin';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    prefetchMap();
  }

  /**
   * Not in connectedCallback: in the console this element is defined after the template set
   * `me` and `city` on it, and Lit hands such properties over only at the first update. A new
   * filter object with the same values (the bar re-emits on every keystroke) is no change.
   */
  override updated(changed: PropertyValues<this>): void {
    const before = changed.get('filter');
    if (changed.has('filter') && JSON.stringify(before) !== JSON.stringify(this.filter))
      this.reload();
  }

  private fetch<K extends Name>(name: K): void {
    const id = ++this.asks;
    this.asked.set(name, id);
    const f = this.filter;
    const request = {
      hotspots: () => observatoryApi.hotspots(f, this.layer),
      emerging: () => observatoryApi.emerging(f),
      hours: () => observatoryApi.hours(f),
      trends: () => observatoryApi.trends(f),
      silent: () => observatoryApi.silent(f),
    }[name] as () => Promise<Figures[K]>;
    load(
      request,
      (value) => (this.figures = { ...this.figures, [name]: value }),
      () => this.asked.get(name) === id,
    );
  }

  /** Everything for the filter; the emerging cube (the slowest) only once it is shown. */
  private reload(): void {
    this.overlay.setFilter(this.filter);
    this.fetch('hotspots');
    this.fetch('hours');
    this.fetch('trends');
    if (this.staff) this.fetch('silent');
    if (this.mode === 'emerging') this.fetch('emerging');
    else this.asked.delete('emerging');
  }

  private setMode(mode: 'hotspots' | 'emerging'): void {
    this.mode = mode;
    if (mode === 'emerging' && !this.asked.has('emerging')) this.fetch('emerging');
  }

  private setLayer(layer: HotspotLayer): void {
    this.layer = layer;
    this.fetch('hotspots');
  }

  override render() {
    return html`${this.mapSection()} ${this.hoursSection()} ${this.trendsSection()}
    ${this.staff ? this.silentSection() : nothing}`;
  }

  private mapSection() {
    const hot = this.figures.hotspots;
    const emerging = this.figures.emerging;
    const current = this.mode === 'hotspots' ? hot : emerging;
    const shown =
      this.mode === 'hotspots' && hot.state === 'ok'
        ? ({ kind: 'hotspots', data: hot.data } as const)
        : this.mode === 'emerging' && emerging.state === 'ok'
          ? ({ kind: 'emerging', data: emerging.data } as const)
          : null;
    const name = this.mode === 'hotspots' ? tObs('obs.map.hotspots') : tObs('obs.map.emerging');
    const extra: Record<string, string> = this.mode === 'hotspots' ? { layer: this.layer } : {};
    return html`<section class="card" aria-labelledby="map-title" data-figure="map">
      <h2 id="map-title">${tObs('obs.map.title')}: ${name}</h2>
      <div class="controls">
        <div class="seg" role="group" aria-label=${tObs('obs.map.mode')}>
          ${(['hotspots', 'emerging'] as const).map(
            (m) =>
              html`<button
                aria-pressed=${this.mode === m ? 'true' : 'false'}
                @click=${() => this.setMode(m)}
              >
                ${tObs(`obs.map.${m}`)}
              </button>`,
          )}
        </div>
        ${
          this.mode === 'hotspots'
            ? html`<label
                >${tObs('obs.layer')}
                <select
                  name="layer"
                  @change=${(e: Event) =>
                    this.setLayer((e.target as HTMLSelectElement).value as HotspotLayer)}
                >
                  ${HOTSPOT_LAYERS.map(
                    (l) =>
                      html`<option value=${l} ?selected=${this.layer === l}>
                        ${tObs(`obs.layer.${l}`)}
                      </option>`,
                  )}
                </select></label
              >`
            : nothing
        }
        ${this.overlay.control()}
      </div>
      <div class="map-grid">
        ${obsMap(this.city, this.filter.areaId, shown, this.overlay.layers())}
        <div class="side">
          ${figure(
            current as Loadable<HotspotResult | EmergingResult>,
            () => this.fetch(this.mode),
            () =>
              shown?.kind === 'hotspots'
                ? this.hotspotSide(shown.data)
                : shown
                  ? this.emergingSide(shown.data)
                  : html``,
          )}
          ${this.overlay.caption()}
          ${exportLinks(name, [
            { format: 'GeoJSON', href: exportUrl(this.mode, 'geojson', this.filter, extra) },
            { format: 'CSV', href: exportUrl(this.mode, 'csv', this.filter, extra) },
          ])}
        </div>
      </div>
    </section>`;
  }

  private hotspotSide(r: HotspotResult) {
    const significant = r.cells.filter((c) => c.class !== 'none').length;
    return html`<p class="small" data-summary>
        ${tObs('obs.cells', {
          cells: formatNumber(r.studyCells),
          metres: r.cellMetres,
          significant: formatNumber(significant),
        })}
        ${r.maskedForRate ? tObs('obs.masked_rate', { cells: formatNumber(r.maskedForRate) }) : ''}
      </p>
      ${hotspotLegend(r)}
      ${metaLine(r.meta, {
        cell: r.cellMetres,
        perm: formatNumber(r.permutations),
        most: formatNumber(r.refined?.permutations ?? r.permutations),
      })}`;
  }

  private emergingSide(r: EmergingResult) {
    return html`<p class="small" data-summary>
        ${tObs('obs.emerging.summary', { weeks: r.slices.length, cells: formatNumber(r.cells.length) })}
      </p>
      ${emergingLegend(r)} ${metaLine(r.meta)}`;
  }

  private hoursSection() {
    const value = this.figures.hours;
    return html`<section class="card" aria-labelledby="hours-title" data-figure="hours">
      <h2 id="hours-title">${tObs('obs.hours.title')}</h2>
      ${figure(
        value,
        () => this.fetch('hours'),
        (r) => html`${hoursTable(r)}${metaLine(r.meta)}`,
      )}
      ${exportLinks(tObs('obs.hours.title'), [
        { format: 'CSV', href: exportUrl('hours', 'csv', this.filter) },
      ])}
    </section>`;
  }

  private trendsSection() {
    const value = this.figures.trends;
    return html`<section class="card" aria-labelledby="trends-title" data-figure="trends">
      <h2 id="trends-title">${tObs('obs.trends.title')}</h2>
      ${figure(
        value,
        () => this.fetch('trends'),
        (r) =>
          html`<p class="gap" data-change>${changeSentence(r)}</p>
            <sac-obs-trends .data=${r}></sac-obs-trends>
            ${metaLine(r.meta)}`,
      )}
      ${exportLinks(tObs('obs.trends.title'), [
        { format: 'CSV', href: exportUrl('trends', 'csv', this.filter) },
      ])}
    </section>`;
  }

  private silentSection() {
    const value = this.figures.silent;
    return html`<section class="card" aria-labelledby="silent-title" data-figure="silent">
      <h2 id="silent-title">${tObs('obs.silent.title')}</h2>
      ${figure(
        value,
        () => this.fetch('silent'),
        (r) => html`${silentTable(r, this.city)}${metaLine(r.meta)}`,
        false,
      )}
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'sac-obs-where': ObsWhereSection;
  }
}
