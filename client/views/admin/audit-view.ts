import { html, css, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { SacElement } from '../../components/sac-element.js';
import type { AuditEntryView } from '../../../shared/console.js';
import { formatDateTime, t } from '../../../shared/i18n/core.js';
import type { CityInfo } from '../../../shared/types.js';
import { consoleApi } from '../../data/console.js';
import { base } from '../../styles.js';
import { actionText, detailText, subjectText } from './audit-text.js';
import { opsStyles } from '../operator/ops-styles.js';
import { boardStyles } from '../operator/board-styles.js';

const PAGE = 100;
const FILTERS = [
  '',
  'alert.',
  'alert.opened',
  'alert.identity_opened',
  'user.',
  'siren.',
  'request.',
  'plan.edit',
  'signin.release',
  'export.',
];

/**
 * The audit log (admins only, `GET /api/console/audit`): who did what, when, on which
 * record — every operator action, every change to an account, every look at a silent alert.
 */
@customElement('sac-audit-view')
export class AuditView extends SacElement {
  static override styles = [
    base,
    opsStyles,
    boardStyles,
    css`
      .silent-row th,
      .silent-row td {
        background: #f4eefb;
      }
    `,
  ];

  /** the city, to name an alert's or a request's area */
  @property({ attribute: false }) city: CityInfo | null = null;
  @state() private entries: AuditEntryView[] = [];
  @state() private filter = '';
  @state() private more = false;
  @state() private error = false;

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load(true);
  }

  private async load(reset: boolean): Promise<void> {
    const before = reset ? undefined : this.entries.at(-1)?.id;
    try {
      const { entries } = await consoleApi.audit({ action: this.filter, before, limit: PAGE });
      this.entries = reset ? entries : [...this.entries, ...entries];
      this.more = entries.length === PAGE;
      this.error = false;
    } catch {
      this.error = true;
    }
  }

  override render() {
    return html`<header class="board-head">
        <h1>${t('ops.tab.audit')}</h1>
        <select
          aria-label=${t('audit.filter')}
          @change=${(e: Event) => {
            this.filter = (e.target as HTMLSelectElement).value;
            void this.load(true);
          }}
        >
          ${FILTERS.map(
            (f) =>
              html`<option value=${f} ?selected=${this.filter === f}>
                ${f ? actionText(f.endsWith('.') ? `${f}any` : f) : t('audit.all')}
              </option>`,
          )}
        </select>
        <div class="tools">
          <button @click=${() => void this.load(true)}>${t('ops.users.refresh')}</button>
        </div>
        ${this.error ? html`<p class="message error" role="status">${t('app.error')}</p>` : nothing}
      </header>
      <!-- a region the keyboard can scroll: on a phone the log is wider than the screen -->
      <div class="scroll" tabindex="0" role="region" aria-label=${t('ops.tab.audit')}>
        <table>
          <thead>
            <tr>
              <th scope="col">${t('audit.when')}</th>
              <th scope="col">${t('audit.who')}</th>
              <th scope="col">${t('audit.what')}</th>
              <th scope="col">${t('audit.subject')}</th>
              <th scope="col">${t('audit.detail')}</th>
            </tr>
          </thead>
          <tbody>
            ${this.entries.map(
              (e) =>
                html`<tr
                  class=${e.action.startsWith('alert.opened') || e.action === 'alert.identity_opened' ? 'silent-row' : ''}
                  data-audit=${e.id}
                >
                  <td class="small">${formatDateTime(e.at)}</td>
                  <th scope="row">
                    ${e.actorName ?? t('audit.unknown_actor')}
                    ${e.actorRole ? html`<span class="muted small">${t(`role.${e.actorRole}`)}</span>` : nothing}
                  </th>
                  <td>${actionText(e.action)}</td>
                  <td>${subjectText(e, this.city)}</td>
                  <td class="small">${detailText(e, this.city)}</td>
                </tr>`,
            )}
          </tbody>
        </table>
        ${this.entries.length ? nothing : html`<p class="empty">${t('audit.none')}</p>`}
        ${
          this.more
            ? html`<p class="empty">
                <button @click=${() => void this.load(false)}>${t('audit.more')}</button>
              </p>`
            : nothing
        }
      </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'sac-audit-view': AuditView;
  }
}
