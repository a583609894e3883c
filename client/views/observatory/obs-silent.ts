import { tObs } from '../../../shared/i18n/observatory-screen.js';
import { html } from 'lit';
import { getLang } from '../../../shared/i18n/core.js';
import { SILENT_MIN_COUNT, type SilentCounts } from '../../../shared/observatory.js';
import type { CityInfo } from '../../../shared/types.js';

/** "2026-03" as "mar 2026" / "Mar 2026". */
function monthLabel(month: string): string {
  const [y, m] = month.split('-').map(Number);
  if (!y || !m) return month;
  return new Intl.DateTimeFormat(getLang() === 'es' ? 'es-AR' : 'en-GB', {
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(Date.UTC(y, m - 1, 1));
}

/**
 * Silent alerts for operators and admins: areas down, months across, a count per cell and
 * "< 5" where the server suppressed it. Never a place finer than the area, never a day.
 */
export function silentTable(r: SilentCounts, city: CityInfo) {
  if (!r.rows.length) return html`<p class="state empty">${tObs('obs.silent.none')}</p>`;
  const months = [...new Set(r.rows.map((row) => row.month))].sort();
  const names = new Map(city.areas.features.map((f) => [f.properties.id, f.properties.name]));
  const areas = [...new Set(r.rows.map((row) => row.areaId))].sort((a, b) =>
    (names.get(a) ?? a).localeCompare(names.get(b) ?? b),
  );
  const byKey = new Map(r.rows.map((row) => [`${row.areaId} ${row.month}`, row.count]));
  return html`<div class="scroll" tabindex="0" role="region" aria-label=${tObs('obs.silent.table')}>
    <table class="silent">
      <caption>
        ${tObs('obs.silent.caption')}
      </caption>
      <thead>
        <tr>
          <th scope="col">${tObs('obs.silent.area')}</th>
          ${months.map((m) => html`<th scope="col">${monthLabel(m)}</th>`)}
        </tr>
      </thead>
      <tbody>
        ${areas.map(
          (a) =>
            html`<tr>
              <th scope="row">${names.get(a) ?? a}</th>
              ${months.map((m) => {
                // Zero is below the threshold too: telling it from 1–4 would undo the suppression.
                const count = byKey.get(`${a} ${m}`) ?? null;
                return html`<td>${count === null ? `< ${SILENT_MIN_COUNT}` : count}</td>`;
              })}
            </tr>`,
        )}
      </tbody>
    </table>
  </div>`;
}
