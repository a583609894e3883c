import { html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { SacElement } from '../../components/sac-element.js';
import type { OpsUnit } from '../../../shared/console.js';
import { formatTime, t } from '../../../shared/i18n/core.js';
import { unmanned } from '../../../shared/dispatch-progress.js';
import type { CityInfo } from '../../../shared/types.js';
import { base } from '../../styles.js';
import { ageOf, type ConsoleAlert } from './ops-data.js';
import { opsStyles } from './ops-styles.js';
import { boardStyles } from './board-styles.js';

/**
 * Each patrol car: who of its crew is connected, what it is doing, on which alert, where it
 * last logged and how long ago, its shift so far. A car nobody is connected for is never shown
 * as "available": an operator choosing whom to send must see that no phone would ring.
 */
@customElement('sac-units-board')
export class UnitsBoard extends SacElement {
  static override styles = [base, opsStyles, boardStyles];

  @property({ attribute: false }) units: OpsUnit[] = [];
  @property({ attribute: false }) alerts: ConsoleAlert[] = [];
  @property({ attribute: false }) city!: CityInfo;
  @property({ attribute: false }) now = Date.now();

  private areaName(id: string | null | undefined): string {
    return this.city.areas.features.find((f) => f.properties.id === id)?.properties.name ?? '—';
  }

  override render() {
    const free = this.units.filter((u) => u.status === 'available' && !unmanned(u)).length;
    return html`<header class="board-head">
        <h1>${t('ops.tab.units')}</h1>
        <span class="muted">${t('ops.units.summary', { free, total: this.units.length })}</span>
      </header>
      <div class="scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">${t('ops.units.unit')}</th>
              <th scope="col">${t('ops.column.status')}</th>
              <th scope="col">${t('ops.units.crew')}</th>
              <th scope="col">${t('ops.units.alert')}</th>
              <th scope="col">${t('ops.units.position')}</th>
              <th scope="col">${t('ops.units.shift')}</th>
              <th scope="col">${t('ops.units.beat')}</th>
            </tr>
          </thead>
          <tbody>
            ${this.units.map((u) => this.row(u))}
          </tbody>
        </table>
      </div>`;
  }

  private row(u: OpsUnit) {
    const alert = u.alertId ? this.alerts.find((a) => a.id === u.alertId) : undefined;
    const nobody = unmanned(u);
    return html`<tr data-unit=${u.id} data-crew=${nobody ? 'none' : 'on'}>
      <th scope="row">${u.label}</th>
      <td>
        ${
          nobody && u.status === 'available'
            ? html`<span class="pill st-nobody">${t('ops.unit.nobody')}</span>`
            : html`<span class="pill st-${u.status}">${t(`ops.unit.status.${u.status}`)}</span>`
        }
      </td>
      <td class="crew">${this.crew(u)}</td>
      <td>
        ${
          alert
            ? html`${t(`alert.type.${alert.type}`)} · ${this.areaName(alert.areaId)}`
            : html`<span class="muted">—</span>`
        }
      </td>
      <td>
        ${
          u.positionAt
            ? html`${formatTime(u.positionAt)}
                <span class="muted"
                  >(${t('ops.ago', { time: ageOf(u.positionAt, this.now) })})</span
                >`
            : html`<span class="muted">${t('ops.units.no_position')}</span>`
        }
      </td>
      <td>
        ${
          u.checkins !== undefined
            ? t('ops.units.shift_counts', { checkins: u.checkins, talks: u.conversations ?? 0 })
            : html`<span class="muted">—</span>`
        }
        ${u.atPoint ? html`<div class="muted small">${t('ops.units.at_point', { point: u.atPoint })}</div>` : nothing}
      </td>
      <td class="small">
        ${(u.quadrant ?? []).map((id) => this.areaName(id)).join(', ')}
        <div><a href="#/plan/${u.id}">${t('ops.units.plan')}</a></div>
      </td>
    </tr>`;
  }

  /** Who is connected now; with nobody, when someone of the crew last was. */
  private crew(u: OpsUnit) {
    if (!unmanned(u))
      return html`${u.crew!.map((c) => html`<div>${c.name}</div>`)}
        <div class="muted small">${t('ops.crew.connected')}</div>`;
    // A free car already says "nobody signed in" in its status; a busy one says it here.
    return html`${u.status === 'available' ? nothing : html`<strong>${t('ops.crew.none')}</strong>`}
      <div class="muted small">
        ${u.seenAt ? t('ops.crew.seen', { time: ageOf(u.seenAt, this.now) }) : t('ops.crew.never')}
      </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'sac-units-board': UnitsBoard;
  }
}
