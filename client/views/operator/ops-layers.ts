import { css, html } from 'lit';
import type * as Leaflet from 'leaflet';
import { isOpenStatus } from '../../../shared/catalogue.js';
import type { OpsSiren, OpsUnit } from '../../../shared/console.js';
import { t } from '../../../shared/i18n/core.js';
import { statusKey } from '../../../shared/dispatch-progress.js';
import type { CityInfo } from '../../../shared/types.js';
import { areasLayer, boundsOf, textNode } from '../../components/map-layers.js';
import type { LeafletApi, MapFrame, MapLayer } from '../../components/sac-map.js';
import { TYPE_COLOURS } from '../../styles.js';
import { unitPosition, type ConsoleAlert } from './ops-data.js';
import { unmanned } from '../../../shared/dispatch-progress.js';
import { ringOffset, stackStyles, stacks } from './ops-stacks.js';
import '../../components/sac-map.js';

export interface OpsMapOptions {
  alerts: ConsoleAlert[];
  units: OpsUnit[];
  sirens: OpsSiren[];
  selected: string | null;
  /** a click on an alert */
  onSelect: (id: string) => void;
}

const AREA = { color: '#8a8590', weight: 1, fillColor: '#ffffff', fillOpacity: 0.25 };
const UNIT_COLOURS: Record<string, string> = { available: '#1b6e3a', on_scene: '#0b5252' };

/** The units and the pulse of a waiting alert are div icons: styled inside the map. */
const iconStyles = css`
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
  .unit-icon.nobody {
    opacity: 0.75;
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
`;

/** The legend sits over the map, in the console's own shadow root. */
export const opsMapStyles = css`
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
`;

/**
 * The console's map: areas (named on hover), open alerts (the selected one ringed, waiting
 * ones pulsing), patrol units at their last position, siren units by state. Clicking an alert
 * selects it. Labels are set as text, never HTML: they may hold a resident's words.
 */
export function opsMap(city: CityInfo, o: OpsMapOptions) {
  return html`<sac-map
    fill
    style="--map-radius: 10px; --map-ground: #e8ece6"
    .city=${city}
    .label=${t('ops.map.label')}
    .zoomSnap=${0.25}
    .layers=${[
      areasLayer(city.areas.features, AREA, { named: true }),
      sirensLayer(o.sirens),
      unitsLayer(o.units, city),
      alertsLayer(o.alerts, o.selected, o.onSelect),
    ]}
    .frame=${opsFrame(city, o.alerts, o.selected)}
    .layerStyles=${[iconStyles, stackStyles]}
    ><div class="legend" aria-hidden="true">
      <span><i style="background:#b3261e;border-radius:50%"></i>${t('ops.map.alert')}</span>
      <span><i style="background:#0b57d0;border-radius:2px"></i>${t('ops.map.unit')}</span>
      <span><i style="background:#1b6e3a;border-radius:50%"></i>${t('ops.map.siren')}</span>
    </div></sac-map
  >`;
}

/**
 * Keeps the alert in view without jumping when it already is; `close` zooms in on it (the
 * detail's "show on the map").
 */
export function revealAlert(
  L: LeafletApi,
  map: Leaflet.Map,
  alert: ConsoleAlert | undefined,
  close = false,
): void {
  if (!alert?.location) return;
  const at = L.latLng(alert.location.lat, alert.location.lng);
  if (close) map.setView(at, Math.max(map.getZoom(), 16));
  else if (!map.getBounds().pad(-0.1).contains(at)) map.panTo(at);
}

/**
 * With an alert open: the alert amid its neighbourhood, framed again whenever the selection
 * changes or the map's box does (opening the detail narrows the map's column: the alert must
 * not be left at its edge). With none: the whole city, refitted on every change of size.
 */
function opsFrame(city: CityInfo, alerts: ConsoleAlert[], selected: string | null): MapFrame {
  return {
    key: selected ?? '',
    apply(L, map, resized) {
      const alert = alerts.find((a) => a.id === selected);
      if (alert?.location) {
        // Centred on the alert (it may lie at its area's edge), at the zoom that shows the area.
        const area = city.areas.features.filter((f) => f.properties.id === alert.areaId);
        const bounds = boundsOf(L, area, [alert.location]).pad(0.6);
        const at = L.latLng(alert.location.lat, alert.location.lng);
        map.setView(at, Math.min(16, map.getBoundsZoom(bounds)), { animate: false });
        return;
      }
      if (!resized && selected) return;
      const bounds = boundsOf(L, city.areas.features);
      if (bounds.isValid()) map.fitBounds(bounds, { padding: [8, 8], animate: false });
    },
  };
}

