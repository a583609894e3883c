import { html, css } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { SacElement } from '../../components/sac-element.js';
import { getLang, LANGS, t, type Lang } from '../../../shared/i18n/core.js';
import type { CityInfo, Me } from '../../../shared/types.js';
import { hearingMode, setHearingMode, setShowName } from '../../data/profile.js';
import { base } from '../../styles.js';
import { fields } from './form-styles.js';
import { areaName } from './neighbourhood-feed.js';
import './profile-contact.js';

/** First name and initial, as neighbours would see it (server/alerts displayName). */
const displayName = (name: string): string => {
  const [first = '', last = ''] = name.trim().split(/\s+/);
  return last ? `${first} ${last[0]}.` : first;
};

/**
 * The resident's settings: phone and home (profile-contact.ts), the name neighbours see (on
 * the server), hearing-impaired mode (this phone only), and the language.
 */
@customElement('sac-profile-view')
export class ProfileView extends SacElement {
  static override styles = [
    base,
    fields,
    css`
      h1 {
        font-size: 1.25rem;
        margin: 18px 0 10px;
      }
      dl {
        display: grid;
        grid-template-columns: auto 1fr;
        gap: 6px 12px;
        margin: 0;
      }
      dt {
        color: var(--muted);
      }
      dd {
        margin: 0;
        font-weight: 600;
      }
      .setting {
        margin-top: 12px;
      }
      .toggle {
        display: flex;
        gap: 12px;
        align-items: flex-start;
        margin: 0;
      }
      .toggle input {
        flex: none;
        margin-top: 2px;
      }
      .langs {
        display: flex;
        gap: 16px;
      }
      .langs label {
        display: inline-flex;
        gap: 8px;
        align-items: center;
        margin: 0;
        min-height: 44px;
      }
      .note {
        margin: 8px 0 0;
      }
    `,
  ];

  @property({ attribute: false }) me!: Me;
  @property({ attribute: false }) city!: CityInfo;
  @property({ type: Boolean }) online = true;
  @state() private hearing = hearingMode();
  @state() private busy = false;
  @state() private note = '';

  private emit(name: string, detail: unknown): void {
    this.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
  }

  private async toggleName(e: Event): Promise<void> {
    const input = e.target as HTMLInputElement;
    this.busy = true;
    this.note = '';
    try {
      const me = await setShowName(input.checked);
      this.emit('me-changed', me);
      this.note = t('profile.saved');
    } catch {
      input.checked = this.me.showName;
      this.note = t('profile.show_name_offline');
    } finally {
      this.busy = false;
    }
  }

  private toggleHearing(e: Event): void {
    this.hearing = (e.target as HTMLInputElement).checked;
    setHearingMode(this.hearing);
    this.emit('hearing-changed', this.hearing);
  }

  override render() {
    const area = areaName(this.city, this.me.areaId);
    return html`
      <h1>${t('profile.title')}</h1>
      <div class="card">
        <dl>
          <dt>${t('register.name')}</dt>
          <dd>${this.me.name}</dd>
          <dt>${t('profile.username')}</dt>
          <dd>${this.me.username}</dd>
          <dt>${t('profile.area')}</dt>
          <dd>${area ?? t('profile.no_area')}</dd>
        </dl>
      </div>
      <sac-profile-contact
        .me=${this.me}
        .city=${this.city}
        ?online=${this.online}
      ></sac-profile-contact>
      <div class="card setting">
        <label class="toggle">
          <input
            type="checkbox"
            name="show-name"
            .checked=${this.me.showName}
            ?disabled=${this.busy || !this.online}
            aria-describedby="show-name-hint"
            @change=${this.toggleName}
          />
          <span>${t('profile.show_name')}</span>
        </label>
        <div class="hint" id="show-name-hint">
          ${t('profile.show_name_hint', { name: displayName(this.me.name) })}
        </div>
        ${
          !this.online || this.note
            ? html`<p class="note" role="status">
                ${this.online ? this.note : t('profile.show_name_offline')}
              </p>`
            : ''
        }
      </div>
      <div class="card setting">
        <label class="toggle">
          <input
            type="checkbox"
            name="hearing"
            .checked=${this.hearing}
            aria-describedby="hearing-hint"
            @change=${this.toggleHearing}
          />
          <span>${t('profile.hearing')}</span>
        </label>
        <div class="hint" id="hearing-hint">${t('profile.hearing_hint')}</div>
      </div>
      <fieldset class="card setting">
        <legend>${t('app.language')}</legend>
        <div class="langs">
          ${LANGS.map(
            (lang: Lang) =>
              html`<label lang=${lang}
                ><input
                  type="radio"
                  name="lang"
                  .checked=${getLang() === lang}
                  @change=${() => this.emit('lang', lang)}
                />${t(`app.language.${lang}`)}</label
              >`,
          )}
        </div>
      </fieldset>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'sac-profile-view': ProfileView;
  }
}
