import { html, css, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { SacElement } from '../../components/sac-element.js';
import { formatDateTime, t } from '../../../shared/i18n/core.js';
import { ApiFailure } from '../../data/api.js';
import { staffApi, type StaffAccount, type StaffRole } from '../../data/staff.js';
import { base } from '../../styles.js';
import { opsStyles } from '../operator/ops-styles.js';
import { boardStyles } from '../operator/board-styles.js';

const ROLES: readonly StaffRole[] = ['analyst', 'operator'];

/**
 * Staff accounts (admins only, `/api/users/staff`): the analysts who read the observatory and
 * the operators of the centre, and a form to create one. The account is active at once (the
 * admin is the approval); the server checks the password rules and audits the creation.
 * Officers stay with the city's set-up: they need a unit.
 */
@customElement('sac-staff-view')
export class StaffView extends SacElement {
  static override styles = [
    base,
    opsStyles,
    boardStyles,
    css`
      form {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(180px, 1fr));
        gap: 8px 12px;
        align-items: start;
        padding: 12px;
        border-bottom: 1px solid var(--line);
      }
      label,
      .field {
        display: grid;
        gap: 4px;
      }
      label {
        font-weight: 600;
      }
      .hint {
        font-weight: 400;
      }
      form input,
      form select {
        width: 100%;
        min-width: 0;
        box-sizing: border-box;
      }
      form h2 {
        grid-column: 1 / -1;
        margin: 0;
        font-size: 1.1rem;
      }
      form button[type='submit'] {
        grid-column: 1 / -1;
        justify-self: start;
      }
    `,
  ];

  @state() private staff: StaffAccount[] = [];
  @state() private error: string | null = null;
  @state() private created: StaffAccount | null = null;
  @state() private busy = false;
  @state() private loadFailed = false;

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private async load(): Promise<void> {
    try {
      const lists = await Promise.all(ROLES.map((r) => staffApi.list(r)));
      this.staff = lists.flat().sort((a, b) => b.createdAt.localeCompare(a.createdAt));
      this.loadFailed = false;
    } catch {
      this.loadFailed = true;
    }
  }

  private async submit(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const data = new FormData(form);
    const value = (k: string) => String(data.get(k) ?? '');
    this.busy = true;
    this.error = null;
    this.created = null;
    try {
      this.created = await staffApi.create({
        username: value('username').trim(),
        name: value('name').trim(),
        role: value('role') as StaffRole,
        password: value('password'),
      });
      form.reset();
      await this.load();
    } catch (err) {
      this.error = messageFor(err);
    } finally {
      this.busy = false;
    }
  }

  override render() {
    return html`<header class="board-head">
        <h1>${t('ops.tab.staff')}</h1>
        <div class="tools">
          <button @click=${() => void this.load()}>${t('ops.users.refresh')}</button>
        </div>
      </header>
      <form @submit=${(e: SubmitEvent) => void this.submit(e)} aria-labelledby="new-staff">
        <h2 id="new-staff">${t('staff.new')}</h2>
        <label>${t('staff.name')}<input name="name" required minlength="2" maxlength="80" /></label>
        <div class="field">
          <label for="staff-username">${t('staff.username')}</label>
          <input
            id="staff-username"
            name="username"
            required
            pattern="[a-zA-Z0-9._\\-]{3,32}"
            autocomplete="off"
            aria-describedby="username-hint"
          />
          <span class="hint small muted" id="username-hint">${t('staff.username_hint')}</span>
        </div>
        <label
          >${t('staff.role')}
          <select name="role">
            ${ROLES.map((r) => html`<option value=${r}>${t(`role.${r}`)}</option>`)}
          </select>
        </label>
        <div class="field">
          <label for="staff-password">${t('staff.password')}</label>
          <input
            id="staff-password"
            name="password"
            type="password"
            required
            minlength="8"
            autocomplete="new-password"
            aria-describedby="password-hint"
          />
          <span class="hint small muted" id="password-hint">${t('staff.password_hint')}</span>
        </div>
        <button class="primary" type="submit" ?disabled=${this.busy}>${t('staff.create')}</button>
        <div role="status" style="grid-column: 1 / -1">
          ${this.error ? html`<p class="message error">${this.error}</p>` : nothing}
          ${
            this.created
              ? html`<p class="message ok">
                  ${t('staff.created', {
                    name: this.created.name,
                    username: this.created.username,
                    role: t(`role.${this.created.role}`),
                  })}
                </p>`
              : nothing
          }
        </div>
      </form>
      ${this.loadFailed ? html`<p class="message error" role="status">${t('app.error')}</p>` : nothing}
      <div class="scroll" tabindex="0" role="region" aria-label=${t('staff.list')}>
        <table>
          <thead>
            <tr>
              <th scope="col">${t('staff.name')}</th>
              <th scope="col">${t('staff.username')}</th>
              <th scope="col">${t('staff.role')}</th>
              <th scope="col">${t('staff.since')}</th>
            </tr>
          </thead>
          <tbody>
            ${this.staff.map(
              (s) =>
                html`<tr data-staff=${s.username}>
                  <th scope="row">${s.name}</th>
                  <td>${s.username}</td>
                  <td>${t(`role.${s.role}`)}</td>
                  <td class="small">${formatDateTime(s.createdAt)}</td>
                </tr>`,
            )}
          </tbody>
        </table>
        ${this.staff.length ? nothing : html`<p class="empty">${t('staff.none')}</p>`}
      </div>`;
  }
}

function messageFor(error: unknown): string {
  if (!(error instanceof ApiFailure)) return t('app.error');
  switch (error.code) {
    case 'offline':
      return t('staff.offline');
    case 'conflict':
      return t('register.username_taken');
    case 'weak_password':
      return error.message.endsWith('too_short')
        ? t('register.password_short')
        : t('register.password_common');
    case 'bad_request':
      return error.field === 'username' ? t('staff.username_hint') : t('register.invalid');
    default:
      return t('app.error');
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'sac-staff-view': StaffView;
  }
}
