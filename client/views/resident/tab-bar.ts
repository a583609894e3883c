import { html, css, svg } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { SacElement } from '../../components/sac-element.js';
import { t } from '../../../shared/i18n/core.js';
import { base } from '../../styles.js';

export type Tab = 'raise' | 'mine' | 'area' | 'requests' | 'profile';

/** Hash routes, so a reload, the back button and a notification's link land on a tab. */
export const TAB_PATHS: Record<Tab, string> = {
  raise: '#/',
  mine: '#/alerts',
  area: '#/area',
  requests: '#/requests',
  profile: '#/profile',
};

export type Route = { tab: Tab; alertId: string | null };

/** `#/alert/<id>` is what a push notification opens (shared/push-message alertPath). */
export function parseRoute(hash: string): Route {
  const alert = /^#\/alert\/([0-9a-f-]{36})$/i.exec(hash);
  if (alert) return { tab: 'mine', alertId: alert[1]! };
  const tab = (Object.keys(TAB_PATHS) as Tab[]).find((k) => TAB_PATHS[k] === hash);
  return { tab: tab ?? 'raise', alertId: null };
}

const ICONS: Record<Tab, ReturnType<typeof svg>> = {
  raise: svg`<path d="M12 2 1 21h22L12 2Zm1 15h-2v-2h2v2Zm0-4h-2V9h2v4Z"/>`,
  mine: svg`<path d="M4 5h16v2H4V5Zm0 6h16v2H4v-2Zm0 6h10v2H4v-2Z"/>`,
  area: svg`<path d="M12 2a7 7 0 0 0-7 7c0 5.2 7 13 7 13s7-7.8 7-13a7 7 0 0 0-7-7Zm0 9.5A2.5 2.5 0 1 1 12 6.5a2.5 2.5 0 0 1 0 5Z"/>`,
  requests: svg`<path d="M6 2h9l5 5v15H6V2Zm8 1.5V8h4.5L14 3.5ZM8 12h8v2H8v-2Zm0 4h8v2H8v-2Z"/>`,
  profile: svg`<path d="M12 12a5 5 0 1 0 0-10 5 5 0 0 0 0 10Zm0 2c-4.4 0-9 2.2-9 5v3h18v-3c0-2.8-4.6-5-9-5Z"/>`,
};

/** The resident's sections at the bottom of the screen, where a thumb reaches. */
@customElement('sac-tab-bar')
export class TabBar extends SacElement {
  static override styles = [
    base,
    css`
      nav {
        position: fixed;
        left: 0;
        right: 0;
        bottom: 0;
        z-index: 5;
        display: grid;
        grid-template-columns: repeat(5, 1fr);
        background: var(--paper);
        border-top: 1px solid var(--line);
        padding-bottom: env(safe-area-inset-bottom);
      }
      a {
        display: flex;
        flex-direction: column;
        align-items: center;
        justify-content: center;
        gap: 2px;
        min-height: 60px;
        padding: 6px 2px;
        color: var(--muted);
        text-decoration: none;
        font-size: 0.78rem;
        font-weight: 600;
        text-align: center;
        line-height: 1.1;
      }
      a[aria-current='page'] {
        color: var(--red);
        box-shadow: inset 0 3px 0 var(--red);
      }
      svg {
        width: 24px;
        height: 24px;
        fill: currentColor;
      }
      .badge {
        position: absolute;
        transform: translate(14px, -10px);
        min-width: 18px;
        padding: 0 5px;
        border-radius: 9px;
        background: var(--red);
        color: #fff;
        font-size: 0.72rem;
        line-height: 18px;
      }
      .icon {
        position: relative;
        display: flex;
        justify-content: center;
      }
    `,
  ];

  @property() current: Tab = 'raise';
  /** open alerts of the area, shown on the neighbourhood tab */
  @property({ type: Number }) areaCount = 0;

  override render() {
    const tabs: Tab[] = ['raise', 'mine', 'area', 'requests', 'profile'];
    return html`<nav aria-label=${t('tab.label')}>
      ${tabs.map(
        (tab) =>
          html`<a
            href=${TAB_PATHS[tab]}
            data-tab=${tab}
            aria-current=${tab === this.current ? 'page' : 'false'}
          >
            <span class="icon" aria-hidden="true">
              <svg viewBox="0 0 24 24">${ICONS[tab]}</svg>
              ${
                tab === 'area' && this.areaCount
                  ? html`<span class="badge">${this.areaCount}</span>`
                  : ''
              }
            </span>
            <span>${t(`tab.${tab}`)}</span>
          </a>`,
      )}
    </nav>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'sac-tab-bar': TabBar;
  }
}
