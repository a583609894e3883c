import { html, css } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { SacElement } from '../../components/sac-element.js';
import { formatTime, t, type MessageKey } from '../../../shared/i18n/core.js';
import type { ShiftPlan } from '../../../shared/plan.js';
import { base } from '../../styles.js';
import { officerStyles } from './officer-styles.js';
import type { Checkin, ConversationRecord, Dispatch, OfficerRequest, Stored } from './records.js';
import { placeLine } from './dispatch-place.js';

interface Entry {
  id: string;
  at: string;
  text: string;
  detail: string;
  mine: boolean;
  stored: boolean;
  /** a dispatch's steps, each with its time */
  steps?: { key: string; label: string; at: string }[];
  /** the newest time of the record: what places it in this shift */
  last?: string;
}

/** A dispatch's steps in the order a crew takes them, with the field holding each one's time. */
const STEPS = [
  ['dispatched', 'dispatchedAt'],
  ['accepted', 'acceptedAt'],
  ['en_route', 'enRouteAt'],
  ['on_scene', 'onSceneAt'],
  ['done', 'doneAt'],
] as const;

/**
 * Everything the crew logged this shift, newest first, each record marked "on the server"
 * (covered by the server's `stored` receipt) or "only on this phone" (DESIGN §4). Both
 * officers' records show: the room is the unit's. Dispatches show with each step the crew
 * took and when (the phone's own stamps), and when the centre closed the alert; times in
 * the city's zone.
 */
@customElement('sac-officer-log')
export class ShiftLog extends SacElement {
  static override styles = [
    base,
    officerStyles,
    css`
      ul {
        list-style: none;
        margin: 0;
        padding: 0;
      }
      li {
        display: grid;
        grid-template-columns: 3.2rem 1fr auto;
        gap: 8px;
        align-items: start;
        padding: 10px 0;
        border-bottom: 1px solid var(--line);
      }
      .time {
        font-variant-numeric: tabular-nums;
        font-weight: 700;
      }
      .detail {
        font-size: 0.9rem;
      }
      ol.steps {
        list-style: none;
        display: flex;
        flex-wrap: wrap;
        gap: 4px 10px;
        margin: 4px 0 0;
        padding: 0;
        font-size: 0.9rem;
      }
      ol.steps li {
        display: inline;
        padding: 0;
        border: 0;
      }
      ol.steps time {
        font-variant-numeric: tabular-nums;
        font-weight: 700;
      }
    `,
  ];

  @property({ attribute: false }) me!: string;
  @property({ attribute: false }) plan: ShiftPlan | null = null;
  @property({ attribute: false }) checkins: Stored<Checkin>[] = [];
  @property({ attribute: false }) conversations: Stored<ConversationRecord>[] = [];
  @property({ attribute: false }) requests: Stored<OfficerRequest>[] = [];
  @property({ attribute: false }) dispatches: Stored<Dispatch>[] = [];

  private pointName(id: string): string {
    const i = this.plan?.points.findIndex((p) => p.id === id) ?? -1;
    const p = this.plan?.points[i];
    return p ? t('officer.point.name', { n: i + 1, label: p.label }) : id;
  }

  private entries(): Entry[] {
    const who = (by: string) =>
      by === this.me ? t('officer.log.by_me') : t('officer.log.by_partner');
    const out: Entry[] = [
      ...this.checkins.map(({ value: c, stored }) => ({
        id: c.id,
        at: c.at,
        text: t(c.kind === 'in' ? 'officer.log.checkin_in' : 'officer.log.checkin_out', {
          point: this.pointName(c.point),
        }),
        detail: who(c.by),
        mine: c.by === this.me,
        stored,
      })),
      ...this.conversations.map(({ value: c, stored }) => ({
        id: c.id,
        at: c.at,
        text: t('officer.log.conversation'),
        detail: [who(c.by), c.note].filter(Boolean).join(' · '),
        mine: c.by === this.me,
        stored,
      })),
      ...this.requests.map(({ value: r, stored }) => ({
        id: r.id,
        at: r.createdAt,
        text: t('officer.log.request', { category: t(`request.category.${r.category}`) }),
        detail: [who(r.by), r.description].join(' · '),
        mine: r.by === this.me,
        stored,
      })),
      ...this.dispatches.map(({ value: d, stored }) => this.dispatchEntry(d, stored)),
    ];
    // This shift's records (the room also keeps the last days' for the other crews); a
    // dispatch of the last shift still being worked belongs to this one too.
    const since = this.plan?.start ?? new Date(Date.now() - 12 * 3_600_000).toISOString();
    return out.filter((e) => (e.last ?? e.at) >= since).sort((a, b) => b.at.localeCompare(a.at));
  }

  private dispatchEntry(d: Dispatch, stored: boolean): Entry {
    const steps: NonNullable<Entry['steps']> = [];
    for (const [key, field] of STEPS) {
      const at = d[field];
      if (at) steps.push({ key, label: t(`dispatch.status.${key}`), at });
    }
    if (
      d.alertStatusAt &&
      d.alertStatus &&
      ['resolved', 'false_alarm', 'cancelled'].includes(d.alertStatus)
    )
      steps.push({
        key: 'closed',
        label: t('officer.log.closed', { status: t(`status.${d.alertStatus}` as MessageKey) }),
        at: d.alertStatusAt,
      });
    const place = placeLine(d).text;
    return {
      id: d.id,
      at: d.dispatchedAt,
      text: t('officer.log.dispatch', { type: t(`alert.type.${d.type}` as MessageKey) }),
      detail: [place, d.areaName ? t('officer.where.area', { area: d.areaName }) : '']
        .filter(Boolean)
        .join(' · '),
      mine: false,
      stored,
      steps,
      last: steps
        .map((s) => s.at)
        .sort()
        .at(-1),
    };
  }

  private steps(steps: NonNullable<Entry['steps']>) {
    return html`<ol class="steps" aria-label=${t('officer.log.steps')}>
      ${steps.map(
        (s) =>
          html`<li data-step=${s.key}>
            ${s.label} <time datetime=${s.at}>${formatTime(s.at)}</time>
          </li>`,
      )}
    </ol>`;
  }

  override render() {
    const entries = this.entries();
    const pending = entries.filter((e) => !e.stored).length;
    return html`<section class="card">
      <h2>${t('officer.log.title')}</h2>
      <p class=${pending ? 'warn' : 'ok'} role="status" data-testid="log-summary">
        ${pending ? (pending === 1 ? t('officer.pending_one') : t('officer.pending', { count: pending })) : t('officer.all_stored')}
      </p>
      ${
        entries.length
          ? html`<ul>
              ${entries.map(
                (e) =>
                  html`<li data-record=${e.id} data-stored=${e.stored ? 'server' : 'phone'}>
                    <span class="time">${formatTime(e.at)}</span>
                    <span
                      >${e.text}<br /><span class="detail muted">${e.detail}</span>
                      ${e.steps ? this.steps(e.steps) : ''}</span
                    >
                    <span class="badge ${e.stored ? 'server' : 'phone'}">
                      ${e.stored ? t('officer.stored.server') : t('officer.stored.phone')}
                    </span>
                  </li>`,
              )}
            </ul>`
          : html`<p class="muted">${t('officer.log.empty')}</p>`
      }
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'sac-officer-log': ShiftLog;
  }
}
