import { html, css } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { t } from '../../shared/i18n/core.js';
import { appUpdate, type UpdateState } from '../data/app-update.js';
import { base } from '../styles.js';
import { SacElement } from './sac-element.js';

/**
 * "New version available — Update", at the bottom of every screen, signed in or not. It
 * asks and never decides: the new version waits until the button is pressed. Hidden while
 * an alert is being written, so nothing competes with that screen, and when a screen that
 * could not load already says so in its place (client/app.ts).
 */
@customElement('sac-update-banner')
export class UpdateBanner extends SacElement {
  static override styles = [
    base,
    css`
      :host {
        position: fixed;
        left: 0;
        right: 0;
        /* Above the bottom tab bars of the resident and patrol screens. */
        bottom: calc(84px + env(safe-area-inset-bottom));
        /* Over the tab bars, under full-screen overlays (an incoming alert, a dispatch). */
        z-index: 20;
        display: flex;
        justify-content: center;
        padding: 0 12px;
        pointer-events: none;
      }
      /* On a desk, in the corner: the console's map legend sits at its bottom left. */
      @media (min-width: 900px) {
        :host {
          bottom: 24px;
          justify-content: flex-end;
          padding: 0 24px;
        }
      }
      .toast {
        pointer-events: auto;
        display: flex;
        align-items: center;
        gap: 14px;
        max-width: 560px;
        padding: 10px 10px 10px 16px;
        border-radius: var(--radius);
        background: var(--ink);
        color: #fff;
        box-shadow: 0 6px 20px rgba(0, 0, 0, 0.3);
      }
      p {
        margin: 0;
        flex: 1;
      }
      button {
        flex: none;
        font-weight: 700;
        background: #fff;
        color: var(--ink);
        border-color: #fff;
      }
    `,
  ];

  @state() private state: UpdateState = appUpdate.state;
  @state() private quiet = false;

  private readonly onChange = (): void => {
    this.state = appUpdate.state;
    this.quiet = appUpdate.held || (appUpdate.state === 'failed' && appUpdate.explainedInPlace);
  };

  override connectedCallback(): void {
    super.connectedCallback();
    appUpdate.addEventListener('change', this.onChange);
    this.onChange();
  }

  override disconnectedCallback(): void {
    appUpdate.removeEventListener('change', this.onChange);
    super.disconnectedCallback();
  }

  override render() {
    if (this.state === 'current' || this.quiet) return html``;
    return html`<section class="toast" role="status" aria-label=${t('update.label')}>
      <p>${t(this.state === 'failed' ? 'update.failed' : 'update.available')}</p>
      <button @click=${() => appUpdate.accept()}>${t('update.action')}</button>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'sac-update-banner': UpdateBanner;
  }
}
