import { css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { SacElement } from '../../components/sac-element.js';
import type { ResidentView } from '../../../shared/history.js';
import { t } from '../../../shared/i18n/core.js';
import type { CityInfo, UserStatus } from '../../../shared/types.js';
import { consoleApi } from '../../data/console.js';
import { base } from '../../styles.js';
import { boardStyles } from './board-styles.js';
import { opsStyles } from './ops-styles.js';

const PAGE = 25;
const TYPING_MS = 300;
const STATUSES: UserStatus[] = ['active', 'pending', 'suspended', 'rejected'];

/**
 * Every registered resident (`GET /api/users/residents`, operators and admins), by name, a
 * page at a time, searched by name, username, address or phone. Choosing one sends `open`,
 * and the registrations screen shows the record beside the list.
 */
@customElement('sac-residents-list')
export class ResidentsList extends SacElement {
  static override styles = [
    base,
    opsStyles,
    boardStyles,
    css`
      :host {
        display: block;
      }
      .tools {
        margin: 6px 0;
      }
      .tools input[type='search'] {
        flex: 1 1 14em;
        min-width: 0;
      }
      button.name {
        background: none;
        border: none;
        padding: 0;
        min-height: 0;
        font-weight: 700;
        text-align: left;
        color: var(--info);
        text-decoration: underline;
      }
      .pager {
        display: flex;
        justify-content: space-between;
        align-items: center;
        padding: 6px 8px;
        font-size: 0.85rem;
      }
      .pager button {
        min-height: 32px;
        padding: 2px 10px;
      }
    `,
  ];

  @property({ attribute: false }) city!: CityInfo;
  /** the resident whose record is open, marked in the list */
  @property({ attribute: false }) selected: string | null = null;
  @state() private rows: ResidentView[] = [];
  @state() private total = 0;
  @state() private offset = 0;
  @state() private q = '';
  @state() private status = '';
  @state() private area = '';
  @state() private failed = false;
  private asked = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load(0);
  }

  override disconnectedCallback(): void {
    if (this.timer) clearTimeout(this.timer);
    super.disconnectedCallback();
  }

  /** Loads again: after an approval or a suspension the statuses shown have changed. */
  refresh(): void {
    void this.load(this.offset);
  }

  private async load(offset: number): Promise<void> {
    const asked = ++this.asked;
    try {
      const page = await consoleApi.residents({
        q: this.q.trim(),
        status: this.status,
        area: this.area,
        limit: PAGE,
        offset,
      });
      if (asked !== this.asked) return;
      this.rows = page.residents;
      this.total = page.total;
      this.offset = page.offset;
      this.failed = false;
    } catch {
      if (asked === this.asked) this.failed = true;
    }
  }

  private change(patch: { q?: string; status?: string; area?: string }, typing = false): void {
    Object.assign(this, patch);
    if (this.timer) clearTimeout(this.timer);
    if (typing) this.timer = setTimeout(() => void this.load(0), TYPING_MS);
    else void this.load(0);
  }

  private areaName(id: string | null): string {
    return this.city.areas.features.find((f) => f.properties.id === id)?.properties.name ?? '—';
  }

  override render() {
    const title = t('residents.title', { count: this.total });
    const last = Math.min(this.total, this.offset + PAGE);
    return html`<h2 class="section-title" id="h-residents">${title}</h2>
      <div class="tools" role="search">
        <input
          type="search"
          aria-label=${t('residents.search')}
          placeholder=${t('residents.search_hint')}
          .value=${this.q}
          @input=${(e: Event) => this.change({ q: (e.target as HTMLInputElement).value }, true)}
        />
        <select
          aria-label=${t('residents.status')}
          @change=${(e: Event) => this.change({ status: (e.target as HTMLSelectElement).value })}
        >
          <option value="">${t('residents.any_status')}</option>
          ${STATUSES.map(
            (s) =>
              html`<option value=${s} ?selected=${s === this.status}>
                ${t(`ops.users.status_${s}`)}
              </option>`,
          )}
        </select>
        <select
          aria-label=${t('residents.area')}
          @change=${(e: Event) => this.change({ area: (e.target as HTMLSelectElement).value })}
        >
          <option value="">${t('residents.any_area')}</option>
          ${this.city.areas.features
            .map((f) => [f.properties.id, f.properties.name] as const)
            .sort((a, b) => a[1].localeCompare(b[1]))
            .map(
              ([id, name]) =>
                html`<option value=${id} ?selected=${id === this.area}>${name}</option>`,
            )}
        </select>
      </div>
      ${this.failed ? html`<p class="message error" role="status">${t('app.error')}</p>` : nothing}
      <table aria-labelledby="h-residents" data-list="residents">
        <thead>
          <tr>
            <th scope="col">${t('residents.column.name')}</th>
            <th scope="col">${t('residents.column.phone')}</th>
            <th scope="col">${t('residents.column.area')}</th>
            <th scope="col">${t('residents.column.status')}</th>
          </tr>
        </thead>
        <tbody>
          ${
            this.rows.length
              ? this.rows.map(
                  (r) =>
                    html`<tr
                      data-resident=${r.username}
                      aria-current=${r.id === this.selected ? 'true' : nothing}
                    >
                      <th scope="row">
                        <button
                          class="name"
                          aria-label=${t('residents.open', { name: r.name })}
                          @click=${() => this.dispatchEvent(new CustomEvent('open', { detail: r }))}
                        >
                          ${r.name}
                        </button>
                        <span class="muted small">@${r.username}</span>
                      </th>
                      <td>${r.phone ?? '—'}</td>
                      <td>${this.areaName(r.areaId)}</td>
                      <td class=${r.status === 'active' ? 'muted' : 'warn'}>
                        ${t(`ops.users.status_${r.status}`)}
                      </td>
                    </tr>`,
                )
              : html`<tr>
                  <td colspan="4" class="muted">${t('residents.none')}</td>
                </tr>`
          }
        </tbody>
      </table>
      ${
        this.total > PAGE
          ? html`<nav class="pager" aria-label=${t('residents.pages')}>
              <button
                ?disabled=${this.offset === 0}
                @click=${() => void this.load(Math.max(0, this.offset - PAGE))}
              >
                ${t('residents.prev')}
              </button>
              <span>${t('history.page', { first: this.offset + 1, last, total: this.total })}</span>
              <button
                ?disabled=${last >= this.total}
                @click=${() => void this.load(this.offset + PAGE)}
              >
                ${t('residents.next')}
              </button>
            </nav>`
          : nothing
      }`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'sac-residents-list': ResidentsList;
  }
}
