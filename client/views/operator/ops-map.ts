import { html, css, unsafeCSS, type PropertyValues } from 'lit';
import { customElement, property, query } from 'lit/decorators.js';
import * as L from 'leaflet';
import type { FeatureCollection } from 'geojson';
import leafletCss from 'leaflet/dist/leaflet.css?inline';
import { SacElement } from '../../components/sac-element.js';
import { isOpenStatus } from '../../../shared/catalogue.js';
import type { OpsSiren, OpsUnit } from '../../../shared/console.js';
import { t } from '../../../shared/i18n/core.js';
import type { CityInfo } from '../../../shared/types.js';
import { TYPE_COLOURS, base } from '../../styles.js';
import { unitPosition, type ConsoleAlert } from './ops-data.js';

const AREA = { color: '#8a8590', weight: 1, fillColor: '#ffffff', fillOpacity: 0.25 };
const UNIT_COLOURS: Record<string, string> = { available: '#1b6e3a', on_scene: '#0b5252' };

/**
 * The console's map: areas from `/api/city`, open alerts (the selected one ringed, waiting
 * ones pulsing), patrol units at their last position, siren units by state. Tiles only when
 * the city configures them; without, the areas still draw. Clicking an alert selects it.
 * Labels are set as text, never HTML: they may hold a resident's words.
 */
@customElement('sac-ops-map')
export class OpsMap extends SacElement {
  static override styles = [
    base,
    unsafeCSS(leafletCss),
    css`
      :host {
        display: block;
        position: relative;
        min-height: 0;
      }
      .map {
        position: absolute;
        inset: 0;
        border-radius: 10px;
        border: 1px solid var(--line);
        background: #e8ece6;
        z-index: 0;
      }
      .leaflet-container {
        font: inherit;
      }
      .unit-icon {
        display: grid;
        place-items: center;
        width: 24px;
        height: 24px;
        border-radius: 5px;
        color: #fff;
        font:
          800 0.72rem system-ui,
          sans-serif;
        border: 2px solid #fff;
        box-shadow: 0 1px 3px rgba(0, 0, 0, 0.4);
      }
      .unit-icon.approx {
        border-style: dashed;
        box-shadow: none;
      }
      .pulse {
        width: 34px;
        height: 34px;
        border-radius: 50%;
        border: 3px solid #b3261e;
        animation: pulse 1.2s ease-out infinite;
      }
      @keyframes pulse {
        from {
          transform: scale(0.5);
          opacity: 1;
        }
        to {
          transform: scale(1.4);
          opacity: 0;
        }
      }
      @media (prefers-reduced-motion: reduce) {
        .pulse {
          animation: none;
        }
      }
      .legend {
        position: absolute;
        left: 8px;
        bottom: 8px;
        z-index: 500;
        background: rgba(255, 255, 255, 0.94);
        border: 1px solid var(--line);
        border-radius: 8px;
        padding: 4px 8px;
        font-size: 0.75rem;
        display: flex;
        gap: 10px;
        align-items: center;
      }
      .legend i {
        display: inline-block;
        width: 10px;
        height: 10px;
        margin-right: 4px;
        vertical-align: -1px;
      }
    `,
  ];

  @property({ attribute: false }) city!: CityInfo;
  @property({ attribute: false }) alerts: ConsoleAlert[] = [];
  @property({ attribute: false }) units: OpsUnit[] = [];
  @property({ attribute: false }) sirens: OpsSiren[] = [];
  @property({ attribute: false }) selected: string | null = null;
  @query('.map') private container!: HTMLDivElement;
  private map: L.Map | null = null;
  private readonly alertLayer = L.layerGroup();
  private readonly unitLayer = L.layerGroup();
  private readonly sirenLayer = L.layerGroup();
  private resize: ResizeObserver | null = null;
  private bounds: L.LatLngBounds | null = null;

  override firstUpdated(): void {
    const map = L.map(this.container, {
      zoomControl: false,
      attributionControl: false,
      zoomSnap: 0.25,
    });
    L.control.zoom({ zoomInTitle: t('map.zoom_in'), zoomOutTitle: t('map.zoom_out') }).addTo(map);
    const tiles = this.city.tiles;
    if (tiles) {
      L.control.attribution({ prefix: false }).addTo(map);
      L.tileLayer(tiles.url, {
        attribution: tiles.attribution,
        crossOrigin: true,
        maxZoom: 19,
      }).addTo(map);
    }
    const areas = L.geoJSON(this.city.areas as FeatureCollection, { style: () => AREA });
    areas.eachLayer((layer) => {
      const name = (layer as L.Polygon).feature?.properties?.name;
      if (typeof name === 'string') layer.bindTooltip(textNode(name), { sticky: true });
    });
    areas.addTo(map);
    this.sirenLayer.addTo(map);
    this.unitLayer.addTo(map);
    this.alertLayer.addTo(map);
    this.bounds = areas.getBounds();
    map.setView([this.city.centre.lat, this.city.centre.lng], 13);
    this.map = map;
    this.drawAll();
    // Leaflet measures its box when asked; the grid gives it a size only after layout, and a
    // tab switch or the detail opening changes it. The city is framed once it has a real size.
    // The column narrows when the detail opens: frame the city again, then the selection.
    this.resize = new ResizeObserver(() => {
      map.invalidateSize();
      if (!this.container.clientWidth || !this.container.clientHeight) return;
      if (this.bounds?.isValid()) map.fitBounds(this.bounds, { padding: [8, 8], animate: false });
      this.reveal();
    });
    this.resize.observe(this.container);
  }

