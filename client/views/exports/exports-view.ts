import { html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { SacElement } from '../../components/sac-element.js';
import type { CityInfo, Me } from '../../../shared/types.js';
import { base } from '../../styles.js';

/**
 * The staff's exports (`/api/exports`): alerts, requests, check-ins and conversations as
 * CSV or GeoJSON for a period, type and area. What each role may take is the server's rule.
 */
@customElement('sac-exports-view')
export class ExportsView extends SacElement {
  static override styles = [base];
  @property({ attribute: false }) me?: Me;
  @property({ attribute: false }) city?: CityInfo;

  override render() {
    return html``;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'sac-exports-view': ExportsView;
  }
}
