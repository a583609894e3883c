import { html, css } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { SacElement } from '../../components/sac-element.js';
import { t } from '../../../shared/i18n/core.js';
import type { CityInfo, Me } from '../../../shared/types.js';
import { account } from '../../data/account.js';
import { ApiFailure } from '../../data/api.js';
import { base } from '../../styles.js';
import { fields } from './form-styles.js';
import { areaName } from './neighbourhood-feed.js';
import { AddressEntry, addressStyles } from '../register/address-entry.js';

const PHONE = '\\+?[0-9 \\(\\)\\-]{6,24}';

type Editing = 'none' | 'phone' | 'home';

/**
 * The resident's phone and home in the profile. The phone changes at once (it is how the
 * monitoring centre calls back). A new home is a request an operator approves: until then
 * the profile shows it as "pending approval" under the home in force, which keeps deciding
 * alerts-at-home and the neighbourhood. Opening the profile fetches the account afresh, so
 * a decision made meanwhile shows (and the app moves to the new neighbourhood).
 */
@customElement('sac-profile-contact')
export class ProfileContact extends SacElement {
  static override styles = [
    base,
    fields,
    addressStyles,
    css`
      :host {
        display: block;
        margin-top: 12px;
      }
      h2 {
        font-size: 1.05rem;
        margin: 0 0 4px;
      }
      .row {
        display: flex;
        justify-content: space-between;
        align-items: flex-start;
        gap: 12px;
        padding: 10px 0;
        border-top: 1px solid var(--line, #e2dfe6);
      }
      .row:first-of-type {
        border-top: none;
      }
      .label {
        color: var(--muted);
        font-size: 0.9rem;
      }
      .value {
        font-weight: 600;
        overflow-wrap: anywhere;
      }
      .pending {
        margin-top: 8px;
        padding: 10px 12px;
        border-radius: 10px;
        background: #fff4e0;
        color: #6b4200;
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: 8px;
        margin-top: 14px;
      }
      .note {
        margin: 10px 0 0;
      }
    `,
  ];

  @property({ attribute: false }) me!: Me;
  @property({ attribute: false }) city!: CityInfo;
  @property({ type: Boolean }) online = true;
  @state() private editing: Editing = 'none';
  @state() private busy = false;
  @state() private note = '';
  @state() private error = '';
  @state() private tried = false;
  private entry = new AddressEntry(this, 'new-home');

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.online)
      void account
        .refresh()
        .then((me) => this.changed(me))
        .catch(() => undefined);
  }

  private changed(me: Me): void {
    this.dispatchEvent(
      new CustomEvent('me-changed', { detail: me, bubbles: true, composed: true }),
    );
  }

  private edit(what: Editing): void {
    this.editing = what;
    this.note = this.error = '';
    this.tried = false;
    if (what === 'home') this.entry = new AddressEntry(this, 'new-home');
  }

  private async run(work: () => Promise<Me>, done: string): Promise<void> {
    this.busy = true;
    this.error = '';
    try {
      this.changed(await work());
      this.editing = 'none';
      this.note = done;
    } catch (error) {
      this.error = messageFor(error);
    } finally {
      this.busy = false;
    }
  }

  private savePhone(e: SubmitEvent): void {
    e.preventDefault();
    const phone = String(new FormData(e.target as HTMLFormElement).get('phone')).trim();
    void this.run(() => account.setPhone(phone), t('profile.saved'));
  }

  private saveHome(e: SubmitEvent): void {
    e.preventDefault();
    this.tried = true;
    const home = this.entry.pin;
    if (!home) {
      this.error = t('profile.home_missing');
      return;
    }
    if (!this.entry.areaOf(this.city)) {
      this.error = t('profile.home_outside');
      return;
    }
    void this.run(() => account.requestHome(this.entry.address, home), t('profile.home_sent'));
  }

  override render() {
    const me = this.me;
    const pending = me.pendingHome;
    return html`<section class="card" aria-labelledby="contact-title">
      <h2 id="contact-title">${t('profile.contact')}</h2>
      <div class="row">
        <div>
          <div class="label">${t('profile.phone')}</div>
          <div class="value" data-phone>${me.phone ?? '—'}</div>
        </div>
        ${this.editButton('phone', t('profile.phone'))}
      </div>
      ${this.editing === 'phone' ? this.phoneForm() : ''}
      <div class="row">
        <div>
          <div class="label">${t('profile.address')}</div>
          <div class="value" data-address>${me.address ?? '—'}</div>
          <div class="hint">${areaName(this.city, me.areaId) ?? t('profile.no_area')}</div>
          ${
            pending
              ? html`<div class="pending" role="status" data-pending>
                  ${t('profile.home_pending', {
                    address: pending.address,
                    area: areaName(this.city, pending.areaId) ?? '',
                  })}
                </div>`
              : ''
          }
        </div>
        ${pending ? '' : this.editButton('home', t('profile.home_change'))}
      </div>
      ${
        pending && this.editing === 'none'
          ? html`<button
              type="button"
              ?disabled=${this.busy || !this.online}
              @click=${() => void this.run(() => account.withdrawHome(), t('profile.saved'))}
            >
              ${t('profile.home_pending_withdraw')}
            </button>`
          : ''
      }
      ${this.editing === 'home' ? this.homeForm() : ''}
      ${
        !this.online
          ? html`<p class="note" role="status">${t('profile.offline')}</p>`
          : this.note
            ? html`<p class="note" role="status">${this.note}</p>`
            : ''
      }
      ${this.error ? html`<div class="error" role="alert">${this.error}</div>` : ''}
    </section>`;
  }

  private editButton(what: Exclude<Editing, 'none'>, label: string) {
    if (this.editing === what) return '';
    return html`<button
      type="button"
      aria-label=${what === 'phone' ? `${t('profile.edit')}: ${label}` : label}
      ?disabled=${!this.online || this.busy}
      @click=${() => this.edit(what)}
    >
      ${what === 'phone' ? t('profile.edit') : t('profile.home_change')}
    </button>`;
  }

  private phoneForm() {
    return html`<form @submit=${this.savePhone}>
      <label for="new-phone">${t('profile.phone')}</label>
      <input
        id="new-phone"
        name="phone"
        type="tel"
        required
        autocomplete="tel"
        pattern=${PHONE}
        maxlength="24"
        .value=${this.me.phone ?? ''}
        aria-describedby="new-phone-hint"
      />
      <div class="hint" id="new-phone-hint">${t('profile.phone_hint')}</div>
      ${this.formActions()}
    </form>`;
  }

  private homeForm() {
    return html`<form @submit=${this.saveHome}>
      <p class="hint">${t('profile.home_change_hint')}</p>
      ${this.entry.render(this.city, { tried: this.tried, missingKey: 'register.home_missing' })}
      ${this.formActions()}
    </form>`;
  }

  private formActions() {
    return html`<div class="actions">
      <button class="primary" type="submit" ?disabled=${this.busy || !this.online}>
        ${t('profile.save')}
      </button>
      <button type="button" @click=${() => this.edit('none')}>${t('profile.cancel')}</button>
    </div>`;
  }
}

function messageFor(error: unknown): string {
  if (!(error instanceof ApiFailure)) return t('app.error');
  if (error.code === 'offline') return t('profile.offline');
  if (error.code === 'outside_city') return t('profile.home_outside');
  if (error.code === 'bad_request' && error.message.includes('phone'))
    return t('profile.phone_invalid');
  return t('app.error');
}

declare global {
  interface HTMLElementTagNameMap {
    'sac-profile-contact': ProfileContact;
  }
}
