import { css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { SacElement } from '../../components/sac-element.js';
import { tObs } from '../../../shared/i18n/observatory-screen.js';
import { getLang, t } from '../../../shared/i18n/core.js';
import type { PublicAreaMonth, PublicCell } from '../../../shared/observatory.js';
import type { CityInfo } from '../../../shared/types.js';
import { call } from '../../data/api.js';
import { areasLayer, boundsOf, textNode } from '../../components/map-layers.js';
import type { MapFrame, MapLayer } from '../../components/sac-map.js';
import { base } from '../../styles.js';
import {
  cellCount,
  figure,
  formatNumber,
  LOADING,
  load,
  metaLine,
  type Loadable,
} from './obs-figure.js';
import { hoursTable } from './obs-hours.js';
import { CLASS_COLOURS } from './obs-map.js';
import { obsStyles } from './obs-styles.js';
import { publicCounts, publicRequests, publicResponse } from './public-area-figures.js';
import { lastMonth, publicHash, shiftDay } from './obs-filters.js';
import '../../components/sac-map.js';

const FOCUS = { color: '#1c1b1f', weight: 2, fillColor: '#ffffff', fillOpacity: 0.2 };
const OTHER = { color: '#8a8590', weight: 1, fillColor: '#ffffff', fillOpacity: 0 };

/**
 * One area's month for residents, with no sign-in: where and when incidents concentrated,
 * with everything under the city's minimum already hidden by the server. One area only, and
 * nothing compares it with another: hot spots are places and hours, not communities.
 */
@customElement('sac-public-area')
export class PublicArea extends SacElement {
  static override styles = [
    base,
    obsStyles,
    css`
      table.plain {
        border-collapse: collapse;
        margin: 6px 0;
      }
      .plain caption {
        text-align: left;
        font-weight: 600;
      }
      .plain th,
      .plain td {
        padding: 4px 10px 4px 0;
        text-align: left;
        border-bottom: 1px solid var(--line, #ddd);
      }
      .plain .num {
        text-align: right;
        font-variant-numeric: tabular-nums;
      }
      .pair {
        display: flex;
        flex-wrap: wrap;
        align-items: flex-start;
        gap: 8px 32px;
      }
      .lang {
        margin-left: auto;
      }
    `,
  ];

  @property({ attribute: false }) city!: CityInfo;
  @property() areaId = '';
  @property() month = '';
  @state() private value: Loadable<PublicAreaMonth & { meta: PublicAreaMonth['hours']['meta'] }> =
    LOADING;
  private asked = '';

  override willUpdate(): void {
    const key = `${this.areaId}/${this.month}`;
    if (key === this.asked) return;
    this.asked = key;
    this.fetch();
  }

  private fetch(): void {
    const key = this.asked;
    load(
      () =>
        call<PublicAreaMonth>(
          'GET',
          `/observatory/public/areas/${encodeURIComponent(this.areaId)}/${this.month}`,
        ).then((r) => ({ ...r, meta: r.hours.meta })),
      (v) => (this.value = v),
      () => this.asked === key,
    );
  }

  private go(month: string): void {
    location.hash = publicHash(this.areaId, month);
  }

  override render() {
    const area = this.city.areas.features.find((f) => f.properties.id === this.areaId);
    const monthName = monthLabel(this.month);
    return html`<h1>${area?.properties.name ?? this.areaId} · ${monthName}</h1>
      <p class="intro">${tObs('obs.public.intro')}</p>
      <nav class="controls" aria-label=${tObs('obs.public.months')}>
        <button @click=${() => this.go(shiftDay(`${this.month}-01`, -1).slice(0, 7))}>
          ← ${monthLabel(shiftDay(`${this.month}-01`, -1).slice(0, 7))}
        </button>
        ${
          this.month < lastMonth()
            ? html`<button @click=${() => this.go(shiftDay(`${this.month}-01`, 1).slice(0, 7))}>
                ${monthLabel(shiftDay(`${this.month}-01`, 1).slice(0, 7))} →
              </button>`
            : nothing
        }
        <a href="#/">${tObs('obs.public.sign_in')}</a>
        ${this.langSwitch()}
      </nav>
      ${
        area
          ? figure(
              this.value,
              () => this.fetch(),
              (r) => this.body(r),
              false,
            )
          : html`<p class="state error" role="alert">${tObs('obs.public.no_area')}</p>`
      }`;
  }

  private body(r: PublicAreaMonth) {
    return html`<section class="card" aria-labelledby="map-title" data-figure="public-map">
        <h2 id="map-title">${tObs('obs.map.hotspots')}</h2>
        <div class="map-grid">
          <sac-map
            style="--map-height: var(--obs-map-height, 420px)"
            .city=${this.city}
            .label=${tObs('obs.map.label')}
            .zoomSnap=${0.25}
            .layers=${[this.areas(), cellsLayer(r.cells.cells)]}
            .frame=${this.frame()}
          ></sac-map>
          <div class="side">
            <ul class="legend" aria-label=${tObs('obs.legend')}>
              ${(['hot99', 'hot95', 'hot90', 'cold90', 'cold95', 'cold99'] as const).map(
                (c) =>
                  html`<li>
                    <i style="background:${CLASS_COLOURS[c]}" aria-hidden="true"></i>${tObs(
                      `obs.class.${c}`,
                    )}
                    <span class="muted"
                      >(${cellCount(r.cells.cells.filter((x) => x.class === c).length)})</span
                    >
                  </li>`,
              )}
            </ul>
            ${metaLine(r.cells.meta, {
              cell: r.cells.cellMetres,
              perm: formatNumber(999),
              most: formatNumber(99_999),
            })}
          </div>
        </div>
      </section>
      <section class="card" aria-labelledby="hours-title" data-figure="hours">
        <h2 id="hours-title">${tObs('obs.hours.title')}</h2>
        ${
          // n counts only what may be shown: zero means nothing reached the minimum, not none.
          r.hours.meta.n === 0
            ? html`<p class="state empty" data-below-min>
                ${tObs('obs.public.below_min', { min: r.hours.meta.suppressedBelow })}
              </p>`
            : hoursTable(r.hours)
        }
        ${metaLine(r.hours.meta)}
      </section>
      ${publicCounts(r)} ${publicResponse(r)} ${publicRequests(r, this.city)}`;
  }

  /**
   * The page has no app header (a signed-out visitor reads it): its own switch to the other
   * language, handled by the app as the login screen's is.
   */
  private langSwitch() {
    const other = getLang() === 'es' ? 'en' : 'es';
    return html`<button
      type="button"
      class="lang"
      lang=${other}
      aria-label=${`${tObs('obs.public.lang')}: ${t(`app.language.${other}`)}`}
      @click=${() =>
        this.dispatchEvent(
          new CustomEvent('lang', { detail: other, bubbles: true, composed: true }),
        )}
    >
      ${t(`app.language.${other}`)}
    </button>`;
  }

  private areas(): MapLayer {
    return areasLayer(this.city.areas.features, OTHER, { focus: this.areaId, focusLook: FOCUS });
  }

  private frame(): MapFrame {
    const areaId = this.areaId;
    const features = this.city.areas.features.filter((f) => f.properties.id === areaId);
    return {
      key: areaId,
      apply(L, map) {
        const b = boundsOf(L, features);
        if (b.isValid()) map.fitBounds(b, { padding: [12, 12], animate: false });
      },
    };
  }
}

function cellsLayer(cells: PublicCell[]): MapLayer {
  return {
    id: 'cells',
    deps: [cells, getLang()], // tooltips are in the reader's language
    draw(L, group) {
      for (const c of cells) {
        if (c.class === 'none') continue;
        L.rectangle(c.bounds as [[number, number], [number, number]], {
          color: '#3b3740',
          weight: 0.6,
          fillColor: CLASS_COLOURS[c.class],
          fillOpacity: 0.78,
        })
          .bindTooltip(textNode(`${tObs(`obs.class.${c.class}`)} · ${c.count}`), { sticky: true })
          .addTo(group);
      }
    },
  };
}

function monthLabel(month: string): string {
  const [y, m] = month.split('-').map(Number);
  if (!y || !m) return month;
  return new Intl.DateTimeFormat(getLang() === 'en' ? 'en-GB' : 'es-AR', {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(Date.UTC(y, m - 1, 1));
}

declare global {
  interface HTMLElementTagNameMap {
    'sac-public-area': PublicArea;
  }
}
