import { css, html } from 'lit';
import { t, type Lang } from '../shared/i18n/core.js';
import type { CityInfo, Me } from '../shared/types.js';
import { base } from './styles.js';

/** The root's styles and screens of its own (client/app.ts): the page, loading, a failure, a home. */
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

/** What a signed-in person's home needs from the root. */
export interface HomeHooks {
  online: boolean;
  /** the session ended (a room refused it) */
  expired: () => void;
  lang: (lang: Lang) => void;
}

/** A signed-in person's home, by role (its code has arrived by then, client/screens.ts). */
export function roleHome(me: Me, city: CityInfo, hooks: HomeHooks) {
  const expired = hooks.expired;
  switch (me.role) {
    case 'citizen':
      return html`<sac-resident-home
        .me=${me}
        .city=${city}
        .online=${hooks.online}
        @session-expired=${expired}
        @lang=${(e: CustomEvent<Lang>) => hooks.lang(e.detail)}
      ></sac-resident-home>`;
    case 'officer':
      return html`<sac-officer-home
        .me=${me}
        .city=${city}
        @session-expired=${expired}
      ></sac-officer-home>`;
    case 'analyst':
      return html`<sac-observatory .me=${me} .city=${city}></sac-observatory>`;
    case 'operator':
    case 'admin':
      if (location.hash.startsWith('#/plan'))
        return html`<sac-plan-editor .city=${city}></sac-plan-editor>`;
      return html`<sac-operator-home
        .me=${me}
        .city=${city}
        @session-expired=${expired}
      ></sac-operator-home>`;
  }
}
