import { html, css } from 'lit';
import { SacElement } from '../../components/sac-element.js';
import { customElement, property } from 'lit/decorators.js';
import { t } from '../../../shared/i18n/core.js';
import type { CityInfo, UserAlert } from '../../../shared/types.js';
import { alertType } from '../../../shared/catalogue.js';
import { base } from '../../styles.js';

const digits = (phone: string): string => phone.replace(/[^0-9+]/g, '');

/**
 * No signal: say so plainly, and offer the phone's own ways out for an alert that has not
 * been delivered: a call to the emergency number and an SMS to the monitoring centre.
 */
@customElement('sac-offline-help')
export class OfflineHelp extends SacElement {
  static override styles = [
    base,
    css`
      .banner {
        background: #fff4e5;
        border: 1px solid #f0b35b;
        border-radius: var(--radius);
        padding: 12px 14px;
        margin-top: 8px;
      }
      .banner strong {
        display: block;
        margin-bottom: 8px;
      }
      .actions {
        display: flex;
        gap: 10px;
        flex-wrap: wrap;
      }
      a {
        display: inline-flex;
        align-items: center;
        min-height: 48px;
        padding: 10px 16px;
        border-radius: 10px;
        font-weight: 700;
        text-decoration: none;
      }
      .call {
        background: var(--red);
        color: #fff;
      }
      .sms {
        background: #fff;
        color: var(--ink);
        border: 1px solid var(--line);
      }
    `,
  ];

  @property({ type: Boolean }) online = true;
  @property({ attribute: false }) city!: CityInfo;
  @property({ attribute: false }) pending: UserAlert[] = [];

  private smsHref(alert: UserAlert | undefined): string {
    // The silent type is never named in an SMS that stays in the phone's outbox.
    const type =
      alert && !alertType(alert.type).silent
        ? t(`alert.type.${alert.type}`)
        : t('alert.neutral_name');
    const where = alert?.location
      ? `${alert.location.lat.toFixed(5)},${alert.location.lng.toFixed(5)}`
      : t('call.sms_no_location');
    const body = t('call.sms_body', { type, location: where });
    return `sms:${digits(this.city.phones.monitoringCentreSms)}?body=${encodeURIComponent(body)}`;
  }

  override render() {
    const first = this.pending[0];
    return html`<div class="banner" role="status" data-testid="offline-banner">
      <strong>${this.online ? t('alert.sending') : t('offline.banner')}</strong>
      ${
        first
          ? html`<div class="actions">
              <a class="call" href="tel:${digits(this.city.phones.emergency)}"
                >${t('call.emergency', { number: this.city.phones.emergency })}</a
              >
              <a class="sms" href=${this.smsHref(first)}>${t('call.sms_centre')}</a>
            </div>`
          : ''
      }
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'sac-offline-help': OfflineHelp;
  }
}
