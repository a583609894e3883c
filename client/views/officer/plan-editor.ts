import { html, css } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { SacElement } from '../../components/sac-element.js';
import { formatDateTime, formatTime, t, type MessageKey } from '../../../shared/i18n/core.js';
import {
  DWELL_MINUTES,
  cityInstant,
  stayFor,
  type PlanVisit,
  type PointStay,
  type ShiftPlan,
} from '../../../shared/plan.js';
import type { CityInfo } from '../../../shared/types.js';
import { base } from '../../styles.js';
import { officerStyles } from './officer-styles.js';
import { unitsApi, type RankedCellView, type UnitSummary } from './units-api.js';
import { quadrantMap } from './quadrant-layers.js';

/**
 * The monitoring centre's view of the patrol plans, at `#/plan`: per unit and shift,
 * the fixed points the server chose from the hot spots (on the map with the shift's ranked
 * cells), the hourly visits, which an operator may move, add or remove, and the time the crew
 * actually spent at each point. Saving writes the plan into the unit's room: the phones get it
 * at once, or when they next have signal.
 */
@customElement('sac-plan-editor')
export class PlanEditor extends SacElement {
  static override styles = [
    base,
    officerStyles,
    css`
      :host {
        display: block;
        padding: 16px 20px 40px;
        max-width: 1280px;
        margin: 0 auto;
      }
      h1 {
        font-size: 1.3rem;
        margin: 4px 0 12px;
      }
      .bar {
        display: flex;
        gap: 12px;
        align-items: end;
        flex-wrap: wrap;
        margin-bottom: 12px;
      }
      .bar label {
        display: grid;
        gap: 4px;
      }
      .bar select {
        min-width: 200px;
      }
      .cols {
        display: grid;
        grid-template-columns: minmax(0, 1fr) minmax(0, 1fr);
        gap: 16px;
        --map-height: 460px;
      }
      @media (max-width: 900px) {
        .cols {
          grid-template-columns: 1fr;
          --map-height: 300px;
        }
      }
      ol {
        margin: 0;
        padding-left: 1.4rem;
      }
      table {
        width: 100%;
        border-collapse: collapse;
      }
      th,
      td {
        text-align: left;
        padding: 6px 4px;
        border-bottom: 1px solid var(--line);
      }
      td input,
      td select {
        padding: 6px;
      }
      a {
        color: var(--info);
      }
    `,
  ];

  @property({ attribute: false }) city!: CityInfo;
  @state() private units: UnitSummary[] = [];
  @state() private unitId = '';
  @state() private plans: ShiftPlan[] = [];
  @state() private key = '';
  @state() private visits: PlanVisit[] = [];
  @state() private cells: RankedCellView[] = [];
  @state() private stays: PointStay[] = [];
  @state() private counts = { checkins: 0, conversations: 0 };
  @state() private message = '';

  override connectedCallback(): void {
    super.connectedCallback();
    void this.start();
  }

  private async start(): Promise<void> {
    try {
      this.units = await unitsApi.list();
      const wanted = /^#\/plan\/([\w-]+)/.exec(location.hash)?.[1];
      await this.selectUnit(this.units.find((u) => u.id === wanted)?.id ?? this.units[0]?.id ?? '');
    } catch (error) {
      this.message = t('plan.failed', { message: String((error as Error).message) });
    }
  }

  private async selectUnit(unitId: string): Promise<void> {
    this.unitId = unitId;
    if (!unitId) return;
    this.plans = await unitsApi.plans(unitId);
    const now = new Date().toISOString();
    const running = this.plans.find((p) => p.start <= now && now < p.end) ?? this.plans.at(-1);
    await this.selectPlan(running?.key ?? '');
  }

  private async selectPlan(key: string): Promise<void> {
    this.key = key;
    this.message = '';
    const plan = this.plan;
    this.visits = plan ? plan.visits.map((v) => ({ ...v })) : [];
    if (!plan) return;
    const [cells, activity] = await Promise.all([
      unitsApi.hotspots(plan.start, this.unitId),
      unitsApi.activity(this.unitId, plan.start),
    ]);
    this.cells = cells;
    this.stays = activity.stays.filter((s) => s.from < plan.end);
    this.counts = {
      checkins: activity.checkins.length,
      conversations: activity.conversations.length,
    };
  }

  private get plan(): ShiftPlan | undefined {
    return this.plans.find((p) => p.key === this.key);
  }

  /** A visit moved to `hh:mm` on the shift's calendar (after midnight on a night shift). */
  private moveVisit(i: number, value: string): void {
    const plan = this.plan;
    const [hh, mm] = value.split(':').map(Number);
    if (!plan || hh === undefined || mm === undefined || Number.isNaN(hh + mm)) return;
    const startDay = plan.key.slice(0, 10);
    let at = cityInstant(startDay, hh).getTime() + mm * 60_000;
    if (at < Date.parse(plan.start)) at += 86_400_000;
    this.setVisit(i, { start: new Date(at).toISOString() });
  }

  private setVisit(i: number, patch: Partial<PlanVisit>): void {
    this.visits = this.visits.map((v, k) => {
      if (k !== i) return v;
      const next = { ...v, ...patch };
      next.end = new Date(Date.parse(next.start) + DWELL_MINUTES * 60_000).toISOString();
      return next;
    });
  }

