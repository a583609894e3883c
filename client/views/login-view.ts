import { html, css } from 'lit';
import { SacElement } from '../components/sac-element.js';
import { customElement, property, state } from 'lit/decorators.js';
import { getLang, t, type Lang } from '../../shared/i18n/core.js';
import { ApiFailure } from '../data/api.js';
import { signIn } from '../data/session.js';
import { base } from '../styles.js';
import { waitText } from './wait-text.js';
import './password-reset.js';

@customElement('sac-login')
export class SacLogin extends SacElement {
  static override styles = [
    base,
    css`
      :host {
        display: grid;
        place-items: center;
        min-height: 100vh;
        padding: 16px;
      }
      .card {
        width: min(420px, 100%);
        padding: 28px 24px;
      }
      .logo {
        display: flex;
        align-items: center;
        gap: 12px;
        margin-bottom: 8px;
      }
      .logo img {
        width: 56px;
        height: 56px;
        border-radius: 14px;
      }
      h1 {
        font-size: 1.4rem;
        margin: 0;
      }
      label {
        display: block;
        font-weight: 600;
        margin: 18px 0 6px;
      }
      input {
        width: 100%;
        font: inherit;
        padding: 12px;
        border: 1px solid #8d8893;
        border-radius: 10px;
        min-height: 48px;
      }
      button.primary {
        width: 100%;
        margin-top: 22px;
        min-height: 52px;
        font-size: 1.05rem;
      }
      .error {
        margin-top: 16px;
        padding: 12px;
        border-radius: 10px;
        background: #fce8e6;
        color: var(--red-dark);
      }
      .lang {
        margin-top: 18px;
        text-align: center;
      }
      .lang button {
        border: none;
        background: none;
        color: var(--info);
        text-decoration: underline;
      }
    `,
  ];

  @property({ type: Boolean }) online = true;
  @state() private error = '';
  @state() private busy = false;
  /** the "forgot my password" path, with an operator's one-time code */
  @state() private resetting = false;
  /** seconds left before the server takes another attempt (after a 429) */
  @state() private waitLeft = 0;
  private waitTimer: ReturnType<typeof setInterval> | undefined;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearInterval(this.waitTimer);
  }

  /** Counts the server's `Retry-After` down on the button; the form opens again at zero. */
  private startWait(seconds: number): void {
    clearInterval(this.waitTimer);
    const until = Date.now() + seconds * 1000;
    this.waitLeft = seconds;
    this.waitTimer = setInterval(() => {
      this.waitLeft = Math.max(0, Math.ceil((until - Date.now()) / 1000));
      if (this.waitLeft === 0) clearInterval(this.waitTimer);
    }, 1000);
  }

  private async submit(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    if (this.waitLeft > 0) return;
    const form = new FormData(e.target as HTMLFormElement);
    this.busy = true;
    this.error = '';
    try {
      const me = await signIn(String(form.get('username')), String(form.get('password')));
      this.dispatchEvent(
        new CustomEvent('signed-in', { detail: me, bubbles: true, composed: true }),
      );
    } catch (error) {
      this.error = messageFor(error);
      if (error instanceof ApiFailure && error.code === 'too_many_attempts')
        this.startWait(error.retryAfter ?? 30);
      // An account that cannot sign in gets its own screen saying why and what to do.
      if (error instanceof ApiFailure && ACCOUNT_NOTICES[error.code])
        this.dispatchEvent(
          new CustomEvent('account-status', {
            detail: ACCOUNT_NOTICES[error.code],
            bubbles: true,
            composed: true,
          }),
        );
    } finally {
      this.busy = false;
    }
  }

  override render() {
    const other: Lang = getLang() === 'es' ? 'en' : 'es';
    return html`<main class="card">
      <div class="logo">
        <img src="/icons/icon-192.png" alt="" />
        <div>
          <h1>${t('login.title')}</h1>
          <div class="muted">${t('app.name')}</div>
        </div>
      </div>
      ${
        this.resetting
          ? html`<sac-password-reset @back=${() => (this.resetting = false)}></sac-password-reset>`
          : this.signInForm()
      }
      <div class="lang">
        <button
          lang=${other}
          @click=${() =>
            this.dispatchEvent(
              new CustomEvent('lang', { detail: other, bubbles: true, composed: true }),
            )}
        >
          ${t(`app.language.${other}`)}
        </button>
      </div>
    </main>`;
  }

  private signInForm() {
    return html`<form @submit=${this.submit}>
        <label for="username">${t('login.username')}</label>
        <input
          id="username"
          name="username"
          autocomplete="username"
          required
          autocapitalize="none"
        />
        <label for="password">${t('login.password')}</label>
        <input
          id="password"
          name="password"
          type="password"
          autocomplete="current-password"
          required
        />
        <button class="primary" type="submit" ?disabled=${this.busy || this.waitLeft > 0}>
          ${this.waitLeft > 0 ? t('login.wait', { wait: waitText(this.waitLeft) }) : t('login.submit')}
        </button>
      </form>
      ${this.error ? html`<div class="error" role="alert">${this.error}</div>` : ''}
      <div class="lang">
        <button
          @click=${() => {
            this.error = '';
            this.resetting = true;
          }}
        >
          ${t('login.forgot')}
        </button>
      </div>
      <div class="lang">
        <button
          @click=${() =>
            this.dispatchEvent(new CustomEvent('register', { bubbles: true, composed: true }))}
        >
          ${t('login.register')}
        </button>
      </div>`;
  }
}

const ACCOUNT_NOTICES: Partial<Record<string, 'pending' | 'suspended'>> = {
  account_pending: 'pending',
  account_suspended: 'suspended',
};

function messageFor(error: unknown): string {
  if (!(error instanceof ApiFailure)) return t('app.error');
  switch (error.code) {
    case 'invalid_credentials':
      return t('login.invalid_credentials');
    case 'account_pending':
      return t('login.account_pending');
    case 'account_suspended':
      return t('login.account_suspended');
    case 'offline':
      return t('login.offline');
    case 'too_many_attempts':
      return t('login.too_many', { wait: waitText(error.retryAfter ?? 30) });
    default:
      return error.message || t('app.error');
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'sac-login': SacLogin;
  }
}
