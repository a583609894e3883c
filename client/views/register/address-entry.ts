import { html, css, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { areaForPoint } from '../../../shared/geo.js';
import { t } from '../../../shared/i18n/core.js';
import { findStreet, locateAddress } from '../../../shared/streets.js';
import type { CityInfo, GeoPoint } from '../../../shared/types.js';
import { currentFix } from '../../data/location.js';
import { areaMap } from '../resident/area-layers.js';
import { areaName } from '../resident/neighbourhood-feed.js';

/** What the resident is told about the pin: placed from the address, not found, by hand. */
type Found = 'none' | 'found' | 'not_found' | 'picked';

/**
 * Typing a home address and confirming it on the map, for registration and for a change of
 * home. Without map tiles the map has no streets, so the address comes first: the street
 * from the city's list (a datalist as the resident types), the number, and an optional
 * detail. When the city's list gives the street's course, the address is placed on the map
 * and the resident only confirms (or taps to correct); otherwise the resident chooses the
 * neighbourhood, the map centres on it, and a tap places the pin.
 *
 * A controller, not an element: its inputs must live in the host's form, so the browser's
 * own validation and the form's data include them. `prefix` keeps ids unique on a page.
 */
export class AddressEntry implements ReactiveController {
  street = '';
  number = '';
  detail = '';
  pin: GeoPoint | null = null;
  focusArea: string | null = null;
  locating = false;
  private found: Found = 'none';

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly prefix: string,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  /** The address as one line, as the server stores it: "Tomba 455, depto 3". */
  get address(): string {
    const line = [this.street.trim(), this.number.trim()].filter(Boolean).join(' ');
    const detail = this.detail.trim();
    return detail ? `${line}, ${detail}` : line;
  }

  areaOf(city: CityInfo): string | null {
    return this.pin ? areaForPoint(this.pin, city.areas.features) : null;
  }

  /** Places the pin from the typed address when the city's street list can. */
  locate(city: CityInfo): void {
    const street = findStreet(city.streets, this.street);
    const n = Number.parseInt(this.number, 10);
    const point = street ? locateAddress(street, Number.isFinite(n) ? n : null) : null;
    // The list's spelling is kept, so operators read "Av. San Martín", not "san martin".
    if (street) this.street = street.name;
    if (point) {
      this.pin = point;
      this.focusArea = areaForPoint(point, city.areas.features);
      this.found = 'found';
    } else if (this.street.trim()) {
      this.found = 'not_found';
    }
    this.host.requestUpdate();
  }

  private async useLocation(city: CityInfo): Promise<void> {
    this.locating = true;
    this.host.requestUpdate();
    const fix = await currentFix(8000);
    this.locating = false;
    if (fix) this.pick(city, { lat: fix.lat, lng: fix.lng });
    this.host.requestUpdate();
  }

  private pick(city: CityInfo, point: GeoPoint): void {
    this.pin = point;
    this.focusArea = areaForPoint(point, city.areas.features) ?? this.focusArea;
    this.found = 'picked';
    this.host.requestUpdate();
  }

  private input(field: 'street' | 'number' | 'detail') {
    return (e: Event) => {
      this[field] = (e.target as HTMLInputElement).value;
      this.host.requestUpdate();
    };
  }

  private message(city: CityInfo) {
    const area = areaName(city, this.areaOf(city));
    switch (this.found) {
      case 'found':
        return area ? t('address.found', { address: this.address, area }) : '';
      case 'not_found':
        return t('address.not_found');
      default:
        return city.streets.some((s) => s.line) ? '' : t('address.confirm_hint');
    }
  }

  render(city: CityInfo, o: { tried: boolean; missingKey: 'register.home_missing' }) {
    const p = this.prefix;
    const list = city.streets.length > 0;
    const area = this.pin ? areaName(city, this.areaOf(city)) : null;
    const message = this.message(city);
    return html`
      <label for="${p}-street">${t('address.street')}</label>
      <input
        id="${p}-street"
        name="street"
        required
        minlength="2"
        maxlength="100"
        autocomplete="address-line1"
        list=${list ? `${p}-streets` : ''}
        aria-describedby="${p}-street-hint"
        .value=${this.street}
        @input=${this.input('street')}
        @change=${() => this.locate(city)}
      />
      ${
        list
          ? html`<datalist id="${p}-streets">
              ${city.streets.map((s) => html`<option value=${s.name}></option>`)}
            </datalist>`
          : ''
      }
      <div class="hint" id="${p}-street-hint">
        ${list ? t('address.street_hint') : t('address.free_hint')}
      </div>
      <div class="address-row">
        <div>
          <label for="${p}-number">${t('address.number')}</label>
          <input
            id="${p}-number"
            name="number"
            inputmode="numeric"
            pattern="[0-9]{1,6}"
            maxlength="6"
            autocomplete="off"
            aria-describedby="${p}-number-hint"
            .value=${this.number}
            @input=${this.input('number')}
            @change=${() => this.locate(city)}
          />
        </div>
        <div>
          <label for="${p}-detail">${t('address.detail')}</label>
          <input
            id="${p}-detail"
            name="detail"
            maxlength="50"
            autocomplete="address-line2"
            .value=${this.detail}
            @input=${this.input('detail')}
          />
        </div>
      </div>
      <div class="hint" id="${p}-number-hint">${t('address.number_hint')}</div>
      <fieldset>
        <legend>${t('register.home')}</legend>
        <div class="address-actions">
          <button type="button" @click=${() => this.locate(city)}>${t('address.find')}</button>
          <button
            type="button"
            @click=${() => void this.useLocation(city)}
            ?disabled=${this.locating}
          >
            ${t('register.use_location')}
          </button>
        </div>
        ${message ? html`<p class="address-note" role="status">${message}</p>` : ''}
        ${
          !this.pin
            ? html`<label for="${p}-area">${t('address.area')}</label>
                <select
                  id="${p}-area"
                  @change=${(e: Event) => {
                    this.focusArea = (e.target as HTMLSelectElement).value || null;
                    this.host.requestUpdate();
                  }}
                >
                  <option value="">${t('address.area_any')}</option>
                  ${[...city.areas.features]
                    .sort((a, b) => a.properties.name.localeCompare(b.properties.name))
                    .map(
                      (a) =>
                        html`<option
                          value=${a.properties.id}
                          ?selected=${a.properties.id === this.focusArea}
                        >
                          ${a.properties.name}
                        </option>`,
                    )}
                </select>`
            : ''
        }
        <div class="hint">${t('register.home_hint')}</div>
        ${areaMap(city, {
          focusArea: this.focusArea,
          pin: this.pin,
          picking: true,
          onPick: (point) => this.pick(city, point),
        })}
        ${this.homeStatus(city, area, o)}
      </fieldset>
    `;
  }

  private homeStatus(
    city: CityInfo,
    area: string | null,
    o: { tried: boolean; missingKey: 'register.home_missing' },
  ) {
    if (this.locating)
      return html`<p class="home-status" role="status">${t('requests.locating')}</p>`;
    if (!this.pin)
      return html`<p class="home-status ${o.tried ? 'missing' : ''}" role="status">
        ${t(o.missingKey)}
      </p>`;
    return html`<p class="home-status" role="status" data-area=${this.areaOf(city) ?? ''}>
      ${area ? t('register.home_set', { area }) : t('register.home_outside')}
    </p>`;
  }
}

/** Layout of the address fields; the host adds it to its styles next to `fields`. */
export const addressStyles = css`
  .address-row {
    display: grid;
    grid-template-columns: 7rem 1fr;
    gap: 0 12px;
  }
  .address-actions {
    display: flex;
    flex-wrap: wrap;
    gap: 8px;
    margin-bottom: 8px;
  }
  .address-note {
    margin: 8px 0;
  }
  select {
    width: 100%;
    font: inherit;
    padding: 12px;
    min-height: 48px;
    border: 1px solid #8d8893;
    border-radius: 10px;
    background: var(--paper);
    color: var(--ink);
    margin-bottom: 8px;
  }
  .home-status {
    margin: 8px 0;
    font-weight: 600;
  }
  .home-status.missing {
    color: var(--warn);
  }
`;
