import { tObs } from '../../../shared/i18n/observatory-screen.js';
import { css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { SacElement } from '../../components/sac-element.js';
import type { ObservatoryFilter } from '../../../shared/observatory.js';
import type { CityInfo, Me } from '../../../shared/types.js';
import { base } from '../../styles.js';
import { obsFilters, presetPeriod, type Preset } from './obs-filters.js';
import { obsStyles, segStyles } from './obs-styles.js';
import './obs-where.js';
import './obs-response.js';
import './obs-patrol.js';
import './obs-impact.js';
import './obs-perception.js';
import './obs-sources.js';
import './obs-reports.js';
import '../exports/exports-view.js';

/** The observatory's sections: where and when, then "did it work?". */
export const OBS_SECTIONS = [
  'where',
  'response',
  'patrol',
  'impact',
  'perception',
  'sources',
  'reports',
  'exports',
] as const;
export type ObsSection = (typeof OBS_SECTIONS)[number];
/** Sections that read the filter bar; the others bring their own inputs. */
const FILTERED: ReadonlySet<ObsSection> = new Set(['where', 'response', 'patrol', 'perception']);

/**
 * The Observatorio, for analysts (their home) and for operators and admins (a section of the
 * console): the filter bar every figure reads, and the sections. "Where and when" stays alive
 * while another section is open, so coming back to it costs nothing; the others are made
 * when opened.
 */
@customElement('sac-observatory')
export class ObservatoryView extends SacElement {
  static override styles = [
    base,
    obsStyles,
    segStyles,
    css`
      .sections {
        margin: 4px 0 12px;
      }
      /* a section is laid out by this shell: its own :host padding would indent it twice */
      .body > * {
        padding: 0;
        overflow: visible;
      }
      /* the sections' :host { display: block } would otherwise win over [hidden] */
      .body > [hidden] {
        display: none;
      }
      /* A printed report is the report alone: the observatory's title, intro and sections stay
         on screen. */
      @media print {
        :host {
          overflow: visible;
          padding: 0;
        }
        :host([section='reports']) > :not(.body),
        :host([section='reports']) .body > :not(sac-obs-reports) {
          display: none !important;
        }
      }
    `,
  ];

  @property({ attribute: false }) me!: Me;
  @property({ attribute: false }) city!: CityInfo;
  @state() private filter: ObservatoryFilter = {
    ...presetPeriod('12m'),
    type: 'all',
    areaId: null,
  };
  @state() private preset: Preset = '12m';
  @state() private draft = { from: '', to: '' };
  /** A report's address (`#/observatorio/informe/…`) opens the reports directly. */
  @property({ reflect: true }) section: ObsSection = location.hash.startsWith('#/observatorio/')
    ? 'reports'
    : 'where';

  override render() {
    const { me, city, filter } = this;
    return html`<h1>${tObs('obs.title')}</h1>
      <p class="intro">${tObs('obs.intro')}</p>
      <nav class="seg sections" aria-label=${tObs('obs.sections')}>
        ${OBS_SECTIONS.map(
          (section) =>
            html`<button
              type="button"
              data-section=${section}
              aria-pressed=${this.section === section ? 'true' : 'false'}
              @click=${() => (this.section = section)}
            >
              ${tObs(`obs.section.${section}`)}
            </button>`,
        )}
      </nav>
      ${FILTERED.has(this.section) ? this.filterBar() : nothing}
      <div class="body">
        <sac-obs-where
          .me=${me}
          .city=${city}
          .filter=${filter}
          ?hidden=${this.section !== 'where'}
        ></sac-obs-where>
        ${this.otherSection()}
      </div>`;
  }

  private otherSection() {
    const { me, city, filter } = this;
    switch (this.section) {
      case 'where':
        return nothing;
      case 'response':
        return html`<sac-obs-response
          .me=${me}
          .city=${city}
          .filter=${filter}
        ></sac-obs-response>`;
      case 'patrol':
        return html`<sac-obs-patrol .me=${me} .city=${city} .filter=${filter}></sac-obs-patrol>`;
      case 'impact':
        return html`<sac-obs-impact .me=${me} .city=${city} .filter=${filter}></sac-obs-impact>`;
      case 'perception':
        return html`<sac-obs-perception
          .me=${me}
          .city=${city}
          .filter=${filter}
        ></sac-obs-perception>`;
      case 'sources':
        return html`<sac-obs-sources .me=${me} .city=${city} .filter=${filter}></sac-obs-sources>`;
      case 'reports':
        return html`<sac-obs-reports .me=${me} .city=${city} .filter=${filter}></sac-obs-reports>`;
      case 'exports':
        return html`<sac-exports-view .me=${me} .city=${city} level="2"></sac-exports-view>`;
    }
  }

  private filterBar() {
    return obsFilters({
      city: this.city,
      filter: this.filter,
      preset: this.preset,
      draft: this.draft,
      onChange: (filter, preset, draft) => {
        this.preset = preset;
        if (draft) this.draft = draft;
        // a new object only when a value changed: the sections reload on a new filter
        if (JSON.stringify(filter) !== JSON.stringify(this.filter)) this.filter = filter;
      },
    });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'sac-observatory': ObservatoryView;
  }
}
