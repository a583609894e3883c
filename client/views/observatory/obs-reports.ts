import { tObs } from '../../../shared/i18n/observatory-screen.js';
import { html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { SacElement } from '../../components/sac-element.js';
import type { ObservatoryFilter } from '../../../shared/observatory.js';
import type { CityInfo, Me } from '../../../shared/types.js';
import { base } from '../../styles.js';
import { obsStyles } from './obs-styles.js';

/** The monthly report for the mayor and the weekly meeting, printable. */
@customElement('sac-obs-reports')
export class ObsReportsSection extends SacElement {
  static override styles = [base, obsStyles];

  @property({ attribute: false }) me!: Me;
  @property({ attribute: false }) city!: CityInfo;
  /** the observatory's filter bar (period, type, area) */
  @property({ attribute: false }) filter!: ObservatoryFilter;

  override render() {
    return html`<section class="card" data-figure="reports">
      <h2>${tObs('obs.section.reports')}</h2>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'sac-obs-reports': ObsReportsSection;
  }
}
