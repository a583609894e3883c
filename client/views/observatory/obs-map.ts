import { tObs } from '../../../shared/i18n/observatory-screen.js';
import { getLang } from '../../../shared/i18n/core.js';
import { html } from 'lit';
import {
  EMERGING_PATTERNS,
  type CellShape,
  type EmergingCell,
  type EmergingPattern,
  type EmergingResult,
  type HotspotClass,
  type HotspotResult,
} from '../../../shared/observatory.js';
import type { CityInfo } from '../../../shared/types.js';
import { areasLayer, boundsOf, textNode } from '../../components/map-layers.js';
import type { MapFrame, MapLayer } from '../../components/sac-map.js';
import { cellCount } from './obs-figure.js';
import '../../components/sac-map.js';

/**
 * Hot and cold classes on a diverging red–blue ramp (ColorBrewer RdBu, safe for the common
 * colour-blindnesses): the stronger the evidence, the darker. Not significant is left clear.
 */
export const CLASS_COLOURS: Record<Exclude<HotspotClass, 'none'>, string> = {
  hot99: '#b2182b',
  hot95: '#ef8a62',
  hot90: '#fddbc7',
  cold90: '#d1e5f0',
  cold95: '#67a9cf',
  cold99: '#2166ac',
};
export const SHOWN_CLASSES = ['hot99', 'hot95', 'hot90', 'cold90', 'cold95', 'cold99'] as const;

/** Emerging patterns: warm hues for hot spots, blues and teals for cold ones; named in tips. */
export const PATTERN_COLOURS: Record<'hot' | 'cold', Record<EmergingPattern, string>> = {
  hot: {
    new: '#ffd92f',
    consecutive: '#fdae61',
    intensifying: '#d7301f',
    persistent: '#7f0000',
    diminishing: '#fc9272',
    sporadic: '#e7298a',
    oscillating: '#a6761d',
    historical: '#d8b365',
  },
  cold: {
    new: '#c6dbef',
    consecutive: '#9ecae1',
    intensifying: '#08306b',
    persistent: '#2171b5',
    diminishing: '#6baed6',
    sporadic: '#80cdc1',
    oscillating: '#35978f',
    historical: '#b2abd2',
  },
};

const AREA = { color: '#6f6a75', weight: 1, fillColor: '#ffffff', fillOpacity: 0.15 };
const bounds = (c: CellShape) => c.bounds as [[number, number], [number, number]];

function hotspotLayer(r: HotspotResult): MapLayer {
  return {
    id: 'cells',
    deps: [r, getLang()], // tooltips are in the reader's language
    draw(L, group) {
      const min = r.meta.suppressedBelow;
      // Not significant is drawn clear: no fill, no outline (a grid of outlines reads as data).
      for (const c of r.cells) {
        if (c.class === 'none') continue;
        const counted =
          c.count === null
            ? tObs('obs.cell.tip_suppressed', {
                id: c.id,
                min,
                z: c.z.toFixed(2),
                q: c.q.toFixed(3),
              })
            : tObs('obs.cell.tip', {
                id: c.id,
                count: c.count,
                z: c.z.toFixed(2),
                q: c.q.toFixed(3),
              });
        const sources = c.sources.map((s) => tObs(`obs.source.${s}`)).join(', ');
        const tip = `${counted} · ${tObs(`obs.class.${c.class}`)} · ${tObs('obs.cell.sources', { sources })}`;
        // A dark edge in the class's own hue: a pale 90 % cell still stands out from the ground.
        L.rectangle(bounds(c), {
          color: c.class.startsWith('hot') ? '#67001f' : '#053061',
          weight: 1.4,
          fillColor: CLASS_COLOURS[c.class],
          fillOpacity: 0.85,
        })
          .bindTooltip(textNode(tip), { sticky: true })
          .addTo(group);
      }
    },
  };
}

