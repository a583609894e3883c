import { html, css } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { SacElement } from '../../components/sac-element.js';
import { formatTime, t, type MessageKey } from '../../../shared/i18n/core.js';
import { alertType, isAlertTypeCode } from '../../../shared/catalogue.js';
import type { Fix } from '../../../shared/types.js';
import { TYPE_COLOURS, base } from '../../styles.js';
import { officerStyles } from './officer-styles.js';
import { nextStep, type Dispatch } from './records.js';
import { fromYou, placeLine, whereStyles, whereToGo } from './dispatch-place.js';

/**
 * A dispatched alert on the unit's phone: full screen, a tone and vibration until
 * someone of the crew accepts it, with where it is and how far; after that a card with
 * where to go (address or nearest known point, area, distance and direction from the crew,
 * navigate), whom to call, the note and the next step (en route → on scene → done). Each step
 * is written to the unit's room and reaches the operators and the resident.
 */
@customElement('sac-officer-dispatch')
export class DispatchCard extends SacElement {
  static override styles = [
    base,
    officerStyles,
    whereStyles,
    css`
      :host {
        display: block;
      }
      .alarm {
        position: fixed;
        inset: 0;
        z-index: 2000;
        background: var(--red);
        color: #fff;
        display: flex;
        flex-direction: column;
        justify-content: center;
        padding: 24px;
        gap: 14px;
        animation: pulse 1s ease-in-out infinite alternate;
      }
      @keyframes pulse {
        to {
          background: var(--red-dark);
        }
      }
      .alarm h2 {
        font-size: 2rem;
        margin: 0;
      }
      .alarm .type {
        font-size: 1.6rem;
        font-weight: 800;
      }
      .alarm p {
        margin: 0;
      }
      .alarm .place {
        font-size: 1.4rem;
        font-weight: 800;
      }
      .alarm button {
        min-height: 72px;
        font-size: 1.4rem;
        font-weight: 800;
        background: #fff;
        color: var(--red-dark);
        border: 0;
      }
      .card {
        border-left: 6px solid var(--red);
      }
      .type {
        font-weight: 800;
        font-size: 1.15rem;
      }
      h2.type {
        margin: 0;
      }
      .steps {
        display: flex;
        gap: 4px;
        margin: 10px 0;
        flex-wrap: wrap;
      }
      .steps span {
        font-size: 0.8rem;
        padding: 3px 8px;
        border-radius: 999px;
        background: #efedf1;
      }
      .steps span.done {
        background: var(--ink);
        color: #fff;
      }
    `,
  ];

  @property({ attribute: false }) dispatch!: Dispatch;
  @property({ attribute: false }) fix: Fix | null = null;
  @property({ attribute: false }) cityName = '';
  @property({ type: Boolean }) stored = true;
  private ringing: ReturnType<typeof setInterval> | null = null;

  override updated(): void {
    const alarm = this.dispatch.status === 'dispatched' && !this.closed;
    if (alarm && !this.ringing) {
      ring();
      this.ringing = setInterval(ring, 2500);
    } else if (!alarm && this.ringing) {
      this.stopRinging();
    }
  }

  override disconnectedCallback(): void {
    this.stopRinging();
    super.disconnectedCallback();
  }

  private stopRinging(): void {
    if (this.ringing) clearInterval(this.ringing);
    this.ringing = null;
    navigator.vibrate?.(0);
  }

  private get closed(): boolean {
    const s = this.dispatch.alertStatus;
    // `reassigned`: the centre sent another unit (server/console/redispatch.ts).
    return s === 'resolved' || s === 'false_alarm' || s === 'cancelled' || s === 'reassigned';
  }

  private step(): void {
    this.dispatchEvent(
      new CustomEvent('step', { detail: this.dispatch.id, bubbles: true, composed: true }),
    );
  }

