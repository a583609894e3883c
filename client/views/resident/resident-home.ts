import { html, css, type PropertyValues } from 'lit';
import { SacElement } from '../../components/sac-element.js';
import { customElement, property, state } from 'lit/decorators.js';
import { t } from '../../../shared/i18n/core.js';
import { isOpenStatus } from '../../../shared/catalogue.js';
import type {
  AlertTypeCode,
  AreaAlert,
  CityInfo,
  Fix,
  Me,
  UserAlert,
} from '../../../shared/types.js';
import { areaRoom, userRoom } from '../../../sync/rooms.js';
import type { SyncedRoom } from '../../data/room.js';
import { openRoom } from './open-room.js';
import { cancelAlert, raiseAlert, readAlerts } from '../../data/alerts.js';
import { readFeed } from '../../data/feed.js';
import { startPhotoSender } from '../../data/request-photos.js';
import { hearingMode } from '../../data/profile.js';
import { account } from '../../data/account.js';
import {
  fileRequest,
  readRequests,
  withdrawRequest,
  type UserRequest,
} from '../../data/requests.js';
import { base } from '../../styles.js';
import { TAB_PATHS, parseRoute, type Route } from './tab-bar.js';
import type { RequestDraft } from './request-form.js';
import './alert-composer.js';
import './alert-list.js';
import './approved-notice.js';
import './offline-help.js';
import './tab-bar.js';
import './neighbourhood-feed.js';
import './requests-view.js';
import './profile-view.js';
import './hearing-alert.js';

/** An area alert younger than this, first seen now, is "incoming" for hearing-impaired mode. */
const FRESH_MS = 10 * 60_000;
/** Under the buttons: what is still going on, and what happened today. */
const RECENT_MS = 24 * 3_600_000;
/** The neighbourhood's socket waits this long at most for the resident's own to open. */
const AREA_AFTER_OWN_MS = 5_000;

