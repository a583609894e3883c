import { html } from 'lit';
import { SacElement } from './components/sac-element.js';
import { customElement, state } from 'lit/decorators.js';
import { getLang, isLang, loadLang, pickLang, setLang, t, type Lang } from '../shared/i18n/core.js';
import type { CityInfo, Me, Role } from '../shared/types.js';
import { bootSource, signOut } from './data/session.js';
import { sameValue, startBoot, type BootSession, type BootView } from './data/boot.js';
import { warmOffline } from './data/warm.js';
import { cache } from './data/cache.js';
import { appUpdate } from './data/app-update.js';
import { appStyles, roleHome, unreachable } from './app-parts.js';
import './views/login-view.js';
import type { AccountNotice } from './views/pending/account-status.js';
import { SCREENS, screensOf, type Screen } from './screens.js';

const LANG_KEY = 'sac.lang';
/**
 * English is a chunk of its own, there at once from the worker's cache; a signed-in phone on a
 * stalled link opens in Spanish rather than wait, and switches when it arrives.
 */
const LANG_WAIT_MS = 4_000;

/** The root: decides who is here and shows that role's home. */
@customElement('sac-app')
export class SacApp extends SacElement {
  static override styles = appStyles;

  @state() private me: Me | null = null;
  @state() private city: CityInfo | null = null;
  @state() private ready = false;
  /** A first visit with nothing on the phone, and no answer from the server yet. */
  @state() private unreachable = false;
  private session: BootSession | null = null;
  /** The role whose screens were last kept for offline use (client/data/warm.ts). */
  private warmed: Role | null | undefined = undefined;
  @state() private online = navigator.onLine;
  /** Signed out: the login, the registration form, or why the account cannot sign in. */
  @state() private entry: 'login' | 'register' | AccountNotice = 'login';
  /** Screens whose code has arrived; `false` when fetching it failed. */
  @state() private loaded = new Map<Screen, boolean>();
  private readonly loading = new Map<Screen, Promise<unknown>>();

  override connectedCallback(): void {
    super.connectedCallback();
    // A returning person's screens (a resident's home too) start loading now, as the entry
    // runs, beside the session check: a signed-in reload waits on no extra step.
    const known = cache.me();
    if (known) for (const screen of screensOf(known.role)) this.need(screen);
    addEventListener('online', this.onNetwork);
    addEventListener('offline', this.onNetwork);
    addEventListener('hashchange', this.onHash);
    appUpdate.addEventListener('change', this.onHash);
    void this.start();
  }

  override disconnectedCallback(): void {
    removeEventListener('online', this.onNetwork);
    removeEventListener('offline', this.onNetwork);
    removeEventListener('hashchange', this.onHash);
    appUpdate.removeEventListener('change', this.onHash);
    appUpdate.explainInPlace(this, false);
    this.session?.stop();
    super.disconnectedCallback();
  }

  private onNetwork = (): void => {
    this.online = navigator.onLine;
    if (this.online) this.session?.retry();
  };

  /** `#/plan`: the patrol plans, for operators and admins; `#/barrio/…`: the public page. */
  private onHash = (): void => this.requestUpdate();

  /**
   * Draws from what the phone holds as soon as the language is there, and lets the server's
   * answer correct it behind (client/data/boot.ts): never a network round trip before the
   * alert buttons.
   */
  private async start(): Promise<void> {
    const saved = localStorage.getItem(LANG_KEY);
    const lang = isLang(saved) ? saved : pickLang(navigator.languages);
    const language = this.useLang(lang).then(() => this.requestUpdate());
    // The login's strings are in the first load in every language: signed out, it is drawn
    // now and the rest of the language follows. A signed-in home waits for it.
    if (cache.me()) await Promise.race([language, new Promise((r) => setTimeout(r, LANG_WAIT_MS))]);
    else this.showLang(lang);
    this.session = startBoot(bootSource, (view) => this.show(view));
  }

  private show(view: BootView): void {
    // The refresh behind the first draw mostly brings the same city and person (sameValue).
    if (!sameValue(view.city, this.city)) this.city = view.city;
    if (!sameValue(view.me, this.me)) this.me = view.me;
    this.unreachable = view.unreachable;
    this.ready = true;
  }

  override updated(): void {
    if (!this.ready) return;
    // Once drawn: the service worker registers (client/main.ts), and keeps what this
    // person's role needs offline.
    const role = this.me?.role ?? null;
    if (role === this.warmed) return;
    this.warmed = role;
    dispatchEvent(new Event('sac-drawn'));
    warmOffline(role);
    // Signed out, the login drawn: a resident's home comes behind it, ready for the sign-in.
    if (role === null) for (const screen of screensOf('citizen')) this.need(screen);
  }

  private onLang(lang: Lang): void {
    localStorage.setItem(LANG_KEY, lang);
    void this.useLang(lang);
  }