  override render() {
    const d = this.dispatch;
    const type = t(`alert.type.${d.type}` as MessageKey);
    const silent = isAlertTypeCode(d.type) && alertType(d.type).silent;
    if (d.status === 'dispatched' && !this.closed) return this.alarm(d, type, silent);
    const next = nextStep(d.status);
    const order = ['accepted', 'en_route', 'on_scene', 'done'] as const;
    const reached = order.indexOf(d.status as (typeof order)[number]);
    return html`<section class="card" data-dispatch=${d.id} data-status=${d.status}>
      <div class="row">
        <h2 class="type" style="color:${TYPE_COLOURS[d.type] ?? 'inherit'}">${type}</h2>
        ${silent ? html`<span class="badge phone">${t('alert.silent')}</span>` : ''}
        <span class="badge ${this.stored ? 'server' : 'phone'}">
          ${this.stored ? t('officer.stored.server') : t('officer.stored.phone')}
        </span>
      </div>
      <div class="muted">${t('officer.dispatch.at', { time: formatTime(d.dispatchedAt) })}</div>
      ${whereToGo(d, this.fix, this.cityName, silent)}
      ${d.note ? html`<p class="note">${t('officer.dispatch.note', { note: d.note })}</p>` : ''}
      <div class="steps">
        ${order.map(
          (s, i) =>
            html`<span class=${i <= reached ? 'done' : ''}>${t(`dispatch.status.${s}`)}</span>`,
        )}
      </div>
      ${
        this.closed
          ? html`<p class="ok">
              ${
                d.alertStatus === 'reassigned'
                  ? t('officer.dispatch.reassigned')
                  : t('officer.dispatch.closed', {
                      status: t(`status.${d.alertStatus}` as MessageKey),
                    })
              }
            </p>`
          : next
            ? html`<button class="big primary" @click=${() => this.step()}>
                ${t(`officer.dispatch.next.${next}`)}
              </button>`
            : ''
      }
    </section>`;
  }

  /** Before anyone accepts: what it is, where, how far and which way, and the note. */
  private alarm(d: Dispatch, type: string, silent: boolean) {
    const place = placeLine(d);
    const away = fromYou(d.location, this.fix);
    return html`<div
      class="alarm"
      role="alertdialog"
      aria-modal="true"
      aria-labelledby="alarm-title"
    >
      <h2 id="alarm-title">${t('officer.dispatch.new')}</h2>
      <div class="type">${type}${silent ? ` · ${t('alert.silent')}` : ''}</div>
      ${place.text ? html`<p class="place">${place.text}</p>` : ''}
      ${d.areaName ? html`<p>${t('officer.where.area', { area: d.areaName })}</p>` : ''}
      <p>
        ${t('officer.dispatch.at', { time: formatTime(d.dispatchedAt) })}${away ? ` · ${away}` : ''}
      </p>
      ${d.note ? html`<p>${t('officer.dispatch.note', { note: d.note })}</p>` : ''}
      <button @click=${() => this.step()}>${t('officer.dispatch.accept')}</button>
    </div>`;
  }
}

/** A two-tone siren burst and a vibration: must be noticed in a moving car. */
function ring(): void {
  navigator.vibrate?.([600, 200, 600, 200, 600]);
  try {
    const ctx = new AudioContext();
    const osc = ctx.createOscillator();
    const gain = ctx.createGain();
    osc.type = 'square';
    gain.gain.value = 0.1;
    osc.frequency.setValueAtTime(880, ctx.currentTime);
    osc.frequency.setValueAtTime(660, ctx.currentTime + 0.3);
    osc.frequency.setValueAtTime(880, ctx.currentTime + 0.6);
    osc.connect(gain).connect(ctx.destination);
    osc.start();
    osc.stop(ctx.currentTime + 0.9);
    osc.onended = () => void ctx.close();
  } catch {
    // No audio device, or autoplay blocked: the screen and the vibration remain.
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'sac-officer-dispatch': DispatchCard;
  }
}
