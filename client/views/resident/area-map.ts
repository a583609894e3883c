import { html, css, unsafeCSS, type PropertyValues } from 'lit';
import { customElement, property, query } from 'lit/decorators.js';
import * as L from 'leaflet';
import type { FeatureCollection } from 'geojson';
import leafletCss from 'leaflet/dist/leaflet.css?inline';
import { SacElement } from '../../components/sac-element.js';
import { t } from '../../../shared/i18n/core.js';
import type { CityInfo, GeoPoint } from '../../../shared/types.js';
import { base } from '../../styles.js';

export interface MapMarker {
  id: string;
  lat: number;
  lng: number;
  colour: string;
  /** plain text: it may hold a neighbour's name, so it is never parsed as HTML */
  label: string;
}

const AREA = { color: '#6f6a75', weight: 1, fillColor: '#ffffff', fillOpacity: 0.35 };
const FOCUS = { color: '#b3261e', weight: 3, fillColor: '#fbe9e7', fillOpacity: 0.45 };

/**
 * The city on a Leaflet map: the areas from `/api/city`, optional markers, and a pin the
 * user places by tapping (`picking`). Tiles come from `city.tiles` when configured (the
 * service worker caches them); with none, the areas and markers still draw on a plain ground.
 * Leaflet's stylesheet is adopted into the shadow root, where its selectors can reach.
 */
@customElement('sac-area-map')
export class AreaMap extends SacElement {
  static override styles = [
    base,
    unsafeCSS(leafletCss),
    css`
      :host {
        display: block;
      }
      .map {
        height: var(--map-height, 280px);
        border-radius: var(--radius);
        border: 1px solid var(--line);
        background: #e6ece3;
        z-index: 0;
      }
      .leaflet-container {
        font: inherit;
      }
      .leaflet-tooltip {
        font-size: 0.9rem;
      }
    `,
  ];

  @property({ attribute: false }) city!: CityInfo;
  @property({ attribute: false }) focusArea: string | null = null;
  @property({ attribute: false }) markers: MapMarker[] = [];
  @property({ attribute: false }) pin: GeoPoint | null = null;
  @property({ type: Boolean }) picking = false;
  @query('.map') private container!: HTMLDivElement;
  private map: L.Map | null = null;
  private areas: L.GeoJSON | null = null;
  private readonly markerLayer = L.layerGroup();
  private readonly pinLayer = L.layerGroup();
  private resize: ResizeObserver | null = null;

  override firstUpdated(): void {
    const map = L.map(this.container, { zoomControl: false, attributionControl: false });
    L.control.zoom({ zoomInTitle: t('map.zoom_in'), zoomOutTitle: t('map.zoom_out') }).addTo(map);
    const tiles = this.city.tiles;
    if (tiles) {
      L.control.attribution({ prefix: false }).addTo(map);
      // CORS, so the service worker can cache real responses rather than opaque ones.
      L.tileLayer(tiles.url, {
        attribution: tiles.attribution,
        crossOrigin: true,
        maxZoom: 19,
      }).addTo(map);
    }
    this.areas = L.geoJSON(this.city.areas as FeatureCollection, {
      interactive: false,
      style: (f) => (f?.properties?.id === this.focusArea ? FOCUS : AREA),
    }).addTo(map);
    this.markerLayer.addTo(map);
    this.pinLayer.addTo(map);
    map.on('click', (e: L.LeafletMouseEvent) => {
      if (!this.picking) return;
      const detail: GeoPoint = { lat: e.latlng.lat, lng: e.latlng.lng };
      this.dispatchEvent(new CustomEvent('pick', { detail, bubbles: true, composed: true }));
    });
    this.map = map;
    this.fit();
    this.drawMarkers();
    this.drawPin();
    // Leaflet measures its box once; a tab switch or rotation changes it.
    this.resize = new ResizeObserver(() => map.invalidateSize());
    this.resize.observe(this.container);
  }

  override updated(changed: PropertyValues<this>): void {
    if (!this.map) return;
    if (changed.has('markers')) this.drawMarkers();
    if (changed.has('pin')) this.drawPin();
    if (changed.has('focusArea')) {
      this.areas?.setStyle((f) => (f?.properties?.id === this.focusArea ? FOCUS : AREA));
      this.fit();
    }
  }

  private fit(): void {
    const layers = this.areas?.getLayers() ?? [];
    const focus = layers.find(
      (l) => (l as L.Polygon).feature?.properties?.id === this.focusArea,
    ) as L.Polygon | undefined;
    const bounds = this.pin
      ? L.latLng(this.pin.lat, this.pin.lng).toBounds(600)
      : (focus?.getBounds() ?? this.areas?.getBounds());
    if (bounds?.isValid()) this.map?.fitBounds(bounds, { padding: [12, 12] });
    else this.map?.setView([this.city.centre.lat, this.city.centre.lng], 13);
  }

  private drawMarkers(): void {
    this.markerLayer.clearLayers();
    for (const m of this.markers) {
      const label = document.createElement('span');
      label.textContent = m.label;
      L.circleMarker([m.lat, m.lng], {
        radius: 11,
        color: '#ffffff',
        weight: 3,
        fillColor: m.colour,
        fillOpacity: 1,
      })
        .bindTooltip(label)
        .addTo(this.markerLayer);
    }
  }

  private drawPin(): void {
    this.pinLayer.clearLayers();
    if (!this.pin) return;
    L.circleMarker([this.pin.lat, this.pin.lng], {
      radius: 13,
      color: '#ffffff',
      weight: 4,
      fillColor: '#b3261e',
      fillOpacity: 1,
      interactive: false,
    }).addTo(this.pinLayer);
    const map = this.map;
    if (map && !map.getBounds().contains([this.pin.lat, this.pin.lng]))
      map.panTo([this.pin.lat, this.pin.lng]);
  }

  override disconnectedCallback(): void {
    this.resize?.disconnect();
    this.map?.remove();
    this.map = null;
    super.disconnectedCallback();
  }

  override render() {
    return html`<div class="map" role="region" aria-label=${t('map.label')}></div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'sac-area-map': AreaMap;
  }
}