  /** Only Spanish is in the first load (and the login in every language); the rest on demand. */
  private async useLang(lang: Lang): Promise<void> {
    await loadLang(lang).catch(() => undefined);
    this.showLang(lang);
  }

  private showLang(lang: Lang): void {
    setLang(lang);
    document.documentElement.lang = getLang();
  }

  /**
   * Whether a screen's code is here; if not, fetches it (once) and renders again when it
   * arrives. A failed fetch (offline before the service worker had it) offers a retry.
   */
  private need(screen: Screen): boolean {
    // A failure stays shown until the person asks again (`retry`), never refetched per render.
    const done = this.loaded.get(screen);
    if (done !== undefined) return done;
    if (!this.loading.has(screen)) {
      const arrived = (ok: boolean) => {
        if (!ok) this.loading.delete(screen);
        this.loaded = new Map(this.loaded).set(screen, ok);
      };
      this.loading.set(
        screen,
        // A screen draws in the whole of its language, not only the login's strings.
        Promise.all([SCREENS[screen](), loadLang(getLang()).catch(() => undefined)]).then(
          () => arrived(true),
          () => arrived(false),
        ),
      );
    }
    return false;
  }

  private waiting(screens: Screen[]) {
    const missing = screens.filter((s) => !this.need(s));
    const failed = missing.some((s) => this.loaded.get(s) === false);
    // Online, a screen that failed after the one automatic reload (client/data/app-update.ts)
    // most likely left the server with a deploy: only loading the new version brings it back.
    const gone = failed && appUpdate.state === 'failed';
    appUpdate.explainInPlace(this, gone);
    if (!missing.length) return null;
    if (failed) {
      return html`<main class="failed">
        <div role="alert"><h1>${t(gone ? 'update.failed' : 'app.error')}</h1></div>
        ${
          gone
            ? html`<button class="primary" @click=${() => appUpdate.accept()}>
                ${t('update.action')}
              </button>`
            : html`<button @click=${() => this.retry(missing)}>${t('app.retry')}</button>`
        }
      </main>`;
    }
    return html`<div class="loading" role="status">${t('app.loading')}</div>`;
  }

  private retry(screens: Screen[]): void {
    const loaded = new Map(this.loaded);
    for (const s of screens) loaded.delete(s);
    this.loaded = loaded;
  }

  private signingOut: Promise<void> | null = null;

  /**
   * Ending the session closes this person's sockets, and each room then reports the session
   * gone: that is one sign-out, not one request per room (each refused with a 401).
   */
  private logout(): Promise<void> {
    if (!this.me) return Promise.resolve();
    this.signingOut ??= signOut()
      .then(() => {
        this.me = null;
      })
      .finally(() => (this.signingOut = null));
    return this.signingOut;
  }

  override render() {
    if (!this.ready) return html`<div class="loading" role="status">${t('app.loading')}</div>`;
    if (this.me && !this.city) return this.noCity();
    const place = /^#\/barrio\/([^/]+)\/(\d{4}-\d{2})$/.exec(location.hash);
    if (place && this.city) return this.waiting(['public']) ?? this.publicArea(place, this.city);
    if (!this.me || !this.city) {
      if (this.entry !== 'login')
        return (
          this.waiting([this.entry === 'register' ? 'register' : 'status']) ??
          this.entryScreen(this.entry)
        );
      return html`<sac-login
        @register=${() => (this.entry = 'register')}
        @account-status=${(e: CustomEvent<AccountNotice>) => (this.entry = e.detail)}
        .online=${this.online}
        @signed-in=${(e: CustomEvent<Me>) => {
          this.me = e.detail;
          this.session?.retry();
        }}
        @lang=${(e: CustomEvent<Lang>) => this.onLang(e.detail)}
      ></sac-login>`;
    }
    const wait = this.waiting(screensOf(this.me.role));
    if (wait) return wait;
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
        ${roleHome(this.me, this.city, {
          online: this.online,
          expired: () => void this.logout(),
          lang: (lang) => this.onLang(lang),
        })}
      </main>
    `;
  }

  /** Signed in on a phone that has never had the city: only the server can give it. */
  private noCity() {
    if (!this.unreachable)
      return html`<div class="loading" role="status">${t('app.loading')}</div>`;
    return unreachable(() => this.session?.retry());
  }

  /** `#/barrio/<area>/<YYYY-MM>`: an area's month for residents, signed in or not. */
  private publicArea([, area, month]: RegExpExecArray, city: CityInfo) {
    return html`<main>
      <sac-public-area
        @lang=${(e: CustomEvent<Lang>) => this.onLang(e.detail)}
        .city=${city}
        .areaId=${decodeURIComponent(area ?? '')}
        .month=${month ?? ''}
      ></sac-public-area>
    </main>`;
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
}

declare global {
  interface HTMLElementTagNameMap {
    'sac-app': SacApp;
  }
}
