import { html, css } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { SacElement } from '../../components/sac-element.js';
import { formatTime, getLang, t } from '../../../shared/i18n/core.js';
import type { AreaAlert, CityInfo } from '../../../shared/types.js';
import { TYPE_COLOURS, base } from '../../styles.js';
import { areaMap, type MapMarker } from './area-layers.js';

/** The alert's status as neighbours read it; "received" means it reached the centre. */
const statusText = (a: AreaAlert): string =>
  a.status === 'received' ? t('status.delivered') : t(`status.${a.status}`);

export function areaName(city: CityInfo, areaId: string | null): string | null {
  return city.areas.features.find((f) => f.properties.id === areaId)?.properties.name ?? null;
}

/**
 * The neighbourhood feed (DESIGN §2): the public alerts of the resident's area from
 * `area:<id>` (read-only; silent alerts never reach it), on the map and as a list: type,
 * time, status, rounded location, and the reporter's display name only where they allow it.
 */
@customElement('sac-neighbourhood-feed')
export class NeighbourhoodFeed extends SacElement {
  static override styles = [
    base,
    css`
      h1 {
        font-size: 1.25rem;
        margin: 18px 0 4px;
      }
      .intro {
        margin: 0 0 12px;
        font-size: 0.95rem;
      }
      ul {
        list-style: none;
        margin: 14px 0 0;
        padding: 0;
        display: grid;
        gap: 10px;
      }
      li {
        display: grid;
        grid-template-columns: 8px 1fr;
        gap: 12px;
        padding: 12px 14px;
      }
      .bar {
        border-radius: 4px;
      }
      .title {
        font-weight: 700;
      }
      .state {
        font-weight: 600;
        color: var(--ok);
      }
      .meta {
        font-size: 0.9rem;
      }
    `,
  ];

  @property({ attribute: false }) city!: CityInfo;
  @property({ attribute: false }) areaId: string | null = null;
  @property({ attribute: false }) alerts: AreaAlert[] = [];

  private markers(): MapMarker[] {
    return this.alerts
      .filter((a) => a.location)
      .map((a) => ({
        id: a.id,
        lat: a.location!.lat,
        lng: a.location!.lng,
        colour: TYPE_COLOURS[a.type] ?? '#444',
        label: `${t(`alert.type.${a.type}`)} · ${formatTime(a.receivedAt, getLang())}`,
      }));
  }

  override render() {
    const name = areaName(this.city, this.areaId);
    return html`
      <h1>${t('feed.title')}</h1>
      ${name ? html`<p class="intro"><strong>${name}</strong></p>` : ''}
      <p class="intro muted">${this.areaId ? t('feed.intro') : t('feed.no_area')}</p>
      ${areaMap(this.city, { focusArea: this.areaId, markers: this.markers() })}
      ${
        this.alerts.length
          ? html`<ul aria-label=${t('feed.list')}>
              ${this.alerts.map((a) => this.item(a))}
            </ul>`
          : html`<p class="muted">${t('feed.empty')}</p>`
      }
    `;
  }

  private item(a: AreaAlert) {
    const where = a.location
      ? t('feed.where', { lat: a.location.lat.toFixed(3), lng: a.location.lng.toFixed(3) })
      : t('feed.no_location');
    return html`<li class="card" data-feed-alert=${a.id}>
      <span class="bar" style="background:${TYPE_COLOURS[a.type] ?? '#444'}"></span>
      <div>
        <div class="title">
          ${t(`alert.type.${a.type}`)} · ${formatTime(a.receivedAt, getLang())}
        </div>
        <div class="state">${statusText(a)}</div>
        <div class="meta muted">${where}</div>
        ${
          a.reporterName
            ? html`<div class="meta">${t('feed.by', { name: a.reporterName })}</div>`
            : ''
        }
      </div>
    </li>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'sac-neighbourhood-feed': NeighbourhoodFeed;
  }
}
