import { html, css } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { SacElement } from '../../components/sac-element.js';
import { t } from '../../../shared/i18n/core.js';
import { account } from '../../data/account.js';
import { base } from '../../styles.js';

/**
 * "Your account was approved", on the first sign-in after an operator approved it. Told
 * once: the server forgets the notice as soon as it is shown here, and it stays on screen
 * until the resident dismisses it (or leaves the page).
 */
@customElement('sac-approved-notice')
export class ApprovedNotice extends SacElement {
  static override styles = [
    base,
    css`
      :host {
        display: block;
        margin-top: 12px;
      }
      .notice {
        display: flex;
        gap: 12px;
        align-items: center;
        justify-content: space-between;
        padding: 14px 16px;
        border-radius: 12px;
        background: #e6f4ea;
        color: #0d5223;
        font-weight: 600;
      }
    `,
  ];

  @state() private open = true;

  override connectedCallback(): void {
    super.connectedCallback();
    void account.approvalSeen().catch(() => undefined);
  }

  override render() {
    if (!this.open) return '';
    return html`<div class="notice" role="status">
      <span>${t('approved.notice')}</span>
      <button type="button" @click=${() => (this.open = false)}>${t('approved.ok')}</button>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'sac-approved-notice': ApprovedNotice;
  }
}
