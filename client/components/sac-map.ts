import { adoptStyles, css, html, unsafeCSS, type CSSResult, type PropertyValues } from 'lit';
import { customElement, property, query } from 'lit/decorators.js';
import type * as Leaflet from 'leaflet';
import { SacElement } from './sac-element.js';
import { t } from '../../shared/i18n/core.js';
import type { CityInfo, GeoPoint } from '../../shared/types.js';
import { base } from '../styles.js';

/** Leaflet itself, handed to the layers: no view imports it, so none carries it. */
export type LeafletApi = typeof Leaflet;

/** One role's drawing on the map, in a Leaflet group of its own. */
export interface MapLayer {
  /** stable name; the layers stack in the order given */
  id: string;
  /** drawn again (into an emptied group) only when one of these changed, compared with === */
  deps: readonly unknown[];
  draw(L: LeafletApi, group: Leaflet.LayerGroup, map: Leaflet.Map): void;
}

/** What the map shows: applied when `key` changes and when the map's box changes size. */
export interface MapFrame {
  key: string;
  apply(L: LeafletApi, map: Leaflet.Map, resized: boolean): void;
}

const mapCss = css`
  :host {
    display: block;
    position: relative;
  }
  .map {
    height: var(--map-height, 280px);
    border-radius: var(--map-radius, var(--radius));
    border: 1px solid var(--line);
    background: var(--map-ground, #e6ece3);
    z-index: 0;
  }
  /* the console's map fills its grid cell */
  :host([fill]) .map {
    position: absolute;
    inset: 0;
    height: auto;
  }
  .leaflet-container {
    font: inherit;
  }
  .leaflet-tooltip {
    font-size: 0.9rem;
  }
`;

let leaflet: Promise<{ L: LeafletApi; css: CSSResult }> | null = null;

/** Leaflet and its stylesheet, fetched when the first map is shown and then kept. */
function loadLeaflet(): Promise<{ L: LeafletApi; css: CSSResult }> {
  leaflet ??= Promise.all([import('leaflet'), import('leaflet/dist/leaflet.css?inline')]).then(
    ([L, sheet]) => ({ L: L.default, css: unsafeCSS(sheet.default) }),
  );
  // A failed fetch (offline before the service worker had it) is tried again next time.
  leaflet.catch(() => (leaflet = null));
  return leaflet;
}

/**
 * Starts fetching Leaflet before a map is on screen, for screens that open on one (the patrol
 * shift, the console): the fetch runs beside the screen's own first render, not after it.
 */
export function prefetchMap(): void {
  loadLeaflet().catch(() => undefined);
}

/**
 * The one Leaflet map of the app: the resident's neighbourhood and pin picker, the patrol
 * quadrant and the console's city. It holds what every map shares (tiles from `city.tiles`,
 * cached by the service worker, drawn with CORS so real responses are kept; translated zoom
 * buttons; resizing; teardown) and draws the layers the view passes in. Leaflet is fetched
 * when a map is first shown; until then the box keeps its size and ground colour. Its
 * stylesheet, and the view's `layerStyles` for what its layers draw, are adopted into this
 * shadow root, where their selectors reach. With no tiles the layers draw on plain ground.
 */
@customElement('sac-map')
export class SacMap extends SacElement {
  static override styles = [base, mapCss];

  @property({ attribute: false }) city!: CityInfo;
  /** the map region's accessible name */
  @property() label = '';
  @property({ attribute: false }) layers: MapLayer[] = [];
  @property({ attribute: false }) frame: MapFrame | null = null;
  /** CSS for the layers' own elements (div icons); read once, when Leaflet arrives */
  @property({ attribute: false }) layerStyles: CSSResult[] = [];
  /** a tap places a pin: the map sends `pick` with the point */
  @property({ type: Boolean }) picking = false;
  @property({ type: Boolean, reflect: true }) fill = false;
  @property({ type: Number }) zoomSnap = 1;
  @query('.map') private container!: HTMLDivElement;
  private L: LeafletApi | null = null;
  private map: Leaflet.Map | null = null;
  private readonly drawn = new Map<
    string,
    { group: Leaflet.LayerGroup; deps: readonly unknown[] }
  >();
  private framed: string | null = null;
  private resize: ResizeObserver | null = null;

