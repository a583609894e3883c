import { html, css } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { SacElement } from '../../components/sac-element.js';
import { t } from '../../../shared/i18n/core.js';
import type { RequestCategory } from '../../../shared/types.js';
import { base } from '../../styles.js';
import { officerStyles } from './officer-styles.js';
import type { ShrunkPhoto } from '../../data/photo.js';
import type { PhotoPicker } from '../../components/photo-picker.js';
import '../../components/photo-picker.js';

export interface RequestDraft {
  category: RequestCategory;
  description: string;
  withLocation: boolean;
  /** shrunk and re-encoded on the phone, or null */
  photo: Uint8Array | null;
}

/**
 * A request an officer files for a neighbour (DESIGN §3 categories): it enters the
 * operators' request queue like a resident's (server/requests), from the unit's room.
 */
@customElement('sac-officer-request')
export class RequestForm extends SacElement {
  static override styles = [
    base,
    officerStyles,
    css`
      .categories {
        display: grid;
        grid-template-columns: repeat(2, 1fr);
        gap: 6px;
        margin: 6px 0 12px;
      }
      .categories button {
        min-height: 48px;
        text-align: left;
      }
      .categories button[aria-pressed='true'] {
        background: var(--info);
        border-color: var(--info);
        color: #fff;
        font-weight: 700;
      }
      textarea {
        min-height: 84px;
        margin: 6px 0 10px;
      }
      .check {
        display: flex;
        gap: 10px;
        align-items: center;
        margin-bottom: 12px;
        font-weight: 400;
      }
      .check input {
        width: 24px;
        height: 24px;
      }
    `,
  ];

  @property({ attribute: false }) categories: RequestCategory[] = [];
  @state() private category: RequestCategory | null = null;
  @state() private description = '';
  @state() private withLocation = true;
  @state() private saved = false;
  private photo: ShrunkPhoto | null = null;
  @query('sac-photo-picker') private picker!: PhotoPicker;

  private save(): void {
    if (!this.category || !this.description.trim()) return;
    const detail: RequestDraft = {
      category: this.category,
      description: this.description.trim(),
      withLocation: this.withLocation,
      photo: this.photo?.bytes ?? null,
    };
    this.dispatchEvent(new CustomEvent('request', { detail, bubbles: true, composed: true }));
    this.category = null;
    this.description = '';
    this.picker.clear();
    this.saved = true;
  }

  override render() {
    return html`<section class="card">
      <h2>${t('officer.request.title')}</h2>
      <h3 id="cat">${t('officer.request.category')}</h3>
      <div class="categories" role="group" aria-labelledby="cat">
        ${this.categories.map(
          (c) =>
            html`<button
              type="button"
              aria-pressed=${this.category === c ? 'true' : 'false'}
              @click=${() => {
                this.category = c;
                this.saved = false;
              }}
            >
              ${t(`request.category.${c}`)}
            </button>`,
        )}
      </div>
      <label for="desc">${t('officer.request.description')}</label>
      <textarea
        id="desc"
        maxlength="1000"
        .value=${this.description}
        @input=${(e: Event) => (this.description = (e.target as HTMLTextAreaElement).value)}
      ></textarea>
      <label class="check">
        <input
          type="checkbox"
          .checked=${this.withLocation}
          @change=${(e: Event) => (this.withLocation = (e.target as HTMLInputElement).checked)}
        />
        ${t('officer.request.use_location')}
      </label>
      <h3>${t('requests.photo')}</h3>
      <sac-photo-picker
        @photo=${(e: CustomEvent<ShrunkPhoto | null>) => (this.photo = e.detail)}
      ></sac-photo-picker>
      <button
        class="big primary"
        ?disabled=${!this.category || !this.description.trim()}
        @click=${() => this.save()}
      >
        ${t('officer.request.save')}
      </button>
      ${this.saved ? html`<p class="toast ok" role="status">${t('officer.request.saved')}</p>` : ''}
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'sac-officer-request': RequestForm;
  }
}
