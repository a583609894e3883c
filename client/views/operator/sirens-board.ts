import { css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { SacElement } from '../../components/sac-element.js';
import type { OpsSiren } from '../../../shared/console.js';
import { formatTime, t } from '../../../shared/i18n/core.js';
import type { CityInfo } from '../../../shared/types.js';
import { consoleApi } from '../../data/console.js';
import { ApiFailure } from '../../data/api.js';
import { base } from '../../styles.js';
import { ageOf, type ConsoleAlert } from './ops-data.js';
import { missedBanner, missedCell, missedRecently } from './sirens-missed.js';
import { opsStyles } from './ops-styles.js';
import { boardStyles } from './board-styles.js';

type Show = 'all' | 'offline' | 'sounding' | 'missed';
const PAGE = 40;

/**
 * The siren central units (`ops.sirens`, kept by server/sirens): online or not, last
 * heartbeat, state, and the test / silence commands (`POST /api/sirens/:id/test|silence`,
 * retried by the server until the unit acknowledges or the command expires, and then shown
 * here as missed). Offline units first: they need a visit.
 */
@customElement('sac-sirens-board')
export class SirensBoard extends SacElement {
  static override styles = [
    base,
    opsStyles,
    boardStyles,
    css`
      .missed {
        padding: 8px 12px;
        border-radius: 8px;
        background: #fff1d6;
        color: #5c3800;
      }
      .missed p {
        margin: 4px 0 6px;
        font-size: 0.85rem;
      }
    `,
  ];

  @property({ attribute: false }) sirens: OpsSiren[] = [];
  /** to name the alert a missed command was for */
  @property({ attribute: false }) alerts: ConsoleAlert[] = [];
  @property({ attribute: false }) city!: CityInfo;
  @property({ attribute: false }) now = Date.now();
  @state() private show: Show = 'all';
  @state() private area = '';
  @state() private message: { text: string; error: boolean } | null = null;
  /** A city has hundreds of units: a page at a time, the ones needing a visit first. */
  @state() private limit = PAGE;

  private areaName(id: string): string {
    return this.city.areas.features.find((f) => f.properties.id === id)?.properties.name ?? id;
  }

  private async command(s: OpsSiren, command: 'test' | 'silence'): Promise<void> {
    try {
      await consoleApi.siren(s.id, command);
      this.message = { text: t(`ops.sirens.sent_${command}`, { label: s.label }), error: false };
    } catch (e) {
      const code = e instanceof ApiFailure ? e.code : 'internal';
      this.message = { text: t('ops.sirens.failed', { label: s.label, code }), error: true };
    }
  }

  override render() {
    const online = this.sirens.filter((s) => s.online).length;
    const sounding = this.sirens.filter((s) => s.state === 'sounding').length;
    const shown = this.sirens
      .filter((s) => {
        if (this.show === 'offline') return !s.online;
        if (this.show === 'sounding') return s.state !== 'idle';
        if (this.show === 'missed') return missedRecently(s, this.now);
        return true;
      })
      .filter((s) => !this.area || s.areaId === this.area)
      .sort(
        (a, b) =>
          Number(a.online) - Number(b.online) ||
          this.areaName(a.areaId).localeCompare(this.areaName(b.areaId)) ||
          a.label.localeCompare(b.label),
      );
    return html`<header class="board-head">
        <h1>${t('ops.tab.sirens')}</h1>
        <span class="muted"
          >${t('ops.sirens.summary', {
            online,
            offline: this.sirens.length - online,
            sounding,
          })}</span
        >
      </header>
      ${missedBanner(this.sirens, this.now, this.show === 'missed' ? null : () => (this.show = 'missed'))}
      <div class="tools">
        <select
          aria-label=${t('ops.sirens.show')}
          @change=${(e: Event) => (this.show = (e.target as HTMLSelectElement).value as Show)}
        >
          ${(['all', 'offline', 'sounding', 'missed'] as const).map(
            (v) =>
              html`<option value=${v} ?selected=${this.show === v}>
                ${v === 'missed' ? t('sirens.show_missed') : t(`ops.sirens.show_${v}`)}
              </option>`,
          )}
        </select>
        <select
          aria-label=${t('ops.filter.area')}
          @change=${(e: Event) => (this.area = (e.target as HTMLSelectElement).value)}
        >
          <option value="">${t('ops.filter.any_area')}</option>
          ${this.city.areas.features.map(
            (f) => html`<option value=${f.properties.id}>${f.properties.name}</option>`,
          )}
        </select>
        ${
          this.message
            ? html`<p class="message ${this.message.error ? 'error' : ''}" role="status">
                ${this.message.text}
              </p>`
            : nothing
        }
      </div>
      <div class="scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">${t('ops.sirens.unit')}</th>
              <th scope="col">${t('ops.column.area')}</th>
              <th scope="col">${t('ops.sirens.link')}</th>
              <th scope="col">${t('ops.sirens.heartbeat')}</th>
              <th scope="col">${t('ops.column.status')}</th>
              <th scope="col">${t('sirens.missed.column')}</th>
              <th scope="col">${t('ops.column.actions')}</th>
            </tr>
          </thead>
          <tbody>
            ${shown.slice(0, this.limit).map((s) => this.row(s))}
          </tbody>
        </table>
        ${shown.length ? nothing : html`<p class="empty">${t('ops.sirens.none')}</p>`}
        ${
          shown.length > this.limit
            ? html`<p class="empty">
                <button @click=${() => (this.limit += PAGE)}>
                  ${t('ops.sirens.more', { shown: this.limit, total: shown.length })}
                </button>
              </p>`
            : nothing
        }
      </div>`;
  }

  private row(s: OpsSiren) {
    return html`<tr data-siren=${s.id}>
      <th scope="row">${s.label}</th>
      <td>${this.areaName(s.areaId)}</td>
      <td>
        <span class="pill ${s.online ? 'st-available' : 'st-offline'}"
          >${s.online ? t('ops.siren.online') : t('ops.siren.offline')}</span
        >
      </td>
      <td>
        ${
          s.lastHeartbeat
            ? html`${formatTime(s.lastHeartbeat)}
                <span class="muted small"
                  >(${t('ops.ago', { time: ageOf(s.lastHeartbeat, this.now) })})</span
                >`
            : html`<span class="muted">${t('ops.sirens.never')}</span>`
        }
      </td>
      <td>
        <span class=${s.state === 'idle' ? 'muted' : 'warn'}
          >${t(`ops.siren.state.${s.state}`)}</span
        >
      </td>
      <td>${missedCell(s, this.alerts, this.now)}</td>
      <td class="row-actions">
        <button
          @click=${() => void this.command(s, 'test')}
          aria-label=${t('ops.sirens.test_label', { label: s.label })}
        >
          ${t('ops.sirens.test')}
        </button>
        <button
          @click=${() => void this.command(s, 'silence')}
          aria-label=${t('ops.sirens.silence_label', { label: s.label })}
        >
          ${t('ops.sirens.silence')}
        </button>
      </td>
    </tr>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'sac-sirens-board': SirensBoard;
  }
}
