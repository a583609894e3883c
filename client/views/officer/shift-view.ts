import { html, css } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { SacElement } from '../../components/sac-element.js';
import { formatTime, t } from '../../../shared/i18n/core.js';
import { distanceMetres } from '../../../shared/geo.js';
import {
  FAR_FROM_POINT_METRES,
  planNow,
  pointStays,
  stayFor,
  type PlanPoint,
  type ShiftPlan,
} from '../../../shared/plan.js';
import type { CityInfo, Fix, GeoPoint } from '../../../shared/types.js';
import { base } from '../../styles.js';
import { officerStyles } from './officer-styles.js';
import type { Checkin, Stored } from './records.js';
import { quadrantMap } from './quadrant-layers.js';

export interface CheckinRequest {
  point: string;
  kind: 'in' | 'out';
}

/**
 * The shift at a glance: the fixed point now with the countdown of its 14 minutes,
 * or patrol and the next point; check in and out (position and time, a warning when far);
 * the quadrant on the map; the shift's rotation with the time actually spent at each point.
 */
@customElement('sac-officer-shift')
export class ShiftView extends SacElement {
  static override styles = [
    base,
    officerStyles,
    css`
      .now {
        border-left: 6px solid var(--red);
      }
      .now.patrol {
        border-left-color: var(--info);
      }
      .label {
        font-size: 0.85rem;
        text-transform: uppercase;
        letter-spacing: 0.04em;
        color: var(--muted);
        font-weight: 700;
      }
      .point {
        font-size: 1.35rem;
        font-weight: 800;
        margin: 4px 0;
      }
      .countdown {
        font-size: 2.4rem;
        font-weight: 800;
        font-variant-numeric: tabular-nums;
      }
      .next {
        margin: 8px 0 12px;
      }
      table {
        width: 100%;
        border-collapse: collapse;
        font-size: 0.95rem;
      }
      th,
      td {
        text-align: left;
        padding: 6px 4px;
        border-bottom: 1px solid var(--line);
      }
      tr.past td {
        color: var(--muted);
      }
      tr.now td {
        font-weight: 700;
      }
      sac-map {
        margin-top: 12px;
      }
    `,
  ];

  @property({ attribute: false }) plan: ShiftPlan | null = null;
  @property({ attribute: false }) city!: CityInfo;
  @property({ attribute: false }) checkins: Stored<Checkin>[] = [];
  @property({ attribute: false }) fix: Fix | null = null;
  /** where an accepted dispatch sends the crew */
  @property({ attribute: false }) target: GeoPoint | null = null;
  @state() private now = new Date();
  @state() private confirmFar: (CheckinRequest & { metres: number }) | null = null;
  private timer: ReturnType<typeof setInterval> | null = null;

  override connectedCallback(): void {
    super.connectedCallback();
    this.timer = setInterval(() => (this.now = new Date()), 1000);
  }

  override disconnectedCallback(): void {
    if (this.timer) clearInterval(this.timer);
    super.disconnectedCallback();
  }

  private number(p: PlanPoint): number {
    return (this.plan?.points.indexOf(p) ?? -1) + 1;
  }

  private pointName(p: PlanPoint | undefined): string {
    if (!p || !this.plan) return '—';
    return t('officer.point.name', { n: this.plan.points.indexOf(p) + 1, label: p.label });
  }

  /** Far from the point: ask first; the check-in still records where the crew really is. */
  private request(point: PlanPoint, kind: 'in' | 'out'): void {
    const metres = this.fix ? Math.round(distanceMetres(this.fix, point)) : 0;
    if (kind === 'in' && metres > FAR_FROM_POINT_METRES) {
      this.confirmFar = { point: point.id, kind, metres };
      return;
    }
    this.emit({ point: point.id, kind });
  }

  private emit(detail: CheckinRequest): void {
    this.confirmFar = null;
    this.dispatchEvent(
      new CustomEvent<CheckinRequest>('checkin', { detail, bubbles: true, composed: true }),
    );
  }

