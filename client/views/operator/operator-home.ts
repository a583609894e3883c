import { html, css } from 'lit';
import { SacElement } from '../../components/sac-element.js';
import { customElement, property, state } from 'lit/decorators.js';
import * as Y from 'yjs';
import { PRIORITY_RANK, alertType, isOpenStatus, operatorMay } from '../../../shared/catalogue.js';
import { formatTime, getLang, t } from '../../../shared/i18n/index.js';
import type { AlertStatus, CityInfo, Me, OpsAlert } from '../../../shared/types.js';
import { OPS_ROOM } from '../../../sync/rooms.js';
import { SyncedRoom } from '../../data/room.js';
import { readAlerts } from '../../data/alerts.js';
import { TYPE_COLOURS, base } from '../../styles.js';
import { attention } from './attention.js';

/** Open alerts first, then the most urgent type, then the newest (issue: "at 3 a.m."). */
export function queueOrder(a: OpsAlert, b: OpsAlert): number {
  const open = Number(isOpenStatus(b.status)) - Number(isOpenStatus(a.status));
  if (open) return open;
  const rank =
    PRIORITY_RANK[alertType(a.type).priority] - PRIORITY_RANK[alertType(b.type).priority];
  if (rank) return rank;
  return (b.receivedAt ?? '').localeCompare(a.receivedAt ?? '');
}

/** The monitoring centre's live queue. */
@customElement('sac-operator-home')
export class OperatorHome extends SacElement {
  static override styles = [
    base,
    css`
      :host {
        display: block;
        padding: 16px 20px;
      }
      h1 {
        margin: 4px 0 12px;
        font-size: 1.3rem;
        display: flex;
        gap: 10px;
        align-items: baseline;
      }
      .count {
        font-size: 0.95rem;
        color: var(--muted);
        font-weight: 400;
      }
      table {
        width: 100%;
        border-collapse: collapse;
        background: var(--paper);
        border-radius: var(--radius);
        overflow: hidden;
        border: 1px solid var(--line);
      }
      th,
      td {
        text-align: left;
        padding: 10px 12px;
        border-bottom: 1px solid var(--line);
        vertical-align: middle;
      }
      th {
        background: #efedf1;
        font-size: 0.85rem;
        text-transform: uppercase;
        letter-spacing: 0.03em;
      }
      tr.new td {
        animation: flash 1s ease-in-out 4;
      }
      @keyframes flash {
        50% {
          background: #ffe08a;
        }
      }
      tr.closed {
        color: var(--muted);
      }
      .type {
        display: inline-flex;
        align-items: center;
        gap: 8px;
        font-weight: 700;
      }
      .swatch {
        width: 12px;
        height: 12px;
        border-radius: 3px;
      }
      .silent {
        background: #5b3f8c;
        color: #fff;
        border-radius: 6px;
        padding: 2px 6px;
        font-size: 0.75rem;
        font-weight: 800;
        margin-left: 6px;
      }
      .flag {
        color: var(--warn);
        font-size: 0.8rem;
      }
      .actions {
        display: flex;
        gap: 6px;
        flex-wrap: wrap;
      }
      .actions button {
        min-height: 36px;
        padding: 6px 10px;
        font-size: 0.9rem;
      }
      .empty {
        padding: 28px;
        text-align: center;
      }
    `,
  ];

  @property({ attribute: false }) me!: Me;
  @property({ attribute: false }) city!: CityInfo;
  @state() private alerts: OpsAlert[] = [];
  private seen = new Set<string>();
  private fresh = new Set<string>();
  private first = true;
  private room: SyncedRoom | null = null;

  override connectedCallback(): void {
    super.connectedCallback();
    const room = new SyncedRoom(OPS_ROOM);
    const refresh = () => this.refresh(room);
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
    super.disconnectedCallback();
  }

  private refresh(room: SyncedRoom): void {
    const alerts = readAlerts<OpsAlert>(room.doc).sort(queueOrder);
    const arrived = alerts.filter((a) => !this.seen.has(a.id) && isOpenStatus(a.status));
    for (const a of alerts) this.seen.add(a.id);
    // What was already there when the console opened is not news; what arrives after is.
    if (!this.first && arrived.length) {
      for (const a of arrived) this.fresh.add(a.id);
      attention(arrived.length);
    }
    if (room.synced) this.first = false;
    this.alerts = alerts;
  }

  private setStatus(a: OpsAlert, to: AlertStatus): void {
    const rec = this.room?.doc.getMap('alerts').get(a.id);
    // The server enforces the same rule; checking here keeps a refused write from being sent.
    if (!(rec instanceof Y.Map) || !operatorMay(rec.get('status') as AlertStatus, to)) return;
    rec.set('status', to);
    this.fresh.delete(a.id);
  }

  override render() {
    const open = this.alerts.filter((a) => isOpenStatus(a.status)).length;
    return html`
      <h1>${t('ops.queue.title')} <span class="count">${t('ops.queue.count', { open })}</span></h1>
      ${
        this.alerts.length
          ? html`<table>
              <thead>
                <tr>
                  <th scope="col">${t('ops.column.type')}</th>
                  <th scope="col">${t('ops.column.time')}</th>
                  <th scope="col">${t('ops.column.area')}</th>
                  <th scope="col">${t('ops.column.reporter')}</th>
                  <th scope="col">${t('ops.column.status')}</th>
                  <th scope="col">
                    <span class="visually-hidden">${t('ops.column.actions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                ${this.alerts.map((a) => this.row(a))}
              </tbody>
            </table>`
          : html`<div class="card empty muted">${t('ops.queue.empty')}</div>`
      }
    `;
  }

  private row(a: OpsAlert) {
    const info = alertType(a.type);
    const area = this.city.areas.features.find((f) => f.properties.id === a.areaId);
    const cls = `${this.fresh.has(a.id) ? 'new' : ''} ${isOpenStatus(a.status) ? '' : 'closed'}`;
    const action = (to: AlertStatus, label: string) =>
      operatorMay(a.status, to)
        ? html`<button @click=${() => this.setStatus(a, to)}>${label}</button>`
        : '';
    return html`<tr class=${cls} data-alert=${a.id}>
      <td>
        <span class="type"
          ><span class="swatch" style="background:${TYPE_COLOURS[a.type]}"></span
          >${t(`alert.type.${a.type}`)}</span
        >${info.silent ? html`<span class="silent">${t('alert.silent')}</span>` : ''}
        ${a.flagged ? html`<div class="flag">${t('ops.flagged')}</div>` : ''}
      </td>
      <td>${a.receivedAt ? formatTime(a.receivedAt, getLang()) : ''}</td>
      <td>${area?.properties.name ?? '—'}</td>
      <td>${a.reporterName}<br /><span class="muted">${a.reporterPhone}</span></td>
      <td data-status=${a.status ?? ''}>${a.status ? t(`status.${a.status}`) : ''}</td>
      <td>
        <div class="actions">
          ${action('acknowledged', t('ops.action.acknowledge'))}
          ${action('resolved', t('ops.action.resolve'))}
          ${action('false_alarm', t('ops.action.false_alarm'))}
        </div>
      </td>
    </tr>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'sac-operator-home': OperatorHome;
  }
}
