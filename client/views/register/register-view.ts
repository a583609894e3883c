import { html, css } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { SacElement } from '../../components/sac-element.js';
import { t, type MessageKey } from '../../../shared/i18n/core.js';
import type { CityInfo } from '../../../shared/types.js';
import { ApiFailure, api, type RegisterInput } from '../../data/api.js';
import { base } from '../../styles.js';
import { fields } from '../resident/form-styles.js';
import { waitText } from '../wait-text.js';
import { AddressEntry, addressStyles } from './address-entry.js';

/** The server's rules (server/auth/routes.ts registerSchema), checked here first. */
// Browsers compile `pattern` with the `v` flag: brackets and dashes in a class are escaped.
const USERNAME = '[a-zA-Z0-9._\\-]{3,32}';
const PHONE = '\\+?[0-9 \\(\\)\\-]{6,24}';

type Field = 'name' | 'phone' | 'username' | 'password';
const HINTS: Partial<Record<Field, MessageKey>> = {
  phone: 'register.phone_hint',
  username: 'register.username_hint',
  password: 'register.password_hint',
};

/**
 * Registration: name, phone, the address (typed, with the city's street list) and the
 * home's position confirmed on the map (address-entry.ts), username and password. The
 * account stays pending until an operator approves it; the area comes from the position.
 */
@customElement('sac-register')
export class RegisterView extends SacElement {
  static override styles = [
    base,
    fields,
    addressStyles,
    css`
      :host {
        display: block;
        max-width: 560px;
        margin: 0 auto;
        padding: 16px 16px 40px;
      }
      h1 {
        font-size: 1.4rem;
        margin: 4px 0 8px;
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

  @property({ attribute: false }) city: CityInfo | null = null;
  @state() private error = '';
  @state() private busy = false;
  @state() private tried = false;
  private readonly entry = new AddressEntry(this, 'home');

  private emit(name: string, detail?: unknown): void {
    this.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
  }

  private async submit(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    this.tried = true;
    const home = this.entry.pin;
    if (!home) {
      this.error = t('register.home_missing');
      return;
    }
    if (this.city && !this.entry.areaOf(this.city)) {
      this.error = t('register.outside');
      return;
    }
    const form = new FormData(e.target as HTMLFormElement);
    const input: RegisterInput = {
      name: String(form.get('name')).trim(),
      phone: String(form.get('phone')).trim(),
      address: this.entry.address,
      username: String(form.get('username')).trim(),
      password: String(form.get('password')),
      home,
    };
    this.busy = true;
    this.error = '';
    try {
      await api.register(input);
      this.emit('registered');
    } catch (error) {
      this.error = messageFor(error);
    } finally {
      this.busy = false;
    }
  }

  override render() {
    return html`<main>
      <form class="card" @submit=${this.submit}>
        <h1>${t('register.title')}</h1>
        <p class="muted">${t('register.intro')}</p>
        ${this.field('name', 'text', { autocomplete: 'name', minlength: 2, maxlength: 80 })}
        ${this.field('phone', 'tel', { autocomplete: 'tel', pattern: PHONE })}
        ${
          this.city
            ? this.entry.render(this.city, {
                tried: this.tried,
                missingKey: 'register.home_missing',
              })
            : ''
        }
        ${this.field('username', 'text', {
          autocomplete: 'username',
          pattern: USERNAME,
        })}
        ${this.field('password', 'password', { autocomplete: 'new-password', minlength: 8 })}
        <button class="primary" type="submit" ?disabled=${this.busy}>
          ${t('register.submit')}
        </button>
        ${this.error ? html`<div class="error" role="alert">${this.error}</div>` : ''}
      </form>
      <button class="back" @click=${() => this.emit('back')}>${t('register.back')}</button>
    </main>`;
  }

  private field(
    name: Field,
    type: string,
    o: { autocomplete: string; minlength?: number; maxlength?: number; pattern?: string },
  ) {
    const hint = HINTS[name];
    return html`<label for=${name}>${t(`register.${name}`)}</label>
      <input
        id=${name}
        name=${name}
        type=${type}
        required
        autocomplete=${o.autocomplete}
        minlength=${ifDefined(o.minlength)}
        maxlength=${o.maxlength ?? 256}
        pattern=${ifDefined(o.pattern)}
        autocapitalize=${name === 'username' || name === 'password' ? 'none' : 'sentences'}
        aria-describedby=${ifDefined(hint && `${name}-hint`)}
      />
      ${hint ? html`<div class="hint" id="${name}-hint">${t(hint)}</div>` : ''}`;
  }
}

/** What went wrong, in the resident's words; a taken phone is never one of them. */
function messageFor(error: unknown): string {
  if (!(error instanceof ApiFailure)) return t('app.error');
  switch (error.code) {
    case 'offline':
      return t('register.offline');
    case 'conflict':
      return t('register.username_taken');
    case 'weak_password':
      return error.message.endsWith('too_short')
        ? t('register.password_short')
        : t('register.password_common');
    case 'outside_city':
      return t('register.outside');
    case 'too_many_attempts':
      return t('register.too_many', { wait: waitText(error.retryAfter ?? 3600) });
    case 'bad_request':
      return error.message.includes('invisible')
        ? t('register.name_invalid')
        : t('register.invalid');
    default:
      return t('app.error');
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'sac-register': RegisterView;
  }
}
