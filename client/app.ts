import { html, css } from 'lit';
import { SacElement } from './components/sac-element.js';
import { customElement, state } from 'lit/decorators.js';
import { getLang, setLang, t, isLang, pickLang, type Lang } from '../shared/i18n/index.js';
import type { CityInfo, Me } from '../shared/types.js';
import { boot, signOut } from './data/session.js';
import { base } from './styles.js';
import './views/login-view.js';
import './views/resident/resident-home.js';
import './views/operator/operator-home.js';
import './views/officer/officer-home.js';
import './views/officer/plan-editor.js';
import './components/app-header.js';
import './components/push-prompt.js';
import './views/register/register-view.js';
import './views/pending/account-status.js';
import type { AccountNotice } from './views/pending/account-status.js';

const LANG_KEY = 'sac.lang';

/** The root: decides who is here and shows that role's home. */
@customElement('sac-app')
export class SacApp extends SacElement {
  static override styles = [
    base,
    css`
      :host {
        display: block;
        min-height: 100vh;
        background: var(--bg);
      }
      .loading {
        display: grid;
        place-items: center;
        min-height: 60vh;
        font-size: 1.1rem;
      }
    `,
  ];

  @state() private me: Me | null = null;
  @state() private city: CityInfo | null = null;
  @state() private ready = false;
  @state() private online = navigator.onLine;
  /** Signed out: the login, the registration form, or why the account cannot sign in. */
  @state() private entry: 'login' | 'register' | AccountNotice = 'login';

  override connectedCallback(): void {
    super.connectedCallback();
    const saved = localStorage.getItem(LANG_KEY);
    setLang(isLang(saved) ? saved : pickLang(navigator.languages));
    document.documentElement.lang = getLang();
    addEventListener('online', this.onNetwork);
    addEventListener('offline', this.onNetwork);
    addEventListener('hashchange', this.onHash);
    void this.start();
  }

  override disconnectedCallback(): void {
    removeEventListener('online', this.onNetwork);
    removeEventListener('offline', this.onNetwork);
    removeEventListener('hashchange', this.onHash);
    super.disconnectedCallback();
  }

  private onNetwork = (): void => {
    this.online = navigator.onLine;
  };

  /** `#/plan` (issue 6): the patrol plans, for operators and admins. */
  private onHash = (): void => this.requestUpdate();

  private async start(): Promise<void> {
    const result = await boot();
    this.city = result.city;
    this.me = result.kind === 'signed-in' ? result.me : null;
    this.ready = true;
  }

  private onLang(lang: Lang): void {
    localStorage.setItem(LANG_KEY, lang);
    setLang(lang);
    document.documentElement.lang = lang;
  }

  private async logout(): Promise<void> {
    await signOut();
    this.me = null;
  }

  override render() {
    if (!this.ready) return html`<div class="loading" role="status">${t('app.loading')}</div>`;
    if (!this.me || !this.city) {
      if (this.entry !== 'login') return this.entryScreen(this.entry);
      return html`<sac-login
        @register=${() => (this.entry = 'register')}
        @account-status=${(e: CustomEvent<AccountNotice>) => (this.entry = e.detail)}
        .online=${this.online}
        @signed-in=${(e: CustomEvent<Me>) => {
          this.me = e.detail;
          void this.start();
        }}
        @lang=${(e: CustomEvent<Lang>) => this.onLang(e.detail)}
      ></sac-login>`;
    }
    return html`
      <sac-header
        .me=${this.me}
        .city=${this.city}
        .online=${this.online}
        @logout=${() => void this.logout()}
        @lang=${(e: CustomEvent<Lang>) => this.onLang(e.detail)}
      ></sac-header>
      <main>
        <sac-push-prompt .me=${this.me}></sac-push-prompt>
        ${this.home(this.me, this.city)}
      </main>
    `;
  }

  private entryScreen(entry: 'register' | AccountNotice) {
    const back = () => (this.entry = 'login');
    if (entry === 'register') {
      return html`<sac-register
        .city=${this.city}
        @back=${back}
        @registered=${() => (this.entry = 'registered')}
      ></sac-register>`;
    }
    return html`<sac-account-status
      .kind=${entry}
      .city=${this.city}
      @back=${back}
    ></sac-account-status>`;
  }

  private home(me: Me, city: CityInfo) {
    const expired = () => void this.logout();
    switch (me.role) {
      case 'citizen':
        return html`<sac-resident-home
          .me=${me}
          .city=${city}
          .online=${this.online}
          @session-expired=${expired}
          @lang=${(e: CustomEvent<Lang>) => this.onLang(e.detail)}
        ></sac-resident-home>`;
      case 'officer':
        return html`<sac-officer-home
          .me=${me}
          .city=${city}
          @session-expired=${expired}
        ></sac-officer-home>`;
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
}

declare global {
  interface HTMLElementTagNameMap {
    'sac-app': SacApp;
  }
}
