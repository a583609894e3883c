import { html, css, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { SacElement } from '../../components/sac-element.js';
import type { AuditEntryView } from '../../../shared/console.js';
import { formatDateTime, t, type MessageKey } from '../../../shared/i18n/core.js';
import { consoleApi } from '../../data/console.js';
import { REQUEST_CATEGORIES, isAlertTypeCode } from '../../../shared/catalogue.js';
import { base } from '../../styles.js';
import { opsStyles } from '../operator/ops-styles.js';
import { boardStyles } from '../operator/board-styles.js';

const PAGE = 100;
const UUID = /^[0-9a-f]{8}-[0-9a-f-]{27}$/i;
const FILTERS = [
  '',
  'alert.',
  'alert.opened',
  'alert.identity_opened',
  'user.',
  'siren.',
  'request.',
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
      code {
        font-size: 0.8rem;
      }
    `,
  ];

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

  private label(action: string): string {
    const key = `audit.action.${action}`;
    return Object.hasOwn(AUDIT_KEYS, key) ? t(key as MessageKey) : action;
  }

  /** An alert by its type, a request by its category, an account by its name; then the id. */
  private subject(e: AuditEntryView) {
    const label = e.subjectLabel ?? '';
    const category = REQUEST_CATEGORIES.find((c) => c === label);
    const text =
      e.action.startsWith('alert.') && isAlertTypeCode(label)
        ? t(`alert.type.${label}`)
        : e.action.startsWith('request.') && category
          ? t(`request.category.${category}`)
          : label;
    return html`${text} <code class="muted">${e.subject.slice(0, 8)}</code>`;
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
                ${f ? this.label(f.endsWith('.') ? `${f}any` : f) : t('audit.all')}
              </option>`,
          )}
        </select>
        <div class="tools">
          <button @click=${() => void this.load(true)}>${t('ops.users.refresh')}</button>
        </div>
        ${this.error ? html`<p class="message error" role="status">${t('app.error')}</p>` : nothing}
      </header>
      <div class="scroll">
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
                    ${e.actorName ?? e.actorId}
                    ${e.actorRole ? html`<span class="muted small">${t(`role.${e.actorRole}`)}</span>` : nothing}
                  </th>
                  <td>${this.label(e.action)}</td>
                  <td>${this.subject(e)}</td>
                  <td class="small">${UUID.test(e.detail) ? e.detail.slice(0, 8) : e.detail}</td>
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

/** The actions with a translated label; others show as recorded. */
const AUDIT_KEYS: Readonly<Record<string, true>> = Object.fromEntries(
  [
    'alert.any',
    'alert.acknowledged',
    'alert.dispatched',
    'alert.on_scene',
    'alert.resolved',
    'alert.false_alarm',
    'alert.escalated',
    'alert.outcome',
    'alert.note',
    'alert.checklist',
    'alert.opened',
    'alert.identity_opened',
    'user.any',
    'user.approve',
    'user.reject',
    'user.suspend',
    'user.reinstate',
    'user.phone_changed',
    'user.home_requested',
    'user.home_approved',
    'user.home_rejected',
    'user.reset_code',
    'user.password_reset',
    'siren.any',
    'siren.test',
    'siren.silence',
    'request.any',
    'request.acknowledged',
    'request.in_progress',
    'request.closed',
    'request.duplicate',
    'request.not_our_responsibility',
    'request.reply',
  ].map((a) => [`audit.action.${a}`, true]),
);

declare global {
  interface HTMLElementTagNameMap {
    'sac-audit-view': AuditView;
  }
}
