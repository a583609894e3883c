import { html, css, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { SacElement } from '../../components/sac-element.js';
import type { OpsRequestView } from '../../../shared/request-view.js';
import { publishRequestPhoto } from '../../data/request-photos.js';
import { formatDateTime, t } from '../../../shared/i18n/core.js';
import type { CityInfo } from '../../../shared/types.js';
import { REQUEST_STATUSES } from '../../../sync/policy/rooms-ops.js';
import { base } from '../../styles.js';
import { requestMay } from './ops-actions.js';
import { opsStyles } from './ops-styles.js';
import { boardStyles } from './board-styles.js';
import { historySection, photoSection, requestDetailStyles } from './request-detail.js';

type Show = 'open' | 'closed' | 'all';
const OPEN = ['open', 'acknowledged', 'in_progress'];

/**
 * Neighbour requests from residents and officers (`ops.requests`, server/requests): forward
 * through acknowledged and in progress to closed, or set aside as a duplicate or not the
 * city's; a reply goes back to the reporter (their room shows each answer).
 */
@customElement('sac-requests-queue')
export class RequestsQueue extends SacElement {
  static override styles = [
    base,
    opsStyles,
    boardStyles,
    requestDetailStyles,
    css`
      .split {
        display: grid;
        grid-template-columns: minmax(0, 1.3fr) minmax(0, 1fr);
        gap: 12px;
        flex: 1;
        min-height: 0;
      }
      /* A narrow window (a phone, half a screen): the list, then the request under it. */
      @media (max-width: 760px) {
        .split {
          grid-template-columns: minmax(0, 1fr);
          grid-template-rows: minmax(160px, 35%) minmax(0, 1fr);
        }
      }
      tr.selected td,
      tr.selected th {
        background: #e8f0fe;
      }
      tr {
        cursor: pointer;
      }
      .detail {
        overflow: auto;
        padding: 12px;
        display: grid;
        gap: 10px;
        align-content: start;
      }
      .detail p {
        margin: 0;
      }
      .next {
        display: flex;
        flex-wrap: wrap;
        gap: 6px;
      }
      .next button {
        min-height: 34px;
        padding: 4px 10px;
      }
      textarea {
        width: 100%;
      }
      .open-btn {
        all: unset;
        cursor: pointer;
        font-weight: 700;
      }
      .open-btn:focus-visible {
        outline: 3px solid var(--info);
      }
    `,
  ];

  @property({ attribute: false }) requests: OpsRequestView[] = [];
  @property({ attribute: false }) city!: CityInfo;
  @state() private show: Show = 'open';
  @state() private selected: string | null = null;
  @state() private publishing: string | null = null;
  @state() private publishFailed: string | null = null;

  /** Publishing is an audited server action, not a room write (server/requests/routes.ts). */
  private async publish(id: string): Promise<void> {
    this.publishing = id;
    this.publishFailed = null;
    try {
      await publishRequestPhoto(id);
    } catch {
      this.publishFailed = id;
    } finally {
      this.publishing = null;
    }
  }

  private areaName(id: string | null): string {
    return this.city.areas.features.find((f) => f.properties.id === id)?.properties.name ?? '—';
  }

  private answer(id: string, patch: { status?: string; reply?: string }): void {
    this.dispatchEvent(
      new CustomEvent('answer', { detail: { id, ...patch }, bubbles: true, composed: true }),
    );
  }

  override render() {
    const shown = this.requests.filter((r) =>
      this.show === 'all' ? true : OPEN.includes(r.status) === (this.show === 'open'),
    );
    const current = this.requests.find((r) => r.id === this.selected) ?? null;
    const open = this.requests.filter((r) => OPEN.includes(r.status)).length;
    return html`<header class="board-head">
        <h1>${t('ops.tab.requests')}</h1>
        <span class="muted"
          >${t('ops.requests.summary', { open, total: this.requests.length })}</span
        >
        <select
          aria-label=${t('ops.filter.status')}
          @change=${(e: Event) => (this.show = (e.target as HTMLSelectElement).value as Show)}
        >
          ${(['open', 'closed', 'all'] as const).map(
            (v) =>
              html`<option value=${v} ?selected=${this.show === v}>
                ${t(`ops.requests.show_${v}`)}
              </option>`,
          )}
        </select>
      </header>
      <div class="split">
        <div class="scroll">
          ${
            shown.length
              ? html`<table>
                  <thead>
                    <tr>
                      <th scope="col">${t('ops.requests.category')}</th>
                      <th scope="col">${t('ops.column.area')}</th>
                      <th scope="col">${t('ops.requests.received')}</th>
                      <th scope="col">${t('ops.column.status')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    ${shown.map((r) => this.row(r))}
                  </tbody>
                </table>`
              : html`<p class="empty">${t('ops.requests.none')}</p>`
          }
        </div>
        <div class="scroll detail">
          ${current ? this.detail(current) : html`<p class="muted">${t('ops.requests.pick')}</p>`}
        </div>
      </div>`;
  }

  private row(r: OpsRequestView) {
    return html`<tr
      class=${r.id === this.selected ? 'selected' : ''}
      data-request=${r.id}
      @click=${() => (this.selected = r.id)}
    >
      <td>
        <button
          class="open-btn"
          @click=${(e: Event) => (e.stopPropagation(), (this.selected = r.id))}
        >
          ${t(`request.category.${r.category as 'other'}`)}
        </button>
        <div class="muted small">${sourceText(r)}</div>
      </td>
      <td>${this.areaName(r.areaId)}</td>
      <td class="small">${formatDateTime(r.receivedAt)}</td>
      <td>
        <span class="pill st-${r.status}">${t(`ops.request.status.${r.status as 'open'}`)}</span>
      </td>
    </tr>`;
  }

  private detail(r: OpsRequestView) {
    const next = REQUEST_STATUSES.filter((s) => requestMay(r.status, s));
    const sendReply = (e: Event) => {
      e.preventDefault();
      const form = e.target as HTMLFormElement;
      const field = form.elements.namedItem('reply') as HTMLTextAreaElement;
      const reply = field.value.trim();
      if (!reply) return;
      this.answer(r.id, { reply });
      // Each reply is a new message in the conversation above, not an edit of the last one.
      form.reset();
    };
    return html`<h2>${t(`request.category.${r.category as 'other'}`)}</h2>
      <p>
        <span class="pill st-${r.status}">${t(`ops.request.status.${r.status as 'open'}`)}</span>
      </p>
      <p>${r.description}</p>
      <p class="muted small">
        ${r.source === 'open311' ? nothing : html`${r.reporterName} ·`} ${sourceText(r)} ·
        ${this.areaName(r.areaId)} · ${formatDateTime(r.receivedAt)}
      </p>
      ${r.contact ? contactSection(r.contact) : nothing}
      ${
        r.location
          ? html`<p class="small">${r.location.lat.toFixed(5)}, ${r.location.lng.toFixed(5)}</p>`
          : nothing
      }
      ${r.cancelledAt ? html`<p class="warn">${t('ops.requests.withdrawn')}</p>` : nothing}
      ${photoSection(r, {
        publishing: this.publishing === r.id,
        failed: this.publishFailed === r.id,
        publish: () => void this.publish(r.id),
      })}
      ${
        next.length
          ? html`<div>
              <p class="section-title">${t('ops.requests.move')}</p>
              <div class="next">
                ${next.map(
                  (s) =>
                    html`<button @click=${() => this.answer(r.id, { status: s })}>
                      ${t(`ops.request.status.${s}`)}
                    </button>`,
                )}
              </div>
            </div>`
          : nothing
      }
      ${historySection(r)}
      <form @submit=${sendReply}>
        <label class="section-title" for="reply">${t('ops.requests.reply')}</label>
        <textarea
          id="reply"
          name="reply"
          rows="3"
          maxlength="1000"
          required
          aria-describedby="reply-hint"
        ></textarea>
        <p class="small muted" id="reply-hint">${t('ops.requests.open_data_hint')}</p>
        <button type="submit">${t('ops.requests.send_reply')}</button>
      </form>`;
  }
}

/** Where a request came from: the app, a patrol unit, or another system by its name. */
function sourceText(r: OpsRequestView): string {
  if (r.source === 'open311') return t('ops.requests.from_open311', { name: r.reporterName });
  return r.source === 'officer' ? t('ops.requests.from_officer') : t('ops.requests.from_resident');
}

/** The citizen's details an Open311 client sent, for the operator to call back. */
function contactSection(c: NonNullable<OpsRequestView['contact']>) {
  const name = `${c.firstName} ${c.lastName}`.trim();
  const parts = [name, c.email, c.phone].filter(Boolean);
  if (!parts.length) return nothing;
  return html`<p class="small">
    <span class="section-title">${t('ops.requests.contact')}:</span> ${parts.join(' · ')}
  </p>`;
}

declare global {
  interface HTMLElementTagNameMap {
    'sac-requests-queue': RequestsQueue;
  }
}
