import { html, css } from 'lit';
import { SacElement } from '../../components/sac-element.js';
import { customElement, property, state } from 'lit/decorators.js';
import type { AlertTypeInfo } from '../../../shared/catalogue.js';
import { t } from '../../../shared/i18n/core.js';
import type { Fix } from '../../../shared/types.js';
import { NOTE_MAX } from '../../../shared/catalogue.js';
import { currentFix } from '../../data/location.js';
import { appUpdate } from '../../data/app-update.js';
import { TYPE_COLOURS, base } from '../../styles.js';

const COUNTDOWN_S = 5;

/**
 * The big buttons and the cancel window against accidental presses (DESIGN §3). The
 * silent type sends at once, with no countdown, sound or tell-tale screen.
 */
@customElement('sac-alert-composer')
export class AlertComposer extends SacElement {
  static override styles = [
    base,
    css`
      .grid {
        display: grid;
        grid-template-columns: 1fr 1fr;
        gap: 12px;
      }
      .type {
        min-height: 112px;
        border: none;
        border-radius: var(--radius);
        color: #fff;
        text-align: left;
        padding: 16px;
        display: flex;
        flex-direction: column;
        justify-content: space-between;
        box-shadow: 0 2px 6px rgba(0, 0, 0, 0.18);
      }
      .type:first-child {
        grid-column: 1 / -1;
        min-height: 132px;
      }
      .type strong {
        font-size: 1.25rem;
      }
      .type span {
        font-size: 0.9rem;
        opacity: 0.95;
      }
      .overlay {
        position: fixed;
        inset: 0;
        z-index: 10;
        display: flex;
        flex-direction: column;
        align-items: center;
        justify-content: center;
        gap: 18px;
        padding: 24px;
        color: #fff;
        text-align: center;
      }
      .count {
        font-size: 6rem;
        font-weight: 800;
        line-height: 1;
      }
      .overlay h2 {
        margin: 0;
        font-size: 1.6rem;
      }
      .overlay button {
        width: min(360px, 100%);
        min-height: 60px;
        font-size: 1.15rem;
        font-weight: 700;
      }
      .overlay .cancel {
        background: #fff;
        color: var(--ink);
      }
      .overlay .now,
      .overlay .note-btn {
        background: transparent;
        color: #fff;
        border: 2px solid #fff;
      }
      textarea {
        width: min(360px, 100%);
        min-height: 96px;
        font: inherit;
        padding: 10px;
        border-radius: 10px;
      }
    `,
  ];

  @property({ attribute: false }) types: AlertTypeInfo[] = [];
  @state() private pending: AlertTypeInfo | null = null;
  @state() private seconds = COUNTDOWN_S;
  @state() private writingNote = false;
  private timer: ReturnType<typeof setInterval> | null = null;
  private fix: Promise<Fix | null> = Promise.resolve(null);
  private note = '';

  private press(type: AlertTypeInfo): void {
    this.fix = currentFix(type.silent ? 1500 : 4000);
    this.note = '';
    if (type.silent) {
      void this.send(type);
      return;
    }
    navigator.vibrate?.(80);
    this.pending = type;
    this.seconds = COUNTDOWN_S;
    this.writingNote = false;
    this.timer = setInterval(() => {
      this.seconds--;
      if (this.seconds <= 0) void this.confirm();
    }, 1000);
  }

  private stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  private cancel(): void {
    this.stop();
    this.pending = null;
  }

  private async confirm(): Promise<void> {
    const type = this.pending;
    this.stop();
    this.pending = null;
    if (type) await this.send(type);
  }

  private async send(type: AlertTypeInfo): Promise<void> {
    const location = await this.fix;
    this.dispatchEvent(
      new CustomEvent('send', {
        detail: { type: type.code, location, note: this.note.slice(0, NOTE_MAX) },
        bubbles: true,
        composed: true,
      }),
    );
  }

  override disconnectedCallback(): void {
    this.stop();
    appUpdate.hold(this, false);
    super.disconnectedCallback();
  }

  /** No new version may reload the app while an alert is being written (app-update.ts). */
  protected override updated(): void {
    appUpdate.hold(this, this.pending !== null);
  }

  override render() {
    return html`
      <div class="grid">
        ${this.types.map(
          (type) =>
            html`<button
              class="type"
              data-type=${type.code}
              style="background:${TYPE_COLOURS[type.code] ?? '#444'}"
              @click=${() => this.press(type)}
            >
              <strong>${t(`alert.type.${type.code}`)}</strong>
              <span>${t(`alert.type.${type.code}.hint`)}</span>
            </button>`,
        )}
      </div>
      ${this.pending ? this.renderCountdown(this.pending) : ''}
    `;
  }

  private renderCountdown(type: AlertTypeInfo) {
    return html`<div
      class="overlay"
      role="alertdialog"
      aria-modal="true"
      aria-labelledby="countdown-title"
      style="background:${TYPE_COLOURS[type.code] ?? '#444'}"
    >
      <h2 id="countdown-title">${t(`alert.type.${type.code}`)}</h2>
      ${
        this.writingNote
          ? html`<label class="visually-hidden" for="note">${t('alert.note')}</label>
              <textarea
                id="note"
                maxlength=${NOTE_MAX}
                placeholder=${t('alert.note_placeholder')}
                @input=${(e: InputEvent) => (this.note = (e.target as HTMLTextAreaElement).value)}
              ></textarea>`
          : html`<div class="count" aria-live="polite">${this.seconds}</div>
              <p>${t('alert.cancel_countdown', { seconds: this.seconds })}</p>`
      }
      <button class="cancel" @click=${this.cancel} autofocus>${t('alert.cancel_send')}</button>
      <button class="now" @click=${() => void this.confirm()}>${t('alert.send_now')}</button>
      ${
        this.writingNote
          ? ''
          : html`<button
              class="note-btn"
              @click=${() => {
                this.stop();
                this.writingNote = true;
              }}
            >
              ${t('alert.add_note')}
            </button>`
      }
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'sac-alert-composer': AlertComposer;
  }
}
