import { html, css } from 'lit';
import { SacElement } from '../../components/sac-element.js';
import { customElement, property } from 'lit/decorators.js';
import { t } from '../../../shared/i18n/core.js';
import type { CityInfo, UserAlert } from '../../../shared/types.js';
import { alertType } from '../../../shared/catalogue.js';
import { base } from '../../styles.js';
import { NotReachedClock, notReached } from './not-reached.js';

const digits = (phone: string): string => phone.replace(/[^0-9+]/g, '');

/**
 * No signal, or an alert not delivered yet: say so plainly, and offer the phone's own ways out
 * for it: a call to the emergency number and, when the city has one, an SMS to the monitoring
 * centre. Once an alert has gone without its receipt for NOT_REACHED_MS, the resident is told it
 * has not reached the centre, even though the phone looks online.
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
      .banner.late {
        background: #fdecea;
        border-color: var(--red);
      }
      .banner p {
        margin: 0 0 10px;
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
  /** re-renders when an alert turns "not reached yet" */
  protected readonly clock = new NotReachedClock(this, () => this.pending);

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
    const sms = digits(this.city.phones.monitoringCentreSms);
    const late = this.online && this.pending.some((a) => notReached(a, Date.now()));
    const title = !this.online
      ? t('offline.banner')
      : late
        ? t('alert.not_reached')
        : t('alert.sending');
    return html`<div
      class="banner ${late ? 'late' : ''}"
      role="status"
      data-testid="offline-banner"
      data-state=${late ? 'not-reached' : this.online ? 'sending' : 'offline'}
    >
      <strong>${title}</strong>
      ${late ? html`<p>${sms ? t('alert.not_reached_help') : t('alert.not_reached_call')}</p>` : ''}
      ${
        first
          ? html`<div class="actions">
              <a class="call" href="tel:${digits(this.city.phones.emergency)}"
                >${t('call.emergency', { number: this.city.phones.emergency })}</a
              >
              ${sms ? html`<a class="sms" href=${this.smsHref(first)}>${t('call.sms_centre')}</a>` : ''}
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
