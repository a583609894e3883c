import { html, css } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { SacElement } from '../../components/sac-element.js';
import { formatTime, t, type MessageKey } from '../../../shared/i18n/core.js';
import { planFor, type ShiftPlan } from '../../../shared/plan.js';
import type { CityInfo, Fix, Me } from '../../../shared/types.js';
import { unitRoom } from '../../../sync/rooms.js';
import { SyncedRoom } from '../../data/room.js';
import { receivedIn, startPhotoSender } from '../../data/request-photos.js';
import { base } from '../../styles.js';
import { prefetchMap } from '../../components/sac-map.js';
import { officerStyles } from './officer-styles.js';
import { PositionWatch } from './position.js';
import {
  checkIn,
  fileRequest,
  logConversation,
  readPlans,
  readRecords,
  step,
  type Checkin,
  type ConversationRecord,
  type Dispatch,
  type OfficerRequest,
  type Stored,
} from './records.js';
import type { CheckinRequest } from './shift-view.js';
import type { ConversationDraft } from './conversation-form.js';
import type { RequestDraft } from './request-form.js';
import './shift-view.js';
import './conversation-form.js';
import './request-form.js';
import './shift-log.js';
import './dispatch-alarm.js';

type Tab = 'shift' | 'talk' | 'request' | 'log';
const TABS: readonly Tab[] = ['shift', 'talk', 'request', 'log'];
const ACTIVE_DISPATCH_MS = 12 * 3_600_000;

/**
 * The patrol officer's phone: the shift plan with its fixed points, check-ins,
 * neighbour conversations, requests for neighbours and dispatches. Everything is read from
 * and written to the phone's copy of the unit's room, so a whole shift works without signal
 * and merges when it returns; each record says whether the server has stored it yet.
 */
@customElement('sac-officer-home')
export class OfficerHome extends SacElement {
  static override styles = [
    base,
    officerStyles,
    css`
      :host {
        display: block;
        max-width: 720px;
        margin: 0 auto;
        padding: 12px 12px 96px;
      }
      h1 {
        font-size: 1.2rem;
        margin: 4px 0 2px;
      }
      .sub {
        margin: 0 0 10px;
      }
      .pending {
        margin-bottom: 10px;
      }
      nav {
        position: fixed;
        left: 0;
        right: 0;
        bottom: 0;
        z-index: 1000;
        display: grid;
        grid-template-columns: repeat(4, 1fr);
        background: var(--paper);
        border-top: 1px solid var(--line);
        padding: 6px 6px calc(6px + env(safe-area-inset-bottom));
        gap: 6px;
      }
      nav button {
        min-height: 52px;
        font-weight: 700;
        border: 0;
        background: transparent;
      }
      nav button[aria-current='page'] {
        background: var(--ink);
        color: #fff;
      }
      .count {
        display: inline-block;
        min-width: 1.4em;
        border-radius: 999px;
        background: var(--warn);
        color: #fff;
        font-size: 0.75rem;
        margin-left: 4px;
      }
      sac-officer-dispatch {
        margin-bottom: 12px;
      }
    `,
  ];

  @property({ attribute: false }) me!: Me;
  @property({ attribute: false }) city!: CityInfo;
  @state() private tab: Tab = 'shift';
  @state() private plans: ShiftPlan[] = [];
  @state() private checkins: Stored<Checkin>[] = [];
  @state() private conversations: Stored<ConversationRecord>[] = [];
  @state() private requests: Stored<OfficerRequest>[] = [];
  @state() private dispatches: Stored<Dispatch>[] = [];
  @state() private fix: Fix | null = null;
  private room: SyncedRoom | null = null;
  private stopPhotos: (() => void) | null = null;
  private readonly position = new PositionWatch();

  override connectedCallback(): void {
    super.connectedCallback();
    prefetchMap(); // the shift opens on the quadrant's map
    this.position.addEventListener('change', () => (this.fix = this.position.fix));
    this.position.start();
    if (!this.me.unitId) return;
    const room = new SyncedRoom(unitRoom(this.me.unitId));
    const refresh = () => this.refresh(room);
    room.addEventListener('change', refresh);
    room.addEventListener('reset', refresh);
    room.addEventListener('unauthorized', () =>
      this.dispatchEvent(new CustomEvent('session-expired', { bubbles: true, composed: true })),
    );
    this.room = room;
    void room.open().then(refresh);
    // A request's photo goes once the server has the request (client/data/request-photos.ts).
    this.stopPhotos = startPhotoSender(room, receivedIn(room.doc));
  }

