import { html, css } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { SacElement } from '../../components/sac-element.js';
import { t } from '../../../shared/i18n/core.js';
import type { CityInfo, Fix, GeoPoint, RequestCategory } from '../../../shared/types.js';
import { currentFix } from '../../data/location.js';
import { DESCRIPTION_MAX } from '../../data/requests.js';
import { base } from '../../styles.js';
import { fields } from './form-styles.js';
import { areaMap } from './area-layers.js';
import type { ShrunkPhoto } from '../../data/photo.js';
import '../../components/photo-picker.js';

export interface RequestDraft {
  category: RequestCategory;
  description: string;
  location: Fix | null;
  /** shrunk and re-encoded on the phone, or null */
  photo: Uint8Array | null;
}

/**
 * A new neighbour request: what kind of problem, a description, and a pin on the map (or
 * the phone's position). Works offline like an alert; the list below shows its progress.
 */
@customElement('sac-request-form')
export class RequestForm extends SacElement {
  static override styles = [
    base,
    fields,
    css`
      .chips {
        display: flex;
        flex-wrap: wrap;
        gap: 8px;
      }
      .chips label {
        display: inline-flex;
        align-items: center;
        gap: 6px;
        min-height: 44px;
        margin: 0;
        padding: 8px 12px;
        border: 1px solid #8d8893;
        border-radius: 999px;
        font-weight: 500;
        background: var(--paper);
      }
      .chips label:has(input:checked) {
        border-color: var(--red);
        background: #fbe9e7;
        font-weight: 700;
      }
      .where {
        margin: 8px 0;
      }
      .row {
        display: flex;
        gap: 10px;
        flex-wrap: wrap;
        margin-top: 16px;
      }
    `,
  ];

  @property({ attribute: false }) city!: CityInfo;
  @property({ attribute: false }) areaId: string | null = null;
  @state() private pin: Fix | null = null;
  @state() private locating = false;
  @state() private noFix = false;
  private photo: ShrunkPhoto | null = null;

  private async useHere(): Promise<void> {
    this.locating = true;
    this.noFix = false;
    const fix = await currentFix(6000);
    this.locating = false;
    if (fix) this.pin = fix;
    else this.noFix = true;
  }

  private pick = (point: GeoPoint): void => {
    // A pin placed by hand is where the person meant: no GPS error to report.
    this.pin = { lat: point.lat, lng: point.lng, accuracy: 0 };
    this.noFix = false;
  };

  private submit(e: SubmitEvent): void {
    e.preventDefault();
    const form = new FormData(e.target as HTMLFormElement);
    const draft: RequestDraft = {
      category: String(form.get('category')) as RequestCategory,
      description: String(form.get('description') ?? '').trim(),
      location: this.pin,
      photo: this.photo?.bytes ?? null,
    };
    this.dispatchEvent(new CustomEvent('file', { detail: draft, bubbles: true, composed: true }));
  }

  override render() {
    const where = this.pin
      ? t('requests.location_set', { lat: this.pin.lat.toFixed(5), lng: this.pin.lng.toFixed(5) })
      : this.locating
        ? t('requests.locating')
        : this.noFix
          ? t('requests.no_fix')
          : t('requests.location_none');
    return html`<form class="card" @submit=${this.submit}>
      <fieldset>
        <legend>${t('requests.category')}</legend>
        <div class="chips">
          ${this.city.requestCategories.map(
            (c, i) =>
              html`<label
                ><input type="radio" name="category" value=${c} ?checked=${i === 0} required />
                ${t(`request.category.${c}`)}</label
              >`,
          )}
        </div>
      </fieldset>
      <label for="description">${t('requests.description')}</label>
      <textarea
        id="description"
        name="description"
        required
        maxlength=${DESCRIPTION_MAX}
        aria-describedby="description-hint"
      ></textarea>
      <div class="hint" id="description-hint">${t('requests.description_hint')}</div>
      <fieldset>
        <legend>${t('requests.location')}</legend>
        <div class="hint">${t('requests.location_hint')}</div>
        ${areaMap(this.city, {
          focusArea: this.areaId,
          pin: this.pin,
          picking: true,
          onPick: this.pick,
        })}
        <p class="where" role="status">${where}</p>
        <button type="button" @click=${() => void this.useHere()} ?disabled=${this.locating}>
          ${t('requests.use_here')}
        </button>
      </fieldset>
      <fieldset>
        <legend>${t('requests.photo')}</legend>
        <div class="hint">${t('requests.photo_hint')}</div>
        <sac-photo-picker
          @photo=${(e: CustomEvent<ShrunkPhoto | null>) => (this.photo = e.detail)}
        ></sac-photo-picker>
      </fieldset>
      <div class="row">
        <button class="primary" type="submit">${t('requests.submit')}</button>
        <button
          type="button"
          @click=${() =>
            this.dispatchEvent(new CustomEvent('close', { bubbles: true, composed: true }))}
        >
          ${t('requests.back')}
        </button>
      </div>
    </form>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'sac-request-form': RequestForm;
  }
}
