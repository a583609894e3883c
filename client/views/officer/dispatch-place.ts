import { css, html, nothing } from 'lit';
import { getLang, t, type MessageKey } from '../../../shared/i18n/core.js';
import { heading, type CompassPoint } from '../../../shared/geo.js';
import {
  geoAddressUri,
  geoUri,
  osmLink,
  osmSearchLink,
  telUri,
} from '../../../shared/navigation.js';
import type { GeoPoint } from '../../../shared/types.js';
import type { Dispatch } from './records.js';

/** Closer than this to a known point, the crew is told "next to" it rather than a heading. */
const BESIDE_METRES = 30;

/** "650 m", "1,2 km": as precise as a crew can use from a moving car. */
export function formatMetres(metres: number): string {
  if (metres < 1000) return `${Math.round(metres / 10) * 10} m`;
  const locale = getLang() === 'es' ? 'es-AR' : 'en-GB';
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(metres / 1000)} km`;
}

const direction = (towards: CompassPoint) => t(`compass.${towards}` as MessageKey);

/** "A 650 m al noreste de vos", updated as the officer's position moves; null without a fix. */
export function fromYou(target: GeoPoint | null, you: GeoPoint | null): string | null {
  if (!target || !you) return null;
  const h = heading(you, target);
  return t('officer.where.from_you', {
    distance: formatMetres(h.metres),
    direction: direction(h.towards),
  });
}

/** The first line a crew reads: the address, else where the place lies from a known point. */
export function placeLine(d: Dispatch): { text: string; detail: string } {
  if (d.address)
    return {
      text: d.address,
      detail: d.location ? t('officer.where.home') : t('officer.where.home_no_fix'),
    };
  const ref = d.reference;
  if (ref && d.location) {
    const h = heading(ref, d.location);
    return {
      text:
        h.metres < BESIDE_METRES
          ? t('officer.where.beside', { place: ref.label })
          : t('officer.where.from_place', {
              distance: formatMetres(h.metres),
              direction: direction(h.towards),
              place: ref.label,
            }),
      detail: '',
    };
  }
  return { text: d.location ? '' : t('officer.where.no_place'), detail: '' };
}

/** The phone's map app (`geo:`) and OpenStreetMap, for the alert's position or its address. */
export function navigation(d: Dispatch, cityName: string): { app: string; web: string } | null {
  const label = d.address || t(`alert.type.${d.type}` as MessageKey);
  if (d.location) return { app: geoUri(d.location, label), web: osmLink(d.location) };
  if (d.address) {
    const query = [d.address, cityName].filter(Boolean).join(', ');
    return { app: geoAddressUri(query), web: osmSearchLink(query) };
  }
  return null;
}

/**
 * Where to go and whom to call: the address or nearest known point, the area, distance and
 * direction from the crew, one tap to navigate and, for a public alert, one to call. A silent
 * alert carries no reporter's details (server/alerts/dispatch-record.ts) and says so.
 */
export function whereToGo(d: Dispatch, you: GeoPoint | null, cityName: string, silent: boolean) {
  const place = placeLine(d);
  const away = fromYou(d.location, you);
  const go = navigation(d, cityName);
  return html`<div class="where" data-testid="dispatch-where">
      <h3>${t('officer.where.title')}</h3>
      ${place.text ? html`<p class="place">${place.text}</p>` : nothing}
      ${place.detail ? html`<p class="muted">${place.detail}</p>` : nothing}
      ${d.areaName ? html`<p>${t('officer.where.area', { area: d.areaName })}</p>` : nothing}
      ${
        d.location
          ? html`<p class="away" data-testid="from-you">${away ?? t('officer.where.no_fix')}</p>`
          : nothing
      }
      ${
        go
          ? html`<div class="go">
              <a class="button primary" href=${go.app}>${t('officer.where.navigate')}</a>
              <a href=${go.web} target="_blank" rel="noopener noreferrer">
                ${t('officer.where.open_map')}
              </a>
            </div>`
          : nothing
      }
    </div>
    ${silent ? html`<p class="warn">${t('officer.dispatch.silent_hint')}</p>` : reporter(d)}`;
}

function reporter(d: Dispatch) {
  if (d.reporterName === undefined && d.reporterPhone === undefined) return nothing;
  const name = d.reporterName || '—';
  return html`<div class="who">
    <h3>${t('officer.reporter.title')}</h3>
    ${
      d.reporterPhone
        ? html`<a class="button" href=${telUri(d.reporterPhone)} data-testid="call">
            ${t('officer.reporter.call', { name, phone: d.reporterPhone })}
          </a>`
        : html`<p>${name} · ${t('officer.reporter.no_phone')}</p>`
    }
  </div>`;
}

export const whereStyles = css`
  .where p,
  .who p {
    margin: 2px 0;
  }
  .place {
    font-size: 1.2rem;
    font-weight: 800;
  }
  .away {
    font-weight: 700;
  }
  .go {
    display: flex;
    gap: 12px;
    align-items: center;
    flex-wrap: wrap;
    margin: 10px 0 4px;
  }
  a.button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    min-height: 48px;
    padding: 0 16px;
    border-radius: 10px;
    border: 1px solid var(--line);
    background: var(--paper);
    color: var(--ink);
    font-weight: 700;
    text-decoration: none;
  }
  a.button.primary {
    background: var(--info);
    border-color: var(--info);
    color: #fff;
  }
  .go a:not(.button) {
    color: var(--info);
    font-weight: 600;
    min-height: 48px;
    display: inline-flex;
    align-items: center;
  }
`;