/**
 * The resident's phone: five sections behind a bottom tab bar. Raising an alert is the
 * first and works with no signal; the resident's own room carries alerts and requests, the
 * area room the neighbourhood feed. Both load from the phone before the network.
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
        /* room for the tab bar */
        padding: 12px 16px 96px;
      }
      h1,
      h2 {
        font-size: 1.25rem;
        margin: 18px 0 10px;
      }
      .intro {
        margin: 0 0 12px;
      }
      .neutral {
        text-align: center;
        padding: 48px 16px;
      }
      .neutral h1 {
        font-size: 1.3rem;
        font-weight: 600;
      }
    `,
  ];

  @property({ attribute: false }) me!: Me;
  @property({ attribute: false }) city!: CityInfo;
  @property({ type: Boolean }) online = true;
  @state() private alerts: UserAlert[] = [];
  @state() private requests: UserRequest[] = [];
  @state() private feed: AreaAlert[] = [];
  @state() private neutral = false;
  @state() private route: Route = parseRoute(location.hash);
  @state() private incoming: AreaAlert | null = null;
  private room: SyncedRoom | null = null;
  private area: SyncedRoom | null = null;
  private seen: Set<string> | null = null;
  private stopPhotos: (() => void) | null = null;

  override connectedCallback(): void {
    super.connectedCallback();
    addEventListener('hashchange', this.onHash);
    this.room = openRoom(this, userRoom(this.me.id), (doc) => {
      this.alerts = readAlerts(doc);
      this.requests = readRequests(doc);
    });
    // A request's photo goes once the server has the request (client/data/request-photos.ts).
    this.stopPhotos = startPhotoSender(this.room, (id) =>
      this.requests.some((r) => r.id === id && r.receivedAt),
    );
    this.openArea();
  }

  private openArea(): void {
    if (!this.me.areaId) return;
    // The resident's own room connects first: an alert raised as the app opens must not wait
    // behind the neighbourhood's handshake (one socket per host connects at a time).
    const after = this.room?.openedWithin(AREA_AFTER_OWN_MS);
    this.area = openRoom(
      this,
      areaRoom(this.me.areaId),
      (doc) => {
        this.feed = readFeed(doc);
        this.noticeIncoming(readAlerts<AreaAlert>(doc));
      },
      after,
    );
    // Refused: most likely an operator approved a new home in another area meanwhile.
    this.area.addEventListener('reset', () =>
      account.refresh().then(
        (me) => (this.me = me),
        () => undefined,
      ),
    );
  }

  /** An approved change of home moves the resident to another neighbourhood: follow it. */
  override willUpdate(changed: PropertyValues<this>): void {
    const before = changed.get('me');
    if (!before || before.areaId === this.me.areaId || !this.isConnected) return;
    this.area?.destroy();
    this.area = null;
    this.feed = [];
    this.seen = null;
    this.openArea();
  }

  override disconnectedCallback(): void {
    removeEventListener('hashchange', this.onHash);
    this.stopPhotos?.();
    this.room?.destroy();
    this.area?.destroy();
    this.room = this.area = null;
    super.disconnectedCallback();
  }

  private onHash = (): void => {
    this.route = parseRoute(location.hash);
    this.neutral = false;
    scrollTo({ top: 0 });
  };

  /**
   * Hearing-impaired mode: a public alert of the area that was not on the phone before and
   * is fresh and open fills the screen. What the phone held when it opened is not "incoming".
   */
  private noticeIncoming(all: AreaAlert[]): void {
    if (!this.seen) {
      this.seen = new Set(all.map((a) => a.id));
      return;
    }
    const mine = new Set(this.alerts.map((a) => a.id));
    for (const a of all) {
      if (this.seen.has(a.id)) continue;
      this.seen.add(a.id);
      const fresh = Date.now() - Date.parse(a.receivedAt) < FRESH_MS;
      if (hearingMode() && fresh && isOpenStatus(a.status) && !mine.has(a.id)) this.incoming = a;
    }
  }

  private async send(e: CustomEvent<{ type: AlertTypeCode; location: Fix | null; note: string }>) {
    if (!this.room) return;
    const { type, location, note } = e.detail;
    // raiseAlert asks for Background Sync, whatever the socket looks like.
    await raiseAlert(this.room, type, location, note);
    // The silent alarm leaves a neutral screen behind, nothing that names it (DESIGN §2).
    if (this.city.alertTypes.find((a) => a.code === type)?.silent) this.neutral = true;
  }

  private async file(e: CustomEvent<RequestDraft>): Promise<void> {
    if (this.room) await fileRequest(this.room, e.detail);
  }

  override render() {
    if (this.neutral) {
      return html`<div class="neutral card" role="status">
        <h1>${t('alert.neutral_done')}</h1>
        <button class="primary" @click=${() => (this.neutral = false)}>${t('app.continue')}</button>
      </div>`;
    }
    const undelivered = this.alerts.filter((a) => !a.receivedAt && !a.cancelledAt);
    const openInArea = this.feed.filter((a) => isOpenStatus(a.status)).length;
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
      ${this.me.approvedNotice ? html`<sac-approved-notice></sac-approved-notice>` : ''}
      ${this.section()}
      <sac-tab-bar .current=${this.route.tab} .areaCount=${openInArea}></sac-tab-bar>
      ${
        this.incoming
          ? html`<sac-hearing-alert
              .alert=${this.incoming}
              @dismiss=${() => (this.incoming = null)}
              @see=${() => {
                this.incoming = null;
                location.hash = TAB_PATHS.area;
              }}
            ></sac-hearing-alert>`
          : ''
      }
    `;
  }

  private section() {
    switch (this.route.tab) {
      case 'raise':
        return this.raiseSection();
      case 'mine':
        return html`<h1>${t('alert.mine')}</h1>
          <p class="intro muted">${t('alert.mine_intro')}</p>
          <sac-alert-list
            detailed
            .alerts=${this.alerts}
            .types=${this.city.alertTypes}
            .selected=${this.route.alertId}
            @cancel-alert=${this.onCancel}
          ></sac-alert-list>`;
      case 'area':
        return html`<sac-neighbourhood-feed
          .city=${this.city}
          .areaId=${this.me.areaId}
          .alerts=${this.feed}
        ></sac-neighbourhood-feed>`;
      case 'requests':
        return html`<sac-requests-view
          .city=${this.city}
          .areaId=${this.me.areaId}
          .requests=${this.requests}
          @file=${this.file}
          @withdraw-request=${(e: CustomEvent<string>) =>
            this.room && withdrawRequest(this.room, e.detail)}
        ></sac-requests-view>`;
      case 'profile':
        return html`<sac-profile-view
          .me=${this.me}
          .city=${this.city}
          .online=${this.online}
          @me-changed=${(e: CustomEvent<Me>) => (this.me = e.detail)}
        ></sac-profile-view>`;
    }
  }

  private raiseSection() {
    const now = Date.now();
    const recent = this.alerts.filter(
      (a) =>
        !a.receivedAt ||
        (!a.cancelledAt && isOpenStatus(a.status)) ||
        now - Date.parse(a.createdAt) < RECENT_MS,
    );
    return html`<h1>${t('alert.choose')}</h1>
      <sac-alert-composer .types=${this.city.alertTypes} @send=${this.send}></sac-alert-composer>
      <h2>${t('alert.recent')}</h2>
      <sac-alert-list
        .alerts=${recent}
        .types=${this.city.alertTypes}
        .label=${t('alert.recent')}
        @cancel-alert=${this.onCancel}
      ></sac-alert-list>`;
  }

  private onCancel = (e: CustomEvent<string>): void => {
    if (this.room) cancelAlert(this.room, e.detail);
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'sac-resident-home': ResidentHome;
  }
}
