import { html, css } from 'lit';
import { SacElement } from '../../components/sac-element.js';
import { customElement, property, state } from 'lit/decorators.js';
import { t } from '../../../shared/i18n/index.js';
import type { AlertTypeCode, CityInfo, Fix, Me, UserAlert } from '../../../shared/types.js';
import { userRoom } from '../../../sync/rooms.js';
import { SyncedRoom } from '../../data/room.js';
import { cancelAlert, raiseAlert, readAlerts } from '../../data/alerts.js';
import { base } from '../../styles.js';
import './alert-composer.js';
import './alert-list.js';
import './offline-help.js';

/**
 * The resident's phone: five large buttons and the alerts already raised, each saying
 * plainly where it is. Works with no signal; delivery happens when the network returns.
 */
@customElement('sac-resident-home')
export class ResidentHome extends SacElement {
  static override styles = [
    base,
    css`
      :host {
        display: block;
        max-width: 720px;
        margin: 0 auto;
        padding: 12px 16px 40px;
      }
      h1,
      h2 {
        font-size: 1.25rem;
        margin: 18px 0 10px;
      }
      .neutral {
        text-align: center;
        padding: 48px 16px;
      }
      .neutral p {
        font-size: 1.2rem;
      }
    `,
  ];

  @property({ attribute: false }) me!: Me;
  @property({ attribute: false }) city!: CityInfo;
  @property({ type: Boolean }) online = true;
  @state() private alerts: UserAlert[] = [];
  @state() private neutral = false;
  private room: SyncedRoom | null = null;

  override connectedCallback(): void {
    super.connectedCallback();
    const room = new SyncedRoom(userRoom(this.me.id));
    const refresh = () => {
      this.alerts = readAlerts(room.doc);
    };
    room.addEventListener('change', refresh);
    room.addEventListener('reset', refresh);
    room.addEventListener('unauthorized', () =>
      this.dispatchEvent(new CustomEvent('session-expired', { bubbles: true, composed: true })),
    );
    this.room = room;
    void room.open().then(refresh);
  }

  override disconnectedCallback(): void {
    this.room?.destroy();
    this.room = null;
    super.disconnectedCallback();
  }

  private async send(e: CustomEvent<{ type: AlertTypeCode; location: Fix | null; note: string }>) {
    if (!this.room) return;
    const { type, location, note } = e.detail;
    await raiseAlert(this.room, type, location, note);
    // The silent alarm leaves a neutral screen behind, nothing that names it (DESIGN §2).
    if (this.city.alertTypes.find((a) => a.code === type)?.silent) this.neutral = true;
  }

  override render() {
    if (this.neutral) {
      return html`<div class="neutral card" role="status">
        <p>${t('alert.neutral_done')}</p>
        <button class="primary" @click=${() => (this.neutral = false)}>${t('app.continue')}</button>
      </div>`;
    }
    const undelivered = this.alerts.filter((a) => !a.receivedAt && !a.cancelledAt);
    return html`
      ${
        !this.online || undelivered.length
          ? html`<sac-offline-help
              .online=${this.online}
              .city=${this.city}
              .pending=${undelivered}
            ></sac-offline-help>`
          : ''
      }
      <h1>${t('alert.choose')}</h1>
      <sac-alert-composer .types=${this.city.alertTypes} @send=${this.send}></sac-alert-composer>
      <h2>${t('alert.mine')}</h2>
      <sac-alert-list
        .alerts=${this.alerts}
        .types=${this.city.alertTypes}
        @cancel-alert=${(e: CustomEvent<string>) => this.room && cancelAlert(this.room, e.detail)}
      ></sac-alert-list>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'sac-resident-home': ResidentHome;
  }
}