  private addVisit(): void {
    const plan = this.plan;
    if (!plan) return;
    const last = this.visits.at(-1);
    const start = last ? Date.parse(last.start) + 3_600_000 : Date.parse(plan.start);
    const point = plan.points[0]?.id ?? '';
    this.visits = [...this.visits, { point, start: new Date(start).toISOString(), end: '' }];
    this.setVisit(this.visits.length - 1, {});
  }

  private async save(): Promise<void> {
    const plan = this.plan;
    if (!plan) return;
    try {
      const visits = [...this.visits].sort((a, b) => a.start.localeCompare(b.start));
      const saved = await unitsApi.save(this.unitId, plan.key, plan.points, visits);
      this.plans = this.plans.map((p) => (p.key === saved.key ? saved : p));
      this.visits = saved.visits.map((v) => ({ ...v }));
      this.message = t('plan.saved');
    } catch (error) {
      this.message = t('plan.failed', { message: String((error as Error).message) });
    }
  }

  private shiftLabel(p: ShiftPlan): string {
    return `${formatDateTime(p.start)} · ${t(`officer.shift.${p.shift}` as MessageKey)}`;
  }

  override render() {
    const plan = this.plan;
    return html`
      <h1>${t('plan.title')}</h1>
      <p><a href="#/">${t('plan.back')}</a></p>
      <div class="bar">
        <label
          >${t('plan.unit')}
          <select
            @change=${(e: Event) => void this.selectUnit((e.target as HTMLSelectElement).value)}
          >
            ${this.units.map((u) => html`<option value=${u.id} ?selected=${u.id === this.unitId}>${u.label}</option>`)}
          </select>
        </label>
        <label
          >${t('plan.shift')}
          <select
            @change=${(e: Event) => void this.selectPlan((e.target as HTMLSelectElement).value)}
          >
            ${this.plans.map((p) => html`<option value=${p.key} ?selected=${p.key === this.key}>${this.shiftLabel(p)}</option>`)}
          </select>
        </label>
      </div>
      ${plan ? this.body(plan) : html`<p class="card muted">${t('plan.none')}</p>`}
      ${this.message ? html`<p class="toast" role="status">${this.message}</p>` : ''}
    `;
  }

  private body(plan: ShiftPlan) {
    const quadrant = this.city.areas.features.filter((f) =>
      plan.quadrant.includes(f.properties.id),
    );
    const name = (id: string) => {
      const i = plan.points.findIndex((p) => p.id === id);
      return i < 0 ? id : t('officer.point.name', { n: i + 1, label: plan.points[i]!.label });
    };
    return html`<p class="muted">
        ${t(`plan.source.${plan.source}`)} · ${t('plan.activity', this.counts)}
      </p>
      <div class="cols">
        <div>
          ${quadrantMap(this.city, { areas: quadrant, points: plan.points, cells: this.cells })}
          <section class="card">
            <h2>${t('plan.points')}</h2>
            <ol>
              ${plan.points.map(
                (p) =>
                  html`<li>
                    ${p.label} —
                    <span class="muted">
                      ${p.rank ? t('plan.point.rank', { rank: p.rank, gi: p.gi.toFixed(1) }) : t('plan.point.fallback')}
                    </span>
                  </li>`,
              )}
            </ol>
          </section>
        </div>
        <section class="card">
          <h2>${t('plan.visits')}</h2>
          <table>
            <thead>
              <tr>
                <th scope="col">${t('plan.visit.start')}</th>
                <th scope="col">${t('plan.visit.point')}</th>
                <th scope="col">${t('plan.visit.spent')}</th>
                <th scope="col"><span class="visually-hidden">${t('plan.remove')}</span></th>
              </tr>
            </thead>
            <tbody>
              ${this.visits.map((v, i) => {
                const stay = stayFor(v, this.stays);
                return html`<tr>
                  <td>
                    <input
                      type="time"
                      aria-label=${t('plan.visit.start')}
                      .value=${formatTime(v.start)}
                      @change=${(e: Event) => this.moveVisit(i, (e.target as HTMLInputElement).value)}
                    />
                  </td>
                  <td>
                    <select
                      aria-label=${t('plan.visit.point')}
                      @change=${(e: Event) => this.setVisit(i, { point: (e.target as HTMLSelectElement).value })}
                    >
                      ${plan.points.map((q) => html`<option value=${q.id} ?selected=${q.id === v.point}>${name(q.id)}</option>`)}
                    </select>
                  </td>
                  <td>
                    ${stay?.minutes != null ? t('officer.rotation.stay', { minutes: Math.round(stay.minutes) }) : ''}
                  </td>
                  <td>
                    <button @click=${() => (this.visits = this.visits.filter((_, k) => k !== i))}>
                      ${t('plan.remove')}
                    </button>
                  </td>
                </tr>`;
              })}
            </tbody>
          </table>
          <div class="row" style="margin-top:12px">
            <button @click=${() => this.addVisit()}>${t('plan.add')}</button>
            <button class="primary" @click=${() => void this.save()}>${t('plan.save')}</button>
          </div>
        </section>
      </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'sac-plan-editor': PlanEditor;
  }
}