  override updated(changed: PropertyValues<this>): void {
    if (!this.map) return;
    if (changed.has('sirens')) this.drawSirens();
    if (changed.has('units')) this.drawUnits();
    if (changed.has('alerts') || changed.has('selected')) this.drawAlerts();
    if (changed.has('selected')) this.reveal();
  }

  override disconnectedCallback(): void {
    this.resize?.disconnect();
    this.map?.remove();
    this.map = null;
    super.disconnectedCallback();
  }

  private drawAll(): void {
    this.drawSirens();
    this.drawUnits();
    this.drawAlerts();
  }

  /**
   * Keeps the selected alert in view without jumping when it is already visible; `close`
   * zooms in on it (the detail's "show on the map").
   */
  reveal(close = false): void {
    const a = this.alerts.find((x) => x.id === this.selected);
    if (!a?.location || !this.map) return;
    const at = L.latLng(a.location.lat, a.location.lng);
    if (close) this.map.setView(at, Math.max(this.map.getZoom(), 16));
    else if (!this.map.getBounds().pad(-0.1).contains(at)) this.map.panTo(at);
  }

  private drawAlerts(): void {
    this.alertLayer.clearLayers();
    const shown = this.alerts.filter(
      (a) => a.location && (isOpenStatus(a.status) || a.id === this.selected),
    );
    for (const a of shown) {
      const at = L.latLng(a.location!.lat, a.location!.lng);
      const selected = a.id === this.selected;
      if (a.status === 'received') {
        L.marker(at, {
          icon: L.divIcon({ className: '', html: '<div class="pulse"></div>', iconSize: [34, 34] }),
          interactive: false,
          keyboard: false,
        }).addTo(this.alertLayer);
      }
      L.circleMarker(at, {
        radius: selected ? 12 : 9,
        color: selected ? '#0b57d0' : '#ffffff',
        weight: selected ? 4 : 2,
        fillColor: TYPE_COLOURS[a.type],
        fillOpacity: 1,
      })
        .bindTooltip(
          textNode(`${t(`alert.type.${a.type}`)} · ${t(`status.${a.status ?? 'received'}`)}`),
        )
        .on('click', () =>
          this.dispatchEvent(
            new CustomEvent('select', { detail: a.id, bubbles: true, composed: true }),
          ),
        )
        .addTo(this.alertLayer);
    }
  }

  private drawUnits(): void {
    this.unitLayer.clearLayers();
    for (const u of this.units) {
      const at = unitPosition(u, this.city);
      if (!at) continue;
      const el = document.createElement('div');
      // Without a logged position the car is drawn at the middle of its beat, dashed.
      el.className = u.positionAt ? 'unit-icon' : 'unit-icon approx';
      el.style.background = UNIT_COLOURS[u.status] ?? '#0b57d0';
      el.textContent = u.id.replace(/\D+/g, '');
      L.marker([at.lat, at.lng], {
        icon: L.divIcon({ className: '', html: el, iconSize: [24, 24] }),
        keyboard: false,
      })
        .bindTooltip(textNode(`${u.label} · ${t(`ops.unit.status.${u.status}`)}`))
        .addTo(this.unitLayer);
    }
  }

  private drawSirens(): void {
    this.sirenLayer.clearLayers();
    for (const s of this.sirens) {
      L.circleMarker([s.lat, s.lng], {
        radius: s.state === 'sounding' ? 6 : 3.5,
        weight: 1,
        color: '#ffffff',
        fillColor: s.state === 'sounding' ? '#b3261e' : s.online ? '#1b6e3a' : '#8a8590',
        fillOpacity: 0.9,
      })
        .bindTooltip(
          textNode(`${s.label} · ${s.online ? t('ops.siren.online') : t('ops.siren.offline')}`),
        )
        .addTo(this.sirenLayer);
    }
  }

  override render() {
    return html`<div class="map" role="region" aria-label=${t('ops.map.label')}></div>
      <div class="legend" aria-hidden="true">
        <span><i style="background:#b3261e;border-radius:50%"></i>${t('ops.map.alert')}</span>
        <span><i style="background:#0b57d0;border-radius:2px"></i>${t('ops.map.unit')}</span>
        <span><i style="background:#1b6e3a;border-radius:50%"></i>${t('ops.map.siren')}</span>
      </div>`;
  }
}

function textNode(text: string): HTMLElement {
  const span = document.createElement('span');
  span.textContent = text;
  return span;
}

declare global {
  interface HTMLElementTagNameMap {
    'sac-ops-map': OpsMap;
  }
}
