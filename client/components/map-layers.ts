import type { LatLngBounds, PathOptions } from 'leaflet';
import type { FeatureCollection } from 'geojson';
import type { AreaFeature, GeoPoint } from '../../shared/types.js';
import type { LeafletApi, MapLayer } from './sac-map.js';

/** Pieces every role's map layers use (`sac-map`); Leaflet is passed in, never imported. */

export interface AreasOptions {
  /** this area is drawn in `focusLook` */
  focus?: string | null;
  focusLook?: PathOptions;
  /** the area's name on hover (the console) */
  named?: boolean;
}

/** The city's areas from `/api/city`, or some of them (a patrol quadrant). */
export function areasLayer(
  features: readonly AreaFeature[],
  look: PathOptions,
  { focus = null, focusLook = look, named = false }: AreasOptions = {},
): MapLayer {
  return {
    id: 'areas',
    // Views filter the features afresh on every render: compare what is drawn, not the array.
    deps: [features.map((f) => f.properties.id).join(','), look, focus],
    draw(L, group) {
      L.geoJSON(collection(features), {
        interactive: named,
        style: (f) => (focus !== null && f?.properties?.id === focus ? focusLook : look),
        onEachFeature: named
          ? (f: AreaFeature, layer) =>
              layer.bindTooltip(textNode(f.properties.name), { sticky: true })
          : undefined,
      }).addTo(group);
    },
  };
}

/** The box around some areas and points; not valid when there are neither. */
export function boundsOf(
  L: LeafletApi,
  features: readonly AreaFeature[],
  points: readonly GeoPoint[] = [],
): LatLngBounds {
  const bounds = features.length ? L.geoJSON(collection(features)).getBounds() : L.latLngBounds([]);
  for (const p of points) bounds.extend([p.lat, p.lng]);
  return bounds;
}

/** A label set as text, never parsed as HTML: labels may hold a resident's words or name. */
export function textNode(text: string): HTMLElement {
  const span = document.createElement('span');
  span.textContent = text;
  return span;
}

function collection(features: readonly AreaFeature[]): FeatureCollection {
  return { type: 'FeatureCollection', features: [...features] };
}
