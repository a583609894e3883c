import { css, html } from 'lit';
import { t } from '../../../shared/i18n/core.js';
import type { PlanPoint } from '../../../shared/plan.js';
import type { AreaFeature, CityInfo, GeoPoint } from '../../../shared/types.js';
import { areasLayer, boundsOf } from '../../components/map-layers.js';
import type { MapFrame, MapLayer } from '../../components/sac-map.js';
import '../../components/sac-map.js';

/** A hot-spot cell to draw (operators' plan view). */
export interface MapCell {
  id: string;
  centre: GeoPoint;
  gi: number;
  significant: boolean;
}

export interface QuadrantMapOptions {
  /** the unit's areas */
  areas: AreaFeature[];
  points: PlanPoint[];
  /** the point the crew should be at now */
  current?: string | null;
  /** the crew's last fix ("you are here", with its accuracy when known) */
  you?: (GeoPoint & { accuracy?: number }) | null;
  /** where an accepted dispatch sends the crew */
  target?: GeoPoint | null;
  cells?: MapCell[];
}

const AREA = {
  color: '#5f5b66',
  weight: 1.5,
  fillColor: '#ffffff',
  fillOpacity: 0.55,
};

/** The numbered points are div icons: their look must be inside the map's shadow root. */
const pointStyles = css`
  .pin {
    display: grid;
    place-items: center;
    width: 28px;
    height: 28px;
    border-radius: 50%;
    background: #0b57d0;
    color: #fff;
    font-weight: 800;
    font-size: 14px;
    border: 2px solid #fff;
    box-shadow: 0 1px 4px rgba(0, 0, 0, 0.4);
  }
  .pin.current {
    background: var(--red);
    width: 34px;
    height: 34px;
    font-size: 16px;
  }
`;

/**
 * The unit's quadrant (the officer's shift, the operators' plan view): its areas, the plan's
 * fixed points numbered in plan order with the current one highlighted, the hot-spot cells,
 * the crew's position and, during a dispatch, where they are going.
 */
export function quadrantMap(city: CityInfo, o: QuadrantMapOptions) {
  const target = o.target ?? null;
  return html`<sac-map
    style="--map-height: 300px; --map-ground: #e8eef0"
    .city=${city}
    .label=${t('officer.map')}
    .zoomSnap=${0.25}
    .layers=${[
      areasLayer(o.areas, AREA),
      cellsLayer(o.cells ?? []),
      pointsLayer(o.points, o.current ?? null),
      wayLayer(o.you ?? null, target),
      spotLayer('target', target, '#b3261e', 11, target ? t('officer.map.target') : ''),
      youLayer(o.you ?? null),
    ]}
    .frame=${quadrantFrame(o.areas, target, o.you ?? null)}
    .layerStyles=${[pointStyles]}
  ></sac-map>`;
}

function cellsLayer(cells: MapCell[]): MapLayer {
  return {
    id: 'cells',
    deps: [cells],
    draw(L, group) {
      for (const cell of cells) {
        L.circle([cell.centre.lat, cell.centre.lng], {
          radius: 75,
          color: cell.significant ? '#b3261e' : '#8a5300',
          weight: 0,
          fillOpacity: Math.min(0.6, 0.15 + cell.gi / 20),
          interactive: false,
        }).addTo(group);
      }
    },
  };
}

function pointsLayer(points: PlanPoint[], current: string | null): MapLayer {
  return {
    id: 'points',
    deps: [points.map((p) => `${p.id}|${p.lat}|${p.lng}`).join(','), current],
    draw(L, group) {
      points.forEach((p, i) => {
        const now = p.id === current;
        L.marker([p.lat, p.lng], {
          icon: L.divIcon({
            className: '',
            html: `<div class="pin ${now ? 'current' : ''}">${i + 1}</div>`,
            iconSize: now ? [34, 34] : [28, 28],
          }),
          keyboard: false,
          interactive: false,
          zIndexOffset: now ? 1000 : 0,
        }).addTo(group);
        L.circle([p.lat, p.lng], {
          radius: 150,
          color: now ? '#b3261e' : '#0b57d0',
          weight: 1,
          fillOpacity: 0.06,
          interactive: false,
        }).addTo(group);
      });
    },
  };
}

/** A dot with a name that stays shown (`label`), so the crew need not guess which is which. */
function spotLayer(
  id: string,
  at: GeoPoint | null,
  colour: string,
  radius: number,
  label: string,
  side: 'top' | 'bottom' = 'top',
): MapLayer {
  return {
    id,
    deps: [at?.lat, at?.lng, label],
    draw(L, group) {
      if (!at) return;
      const dot = L.circleMarker([at.lat, at.lng], {
        radius,
        color: '#fff',
        weight: 3,
        fillColor: colour,
        fillOpacity: 1,
        interactive: false,
      }).addTo(group);
      if (label)
        dot.bindTooltip(label, {
          permanent: true,
          direction: side,
          offset: [0, side === 'top' ? -8 : 8],
        });
    },
  };
}

/**
 * "You are here": the crew's own position, moved with every fix the phone's watch reports,
 * with a ring for its accuracy (a 300 m fix must not look like a precise one).
 */
function youLayer(you: (GeoPoint & { accuracy?: number }) | null): MapLayer {
  const label = you ? t('officer.map.you') : '';
  const dot = spotLayer('you-dot', you, '#1b6e3a', 8, label, 'bottom');
  return {
    id: 'you',
    deps: [you?.accuracy, ...dot.deps],
    draw(L, group, map) {
      if (!you) return;
      if (you.accuracy && you.accuracy > 15)
        L.circle([you.lat, you.lng], {
          radius: you.accuracy,
          color: '#1b6e3a',
          weight: 1,
          fillOpacity: 0.08,
          interactive: false,
        }).addTo(group);
      dot.draw(L, group, map);
    },
  };
}

/** About 250 m square: the crew's position as precise as the map's frame needs. */
const cell = (p: GeoPoint) => `${Math.round(p.lat * 400)},${Math.round(p.lng * 400)}`;

/** During a dispatch, a dashed line from the crew to where they are going. */
function wayLayer(you: GeoPoint | null, target: GeoPoint | null): MapLayer {
  return {
    id: 'way',
    deps: [you?.lat, you?.lng, target?.lat, target?.lng],
    draw(L, group) {
      if (!you || !target) return;
      L.polyline(
        [
          [you.lat, you.lng],
          [target.lat, target.lng],
        ],
        { color: '#b3261e', weight: 3, dashArray: '6 8', interactive: false },
      ).addTo(group);
    },
  };
}

/**
 * The quadrant; during a dispatch the target and the crew, so the way there fills the map (a
 * target outside the quadrant would otherwise be a dot at its edge). Applied once per target
 * and again each time the crew has moved about 250 m: the map neither jumps at every fix nor
 * leaves the crew behind.
 */
function quadrantFrame(
  areas: AreaFeature[],
  target: GeoPoint | null,
  you: GeoPoint | null,
): MapFrame {
  const quadrant = areas.map((a) => a.properties.id).join(',');
  return {
    key: target ? `${quadrant}|${target.lat},${target.lng}|${you ? cell(you) : ''}` : quadrant,
    apply(L, map) {
      const bounds = target ? boundsOf(L, [], [target, ...(you ? [you] : [])]) : boundsOf(L, areas);
      if (bounds.isValid()) map.fitBounds(bounds, { padding: [40, 40], maxZoom: 17 });
    },
  };
}
