import { tObs } from '../../../shared/i18n/observatory-screen.js';
import { getLang } from '../../../shared/i18n/core.js';
import { html } from 'lit';
import type { Answer } from '../../../shared/conversations.js';
import type { PerceptionResult, Share } from '../../../shared/observatory-evaluation.js';
import type { CityInfo } from '../../../shared/types.js';
import { areasLayer, boundsOf, textNode } from '../../components/map-layers.js';
import type { MapFrame, MapLayer } from '../../components/sac-map.js';
import { formatNumber } from './obs-figure.js';
import { percent } from './obs-response-api.js';
import '../../components/sac-map.js';

type Cells = PerceptionResult['questions'][number]['cells'];

/** A sequential ramp (ColorBrewer Purples, colour-blind safe) in five steps of 20 points. */
export const SHARE_COLOURS = ['#f2f0f7', '#cbc9e2', '#9e9ac8', '#756bb1', '#54278f'] as const;
const colourOf = (share: number) => SHARE_COLOURS[Math.min(4, Math.floor(share * 5))]!;
const AREA = { color: '#6f6a75', weight: 1, fillColor: '#ffffff', fillOpacity: 0.15 };

export const ciText = (s: Share & { shown: true }) =>
  tObs('obs.perception.ci', { low: formatNumber(s.low * 100), high: formatNumber(s.high * 100) });

/**
 * Each cell with answers as its square (never a point): coloured by the share of the chosen
 * answer where at least the minimum answered, outlined only where fewer did.
 */
function cellsLayer(cells: Cells, answer: Answer, answerName: string, min: number): MapLayer {
  return {
    id: 'perception',
    deps: [cells, answer, getLang()],
    draw(L, group) {
      for (const c of cells) {
        const s = c.shares[answer];
        const b = c.bounds as [[number, number], [number, number]];
        const tip = s.shown
          ? tObs('obs.perception.cell_tip', {
              id: c.id,
              share: percent(s.share),
              answer: answerName,
              n: formatNumber(s.n),
              ci: ciText(s),
            })
          : tObs('obs.perception.cell_tip_withheld', { id: c.id, n: formatNumber(s.n), min });
        L.rectangle(
          b,
          s.shown
            ? { color: '#3f007d', weight: 0.8, fillColor: colourOf(s.share), fillOpacity: 0.85 }
            : { color: '#8a8590', weight: 0.5, opacity: 0.6, dashArray: '2 3', fill: false },
        )
          .bindTooltip(textNode(tip), { sticky: true })
          .addTo(group);
      }
    },
  };
}

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

export function perceptionMap(
  city: CityInfo,
  areaId: string | null,
  cells: Cells,
  answer: Answer,
  answerName: string,
  min: number,
) {
  return html`<sac-map
    class="obs-map"
    style="--map-height: var(--obs-map-height, 420px)"
    .city=${city}
    .label=${tObs('obs.perception.map_label')}
    .zoomSnap=${0.25}
    .layers=${[
      areasLayer(city.areas.features, AREA, { named: true }),
      cellsLayer(cells, answer, answerName, min),
    ]}
    .frame=${frame(city, areaId)}
  ></sac-map>`;
}

/** The ramp's steps and the outline of withheld cells, in words. */
export function perceptionLegend(answerName: string, min: number) {
  return html`<ul class="legend" aria-label=${tObs('obs.legend')}>
    ${SHARE_COLOURS.map(
      (c, i) =>
        html`<li>
          <i style="background:${c}" aria-hidden="true"></i>${tObs('obs.perception.legend_step', {
            from: i * 20,
            to: (i + 1) * 20,
            answer: answerName,
          })}
        </li>`,
    )}
    <li>
      <i style="background:transparent;border-style:dashed" aria-hidden="true"></i>${tObs(
        'obs.perception.legend_withheld',
        { min },
      )}
    </li>
  </ul>`;
}
