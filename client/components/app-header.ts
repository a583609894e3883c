import { html, css } from 'lit';
import { SacElement } from './sac-element.js';
import { customElement, property } from 'lit/decorators.js';
import { getLang, t, type Lang } from '../../shared/i18n/core.js';
import type { CityInfo, Me } from '../../shared/types.js';
import { base } from '../styles.js';

/** The top bar: who is signed in, connectivity, language, sign out. */
@customElement('sac-header')
export class SacHeader extends SacElement {
  static override styles = [
    base,
    css`
      header {
        display: flex;
        align-items: center;
        gap: 12px;
        padding: 8px 16px;
        background: var(--red);
        color: #fff;
        min-height: 56px;
      }
      .brand {
        font-weight: 800;
        font-size: 1.15rem;
        letter-spacing: 0.04em;
      }
      .city {
        opacity: 0.9;
        font-size: 0.9rem;
      }
      .spacer {
        flex: 1;
      }
      .who {
        font-size: 0.9rem;
        text-align: right;
        line-height: 1.2;
      }
      .net {
        display: inline-flex;
        align-items: center;
        gap: 6px;
        font-size: 0.85rem;
        padding: 4px 10px;
        border-radius: 999px;
        background: rgba(255, 255, 255, 0.16);
      }
      .dot {
        width: 9px;
        height: 9px;
        border-radius: 50%;
        background: #7ee2a8;
      }
      .net.off .dot {
        background: #ffd166;
      }
      button {
        background: transparent;
        color: #fff;
        border-color: rgba(255, 255, 255, 0.5);
        min-height: 40px;
        padding: 6px 10px;
      }
      @media (max-width: 520px) {
        header {
          gap: 8px;
          padding: 8px 10px;
        }
        .city,
        .who {
          display: none;
        }
        .net .label {
          position: absolute;
          width: 1px;
          height: 1px;
          overflow: hidden;
          clip: rect(0 0 0 0);
        }
      }
    `,
  ];

  @property({ attribute: false }) me!: Me;
  @property({ attribute: false }) city!: CityInfo;
  @property({ type: Boolean }) online = true;

  private emit(name: string, detail?: unknown): void {
    this.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
  }

  override render() {
    const other: Lang = getLang() === 'es' ? 'en' : 'es';
    return html`<header>
      <span class="brand">SAC</span>
      <span class="city">${this.city.name}</span>
      <span class="spacer"></span>
      <span class="net ${this.online ? '' : 'off'}" role="status">
        <span class="dot" aria-hidden="true"></span
        ><span class="label">${this.online ? t('net.online') : t('net.offline')}</span>
      </span>
      <span class="who">
        <span>${this.me.name}</span><br /><span class="role">${t(`role.${this.me.role}`)}</span>
      </span>
      <button
        lang=${other}
        @click=${() => this.emit('lang', other)}
        aria-label=${t(`app.language.${other}`)}
      >
        ${other.toUpperCase()}
      </button>
      <button @click=${() => this.emit('logout')}>${t('app.logout')}</button>
    </header>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'sac-header': SacHeader;
  }
}
