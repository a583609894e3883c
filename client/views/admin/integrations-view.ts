import { html } from 'lit';
import { customElement } from 'lit/decorators.js';
import { SacElement } from '../../components/sac-element.js';
import { base } from '../../styles.js';

/**
 * API keys for other systems (admins only, `/api/integrations`): the city's 311 tool filing
 * Open311 requests, civil protection polling the CAP feed.
 */
@customElement('sac-integrations-view')
export class IntegrationsView extends SacElement {
  static override styles = [base];

  override render() {
    return html``;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'sac-integrations-view': IntegrationsView;
  }
}
