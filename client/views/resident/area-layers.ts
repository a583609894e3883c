import { html } from 'lit';
import { t } from '../../../shared/i18n/core.js';
import type { CityInfo, GeoPoint } from '../../../shared/types.js';
import { areasLayer, boundsOf, textNode } from '../../components/map-layers.js';
import type { MapFrame, MapLayer } from '../../components/sac-map.js';
import '../../components/sac-map.js';

/** An alert on the neighbourhood map. */
export interface MapMarker {
  id: string;
  lat: number;
  lng: number;
  colour: string;
  /** plain text: it may hold a neighbour's name, so it is never parsed as HTML */
  label: string;
}

export interface AreaMapOptions {
  /** the resident's area, outlined and framed */
  focusArea?: string | null;
  markers?: MapMarker[];
  /** where the resident placed the pin (a request, the home at registration) */
  pin?: GeoPoint | null;
  /** a tap places the pin: the map sends `pick` */
  picking?: boolean;
  onPick?: (point: GeoPoint) => void;
}

const AREA = { color: '#6f6a75', weight: 1, fillColor: '#ffffff', fillOpacity: 0.35 };
const FOCUS = { color: '#b3261e', weight: 3, fillColor: '#fbe9e7', fillOpacity: 0.45 };

/**
 * The resident's map (neighbourhood feed, request form, registration): the city's areas with
 * the resident's own outlined, the area's alerts as dots, and the pin being placed.
 */
export function areaMap(city: CityInfo, o: AreaMapOptions) {
  const focus = o.focusArea ?? null;
  const pin = o.pin ?? null;
  return html`<sac-map
    .city=${city}
    .label=${t('map.label')}
    .layers=${[
      areasLayer(city.areas.features, AREA, { focus, focusLook: FOCUS }),
      markersLayer(o.markers ?? []),
      pinLayer(pin),
    ]}
    .frame=${areaFrame(city, focus, pin)}
    ?picking=${o.picking ?? false}
    @pick=${(e: CustomEvent<GeoPoint>) => o.onPick?.(e.detail)}
  ></sac-map>`;
}

function markersLayer(markers: MapMarker[]): MapLayer {
  return {
    id: 'markers',
    deps: [markers.map((m) => `${m.id}|${m.lat}|${m.lng}|${m.colour}|${m.label}`).join('\n')],
    draw(L, group) {
      for (const m of markers) {
        L.circleMarker([m.lat, m.lng], {
          radius: 11,
          color: '#ffffff',
          weight: 3,
          fillColor: m.colour,
          fillOpacity: 1,
        })
          .bindTooltip(textNode(m.label))
          .addTo(group);
      }
    },
  };
}

/** The pin, brought into view when it lands outside it (located by GPS, say). */
function pinLayer(pin: GeoPoint | null): MapLayer {
  return {
    id: 'pin',
    deps: [pin?.lat, pin?.lng],
    draw(L, group, map) {
      if (!pin) return;
      L.circleMarker([pin.lat, pin.lng], {
        radius: 13,
        color: '#ffffff',
        weight: 4,
        fillColor: '#b3261e',
        fillOpacity: 1,
        interactive: false,
      }).addTo(group);
      if (!map.getBounds().contains([pin.lat, pin.lng])) map.panTo([pin.lat, pin.lng]);
    },
  };
}

/** Around the pin if there is one, else the resident's area, else the whole city. */
function areaFrame(city: CityInfo, focus: string | null, pin: GeoPoint | null): MapFrame {
  return {
    key: focus ?? '',
    apply(L, map) {
      const features = city.areas.features;
      const focused = features.filter((f) => f.properties.id === focus);
      const bounds = pin
        ? L.latLng(pin.lat, pin.lng).toBounds(600)
        : boundsOf(L, focused.length ? focused : features);
      if (bounds.isValid()) map.fitBounds(bounds, { padding: [12, 12], animate: false });
      else map.setView([city.centre.lat, city.centre.lng], 13);
    },
  };
}