  override connectedCallback(): void {
    super.connectedCallback();
    // Moved in the page: the map was taken down on disconnect and is built again.
    if (this.hasUpdated) void this.build();
  }

  override firstUpdated(): void {
    void this.build();
  }

  override disconnectedCallback(): void {
    this.resize?.disconnect();
    this.resize = null;
    this.map?.remove();
    this.map = null;
    this.drawn.clear();
    this.framed = null;
    super.disconnectedCallback();
  }

  override updated(changed: PropertyValues<this>): void {
    if (changed.has('layers')) this.draw();
    if (changed.has('frame') && this.frame?.key !== this.framed) this.applyFrame(false);
  }

  /** Runs `fn` on the map if it is drawn (the console's "show on the map"). */
  use(fn: (L: LeafletApi, map: Leaflet.Map) => void): void {
    if (this.L && this.map) fn(this.L, this.map);
  }

  private async build(): Promise<void> {
    const loaded = await loadLeaflet().catch(() => null);
    if (!loaded || !this.isConnected || this.map) return;
    const { L } = loaded;
    const root = this.renderRoot as ShadowRoot;
    adoptStyles(root, [base, loaded.css, mapCss, ...this.layerStyles]);
    const map = L.map(this.container, {
      zoomControl: false,
      attributionControl: false,
      zoomSnap: this.zoomSnap,
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
    map.setView([this.city.centre.lat, this.city.centre.lng], 13);
    map.on('click', (e: Leaflet.LeafletMouseEvent) => {
      if (!this.picking) return;
      const detail: GeoPoint = { lat: e.latlng.lat, lng: e.latlng.lng };
      this.dispatchEvent(new CustomEvent('pick', { detail, bubbles: true, composed: true }));
    });
    this.L = L;
    this.map = map;
    this.draw();
    // Leaflet measures its box when asked; layout, a tab switch, a rotation or the console's
    // detail opening changes it. The first call comes as soon as it is observed.
    this.resize = new ResizeObserver(() => {
      map.invalidateSize();
      this.applyFrame(true);
    });
    this.resize.observe(this.container);
  }

  private draw(): void {
    const { L, map } = this;
    if (!L || !map) return;
    const ids = new Set(this.layers.map((l) => l.id));
    for (const [id, { group }] of this.drawn) {
      if (ids.has(id)) continue;
      group.remove();
      this.drawn.delete(id);
    }
    for (const layer of this.layers) {
      let entry = this.drawn.get(layer.id);
      if (entry && sameDeps(entry.deps, layer.deps)) continue;
      if (entry) entry.group.clearLayers();
      else entry = { group: L.layerGroup().addTo(map), deps: layer.deps };
      entry.deps = layer.deps;
      this.drawn.set(layer.id, entry);
      layer.draw(L, entry.group, map);
    }
  }

  /** A frame needs a real box: a hidden map is framed when it is shown. */
  private applyFrame(resized: boolean): void {
    const { L, map, frame } = this;
    if (!L || !map || !frame) return;
    if (!this.container.clientWidth || !this.container.clientHeight) return;
    // The box may have changed since Leaflet last measured it (a column opening beside it):
    // framing against the old size leaves what it frames at the edge.
    map.invalidateSize({ pan: false });
    this.framed = frame.key;
    frame.apply(L, map, resized);
  }

  override render() {
    return html`<div class="map" role="region" aria-label=${this.label}></div>
      <slot></slot>`;
  }
}

function sameDeps(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

declare global {
  interface HTMLElementTagNameMap {
    'sac-map': SacMap;
  }
}
