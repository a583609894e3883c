import { tObs } from '../../../shared/i18n/observatory-screen.js';
import { html, nothing } from 'lit';
import { t } from '../../../shared/i18n/core.js';
import type { IncidentType, ObservatoryFilter } from '../../../shared/observatory.js';
import type { CityInfo } from '../../../shared/types.js';
import { cityToday } from '../operator/city-day.js';

/** The periods an analyst picks most: a year for the mayor's meeting, a quarter, a month. */
export type Preset = '12m' | '3m' | '1m' | 'custom';
const MONTHS: Record<Exclude<Preset, 'custom'>, number> = { '12m': 12, '3m': 3, '1m': 1 };

/** The types the observatory counts: every non-silent alert type and the officers' records. */
export const INCIDENT_TYPES: IncidentType[] = [
  'general',
  'medical',
  'bicycle_theft',
  'fire',
  'suspicious_activity',
];

/** YYYY-MM-DD shifted by whole months and days, on the calendar (no time zone involved). */
export function shiftDay(day: string, months: number, days = 0): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  // Clamp to the month's length: a month before 31 March is 28/29 February, not 3 March.
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0));
  target.setUTCDate(Math.min(d, last.getUTCDate()) + days);
  return target.toISOString().slice(0, 10);
}

/**
 * A preset's dates, both ends included, ending yesterday in the city's calendar: a whole last
 * day, as the server's default period (and its cache) has it.
 */
export function presetPeriod(preset: Exclude<Preset, 'custom'>, now = Date.now()) {
  const to = shiftDay(cityToday(now), 0, -1);
  return { from: shiftDay(to, -MONTHS[preset], 1), to };
}

/** `#/barrio/<area>/<YYYY-MM>`: the address a neighbourhood meeting is sent. */
export const PUBLIC_PREFIX = '#/barrio/';

export function publicHash(areaId: string, month: string): string {
  return `${PUBLIC_PREFIX}${encodeURIComponent(areaId)}/${month}`;
}

/** The last whole month in the city's calendar (the public page's default). */
export function lastMonth(now = Date.now()): string {
  return shiftDay(cityToday(now), -1).slice(0, 7);
}

export interface FilterInput {
  city: CityInfo;
  filter: ObservatoryFilter;
  preset: Preset;
  /** the custom dates being typed, applied once they make a period */
  draft: { from: string; to: string };
  onChange(filter: ObservatoryFilter, preset: Preset, draft?: { from: string; to: string }): void;
}

function typeLabel(type: IncidentType): string {
  return type === 'suspicious_activity'
    ? tObs('obs.type.suspicious_activity')
    : t(`alert.type.${type}`);
}

/** Type, area and period; every change reloads the figures (the server caches per period). */
export function obsFilters(f: FilterInput) {
  const set = (patch: Partial<ObservatoryFilter>, preset = f.preset) =>
    f.onChange({ ...f.filter, ...patch }, preset);
  const onPreset = (value: Preset) => {
    if (value === 'custom')
      f.onChange(f.filter, 'custom', { from: f.filter.from, to: f.filter.to });
    else set(presetPeriod(value), value);
  };
  const onDate = (which: 'from' | 'to', value: string) => {
    const draft = { ...f.draft, [which]: value };
    if (draft.from && draft.to && draft.from <= draft.to)
      f.onChange({ ...f.filter, ...draft }, 'custom', draft);
    else f.onChange(f.filter, 'custom', draft);
  };
  const badDates = f.preset === 'custom' && f.draft.from > f.draft.to;
  const areas = [...f.city.areas.features].sort((a, b) =>
    a.properties.name.localeCompare(b.properties.name),
  );
  return html`<form
    class="filters"
    aria-label=${tObs('obs.filters')}
    @submit=${(e: Event) => e.preventDefault()}
  >
    <label
      >${tObs('obs.filter.type')}
      <select
        name="type"
        @change=${(e: Event) =>
          set({ type: (e.target as HTMLSelectElement).value as ObservatoryFilter['type'] })}
      >
        <option value="all" ?selected=${f.filter.type === 'all'}>
          ${tObs('obs.filter.type.all')}
        </option>
        ${INCIDENT_TYPES.map(
          (type) =>
            html`<option value=${type} ?selected=${f.filter.type === type}>
              ${typeLabel(type)}
            </option>`,
        )}
      </select>
    </label>
    <label
      >${tObs('obs.filter.area')}
      <select
        name="area"
        @change=${(e: Event) => set({ areaId: (e.target as HTMLSelectElement).value || null })}
      >
        <option value="" ?selected=${!f.filter.areaId}>${tObs('obs.filter.area.all')}</option>
        ${areas.map(
          (a) =>
            html`<option value=${a.properties.id} ?selected=${f.filter.areaId === a.properties.id}>
              ${a.properties.name}
            </option>`,
        )}
      </select>
    </label>
    <label
      >${tObs('obs.filter.period')}
      <select
        name="period"
        @change=${(e: Event) => onPreset((e.target as HTMLSelectElement).value as Preset)}
      >
        ${(['12m', '3m', '1m', 'custom'] as const).map(
          (p) =>
            html`<option value=${p} ?selected=${f.preset === p}>
              ${tObs(`obs.preset.${p}`)}
            </option>`,
        )}
      </select>
    </label>
    ${
      f.filter.areaId
        ? html`<a class="public" href=${publicHash(f.filter.areaId, lastMonth())}
            >${tObs('obs.public.link', { month: lastMonth() })}</a
          >`
        : nothing
    }
    ${
      f.preset === 'custom'
        ? html`<label
              >${tObs('obs.filter.from')}
              <input
                type="date"
                name="from"
                .value=${f.draft.from}
                aria-invalid=${badDates ? 'true' : 'false'}
                @change=${(e: Event) => onDate('from', (e.target as HTMLInputElement).value)}
            /></label>
            <label
              >${tObs('obs.filter.to')}
              <input
                type="date"
                name="to"
                .value=${f.draft.to}
                aria-invalid=${badDates ? 'true' : 'false'}
                @change=${(e: Event) => onDate('to', (e.target as HTMLInputElement).value)}
            /></label>
            ${badDates ? html`<p class="bad" role="alert">${tObs('obs.filter.bad_dates')}</p>` : nothing}`
        : nothing
    }
  </form>`;
}
