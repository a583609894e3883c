import { html, css, nothing } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import { SacElement } from './sac-element.js';
import { t } from '../../shared/i18n/core.js';
import { shrinkPhoto, type ShrunkPhoto } from '../data/photo.js';
import { base } from '../styles.js';

/**
 * One photo for a neighbour request (the resident's form and the officer's): taken with the camera (`capture="environment"` opens
 * the back camera at once) or chosen from the gallery (a picture taken earlier, when the
 * problem was seen). Shrunk and re-encoded on the phone before anything else, so what is kept
 * and sent is small and carries no EXIF. Emits `photo` with the result, or null when removed.
 */
@customElement('sac-photo-picker')
export class PhotoPicker extends SacElement {
  static override styles = [
    base,
    css`
      .buttons {
        display: flex;
        flex-wrap: wrap;
        gap: 8px;
      }
      .preview {
        display: flex;
        gap: 12px;
        align-items: center;
        margin-top: 8px;
      }
      img {
        width: 120px;
        height: 90px;
        object-fit: cover;
        border-radius: 8px;
        border: 1px solid #8d8893;
        background: #eee;
      }
      .status {
        margin: 6px 0 0;
      }
      .failed {
        color: var(--red-dark);
      }
    `,
  ];

  @state() private photo: ShrunkPhoto | null = null;
  @state() private url: string | null = null;
  @state() private busy = false;
  @state() private failed = false;
  @query('#camera') private camera!: HTMLInputElement;
  @query('#gallery') private gallery!: HTMLInputElement;

  override disconnectedCallback(): void {
    this.set(null);
    super.disconnectedCallback();
  }

  /** Empties the picker once its form is sent. */
  clear(): void {
    this.failed = false;
    this.set(null);
  }

  private set(photo: ShrunkPhoto | null): void {
    if (this.url) URL.revokeObjectURL(this.url);
    this.photo = photo;
    this.url = photo
      ? URL.createObjectURL(new Blob([new Uint8Array(photo.bytes)], { type: 'image/jpeg' }))
      : null;
    this.dispatchEvent(new CustomEvent('photo', { detail: photo }));
  }

  private async chosen(e: Event): Promise<void> {
    const input = e.target as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    this.busy = true;
    this.failed = false;
    try {
      this.set(await shrinkPhoto(file));
    } catch {
      // HEIC on a browser that cannot decode it, a broken file: say so, keep the form.
      this.failed = true;
      this.set(null);
    } finally {
      this.busy = false;
    }
  }

  override render() {
    const status = this.busy
      ? t('requests.photo_preparing')
      : this.failed
        ? t('requests.photo_failed')
        : this.photo
          ? t('requests.photo_ready', {
              kb: Math.max(1, Math.round(this.photo.bytes.length / 1024)),
            })
          : '';
    return html`<div class="buttons">
        <button type="button" ?disabled=${this.busy} @click=${() => this.camera.click()}>
          ${t('requests.photo_take')}
        </button>
        <button type="button" ?disabled=${this.busy} @click=${() => this.gallery.click()}>
          ${t('requests.photo_pick')}
        </button>
      </div>
      <input
        id="camera"
        hidden
        type="file"
        accept="image/*"
        capture="environment"
        @change=${this.chosen}
      />
      <input id="gallery" hidden type="file" accept="image/*" @change=${this.chosen} />
      ${
        this.url
          ? html`<div class="preview">
              <img src=${this.url} alt=${t('requests.photo_alt')} />
              <button type="button" @click=${() => this.set(null)}>
                ${t('requests.photo_remove')}
              </button>
            </div>`
          : nothing
      }
      <p class="status ${this.failed ? 'failed' : ''}" role="status">${status}</p>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'sac-photo-picker': PhotoPicker;
  }
}
