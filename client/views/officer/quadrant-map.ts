import { html, css, unsafeCSS, type PropertyValues } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import L from 'leaflet';
import leafletCss from 'leaflet/dist/leaflet.css?inline';
import { SacElement } from '../../components/sac-element.js';
import { t } from '../../../shared/i18n/core.js';
import type { PlanPoint } from '../../../shared/plan.js';
import type { AreaFeature, GeoPoint } from '../../../shared/types.js';
import { base } from '../../styles.js';

/** A hot-spot cell to draw (operators' plan view). */
export interface MapCell {
  id: string;
  centre: GeoPoint;
  gi: number;
  significant: boolean;
}

/**
 * The unit's quadrant on a Leaflet map: its areas from the city's GeoJSON (no tiles needed),
 * the plan's fixed points numbered in plan order, the current one highlighted, the crew's
 * position and, during a dispatch, where they are going. Tiles are drawn when the city
 * configures them.
 */
@customElement('sac-quadrant-map')
export class QuadrantMap extends SacElement {
  static override styles = [
    base,
    unsafeCSS(leafletCss),
    css`
      :host {
        display: block;
      }
      .map {
        height: var(--map-height, 300px);
        border-radius: var(--radius);
        border: 1px solid var(--line);
        background: #e8eef0;
      }
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
      .leaflet-container {
        font: inherit;
      }
    `,
  ];

  @property({ attribute: false }) areas: AreaFeature[] = [];
  @property({ attribute: false }) points: PlanPoint[] = [];
  @property({ attribute: false }) current: string | null = null;
  @property({ attribute: false }) you: GeoPoint | null = null;
  @property({ attribute: false }) target: GeoPoint | null = null;
  @property({ attribute: false }) cells: MapCell[] = [];
  @property({ attribute: false }) tiles: { url: string; attribution: string } | null = null;
  private map: L.Map | null = null;
  private layer: L.LayerGroup | null = null;
  private fitted = '';

  override firstUpdated(): void {
    const el = this.renderRoot.querySelector<HTMLElement>('.map')!;
    this.map = L.map(el, {
      zoomControl: true,
      zoomSnap: 0.25,
      attributionControl: !!this.tiles,
    });
    if (this.tiles)
      L.tileLayer(this.tiles.url, { attribution: this.tiles.attribution }).addTo(this.map);
    this.layer = L.layerGroup().addTo(this.map);
    this.draw();
    // The element may be laid out after Leaflet measured it (tabs, shadow DOM).
    new ResizeObserver(() => {
      this.map?.invalidateSize();
      this.fitted = '';
      this.draw();
    }).observe(el);
  }

  override updated(changed: PropertyValues): void {
    if (this.map && changed.size) this.draw();
  }

  override disconnectedCallback(): void {
    this.map?.remove();
    this.map = null;
    super.disconnectedCallback();
  }

  private draw(): void {
    const map = this.map;
    const layer = this.layer;
    if (!map || !layer) return;
    layer.clearLayers();
    const bounds = L.latLngBounds([]);
    for (const area of this.areas) {
      const ring = area.geometry.coordinates[0] ?? [];
      const poly = L.polygon(
        ring.map(([lng, lat]) => [lat!, lng!] as [number, number]),
        {
          color: '#5f5b66',
          weight: 1.5,
          fillColor: '#ffffff',
          fillOpacity: 0.55,
          interactive: false,
        },
      ).addTo(layer);
      bounds.extend(poly.getBounds());
    }
    for (const cell of this.cells) {
      L.circle([cell.centre.lat, cell.centre.lng], {
        radius: 75,
        color: cell.significant ? '#b3261e' : '#8a5300',
        weight: 0,
        fillOpacity: Math.min(0.6, 0.15 + cell.gi / 20),
        interactive: false,
      }).addTo(layer);
    }
    this.points.forEach((p, i) => {
      const current = p.id === this.current;
      L.marker([p.lat, p.lng], {
        icon: L.divIcon({
          className: '',
          html: `<div class="pin ${current ? 'current' : ''}">${i + 1}</div>`,
          iconSize: current ? [34, 34] : [28, 28],
        }),
        keyboard: false,
        interactive: false,
        zIndexOffset: current ? 1000 : 0,
      }).addTo(layer);
      L.circle([p.lat, p.lng], {
        radius: 150,
        color: current ? '#b3261e' : '#0b57d0',
        weight: 1,
        fillOpacity: 0.06,
        interactive: false,
      }).addTo(layer);
    });
    if (this.target) {
      L.circleMarker([this.target.lat, this.target.lng], {
        radius: 11,
        color: '#fff',
        weight: 3,
        fillColor: '#b3261e',
        fillOpacity: 1,
        interactive: false,
      }).addTo(layer);
      bounds.extend([this.target.lat, this.target.lng]);
    }
    if (this.you) {
      L.circleMarker([this.you.lat, this.you.lng], {
        radius: 8,
        color: '#fff',
        weight: 3,
        fillColor: '#1b6e3a',
        fillOpacity: 1,
        interactive: false,
      }).addTo(layer);
    }
    // Fit once per set of areas, so the map does not jump while the officer pans it.
    const key = this.areas.map((a) => a.properties.id).join(',') + (this.target ? 'T' : '');
    if (bounds.isValid() && key !== this.fitted) {
      map.fitBounds(bounds, { padding: [12, 12] });
      this.fitted = key;
    }
  }

  override render() {
    return html`<div class="map" role="region" aria-label=${t('officer.map')}></div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'sac-quadrant-map': QuadrantMap;
  }
}
