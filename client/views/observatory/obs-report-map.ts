import { svg, html, nothing } from 'lit';
import { tObs } from '../../../shared/i18n/observatory-screen.js';
import type { CellShape, HotspotClass } from '../../../shared/observatory.js';
import type { AreaFeature } from '../../../shared/types.js';
import { CLASS_COLOURS, SHOWN_CLASSES } from './obs-map.js';

const WIDTH = 720;

/**
 * The report's map, drawn as SVG rather than on tiles: map tiles often fail to print (lazy,
 * cross-origin, clipped at page breaks), while an SVG of the areas' outlines and the cells'
 * squares prints crisply on paper and in a PDF. An equirectangular projection scaled by the
 * cosine of the city's latitude: at a city's size the distortion is far below a cell.
 */
export function reportMap(
  areas: AreaFeature[],
  cells: (CellShape & { class?: HotspotClass; colour?: string })[],
  label: string,
  focus: string | null = null,
) {
  const rings = areas.flatMap((a) =>
    a.geometry.coordinates.map((r) => ({ id: a.properties.id, r })),
  );
  const points = rings.flatMap((x) => x.r);
  if (!points.length) return nothing;
  const lngs = points.map((p) => p[0]!);
  const lats = points.map((p) => p[1]!);
  const [west, east, south, north] = [
    Math.min(...lngs),
    Math.max(...lngs),
    Math.min(...lats),
    Math.max(...lats),
  ];
  const k = Math.cos((((north + south) / 2) * Math.PI) / 180);
  const scale = WIDTH / Math.max((east - west) * k, 1e-9);
  const height = Math.ceil((north - south) * scale);
  const x = (lng: number) => ((lng - west) * k * scale).toFixed(1);
  const y = (lat: number) => ((north - lat) * scale).toFixed(1);
  const path = (r: number[][]) => `M${r.map((p) => `${x(p[0]!)},${y(p[1]!)}`).join('L')}Z`;
  return html`<svg
    class="report-map"
    viewBox="-4 -4 ${WIDTH + 8} ${height + 8}"
    role="img"
    aria-label=${label}
  >
    ${rings.map(
      ({ id, r }) =>
        svg`<path d=${path(r)} fill=${focus === id ? '#ffffff' : '#f4f3f1'} stroke="#8a8590"
          stroke-width=${focus === id ? 2 : 0.8}></path>`,
    )}
    ${cells.map((c) => {
      const fill = c.colour ?? (c.class && c.class !== 'none' ? CLASS_COLOURS[c.class] : null);
      if (!fill) return nothing;
      const [[s, w], [n, e]] = c.bounds;
      return svg`<rect x=${x(w)} y=${y(n)} width=${((e - w) * k * scale).toFixed(1)}
        height=${((n - s) * scale).toFixed(1)} fill=${fill} stroke="#3b3740"
        stroke-width="0.4"></rect>`;
    })}
  </svg>`;
}

/** The hot/cold legend under the report's map, with how many cells of each class. */
export function classLegend(cells: { class: HotspotClass }[]) {
  return html`<ul class="legend" aria-label=${tObs('obs.legend')}>
    ${SHOWN_CLASSES.map(
      (c) =>
        html`<li>
          <i style="background:${CLASS_COLOURS[c]}" aria-hidden="true"></i>${tObs(`obs.class.${c}`)}
          (${cells.filter((x) => x.class === c).length})
        </li>`,
    )}
  </ul>`;
}
