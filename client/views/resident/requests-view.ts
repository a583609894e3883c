import { html, css } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { SacElement } from '../../components/sac-element.js';
import { formatDateTime, getLang, t } from '../../../shared/i18n/core.js';
import type { CityInfo } from '../../../shared/types.js';
import type { UserRequest } from '../../data/requests.js';
import type { PhotoRow } from '../../data/db.js';
import { watchPhotosOnPhone } from '../../data/request-photos.js';
import { requestPhotoUrl } from '../../../shared/request-view.js';
import { base } from '../../styles.js';
import './request-form.js';

function statusText(r: UserRequest): string {
  if (!r.receivedAt) return t('requests.saved_local');
  return t(`request.status.${r.status ?? 'open'}`);
}

const isFinal = (r: UserRequest): boolean =>
  r.status === 'closed' || r.status === 'duplicate' || r.status === 'not_our_responsibility';

/**
 * Neighbour requests (DESIGN §3): the resident's own, each with its status, the
 * municipality's reply and its history; and the form for a new one.
 */
@customElement('sac-requests-view')
export class RequestsView extends SacElement {
  static override styles = [
    base,
    css`
      h1,
      h2 {
        font-size: 1.25rem;
        margin: 18px 0 8px;
      }
      .intro {
        margin: 0 0 12px;
      }
      .new {
        width: 100%;
        min-height: 52px;
        font-size: 1.05rem;
      }
      .saved {
        margin: 12px 0 0;
        padding: 10px 12px;
        border-radius: 10px;
        background: #e6f4ea;
        color: var(--ok);
        font-weight: 600;
      }
      ul {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        gap: 10px;
      }
      .title {
        font-weight: 700;
      }
      .state {
        margin-top: 4px;
        font-weight: 600;
        color: var(--ok);
      }
      .state.local {
        color: var(--warn);
      }
      .desc {
        margin: 6px 0;
        overflow-wrap: anywhere;
      }
      .reply {
        margin: 8px 0;
        padding: 8px 10px;
        border-left: 4px solid var(--info);
        background: #eef3fd;
        overflow-wrap: anywhere;
      }
      .meta {
        font-size: 0.85rem;
      }
      details {
        margin-top: 6px;
      }
      summary {
        cursor: pointer;
        color: var(--info);
        font-weight: 600;
        min-height: 32px;
      }
      .withdraw {
        margin-top: 8px;
      }
      .photo {
        display: flex;
        gap: 10px;
        align-items: center;
        margin: 8px 0;
        font-size: 0.9rem;
      }
      .photo img {
        width: 96px;
        height: 72px;
        object-fit: cover;
        border-radius: 8px;
        border: 1px solid var(--line);
        flex: none;
      }
      .photo .refused {
        color: var(--red-dark);
      }
    `,
  ];

  @property({ attribute: false }) city!: CityInfo;
  @property({ attribute: false }) areaId: string | null = null;
  @property({ attribute: false }) requests: UserRequest[] = [];
  @state() private composing = false;
  @state() private saved = false;
  /** photos still on this phone, with a preview address each (revoked when sent) */
  @state() private onPhone = new Map<string, { row: PhotoRow; url: string }>();
  private stopWatching: (() => void) | null = null;

  override connectedCallback(): void {
    super.connectedCallback();
    this.stopWatching = watchPhotosOnPhone((rows) => {
      const next = new Map<string, { row: PhotoRow; url: string }>();
      for (const row of rows) {
        const url =
          this.onPhone.get(row.requestId)?.url ??
          URL.createObjectURL(new Blob([new Uint8Array(row.bytes)], { type: row.type }));
        next.set(row.requestId, { row, url });
      }
      for (const [id, old] of this.onPhone) if (!next.has(id)) URL.revokeObjectURL(old.url);
      this.onPhone = next;
    });
  }

  override disconnectedCallback(): void {
    this.stopWatching?.();
    for (const { url } of this.onPhone.values()) URL.revokeObjectURL(url);
    this.onPhone = new Map();
    super.disconnectedCallback();
  }

