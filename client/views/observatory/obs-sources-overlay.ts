import { tObs } from '../../../shared/i18n/observatory-screen.js';
import { html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import type { ObservatoryFilter } from '../../../shared/observatory.js';
import type { ImportedLayer, ImportedSource } from '../../../shared/observatory-evaluation.js';
import type { MapLayer } from '../../components/sac-map.js';
import { sourcesApi } from '../../data/obs-sources.js';
import { metaLine } from './obs-figure.js';
import { importedCellsLayer, rampLegend } from './obs-sources-map.js';

/**
 * An imported source drawn over the "where and when" map: a choice of import, its cells for
 * the filter's period and area in purple beneath the hot-spot classes, and its own meta line.
 * Off by default; it never changes the hot-spot figures themselves.
 */
export class ImportOverlay implements ReactiveController {
  private sources: ImportedSource[] = [];
  private chosen = '';
  private layer: ImportedLayer | null = null;
  private filter: ObservatoryFilter | null = null;
  private asks = 0;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostConnected(): void {
    this.refresh();
  }

  /** The imports to choose from; asked again with each filter, as imports come and go. */
  private refresh(): void {
    sourcesApi.list().then(
      (list) => {
        this.sources = list;
        this.host.requestUpdate();
      },
      () => undefined, // no list, no overlay: the map itself is unaffected
    );
  }

  /** The filter changed: the chosen layer is fetched again for it. */
  setFilter(filter: ObservatoryFilter): void {
    this.filter = filter;
    this.refresh();
    this.fetch();
  }

  private choose(id: string): void {
    this.chosen = id;
    this.fetch();
  }

  private fetch(): void {
    const id = ++this.asks;
    this.layer = null;
    this.host.requestUpdate();
    if (!this.chosen || !this.filter) return;
    const f = this.filter;
    sourcesApi.layer(this.chosen, { from: f.from, to: f.to, area: f.areaId }).then(
      (layer) => {
        if (id !== this.asks) return;
        this.layer = layer;
        this.host.requestUpdate();
      },
      () => undefined,
    );
  }

  control() {
    if (this.sources.length === 0) return nothing;
    // Inline: this sits in another section's shadow root; a long import name must not push
    // the select past a phone's edge.
    return html`<label style="flex-wrap: wrap; max-width: 100%"
      >${tObs('obs.sources.overlay')}
      <select
        style="max-width: 100%; min-width: 0"
        name="overlay"
        @change=${(e: Event) => this.choose((e.target as HTMLSelectElement).value)}
      >
        <option value="" ?selected=${this.chosen === ''}>
          ${tObs('obs.sources.overlay.none')}
        </option>
        ${this.sources.map(
          (s) => html`<option value=${s.id} ?selected=${this.chosen === s.id}>${s.name}</option>`,
        )}
      </select></label
    >`;
  }

  /** Drawn first among the map's data layers, so hot-spot classes stay on top. */
  layers(): MapLayer[] {
    return this.layer ? [importedCellsLayer(this.layer, 'overlay')] : [];
  }

  caption() {
    const l = this.layer;
    if (!l) return nothing;
    return html`<div data-overlay>
      <p class="small"><strong>${l.source.name}</strong></p>
      ${rampLegend(l)} ${metaLine(l.meta, { cellMetres: l.cellMetres })}
    </div>`;
  }
}
