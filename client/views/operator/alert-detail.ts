import { html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { SacElement } from '../../components/sac-element.js';
import { alertType, operatorMay } from '../../../shared/catalogue.js';
import {
  ALERT_OUTCOMES,
  type OpenedAlert,
  type OpenedDetail,
  type OpsUnit,
} from '../../../shared/console.js';
import { t } from '../../../shared/i18n/core.js';
import { statusKey } from '../../../shared/dispatch-progress.js';
import type { CityInfo } from '../../../shared/types.js';
import { TYPE_COLOURS, base } from '../../styles.js';
import { ageOf, rankUnits, type ConsoleAlert } from './ops-data.js';
import { canEscalate } from './ops-actions.js';
import { opsStyles } from './ops-styles.js';
import { detailStyles } from './detail-styles.js';
import { dispatchProgress, progressStyles } from './dispatch-watch.js';
import type { DispatchPick } from './dispatch-picker.js';
import type { Viewer } from './presence.js';

import {
  checklistSection,
  clock,
  notesSection,
  placeSection,
  reporterSection,
  timelineSection,
  timesSection,
  type NameOf,
} from './detail-sections.js';
import { heldNote } from './held-note.js';
import './dispatch-picker.js';

/** What the panel is asking the operator, besides showing the alert. */
export type DetailMode = 'view' | 'dispatch' | 'resolve' | 'escalate' | 'false_alarm';

/** An operator's intent; operator-home writes it to `ops` (ops-actions.ts). */
export type Intent =
  | { kind: 'acknowledge' | 'on_scene' | 'escalate' | 'false_alarm' | 'identity' | 'close' }
  | { kind: 'release' }
  | { kind: 'dispatch'; unitId: string; confirmed?: boolean }
  /** to another unit; without `unitId`, the nearest free one with someone connected */
  | { kind: 'redispatch'; unitId?: string }
  | { kind: 'resolve'; outcome: (typeof ALERT_OUTCOMES)[number] }
  | { kind: 'mode'; mode: DetailMode }
  | { kind: 'step'; step: string; done: boolean }
  | { kind: 'note'; text: string }
  | { kind: 'centre' };

/** One alert, everything about it, and every action on it, each with its key. */
@customElement('sac-alert-detail')
export class AlertDetail extends SacElement {
  static override styles = [base, opsStyles, detailStyles, progressStyles];

  @property({ attribute: false }) alert!: ConsoleAlert;
  @property({ attribute: false }) city!: CityInfo;
  @property({ attribute: false }) units: OpsUnit[] = [];
  @property({ attribute: false }) viewers: Viewer[] = [];
  @property({ attribute: false }) opened: OpenedDetail | null = null;
  @property({ attribute: false }) identity: OpenedAlert | null = null;
  @property({ attribute: false }) mode: DetailMode = 'view';
  @property({ attribute: false }) nameOf: NameOf = (id) => id;
  @property({ attribute: false }) now = Date.now();
  /** a unit nobody is connected for, picked and awaiting confirmation */
  @property({ attribute: false }) pendingDispatch: string | null = null;

  private intent(detail: Intent): void {
    this.dispatchEvent(new CustomEvent('intent', { detail, bubbles: true, composed: true }));
  }

  /** The panel's note field, for the `n` key. */
  focusNote(): void {
    this.renderRoot.querySelector<HTMLTextAreaElement>('#note')?.focus();
  }

  override render() {
    const a = this.alert;
    const info = alertType(a.type);
    const area =
      this.city.areas.features.find((f) => f.properties.id === a.areaId)?.properties.name ?? '—';
    const others = this.viewers.filter((v) => v.viewing === a.id);
    return html`<article aria-labelledby="title" data-detail=${a.id}>
      <header class="head">
        <span class="swatch big-swatch" style="background:${TYPE_COLOURS[a.type]}"></span>
        <div class="title">
          <h2 id="title">${t(`alert.type.${a.type}`)}</h2>
          <p class="muted small">
            ${t('ops.detail.received_at', {
              time: a.receivedAt ? clock(a.receivedAt) : '—',
              age: ageOf(a.receivedAt, this.now),
            })}
            · ${t(`priority.${info.priority}`)}
          </p>
        </div>
        ${info.silent ? html`<span class="silent">${t('alert.silent')}</span>` : nothing}
        <span class="pill st-${a.status}" data-status=${a.status ?? ''}
          >${a.status ? t(statusKey(a)) : ''}</span
        >
        <button
          class="close"
          aria-label=${t('ops.detail.close')}
          @click=${() => this.intent({ kind: 'close' })}
        >
          ✕
        </button>
      </header>
      ${info.silent ? html`<p class="silent-note">${t('ops.detail.silent_hint')}</p>` : nothing}
      ${
        others.length
          ? html`<p class="others" role="status">
              ${t('ops.detail.also_viewing', { names: others.map((v) => v.name).join(', ') })}
            </p>`
          : nothing
      }
      ${heldNote(a, this.nameOf, () => this.intent({ kind: 'release' }))} ${this.actions(a)}
      ${dispatchProgress(a, this.units, this.city, this.now, (unitId) =>
        this.intent({ kind: 'redispatch', unitId }),
      )}
      ${this.modePanel(a)}
      <div class="body">
        <div class="two">
          ${reporterSection(a, this.opened, this.identity, () => this.intent({ kind: 'identity' }))}
          ${placeSection(a, area, () => this.intent({ kind: 'centre' }))}
        </div>
        ${checklistSection(a, (step, done) => this.intent({ kind: 'step', step, done }), true)}
        ${timesSection(a, this.now)}
        ${notesSection(a, this.nameOf, (text) => this.intent({ kind: 'note', text }))}
        ${timelineSection(a, this.nameOf)}
      </div>
    </article>`;
  }

  private actions(a: ConsoleAlert) {
    const may = (to: 'acknowledged' | 'dispatched' | 'on_scene' | 'resolved' | 'false_alarm') =>
      operatorMay(a.status, to);
    const button = (label: string, key: string, enabled: boolean, intent: Intent, cls = '') =>
      html`<button class=${cls} ?disabled=${!enabled} @click=${() => this.intent(intent)}>
        ${label} <kbd>${key}</kbd>
      </button>`;
    // A dispatched alert may be sent to another unit (the server moves it, redispatch.ts).
    const dispatchable = a.status === 'received' || a.status === 'dispatched' || may('dispatched');
    return html`<div class="actions" role="toolbar" aria-label=${t('ops.column.actions')}>
      ${button(t('ops.action.acknowledge'), 'a', may('acknowledged'), { kind: 'acknowledge' }, 'primary')}
      ${button(t('ops.action.dispatch'), 'd', dispatchable, { kind: 'mode', mode: 'dispatch' })}
      ${button(t('ops.action.on_scene'), 's', may('on_scene'), { kind: 'on_scene' })}
      ${button(t('ops.action.escalate'), 'e', canEscalate(a.status, a.escalatedAt), {
        kind: 'mode',
        mode: 'escalate',
      })}
      ${button(t('ops.action.resolve'), 'r', may('resolved'), { kind: 'mode', mode: 'resolve' })}
      ${button(t('ops.action.false_alarm'), 'f', may('false_alarm'), {
        kind: 'mode',
        mode: 'false_alarm',
      })}
    </div>`;
  }

  private modePanel(a: ConsoleAlert) {
    const cancel = html`<button @click=${() => this.intent({ kind: 'mode', mode: 'view' })}>
      ${t('ops.cancel')} <kbd>Esc</kbd>
    </button>`;
    switch (this.mode) {
      case 'view':
        return nothing;
      case 'dispatch':
        return html`<div class="mode" role="group" aria-label=${t('ops.action.dispatch')}>
          <sac-dispatch-picker
            .choices=${rankUnits(this.units, a.location, this.city)}
            .pending=${this.pendingDispatch}
            @dispatch=${(e: CustomEvent<DispatchPick>) => this.intent({ kind: 'dispatch', ...e.detail })}
            @unpick=${() => this.intent({ kind: 'mode', mode: 'dispatch' })}
          ></sac-dispatch-picker>
          ${cancel}
        </div>`;
      case 'resolve':
        return html`<div class="mode" role="group" aria-label=${t('ops.action.resolve')}>
          <p class="section-title">${t('ops.resolve.choose')}</p>
          <div class="outcomes">
            ${ALERT_OUTCOMES.map(
              (o, i) =>
                html`<button
                  data-outcome=${o}
                  @click=${() => this.intent({ kind: 'resolve', outcome: o })}
                >
                  <kbd>${i + 1}</kbd> ${t(`ops.outcome.${o}`)}
                </button>`,
            )}
          </div>
          ${cancel}
        </div>`;
      case 'escalate':
      case 'false_alarm': {
        // A silent alert's false alarm counts against no one (server/console/ops-record.ts):
        // the count is shown beside her name, so the confirmation must not promise it does.
        const key =
          this.mode === 'false_alarm'
            ? alertType(a.type).silent
              ? 'ops.confirm.false_alarm_silent'
              : 'ops.confirm.false_alarm'
            : 'ops.confirm.escalate';
        return html`<div class="mode confirm" role="group" aria-label=${t(key)}>
          <p>${t(key)}</p>
          <button class="primary" @click=${() => this.intent({ kind: this.mode as 'escalate' })}>
            ${t('ops.confirm.yes')} <kbd>Enter</kbd>
          </button>
          ${cancel}
        </div>`;
      }
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'sac-alert-detail': AlertDetail;
  }
}
