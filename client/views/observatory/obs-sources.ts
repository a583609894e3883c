import { tObs } from '../../../shared/i18n/observatory-screen.js';
import { CITY_TIME_ZONE, getLang } from '../../../shared/i18n/core.js';
import { html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { SacElement } from '../../components/sac-element.js';
import { prefetchMap } from '../../components/sac-map.js';
import type { ObservatoryFilter } from '../../../shared/observatory.js';
import type { ImportedLayer, ImportedSource } from '../../../shared/observatory-evaluation.js';
import type { CityInfo, Me } from '../../../shared/types.js';
import { sourcesApi } from '../../data/obs-sources.js';
import { base } from '../../styles.js';
import { formatDay, formatNumber, LOADING, load, metaLine, type Loadable } from './obs-figure.js';
import { rampLegend, sourceMap } from './obs-sources-map.js';
import { obsStyles } from './obs-styles.js';
import { sourcesStyles } from './obs-sources-styles.js';
import './obs-sources-form.js';

/**
 * Other sources: the imports with their provenance, a map of one of them by cells, and for
 * analysts and admins the import form and deletion. Operators read. The map shows the whole
 * city over the source's declared period (this section has no filter bar); the points are
 * never sent.
 */
@customElement('sac-obs-sources')
export class ObsSourcesSection extends SacElement {
  static override styles = [base, obsStyles, sourcesStyles];

  @property({ attribute: false }) me!: Me;
  @property({ attribute: false }) city!: CityInfo;
  /** the observatory's filter bar (period, type, area) */
  @property({ attribute: false }) filter!: ObservatoryFilter;
  @state() private list: Loadable<ImportedSource[]> = LOADING;
  @state() private shown: string | null = null;
  @state() private layer: Loadable<ImportedLayer> = LOADING;
  @state() private confirming: string | null = null;
  @state() private notice = '';
  private asks = 0;

  private get editor(): boolean {
    return this.me.role === 'analyst' || this.me.role === 'admin';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    prefetchMap();
  }

  override updated(changed: PropertyValues<this>): void {
    if (changed.has('me') && changed.get('me') === undefined) this.reload();
  }

  private reload(): void {
    const id = ++this.asks;
    load(
      () => sourcesApi.list(),
      (v) => (this.list = v),
      () => this.asks === id,
    );
  }

  private show(id: string): void {
    this.shown = id;
    const asked = ++this.asks;
    load(
      () => sourcesApi.layer(id),
      (v) => (this.layer = v),
      () => this.asks === asked && this.shown === id,
    );
  }

  private async deleteSource(source: ImportedSource): Promise<void> {
    try {
      await sourcesApi.remove(source.id);
      this.notice = tObs('obs.sources.deleted', { name: source.name });
      if (this.shown === source.id) this.shown = null;
    } catch {
      this.notice = tObs('obs.sources.delete.failed');
    }
    this.confirming = null;
    this.reload();
  }

  private imported(): void {
    this.notice = '';
    this.reload();
  }

  override render() {
    return html`<section class="card" data-figure="sources" aria-labelledby="sources-title">
      <h2 id="sources-title">${tObs('obs.section.sources')}</h2>
      <p class="intro">${tObs('obs.sources.intro')}</p>
      <h3>${tObs('obs.sources.list')}</h3>
      <p role="status" class="muted">${this.notice}</p>
      ${this.list.state === 'ok' ? this.listView(this.list.data) : waiting(this.list, () => this.reload())}
      ${this.shown ? this.mapView() : nothing}
      ${this.editor ? html`<sac-obs-source-form @imported=${this.imported}></sac-obs-source-form>` : nothing}
    </section>`;
  }

  private listView(sources: ImportedSource[]) {
    if (sources.length === 0) return html`<p class="state empty">${tObs('obs.sources.none')}</p>`;
    const when = new Intl.DateTimeFormat(getLang() === 'es' ? 'es-AR' : 'en-GB', {
      dateStyle: 'medium',
      timeStyle: 'short',
      timeZone: CITY_TIME_ZONE,
    });
    return html`<ul class="sources">
      ${sources.map(
        (s) =>
          html`<li class="source" data-source=${s.id}>
            <h4>${s.name}</h4>
            <dl>
              <dt>${tObs('obs.sources.provider')}</dt>
              <dd>${s.provider}</dd>
              <dt>${tObs('obs.sources.licence')}</dt>
              <dd>${s.licence}</dd>
              <dt>${tObs('obs.sources.period')}</dt>
              <dd>${formatDay(s.from)} – ${formatDay(s.to)}</dd>
              <dt>${tObs('obs.sources.kind')}</dt>
              <dd>${tObs(`obs.sources.kind.${s.kind}`)}</dd>
              <dt>${tObs('obs.sources.precision')}</dt>
              <dd>${tObs(`obs.sources.precision.${s.precision}`)}</dd>
              <dt>${tObs('obs.sources.records')}</dt>
              <dd>${formatNumber(s.records)} (${s.format.toUpperCase()})</dd>
            </dl>
            <p class="muted">
              ${tObs('obs.sources.imported', { who: s.importedBy, when: when.format(Date.parse(s.importedAt)) })}
            </p>
            <div class="actions">
              <button
                aria-pressed=${this.shown === s.id ? 'true' : 'false'}
                @click=${() => (this.shown === s.id ? (this.shown = null) : this.show(s.id))}
              >
                ${tObs(this.shown === s.id ? 'obs.sources.hide' : 'obs.sources.show')}
              </button>
              ${
                this.editor
                  ? html`<button class="danger" @click=${() => (this.confirming = s.id)}>
                      ${tObs('obs.sources.delete')}
                    </button>`
                  : nothing
              }
              ${this.confirming === s.id ? this.confirmView(s) : nothing}
            </div>
          </li>`,
      )}
    </ul>`;
  }

  private confirmView(s: ImportedSource) {
    return html`<div class="confirm" role="alertdialog" aria-label=${tObs('obs.sources.delete')}>
      <p>
        ${tObs('obs.sources.delete.confirm', { name: s.name, records: formatNumber(s.records) })}
      </p>
      <div class="actions">
        <button class="danger primary" @click=${() => this.deleteSource(s)}>
          ${tObs('obs.sources.delete.yes')}
        </button>
        <button @click=${() => (this.confirming = null)}>${tObs('obs.sources.delete.no')}</button>
      </div>
    </div>`;
  }

  private layerView(l: ImportedLayer) {
    const s = l.source;
    const precision = tObs(`obs.sources.precision.${s.precision}`);
    return html`${sourceMap(this.city, l)} ${rampLegend(l)}
      <p class="muted">
        ${tObs('obs.sources.map.provenance', { provider: s.provider, licence: s.licence, precision })}
      </p>
      ${s.precision === 'area' ? html`<p class="muted">${tObs('obs.sources.map.area')}</p>` : nothing}
      ${metaLine(l.meta, { cellMetres: l.cellMetres })}`;
  }

  private mapView() {
    const layer = this.layer;
    const title =
      layer.state === 'ok' ? tObs('obs.sources.map.title', { name: layer.data.source.name }) : '';
    return html`<section aria-labelledby="source-map-title" data-figure="source-map">
      <h3 id="source-map-title">${title}</h3>
      ${
        layer.state === 'ok'
          ? this.layerView(layer.data)
          : waiting(layer, () => this.shown && this.show(this.shown))
      }
    </section>`;
  }
}

/** Loading, or an error with a retry: what stands in for the list or the map until it comes. */
function waiting(value: Loadable<unknown>, retry: () => void) {
  if (value.state === 'loading')
    return html`<p class="state" role="status">${tObs('obs.loading')}</p>`;
  if (value.state === 'error')
    return html`<div class="state error" role="alert">
      <p>${tObs(value.forbidden ? 'obs.forbidden' : 'obs.error')}</p>
      ${value.forbidden ? nothing : html`<button @click=${retry}>${tObs('obs.retry')}</button>`}
    </div>`;
  return nothing;
}

declare global {
  interface HTMLElementTagNameMap {
    'sac-obs-sources': ObsSourcesSection;
  }
}