  private emit(name: string, detail?: unknown): void {
    this.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
  }

  override render() {
    return html`
      <h1>${t('requests.title')}</h1>
      <p class="intro muted">${t('requests.intro')}</p>
      ${
        this.composing
          ? html`<sac-request-form
              .city=${this.city}
              .areaId=${this.areaId}
              @close=${() => (this.composing = false)}
              @file=${() => {
                // The home files it; the form closes and the list shows it at once.
                this.composing = false;
                this.saved = true;
              }}
            ></sac-request-form>`
          : html`<button
              class="primary new"
              @click=${() => {
                this.composing = true;
                this.saved = false;
              }}
            >
              ${t('requests.new')}
            </button>`
      }
      ${this.saved ? html`<p class="saved" role="status">${t('requests.saved')}</p>` : ''}
      <h2>${t('requests.mine')}</h2>
      ${
        this.requests.length
          ? html`<ul aria-label=${t('requests.mine')}>
              ${this.requests.map((r) => this.item(r))}
            </ul>`
          : html`<p class="muted">${t('requests.none')}</p>`
      }
    `;
  }

  private item(r: UserRequest) {
    const local = !r.receivedAt;
    const history = r.updates ?? [];
    return html`<li class="card" data-request=${r.id} data-state=${local ? 'local' : r.status}>
      <div class="title">${t(`request.category.${r.category}`)}</div>
      <div class="state ${local ? 'local' : ''}" role="status">
        ${r.cancelledAt ? t('requests.withdrawn') : statusText(r)}
      </div>
      <p class="desc">${r.description}</p>
      ${this.photo(r)}
      ${
        r.reply
          ? html`<div class="reply"><strong>${t('requests.reply')}:</strong> ${r.reply}</div>`
          : ''
      }
      <div class="meta muted">${formatDateTime(r.createdAt, getLang())}</div>
      ${
        history.length
          ? html`<details>
              <summary>${t('requests.history')} (${history.length})</summary>
              <ul>
                ${history.map(
                  (u) =>
                    html`<li>
                      ${formatDateTime(u.at, getLang())} ·
                      ${t(`request.status.${u.status}`)}${u.reply ? html` — ${u.reply}` : ''}
                    </li>`,
                )}
              </ul>
            </details>`
          : ''
      }
      ${
        r.cancelledAt || isFinal(r)
          ? ''
          : html`<button class="withdraw" @click=${() => this.emit('withdraw-request', r.id)}>
              ${t('requests.withdraw')}
            </button>`
      }
    </li>`;
  }

  /**
   * The photo: still on the phone, refused, or on the server (private or published). With no
   * signal the server's copy cannot load: the line of text stays, without a broken image.
   */
  private photo(r: UserRequest) {
    const local = this.onPhone.get(r.id);
    if (local) {
      const reason = local.row.refused
        ? t(
            local.row.refused === 'too_large'
              ? 'requests.photo_refused.too_large'
              : 'requests.photo_refused.other',
          )
        : '';
      return html`<div class="photo" data-photo=${local.row.refused ? 'refused' : 'waiting'}>
        <img src=${local.url} alt=${t('requests.photo_alt')} />
        ${
          reason
            ? html`<span class="refused">${t('requests.photo_refused', { reason })}</span>`
            : html`<span>${t('requests.photo_waiting')}</span>`
        }
      </div>`;
    }
    if (!r.photo) return '';
    const published = Boolean(r.photo.publishedAt);
    return html`<div class="photo" data-photo=${published ? 'published' : 'sent'}>
      <img
        src=${requestPhotoUrl(r.id)}
        alt=${t('requests.photo_alt')}
        loading="lazy"
        @error=${(e: Event) => ((e.target as HTMLImageElement).hidden = true)}
      />
      <span>${published ? t('requests.photo_published') : t('requests.photo_sent')}</span>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'sac-requests-view': RequestsView;
  }
}
