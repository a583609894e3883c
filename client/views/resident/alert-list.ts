import { html, css, type PropertyValues } from 'lit';
import { SacElement } from '../../components/sac-element.js';
import { customElement, property } from 'lit/decorators.js';
import type { AlertTypeInfo } from '../../../shared/catalogue.js';
import { isOpenStatus } from '../../../shared/catalogue.js';
import { formatDateTime, formatTime, getLang, t } from '../../../shared/i18n/core.js';
import { heldWhat, type UserAlert } from '../../../shared/types.js';
import { TYPE_COLOURS, base } from '../../styles.js';
import { unitName } from './timeline-steps.js';
import { statusKey } from '../../../shared/dispatch-progress.js';
import './alert-timeline.js';
import { NotReachedClock, notReached } from './not-reached.js';

/** Where an alert is, in words a frightened person reads at a glance. */
export function deliveryText(a: UserAlert, now = Date.now()): string {
  if (notReached(a, now)) return t('status.not_reached');
  if (!a.receivedAt) return a.cancelledAt ? t('status.cancelled') : t('status.saved_local');
  if (!a.status || a.status === 'received') return t('status.delivered');
  return t(statusKey(a));
}

/**
 * What the per-resident threshold held back of this alert, in plain words, or that an operator
 * released it; empty for every other alert.
 */
export function heldText(a: UserAlert): string {
  const what = heldWhat(a.heldBack);
  if (!what) return '';
  // Closed without release: "an operator is looking at it" no longer holds.
  if (!a.releasedAt && (a.cancelledAt || (a.status && !isOpenStatus(a.status)))) return '';
  return a.releasedAt ? t(`held.mine.released_${what}`) : t(`held.mine.${what}`);
}

/**
 * What the phone shows of its own alerts, newest first. A delivered silent alert leaves no
 * visible trace (an abuser may check the phone, DESIGN §2); until delivered it shows under a
 * neutral name, with no way to tell what it was.
 */
export function visibleAlerts(alerts: UserAlert[], types: AlertTypeInfo[]): UserAlert[] {
  const silent = new Set(types.filter((x) => x.silent).map((x) => x.code));
  return alerts
    .filter((a) => !(silent.has(a.type) && a.receivedAt))
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

/**
 * The resident's own alerts. Compact under the buttons (each with a link to its progress);
 * `detailed` in "Mis alertas", where open alerts and the `selected` one show their timeline
 * and closed ones fold it away.
 */
@customElement('sac-alert-list')
export class AlertList extends SacElement {
  static override styles = [
    base,
    css`
      ul {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        gap: 10px;
      }
      li {
        display: grid;
        grid-template-columns: 8px 1fr;
        gap: 6px 12px;
        padding: 12px 14px;
      }
      li.selected {
        outline: 3px solid var(--info);
      }
      .bar {
        grid-row: 1 / span 3;
        align-self: stretch;
        border-radius: 4px;
      }
      .title {
        font-weight: 700;
      }
      .state {
        margin-top: 4px;
        font-size: 0.95rem;
      }
      .state.local {
        color: var(--warn);
        font-weight: 600;
      }
      .state.ok {
        color: var(--ok);
        font-weight: 600;
      }
      .meta {
        font-size: 0.85rem;
      }
      .held {
        margin: 6px 0 0;
        padding: 8px 10px;
        border-radius: 8px;
        background: #fff1d6;
        color: #5c3800;
        font-size: 0.95rem;
      }
      .follow {
        display: inline-block;
        margin-top: 6px;
        color: var(--info);
        font-weight: 600;
        min-height: 24px;
      }
      .detail,
      .cancel {
        grid-column: 2;
      }
      .detail {
        margin-top: 8px;
      }
      .cancel {
        justify-self: start;
      }
      summary {
        cursor: pointer;
        color: var(--info);
        font-weight: 600;
        min-height: 32px;
      }
    `,
  ];

  @property({ attribute: false }) alerts: UserAlert[] = [];
  @property({ attribute: false }) types: AlertTypeInfo[] = [];
  @property({ type: Boolean }) detailed = false;
  @property({ attribute: false }) selected: string | null = null;
  @property() label = '';
  /** re-renders when an alert turns "not reached yet" */
  protected readonly clock = new NotReachedClock(this, () => this.alerts);

  override updated(changed: PropertyValues<this>): void {
    if (changed.has('selected') && this.selected) {
      this.renderRoot
        .querySelector(`li[data-alert="${CSS.escape(this.selected)}"]`)
        ?.scrollIntoView({ block: 'start' });
    }
  }

  private cancel(id: string): void {
    this.dispatchEvent(
      new CustomEvent('cancel-alert', { detail: id, bubbles: true, composed: true }),
    );
  }

  override render() {
    const list = visibleAlerts(this.alerts, this.types);
    if (!list.length) return html`<p class="muted">${t('alert.none')}</p>`;
    const silent = new Set(this.types.filter((x) => x.silent).map((x) => x.code));
    return html`<ul aria-label=${this.label || t('alert.mine')}>
      ${list.map((a) => this.item(a, silent.has(a.type)))}
    </ul>`;
  }

  private item(a: UserAlert, neutral: boolean) {
    const open = !a.cancelledAt && (!a.status || isOpenStatus(a.status));
    const local = !a.receivedAt;
    const when = this.detailed ? formatDateTime(a.createdAt, getLang()) : formatTime(a.createdAt);
    return html`<li
      class="card ${this.selected === a.id ? 'selected' : ''}"
      data-alert=${a.id}
      data-state=${notReached(a, Date.now()) ? 'not-reached' : local ? 'local' : (a.status ?? '')}
    >
      <span class="bar" style="background:${neutral ? '#5f5b66' : TYPE_COLOURS[a.type]}"></span>
      <div>
        <div class="title">${neutral ? t('alert.neutral_name') : t(`alert.type.${a.type}`)}</div>
        <div class="state ${local ? 'local' : 'ok'}" role="status">${deliveryText(a)}</div>
        ${heldText(a) ? html`<p class="held" data-held=${a.releasedAt ? 'released' : 'held'}>${heldText(a)}</p>` : ''}
        <div class="meta muted">
          ${when}${a.location ? '' : ` · ${t('alert.no_location')}`}${
            a.unitLabel ? ` · ${unitName(a.unitLabel)}` : ''
          }
        </div>
        ${
          this.detailed || neutral
            ? ''
            : html`<a class="follow" href="#/alert/${a.id}">${t('alert.follow')}</a>`
        }
      </div>
      ${
        open && !neutral
          ? html`<button class="cancel" @click=${() => this.cancel(a.id)}>
              ${t('alert.cancel')}
            </button>`
          : ''
      }
      ${this.detailed && !neutral ? this.detail(a, open) : ''}
    </li>`;
  }

  private detail(a: UserAlert, open: boolean) {
    const timeline = html`<sac-alert-timeline .alert=${a}></sac-alert-timeline>`;
    if (open || this.selected === a.id) return html`<div class="detail">${timeline}</div>`;
    return html`<details class="detail">
      <summary>${t('timeline.title')}</summary>
      ${timeline}
    </details>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'sac-alert-list': AlertList;
  }
}