function alertsLayer(
  alerts: ConsoleAlert[],
  selected: string | null,
  onSelect: (id: string) => void,
): MapLayer {
  return {
    id: 'alerts',
    deps: [alerts, selected],
    draw(L, group) {
      const shown = alerts.filter((a) => isOpenStatus(a.status) || a.id === selected);
      for (const stack of stacks(shown)) {
        const spot = L.latLng(stack[0]!.location!.lat, stack[0]!.location!.lng);
        const label = (a: ConsoleAlert) =>
          textNode(`${t(`alert.type.${a.type}`)} · ${t(statusKey(a))}`);
        if (stack.some((a) => a.status === 'received')) {
          L.marker(spot, {
            icon: L.divIcon({
              className: '',
              html: '<div class="pulse"></div>',
              iconSize: [34, 34],
            }),
            interactive: false,
            keyboard: false,
          }).addTo(group);
        }
        if (stack.length === 1) {
          const a = stack[0]!;
          const chosen = a.id === selected;
          L.circleMarker(spot, {
            radius: chosen ? 12 : 9,
            color: chosen ? '#0b57d0' : '#ffffff',
            weight: chosen ? 4 : 2,
            fillColor: TYPE_COLOURS[a.type],
            fillOpacity: 1,
            className: chosen ? 'alert-marker selected' : 'alert-marker',
          })
            .bindTooltip(label(a))
            .on('click', () => onSelect(a.id))
            .addTo(group);
          continue;
        }
        // Several at one spot: each on a small ring around it, and how many in the middle.
        stack.forEach((a, i) => {
          const size = a.id === selected ? 24 : 18;
          const [dx, dy] = ringOffset(i, stack.length);
          const el = document.createElement('div');
          el.className = a.id === selected ? 'alert-dot selected' : 'alert-dot';
          el.dataset.alert = a.id;
          el.style.background = TYPE_COLOURS[a.type] ?? '#b3261e';
          L.marker(spot, {
            icon: L.divIcon({
              className: '',
              html: el,
              iconSize: [size, size],
              iconAnchor: [size / 2 - dx, size / 2 - dy],
            }),
            keyboard: false,
          })
            .bindTooltip(label(a))
            .on('click', () => onSelect(a.id))
            .addTo(group);
        });
        const count = document.createElement('div');
        count.className = 'stack-count';
        count.textContent = String(stack.length);
        L.marker(spot, {
          icon: L.divIcon({ className: '', html: count, iconSize: [20, 20] }),
          interactive: false,
          keyboard: false,
        }).addTo(group);
      }
    },
  };
}

function unitsLayer(units: OpsUnit[], city: CityInfo): MapLayer {
  return {
    id: 'units',
    deps: [units],
    draw(L, group) {
      for (const u of units) {
        const at = unitPosition(u, city);
        if (!at) continue;
        const el = document.createElement('div');
        // Without a logged position the car is drawn at the middle of its beat, dashed.
        el.className = `unit-icon${u.positionAt ? '' : ' approx'}${unmanned(u) ? ' nobody' : ''}`;
        // A free car nobody is connected for is grey: it is not really available.
        el.style.background =
          u.status === 'available' && unmanned(u)
            ? '#8a8590'
            : (UNIT_COLOURS[u.status] ?? '#0b57d0');
        el.textContent = u.id.replace(/\D+/g, '');
        L.marker([at.lat, at.lng], {
          icon: L.divIcon({ className: '', html: el, iconSize: [24, 24] }),
          keyboard: false,
        })
          .bindTooltip(
            textNode(
              `${u.label} · ${
                u.status === 'available' && unmanned(u)
                  ? t('ops.unit.nobody')
                  : t(`ops.unit.status.${u.status}`)
              }`,
            ),
          )
          .addTo(group);
      }
    },
  };
}

function sirensLayer(sirens: OpsSiren[]): MapLayer {
  return {
    id: 'sirens',
    deps: [sirens],
    draw(L, group) {
      for (const s of sirens) {
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
          .addTo(group);
      }
    },
  };
}
