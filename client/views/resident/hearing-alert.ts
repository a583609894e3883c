import { html, css } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { SacElement } from '../../components/sac-element.js';
import { formatTime, getLang, t } from '../../../shared/i18n/core.js';
import type { AreaAlert } from '../../../shared/types.js';
import { TYPE_COLOURS, base } from '../../styles.js';

/** Long pulses, short gaps: felt in a pocket, distinct from a message's buzz. */
const VIBRATION = [600, 200, 600, 200, 600, 200, 1200];

/**
 * Hearing-impaired mode (DESIGN §6): a new alert of the area fills the screen, flashes and
 * vibrates until dismissed. The flash alternates twice a second, under the three-per-second
 * limit for photosensitive seizures (WCAG 2.3.1).
 */
@customElement('sac-hearing-alert')
export class HearingAlert extends SacElement {
  static override styles = [
    base,
    css`
      .overlay {
        position: fixed;
        inset: 0;
        z-index: 30;
        display: flex;
        flex-direction: column;
        align-items: center;
        justify-content: center;
        gap: 18px;
        /* inside the blinking frame */
        padding: 24px 44px;
        text-align: center;
        color: #fff;
      }
      .overlay {
        animation: pulse 1s steps(1, end) infinite;
      }
      /* A white frame that blinks, and a ground that swaps with near-black: the text keeps
         white-on-dark contrast in every frame. */
      .flash {
        position: absolute;
        inset: 0;
        pointer-events: none;
        box-shadow: inset 0 0 0 28px #fff;
        animation: blink 0.5s steps(1, end) infinite;
      }
      @keyframes blink {
        50% {
          opacity: 0;
        }
      }
      @keyframes pulse {
        50% {
          background-color: #1c1b1f;
        }
      }
      h2 {
        margin: 0;
        font-size: 2rem;
      }
      .what {
        font-size: 1.5rem;
        font-weight: 800;
        background: rgba(0, 0, 0, 0.35);
        padding: 8px 14px;
        border-radius: 10px;
      }
      .meta {
        font-size: 1.1rem;
        background: rgba(0, 0, 0, 0.35);
        padding: 4px 10px;
        border-radius: 8px;
      }
      button {
        width: min(360px, 100%);
        min-height: 60px;
        font-size: 1.2rem;
        font-weight: 700;
      }
      .dismiss {
        background: #fff;
        color: var(--ink);
      }
      .see {
        background: transparent;
        color: #fff;
        border: 2px solid #fff;
      }
    `,
  ];

  @property({ attribute: false }) alert!: AreaAlert;

  override connectedCallback(): void {
    super.connectedCallback();
    navigator.vibrate?.(VIBRATION);
  }

  override disconnectedCallback(): void {
    navigator.vibrate?.(0);
    super.disconnectedCallback();
  }

  private emit(name: 'dismiss' | 'see'): void {
    this.dispatchEvent(new CustomEvent(name, { bubbles: true, composed: true }));
  }

  override render() {
    const a = this.alert;
    return html`<div
      class="overlay"
      role="alertdialog"
      aria-modal="true"
      aria-labelledby="hearing-title"
      aria-describedby="hearing-what"
      style="background:${TYPE_COLOURS[a.type] ?? '#444'}"
      data-testid="hearing-alert"
    >
      <span class="flash" aria-hidden="true"></span>
      <h2 id="hearing-title">${t('hearing.title')}</h2>
      <div class="what" id="hearing-what">${t(`alert.type.${a.type}`)}</div>
      <div class="meta">
        ${formatTime(a.receivedAt, getLang())}${
          a.reporterName ? ` · ${t('feed.by', { name: a.reporterName })}` : ''
        }
      </div>
      <button class="dismiss" autofocus @click=${() => this.emit('dismiss')}>
        ${t('hearing.dismiss')}
      </button>
      <button class="see" @click=${() => this.emit('see')}>${t('hearing.see')}</button>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'sac-hearing-alert': HearingAlert;
  }
}
