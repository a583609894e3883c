import { html, css } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { SacElement } from '../components/sac-element.js';
import { t } from '../../shared/i18n/core.js';
import { account } from '../data/account.js';
import { ApiFailure } from '../data/api.js';
import { signIn } from '../data/session.js';
import { base } from '../styles.js';
import { fields } from './resident/form-styles.js';
import { waitText } from './wait-text.js';

/**
 * "¿Olvidaste tu contraseña?": the resident called the municipality, an operator read out a
 * one-time code, and here they set a new password with it (server/auth/reset.ts). Then they
 * are signed in with it at once: whoever forgot a password should not have to type it twice.
 */
@customElement('sac-password-reset')
export class PasswordReset extends SacElement {
  static override styles = [
    base,
    fields,
    css`
      :host {
        display: block;
      }
      h1 {
        font-size: 1.3rem;
        margin: 0 0 8px;
      }
      button.primary {
        width: 100%;
        margin-top: 22px;
        min-height: 52px;
        font-size: 1.05rem;
      }
      .back {
        display: block;
        margin: 16px auto 0;
        border: none;
        background: none;
        color: var(--info);
        text-decoration: underline;
      }
    `,
  ];

  @state() private busy = false;
  @state() private error = '';
  @state() private done = false;

  private emit(name: string, detail?: unknown): void {
    this.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
  }

  private async submit(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    const form = new FormData(e.target as HTMLFormElement);
    const username = String(form.get('username')).trim();
    const password = String(form.get('password'));
    this.busy = true;
    this.error = '';
    try {
      await account.reset(username, String(form.get('code')), password);
      this.done = true;
      // Signed in with the new password; a pending or suspended account gets its own screen.
      const me = await signIn(username, password).catch(() => null);
      if (me) this.emit('signed-in', me);
    } catch (error) {
      this.error = messageFor(error);
    } finally {
      this.busy = false;
    }
  }

  override render() {
    if (this.done)
      return html`<h1>${t('reset.title')}</h1>
        <p role="status">${t('reset.done')}</p>
        <button class="back" @click=${() => this.emit('back')}>${t('reset.back')}</button>`;
    return html`<form @submit=${this.submit}>
        <h1>${t('reset.title')}</h1>
        <p class="muted">${t('reset.intro')}</p>
        <label for="reset-username">${t('login.username')}</label>
        <input
          id="reset-username"
          name="username"
          autocomplete="username"
          autocapitalize="none"
          required
        />
        <label for="reset-code">${t('reset.code')}</label>
        <input
          id="reset-code"
          name="code"
          inputmode="numeric"
          autocomplete="one-time-code"
          pattern="[0-9 ]{8,9}"
          required
          aria-describedby="reset-code-hint"
        />
        <div class="hint" id="reset-code-hint">${t('reset.code_hint')}</div>
        <label for="reset-password">${t('reset.password')}</label>
        <input
          id="reset-password"
          name="password"
          type="password"
          autocomplete="new-password"
          minlength="8"
          required
          aria-describedby="reset-password-hint"
        />
        <div class="hint" id="reset-password-hint">${t('register.password_hint')}</div>
        <button class="primary" type="submit" ?disabled=${this.busy}>${t('reset.submit')}</button>
        ${this.error ? html`<div class="error" role="alert">${this.error}</div>` : ''}
      </form>
      <button class="back" @click=${() => this.emit('back')}>${t('reset.back')}</button>`;
  }
}

function messageFor(error: unknown): string {
  if (!(error instanceof ApiFailure)) return t('app.error');
  switch (error.code) {
    case 'invalid_credentials':
      return t('reset.invalid');
    case 'weak_password':
      return error.message.endsWith('too_short')
        ? t('register.password_short')
        : t('register.password_common');
    case 'offline':
      return t('login.offline');
    case 'too_many_attempts':
      return t('login.too_many', { wait: waitText(error.retryAfter ?? 30) });
    default:
      return t('app.error');
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'sac-password-reset': PasswordReset;
  }
}
