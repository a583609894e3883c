import { css, html } from 'lit';
import { t } from '../shared/i18n/core.js';
import { base } from './styles.js';

/** The root's styles and screens of its own (client/app.ts): the page, loading, a failure. */
export const appStyles = [
  base,
  css`
    :host {
      display: block;
      min-height: 100vh;
      background: var(--bg);
    }
    /* Only the page's content prints (the observatory's reports): never the app's header. */
    @media print {
      :host {
        min-height: 0;
        background: #fff;
      }
      sac-header,
      sac-push-prompt {
        display: none;
      }
    }
    .loading {
      display: grid;
      place-items: center;
      min-height: 60vh;
      font-size: 1.1rem;
    }
    .failed {
      display: grid;
      justify-items: center;
      gap: 16px;
      max-width: 520px;
      margin: 18vh auto 0;
      padding: 0 16px;
      text-align: center;
    }
    .failed h1 {
      font-size: 1.2rem;
      font-weight: 600;
      margin: 0;
    }
  `,
];

/** A first visit's city did not come: say so, and offer what the app also does by itself. */
export const unreachable = (retry: () => void) =>
  html`<main class="failed">
    <div role="alert">
      <h1>${t('boot.unreachable')}</h1>
      <p>${t('boot.unreachable.hint')}</p>
    </div>
    <button class="primary" @click=${retry}>${t('app.retry')}</button>
  </main>`;
