import { tObs } from '../../../shared/i18n/observatory-screen.js';
import { getLang } from '../../../shared/i18n/core.js';
import { html } from 'lit';
import type { ImportedLayer } from '../../../shared/observatory-evaluation.js';
import type { CityInfo } from '../../../shared/types.js';
import { areasLayer, boundsOf, textNode } from '../../components/map-layers.js';
import type { MapFrame, MapLayer } from '../../components/sac-map.js';
import { formatNumber } from './obs-figure.js';
import '../../components/sac-map.js';

/**
 * Imported records per cell on a sequential purple ramp (ColorBrewer Purples, 5 classes): a
 * hue the hot-spot map does not use, so an overlay of imports never reads as hot or cold.
 */
export const RAMP = ['#f2f0f7', '#cbc9e2', '#9e9ac8', '#756bb1', '#54278f'] as const;
const AREA = { color: '#6f6a75', weight: 1, fillColor: '#ffffff', fillOpacity: 0.15 };

/** The ramp step of a count, by its share of the layer's highest count. */
export function rampOf(count: number, max: number): string {
  if (max <= 0) return RAMP[0];
  const step = Math.min(RAMP.length - 1, Math.ceil((count / max) * RAMP.length) - 1);
  return RAMP[Math.max(0, step)]!;
}

/** An imported layer's cells as a map layer (also used as an overlay of the hot-spot map). */
export function importedCellsLayer(layer: ImportedLayer, id = 'imported'): MapLayer {
  const max = layer.cells.reduce((m, c) => Math.max(m, c.count), 0);
  return {
    id,
    deps: [layer, getLang()],
    draw(L, group) {
      for (const c of layer.cells) {
        const tip = `${layer.source.name} · ${tObs('obs.sources.cell.tip', { id: c.id, count: formatNumber(c.count) })}`;
        L.rectangle(c.bounds as [[number, number], [number, number]], {
          color: '#3f007d',
          weight: 1,
          fillColor: rampOf(c.count, max),
          fillOpacity: 0.8,
        })
          .bindTooltip(textNode(tip), { sticky: true })
          .addTo(group);
      }
    },
  };
}

export function sourceMap(city: CityInfo, layer: ImportedLayer) {
  const frame: MapFrame = {
    key: layer.source.id,
    apply(L, map) {
      const b = boundsOf(L, city.areas.features);
      if (b.isValid()) map.fitBounds(b, { padding: [8, 8], animate: false });
    },
  };
  return html`<sac-map
    class="obs-map"
    style="--map-height: var(--obs-map-height, 420px)"
    .city=${city}
    .label=${tObs('obs.sources.map.label')}
    .zoomSnap=${0.25}
    .layers=${[areasLayer(city.areas.features, AREA, { named: true }), importedCellsLayer(layer)]}
    .frame=${frame}
  ></sac-map>`;
}

/** Inline: the legend is also drawn inside other sections' shadow roots (the overlay). */
const swatchStyle = (colour: string) =>
  `display:inline-block;width:18px;height:14px;border:1px solid #3b3740;background:${colour}`;

/** The ramp read out: from few to many, with the highest count. */
export function rampLegend(layer: ImportedLayer) {
  const max = layer.cells.reduce((m, c) => Math.max(m, c.count), 0);
  return html`<div
    class="ramp"
    style="display:flex;flex-wrap:wrap;align-items:center;gap:6px;font-size:0.85rem"
  >
    <span>${tObs('obs.sources.legend.low')}</span>
    ${RAMP.map((c) => html`<i style=${swatchStyle(c)} aria-hidden="true"></i>`)}
    <span>${tObs('obs.sources.legend.high')} (${formatNumber(max)})</span>
  </div>`;
}