  override render() {
    const plan = this.plan;
    if (!plan) return html`<div class="card muted">${t('officer.shift.none')}</div>`;
    const { current, next } = planNow(plan, this.now);
    const byId = (id: string) => plan.points.find((p) => p.id === id);
    const stays = pointStays(this.checkins.map((c) => c.value));
    const open = stays.find((s) => s.to === null);
    const here = current ? byId(current.point) : undefined;
    const quadrant = this.city.areas.features.filter((f) =>
      plan.quadrant.includes(f.properties.id),
    );
    return html`
      <section class="card now ${here ? '' : 'patrol'}">
        ${
          here
            ? this.atPoint(here, Date.parse(current!.end), open?.point === here.id)
            : this.patrol(
                open ? byId(open.point) : undefined,
                next ? byId(next.point) : this.nearest(plan),
              )
        }
        <p class="next">
          ${
            next
              ? t('officer.point.next', {
                  point: this.pointName(byId(next.point)),
                  time: formatTime(next.start),
                }) +
                ' · ' +
                t('officer.point.next_in', {
                  minutes: Math.max(
                    0,
                    Math.ceil((Date.parse(next.start) - this.now.getTime()) / 60_000),
                  ),
                })
              : t('officer.point.last')
          }
        </p>
        ${this.confirmFar ? this.farWarning(this.confirmFar) : ''}
      </section>
      ${quadrantMap(this.city, {
        areas: quadrant,
        points: plan.points,
        current: here?.id ?? null,
        you: this.fix,
        target: this.target,
      })}
      <section class="card">
        <h2>${t('officer.rotation')}</h2>
        <table>
          <thead>
            <tr>
              <th scope="col">${t('officer.rotation.time')}</th>
              <th scope="col">${t('officer.rotation.point')}</th>
              <th scope="col">${t('officer.rotation.done')}</th>
            </tr>
          </thead>
          <tbody>
            ${plan.visits.map((v) => {
              const stay = stayFor(v, stays);
              const cls =
                v === current ? 'now' : Date.parse(v.end) < this.now.getTime() ? 'past' : '';
              return html`<tr class=${cls}>
                <td>${formatTime(v.start)}–${formatTime(v.end)}</td>
                <td>${this.pointName(byId(v.point))}</td>
                <td>
                  ${stay?.minutes != null ? t('officer.rotation.stay', { minutes: Math.round(stay.minutes) }) : stay ? '…' : ''}
                </td>
              </tr>`;
            })}
          </tbody>
        </table>
      </section>
    `;
  }

  private atPoint(point: PlanPoint, end: number, checkedIn: boolean) {
    const left = Math.max(0, Math.floor((end - this.now.getTime()) / 1000));
    const mm = String(Math.floor(left / 60)).padStart(2, '0');
    const ss = String(left % 60).padStart(2, '0');
    return html`<div class="label">${t('officer.point.current')}</div>
      <div class="point">${this.pointName(point)}</div>
      <div
        class="countdown"
        role="timer"
        aria-label=${t('officer.point.remaining', { time: `${mm}:${ss}` })}
      >
        ${mm}:${ss}
      </div>
      ${this.checkButton(point, checkedIn)}`;
  }

  /** After the last visit: the point closest to the crew (or the first), to check in early. */
  private nearest(plan: ShiftPlan): PlanPoint | undefined {
    const fix = this.fix;
    if (!fix) return plan.points[0];
    return [...plan.points].sort((a, b) => distanceMetres(fix, a) - distanceMetres(fix, b))[0];
  }

  /** On patrol: check out of a point still open, or check in early at the next one. */
  private patrol(openAt: PlanPoint | undefined, upcoming: PlanPoint | undefined) {
    return html`<div class="label">${t('officer.point.patrol')}</div>
      <div class="point">${t('officer.point.patrol_text')}</div>
      ${
        openAt ? this.checkButton(openAt, true) : upcoming ? this.checkButton(upcoming, false) : ''
      }`;
  }

  private checkButton(point: PlanPoint, checkedIn: boolean) {
    const since = this.checkins
      .filter((c) => c.value.point === point.id && c.value.kind === 'in')
      .map((c) => c.value.at)
      .sort()
      .at(-1);
    return checkedIn
      ? html`<p class="ok">
            ${t('officer.checkin.since', { time: since ? formatTime(since) : '—' })}
          </p>
          <button class="big" @click=${() => this.request(point, 'out')}>
            ${t('officer.checkin.out', { n: this.number(point) })}
          </button>`
      : html`${this.fix ? '' : html`<p class="muted">${t('officer.checkin.no_fix')}</p>`}
          <button class="big primary" @click=${() => this.request(point, 'in')}>
            ${t('officer.checkin.in', { n: this.number(point) })}
          </button>`;
  }

  private farWarning(c: CheckinRequest & { metres: number }) {
    return html`<div class="warn" role="alert">
      <p>${t('officer.checkin.far', { metres: c.metres, max: FAR_FROM_POINT_METRES })}</p>
      <div class="row">
        <button class="primary" @click=${() => this.emit({ point: c.point, kind: c.kind })}>
          ${t('officer.checkin.far_confirm')}
        </button>
        <button @click=${() => (this.confirmFar = null)}>${t('officer.cancel')}</button>
      </div>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'sac-officer-shift': ShiftView;
  }
}