  override disconnectedCallback(): void {
    this.position.stop();
    this.stopPhotos?.();
    this.room?.destroy();
    this.room = null;
    super.disconnectedCallback();
  }

  private refresh(room: SyncedRoom): void {
    this.plans = readPlans(room);
    this.checkins = readRecords<Checkin>(room, 'checkins');
    this.conversations = readRecords<ConversationRecord>(room, 'conversations');
    this.requests = readRecords<OfficerRequest>(room, 'requests');
    this.dispatches = readRecords<Dispatch>(room, 'dispatches');
  }

  private get plan(): ShiftPlan | null {
    return planFor(this.plans, new Date());
  }

  /** Open dispatches of the last hours, the newest first. */
  private get active(): Stored<Dispatch>[] {
    const since = new Date(Date.now() - ACTIVE_DISPATCH_MS).toISOString();
    return this.dispatches
      .filter((d) => d.value.status !== 'done' && d.value.dispatchedAt >= since)
      .sort((a, b) => b.value.dispatchedAt.localeCompare(a.value.dispatchedAt));
  }

  private async onCheckin(e: CustomEvent<CheckinRequest>): Promise<void> {
    if (this.room) await checkIn(this.room, this.me.id, e.detail.point, e.detail.kind, this.fix);
  }

  private async onConversation(e: CustomEvent<ConversationDraft>): Promise<void> {
    if (!this.room) return;
    await logConversation(this.room, this.me.id, e.detail.answers, e.detail.note, this.fix);
  }

  private async onRequest(e: CustomEvent<RequestDraft>): Promise<void> {
    if (!this.room) return;
    const { category, description, withLocation, photo } = e.detail;
    const where = withLocation ? this.fix : null;
    await fileRequest(this.room, this.me.id, category, description, where, photo);
  }

  override render() {
    if (!this.me.unitId) return html`<p class="card">${t('officer.no_unit')}</p>`;
    const plan = this.plan;
    const unit = plan?.unitLabel ?? this.me.unitId;
    const pending = [
      ...this.checkins,
      ...this.conversations,
      ...this.requests,
      ...this.dispatches,
    ].filter((r) => !r.stored).length;
    return html`
      <h1>
        ${plan ? t('officer.shift.title', { unit, shift: t(`officer.shift.${plan.shift}` as MessageKey) }) : t('officer.unit', { unit })}
      </h1>
      ${
        plan
          ? html`<p class="sub muted">
              ${t('officer.shift.hours', { from: formatTime(plan.start), to: formatTime(plan.end) })}
            </p>`
          : ''
      }
      ${
        pending
          ? html`<p class="warn pending" role="status" data-testid="pending">
              ${pending === 1 ? t('officer.pending_one') : t('officer.pending', { count: pending })}
            </p>`
          : ''
      }
      ${this.active.map(
        (d) =>
          html`<sac-officer-dispatch
            .dispatch=${d.value}
            .fix=${this.fix}
            .cityName=${this.city.name}
            ?stored=${d.stored}
            @step=${(e: CustomEvent<string>) => this.room && void step(this.room, e.detail)}
          ></sac-officer-dispatch>`,
      )}
      ${this.view(plan)}
      <nav aria-label=${t('officer.nav')}>
        ${TABS.map(
          (tab) =>
            html`<button
              aria-current=${this.tab === tab ? 'page' : 'false'}
              @click=${() => (this.tab = tab)}
            >
              ${t(`officer.tab.${tab}`)}${
                tab === 'log' && pending ? html`<span class="count">${pending}</span>` : ''
              }
            </button>`,
        )}
      </nav>
    `;
  }

  private view(plan: ShiftPlan | null) {
    switch (this.tab) {
      case 'shift':
        return html`<sac-officer-shift
          .plan=${plan}
          .city=${this.city}
          .checkins=${this.checkins}
          .fix=${this.fix}
          .target=${this.active[0]?.value.location ?? null}
          @checkin=${this.onCheckin}
        ></sac-officer-shift>`;
      case 'talk':
        return html`<sac-officer-talk @conversation=${this.onConversation}></sac-officer-talk>`;
      case 'request':
        return html`<sac-officer-request
          .categories=${this.city.requestCategories}
          @request=${this.onRequest}
        ></sac-officer-request>`;
      case 'log':
        return html`<sac-officer-log
          .me=${this.me.id}
          .plan=${plan}
          .checkins=${this.checkins}
          .conversations=${this.conversations}
          .requests=${this.requests}
          .dispatches=${this.dispatches}
        ></sac-officer-log>`;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'sac-officer-home': OfficerHome;
  }
}
