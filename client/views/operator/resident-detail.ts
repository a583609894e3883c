import { css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { SacElement } from '../../components/sac-element.js';
import { areasLayer, boundsOf } from '../../components/map-layers.js';
import type { MapFrame, MapLayer } from '../../components/sac-map.js';
import { formatDateTime, t } from '../../../shared/i18n/core.js';
import type { CityInfo, GeoPoint, UserStatus } from '../../../shared/types.js';
import { base } from '../../styles.js';
import '../../components/sac-map.js';

/** A resident as the registrations screen knows them: an applicant, a flagged or listed one. */
export interface ResidentCard {
  id: string;
  name: string;
  username: string;
  phone: string | null;
  address?: string | null;
  areaId: string | null;
  status?: UserStatus;
  home?: GeoPoint | null;
  falseAlarms: number;
  createdAt?: string;
}

const AREA = { color: '#8a8590', weight: 1, fillColor: '#ffffff', fillOpacity: 0.2 };
const FOCUS = { color: '#0b57d0', weight: 2, fillColor: '#0b57d0', fillOpacity: 0.08 };

/** The home as a pin inside its area, the area outlined: where the siren would sound. */
function homeLayers(city: CityInfo, r: ResidentCard): MapLayer[] {
  const home = r.home;
  return [
    areasLayer(city.areas.features, AREA, { focus: r.areaId, focusLook: FOCUS }),
    {
      id: 'home',
      deps: [home?.lat, home?.lng],
      draw(L, group) {
        if (!home) return;
        L.circleMarker([home.lat, home.lng], {
          radius: 9,
          color: '#ffffff',
          weight: 3,
          fillColor: '#b3261e',
          fillOpacity: 1,
        }).addTo(group);
      },
    },
  ];
}

/** The home within its area: close enough to read the streets, wide enough to place it. */
function homeFrame(city: CityInfo, r: ResidentCard): MapFrame {
  return {
    key: `${r.id}:${r.home?.lat}:${r.home?.lng}`,
    apply(L, map) {
      if (!r.home) return;
      const area = city.areas.features.filter((f) => f.properties.id === r.areaId);
      map.fitBounds(boundsOf(L, area, [r.home]), { maxZoom: 16, padding: [12, 12] });
    },
  };
}

/**
 * One resident's record beside the lists: who they are, how to reach them, and a small map
 * of the home they registered (an applicant's is checked before approving). Actions on the
 * account that other parts of the console offer go in its `actions` slot.
 */
@customElement('sac-resident-detail')
export class ResidentDetail extends SacElement {
  static override styles = [
    base,
    css`
      :host {
        display: block;
      }
      section {
        background: var(--paper);
        border: 1px solid var(--line);
        border-radius: 10px;
        padding: 10px 12px;
        display: grid;
        gap: 8px;
      }
      header {
        display: flex;
        align-items: baseline;
        gap: 8px;
      }
      h2 {
        margin: 0;
        font-size: 1.05rem;
        flex: 1;
      }
      header button {
        min-height: 32px;
        padding: 2px 10px;
      }
      dl {
        display: grid;
        grid-template-columns: max-content 1fr;
        gap: 2px 10px;
        margin: 0;
        font-size: 0.88rem;
      }
      dt {
        color: var(--muted);
      }
      dd {
        margin: 0;
      }
      sac-map {
        --map-height: 200px;
        --map-radius: 8px;
      }
      .muted {
        color: var(--muted);
        font-size: 0.85rem;
      }
    `,
  ];

  @property({ attribute: false }) resident!: ResidentCard;
  @property({ attribute: false }) city!: CityInfo;

  private areaName(id: string | null): string {
    return this.city.areas.features.find((f) => f.properties.id === id)?.properties.name ?? '—';
  }

  override render() {
    const r = this.resident;
    return html`<section aria-labelledby="resident-name" data-resident=${r.username}>
      <header>
        <h2 id="resident-name">${r.name} <span class="muted">@${r.username}</span></h2>
        <button
          aria-label=${t('residents.close')}
          @click=${() => this.dispatchEvent(new CustomEvent('close'))}
        >
          ✕
        </button>
      </header>
      <dl>
        <dt>${t('residents.column.phone')}</dt>
        <dd>${r.phone ?? '—'}</dd>
        <dt>${t('residents.address')}</dt>
        <dd>${r.address || '—'}</dd>
        <dt>${t('residents.column.area')}</dt>
        <dd>${this.areaName(r.areaId)}</dd>
        ${
          r.status
            ? html`<dt>${t('residents.column.status')}</dt>
                <dd>${t(`ops.users.status_${r.status}`)}</dd>`
            : nothing
        }
        <dt>${t('residents.false_alarms')}</dt>
        <dd>${r.falseAlarms}</dd>
        ${
          r.createdAt
            ? html`<dt>${t('residents.registered')}</dt>
                <dd>${formatDateTime(r.createdAt)}</dd>`
            : nothing
        }
      </dl>
      ${
        r.home
          ? html`<sac-map
              .city=${this.city}
              label=${t('residents.home_map', { name: r.name })}
              .layers=${homeLayers(this.city, r)}
              .frame=${homeFrame(this.city, r)}
            ></sac-map>`
          : html`<p class="muted">${t('residents.no_home')}</p>`
      }
      ${r.home && !r.areaId ? html`<p class="muted">${t('residents.home_outside')}</p>` : nothing}
      <slot name="actions"></slot>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'sac-resident-detail': ResidentDetail;
  }
}