function emergingLayer(r: EmergingResult): MapLayer {
  return {
    id: 'cells',
    deps: [r, getLang()], // tooltips are in the reader's language
    draw(L, group) {
      for (const c of r.cells) {
        const tip = tObs('obs.emerging.tip', {
          id: c.id,
          pattern: tObs(`obs.pattern.${c.pattern}`),
          kind: tObs(`obs.kind.${c.kind}`),
          hot: c.kind === 'hot' ? c.hotSlices : c.coldSlices,
          slices: r.slices.length,
        });
        L.rectangle(bounds(c), {
          color: '#3b3740',
          weight: 0.6,
          fillColor: PATTERN_COLOURS[c.kind][c.pattern],
          fillOpacity: 0.8,
          dashArray: c.kind === 'cold' ? '2 2' : undefined,
        })
          .bindTooltip(textNode(tip), { sticky: true })
          .addTo(group);
      }
    },
  };
}

/** The city, or the chosen area, filling the box. */
function frame(city: CityInfo, areaId: string | null): MapFrame {
  return {
    key: areaId ?? '',
    apply(L, map) {
      const areas = city.areas.features.filter((f) => !areaId || f.properties.id === areaId);
      const b = boundsOf(L, areas.length ? areas : city.areas.features);
      if (b.isValid()) map.fitBounds(b, { padding: [8, 8], animate: false });
    },
  };
}

export function obsMap(
  city: CityInfo,
  areaId: string | null,
  shown:
    { kind: 'hotspots'; data: HotspotResult } | { kind: 'emerging'; data: EmergingResult } | null,
  /** optional layers beneath the figure's cells (an imported source) */
  under: MapLayer[] = [],
) {
  const layers: MapLayer[] = [areasLayer(city.areas.features, AREA, { named: true }), ...under];
  if (shown?.kind === 'hotspots') layers.push(hotspotLayer(shown.data));
  if (shown?.kind === 'emerging') layers.push(emergingLayer(shown.data));
  return html`<sac-map
    class="obs-map"
    style="--map-height: var(--obs-map-height, 460px)"
    .city=${city}
    .label=${tObs('obs.map.label')}
    .zoomSnap=${0.25}
    .layers=${layers}
    .frame=${frame(city, areaId)}
  ></sac-map>`;
}

/** A swatch and its words: the legend is read, never only seen. */
const swatch = (colour: string, label: string, count: number, dashed = false) =>
  html`<li>
    <i style="background:${colour};${dashed ? 'border-style:dashed' : ''}" aria-hidden="true"></i
    >${label}
    <span class="muted">(${cellCount(count)})</span>
  </li>`;

export function hotspotLegend(r: HotspotResult) {
  const count = (cls: HotspotClass) => r.cells.filter((c) => c.class === cls).length;
  return html`<ul class="legend" aria-label=${tObs('obs.legend')}>
    ${SHOWN_CLASSES.map((cls) => swatch(CLASS_COLOURS[cls], tObs(`obs.class.${cls}`), count(cls)))}
    ${swatch('transparent', tObs('obs.class.none'), r.studyCells - r.cells.filter((c) => c.class !== 'none').length)}
  </ul>`;
}

export function emergingLegend(r: EmergingResult) {
  const count = (kind: 'hot' | 'cold', p: EmergingPattern) =>
    r.cells.filter((c: EmergingCell) => c.kind === kind && c.pattern === p).length;
  return html`<div class="legend-pair">
    ${(['hot', 'cold'] as const).map(
      (kind) =>
        html`<ul class="legend" aria-label="${tObs('obs.legend')}: ${tObs(`obs.kind.${kind}`)}">
          ${EMERGING_PATTERNS.map((p) =>
            swatch(
              PATTERN_COLOURS[kind][p],
              `${tObs(`obs.pattern.${p}`)} (${tObs(`obs.kind.${kind}`)})`,
              count(kind, p),
              kind === 'cold',
            ),
          )}
        </ul>`,
    )}
  </div>`;
}
