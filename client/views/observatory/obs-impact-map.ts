import { tObs } from '../../../shared/i18n/observatory-screen.js';
import { getLang } from '../../../shared/i18n/core.js';
import { html } from 'lit';
import type { CellShape } from '../../../shared/observatory.js';
import type { EvaluationResult } from '../../../shared/observatory-evaluation.js';
import type { CityInfo } from '../../../shared/types.js';
import { areasLayer, boundsOf, textNode } from '../../components/map-layers.js';
import type { MapFrame, MapLayer } from '../../components/sac-map.js';
import { cellBounds } from '../../data/observatory-impact.js';
import { cellCount } from './obs-figure.js';
import '../../components/sac-map.js';

/** The four sets: treated warm, their ring a paler warm, the control blue, its ring paler blue. */
export const SET_COLOURS = {
  treated: '#b2182b',
  buffer: '#f4a582',
  control: '#2166ac',
  bufferControl: '#92c5de',
} as const;
export type SetName = keyof typeof SET_COLOURS;
const SETS: readonly SetName[] = ['treated', 'buffer', 'control', 'bufferControl'];

const AREA = { color: '#6f6a75', weight: 1, fillColor: '#ffffff', fillOpacity: 0.15 };

export function setLabel(name: SetName, r: Pick<EvaluationResult, 'ring'>): string {
  return tObs(`obs.impact.set.${name}`, { inner: r.ring.inner, outer: r.ring.outer });
}

function cellsOf(r: EvaluationResult, name: SetName): CellShape[] {
  return name === 'bufferControl' ? (r.bufferControl?.cells ?? []) : r[name].cells;
}

function resultLayer(r: EvaluationResult): MapLayer {
  return {
    id: 'sets',
    deps: [r, getLang()],
    draw(L, group) {
      for (const name of SETS) {
        const label = setLabel(name, r);
        for (const c of cellsOf(r, name)) {
          L.rectangle(c.bounds as [[number, number], [number, number]], {
            color: SET_COLOURS[name],
            weight: name === 'treated' || name === 'control' ? 1.6 : 0.6,
            fillColor: SET_COLOURS[name],
            fillOpacity: name === 'treated' || name === 'control' ? 0.8 : 0.45,
            dashArray: name === 'bufferControl' ? '3 3' : undefined,
          })
            .bindTooltip(textNode(`${c.id} · ${label}`), { sticky: true })
            .addTo(group);
        }
      }
    },
  };
}

/** Cells the analyst marked, outlined thick until the next answer fills them in. */
function pickedLayer(
  city: CityInfo,
  treated: readonly string[],
  control: readonly string[],
): MapLayer {
  return {
    id: 'picked',
    deps: [treated, control, getLang()],
    draw(L, group) {
      const areas = city.areas.features;
      for (const [ids, colour, key] of [
        [treated, SET_COLOURS.treated, 'obs.impact.set.picked_treated'],
        [control, SET_COLOURS.control, 'obs.impact.set.picked_control'],
      ] as const) {
        for (const id of ids) {
          const b = cellBounds(areas, id);
          if (!b) continue;
          L.rectangle(b, { color: colour, weight: 3, fill: false })
            .bindTooltip(textNode(`${id} · ${tObs(key)}`), { sticky: true })
            .addTo(group);
        }
      }
    },
  };
}

function frame(city: CityInfo): MapFrame {
  return {
    key: 'city',
    apply(L, map) {
      const b = boundsOf(L, city.areas.features);
      if (b.isValid()) map.fitBounds(b, { padding: [8, 8], animate: false });
    },
  };
}

export function impactMap(
  city: CityInfo,
  result: EvaluationResult | null,
  picked: { treated: readonly string[]; control: readonly string[]; picking: boolean },
) {
  const layers: MapLayer[] = [areasLayer(city.areas.features, AREA, { named: true })];
  if (result) layers.push(resultLayer(result));
  layers.push(pickedLayer(city, picked.treated, picked.control));
  return html`<sac-map
    class="obs-map"
    style="--map-height: var(--obs-map-height, 460px)"
    .city=${city}
    .label=${tObs('obs.impact.map.label')}
    .zoomSnap=${0.25}
    .layers=${layers}
    .frame=${frame(city)}
    ?picking=${picked.picking}
  ></sac-map>`;
}

export function impactLegend(r: EvaluationResult) {
  return html`<ul class="legend" aria-label=${tObs('obs.legend')}>
    ${SETS.map(
      (name) =>
        html`<li>
          <i
            style="background:${SET_COLOURS[name]};${name === 'bufferControl' ? 'border-style:dashed' : ''}"
            aria-hidden="true"
          ></i
          >${setLabel(name, r)} <span class="muted">(${cellCount(cellsOf(r, name).length)})</span>
        </li>`,
    )}
  </ul>`;
}
