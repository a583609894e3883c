import { html, css } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { SacElement } from '../../components/sac-element.js';
import { t } from '../../../shared/i18n/core.js';
import type { CityInfo } from '../../../shared/types.js';
import { base } from '../../styles.js';

/** Why the person cannot use the app yet: just registered, waiting, or not active. */
export type AccountNotice = 'registered' | 'pending' | 'suspended';

const digits = (phone: string): string => phone.replace(/[^0-9+]/g, '');

/**
 * A clear screen for an account that cannot sign in: what is happening, why,
 * and what to do, with the phone numbers that still help in an emergency.
 */
@customElement('sac-account-status')
export class AccountStatus extends SacElement {
  static override styles = [
    base,
    css`
      :host {
        display: grid;
        place-items: center;
        min-height: 100vh;
        padding: 16px;
      }
      main {
        width: min(460px, 100%);
        padding: 28px 22px;
      }
      .icon {
        width: 56px;
        height: 56px;
        border-radius: 50%;
        display: grid;
        place-items: center;
        font-size: 1.8rem;
        font-weight: 800;
        color: #fff;
        background: var(--warn);
        margin-bottom: 12px;
      }
      .icon.stop {
        background: var(--red);
      }
      h1 {
        font-size: 1.4rem;
        margin: 0 0 12px;
      }
      p {
        font-size: 1.05rem;
        line-height: 1.45;
      }
      a.call {
        display: flex;
        align-items: center;
        justify-content: center;
        min-height: 52px;
        margin-top: 10px;
        border-radius: 10px;
        font-weight: 700;
        text-decoration: none;
        background: var(--red);
        color: #fff;
      }
      a.call.secondary {
        background: var(--paper);
        color: var(--ink);
        border: 1px solid var(--line);
      }
      button {
        width: 100%;
        margin-top: 18px;
        min-height: 52px;
      }
    `,
  ];

  @property() kind: AccountNotice = 'pending';
  @property({ attribute: false }) city: CityInfo | null = null;

  override render() {
    const phones = this.city?.phones;
    const emergency = phones?.emergency ?? '911';
    const waiting = this.kind !== 'suspended';
    return html`<main class="card" data-account=${this.kind}>
      <div class="icon ${waiting ? '' : 'stop'}" aria-hidden="true">${waiting ? '…' : '!'}</div>
      <h1>
        ${
          this.kind === 'registered'
            ? t('account.registered.title')
            : waiting
              ? t('account.pending.title')
              : t('account.suspended.title')
        }
      </h1>
      ${
        waiting
          ? html`<p>${t('account.pending.why', { city: this.city?.name ?? '' })}</p>
              <p><strong>${t('account.pending.what')}</strong></p>`
          : html`<p>${t('account.suspended.why')}</p>
              <p><strong>${t('account.suspended.what')}</strong></p>
              ${
                phones?.monitoringCentre
                  ? html`<a class="call secondary" href="tel:${digits(phones.monitoringCentre)}"
                      >${t('account.call_centre')}</a
                    >`
                  : ''
              }`
      }
      <p>${t('account.urgent', { number: emergency })}</p>
      <a class="call" href="tel:${digits(emergency)}"
        >${t('call.emergency', { number: emergency })}</a
      >
      <button
        @click=${() =>
          this.dispatchEvent(new CustomEvent('back', { bubbles: true, composed: true }))}
      >
        ${t('account.back')}
      </button>
    </main>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'sac-account-status': AccountStatus;
  }
}
