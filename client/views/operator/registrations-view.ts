import { html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { SacElement } from '../../components/sac-element.js';
import type { FlaggedReporterView } from '../../../shared/console.js';
import { formatDateTime, formatTime, t } from '../../../shared/i18n/core.js';
import type { CityInfo } from '../../../shared/types.js';
import { consoleApi, type SignInLock, type UserAction, type UserView } from '../../data/console.js';
import { ApiFailure } from '../../data/api.js';
import { base } from '../../styles.js';
import { opsStyles } from './ops-styles.js';
import { boardStyles } from './board-styles.js';
import { registrationsStyles } from './registrations-styles.js';
import type { ResidentCard } from './resident-detail.js';
import type { ResidentsList } from './residents-list.js';
import './resident-detail.js';
import './residents-list.js';
import './profile-changes.js';

type Person = ResidentCard & { samePhone?: UserView['samePhone'] };

/**
 * Residents' accounts: pending registrations to approve or reject (a phone already on another
 * account is flagged: registration itself never says so), residents whose false alarms
 * repeat (to warn or suspend), suspended ones to reinstate, and sign-ins blocked after failed
 * attempts, to release. Suspension closes the resident's open sockets at once
 * (server/users/routes.ts); every change is audited there. Below them, every resident, to
 * search; the chosen one's record (with a map of the home) shows beside the lists.
 */
@customElement('sac-registrations')
export class RegistrationsView extends SacElement {
  static override styles = [base, opsStyles, boardStyles, registrationsStyles];

  @property({ attribute: false }) city!: CityInfo;
  @state() private pending: UserView[] = [];
  @state() private flagged: FlaggedReporterView[] = [];
  @state() private suspended: UserView[] = [];
  @state() private locks: SignInLock[] = [];
  @state() private message: { text: string; error: boolean } | null = null;
  /** the resident whose record is open */
  @state() private chosen: Person | null = null;
  @query('sac-residents-list') private directory?: ResidentsList;

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private async load(): Promise<void> {
    try {
      const [pending, flagged, suspended, locks] = await Promise.all([
        consoleApi.users('pending'),
        consoleApi.flagged(),
        consoleApi.users('suspended'),
        consoleApi.locks(),
      ]);
      this.pending = pending.users;
      this.flagged = flagged.reporters.filter((r) => r.status === 'active');
      this.suspended = suspended.users;
      this.locks = locks.locks;
      // An applicant's home is what an operator checks first: the first one opens at once.
      const still = this.chosen && this.pending.find((p) => p.id === this.chosen!.id);
      if (!this.chosen) this.chosen = this.pending[0] ?? null;
      else if (still) this.chosen = still;
      this.directory?.refresh();
    } catch {
      this.message = { text: t('app.error'), error: true };
    }
  }

  private async act(p: Person, action: UserAction): Promise<void> {
    try {
      await consoleApi.setUser(p.id, action);
      this.message = { text: t(`ops.users.done_${action}`, { name: p.name }), error: false };
    } catch (e) {
      const code = e instanceof ApiFailure ? e.code : 'internal';
      this.message = { text: t('ops.users.failed', { name: p.name, code }), error: true };
    }
    await this.load();
  }

  private async release(lock: SignInLock): Promise<void> {
    const name = lock.user?.name ?? lock.key;
    try {
      await consoleApi.releaseLock(lock);
      this.message = { text: t('ops.users.done_release', { name }), error: false };
    } catch (e) {
      const code = e instanceof ApiFailure ? e.code : 'internal';
      this.message = { text: t('ops.users.failed', { name, code }), error: true };
    }
    await this.load();
  }

  private areaName(id: string | null): string {
    return this.city.areas.features.find((f) => f.properties.id === id)?.properties.name ?? '—';
  }

  override render() {
    return html`<header class="board-head">
        <h1>${t('ops.tab.registrations')}</h1>
        <div class="tools">
          <button @click=${() => void this.load()}>${t('ops.users.refresh')}</button>
        </div>
        ${
          this.message
            ? html`<p class="message ${this.message.error ? 'error' : ''}" role="status">
                ${this.message.text}
              </p>`
            : nothing
        }
      </header>
      <div class="layout ${this.chosen ? 'with-detail' : ''}">
        <div class="scroll">
          ${this.table(
            'pending',
            t('ops.users.pending', { count: this.pending.length }),
            this.pending,
            ['approve', 'reject'],
          )}
          ${this.table(
            'flagged',
            t('ops.users.flagged', { count: this.flagged.length }),
            this.flagged,
            ['suspend'],
          )}
          ${this.table(
            'suspended',
            t('ops.users.suspended', { count: this.suspended.length }),
            this.suspended,
            ['reinstate'],
          )}
          ${this.locksTable()}
          <sac-profile-changes .city=${this.city}></sac-profile-changes>
          <sac-residents-list
            .city=${this.city}
            .selected=${this.chosen?.id ?? null}
            @open=${(e: CustomEvent<Person>) => (this.chosen = e.detail)}
          ></sac-residents-list>
        </div>
        ${
          this.chosen
            ? html`<aside>
                <sac-resident-detail
                  .resident=${this.chosen}
                  .city=${this.city}
                  @close=${() => (this.chosen = null)}
                >
                  <!-- actions on the chosen account go here, as children with slot="actions" -->
                </sac-resident-detail>
              </aside>`
            : nothing
        }
      </div>`;
  }

  private locksTable() {
    const title = t('ops.users.locks', { count: this.locks.length });
    return html`<table aria-labelledby="h-locks" data-list="locks">
      <caption class="visually-hidden">
        ${title}
      </caption>
      <thead>
        <tr>
          <th scope="col" colspan="4" id="h-locks">${title}</th>
        </tr>
      </thead>
      <tbody>
        ${
          this.locks.length
            ? this.locks.map((l) => {
                const name = l.user?.name ?? l.key;
                return html`<tr data-lock=${`${l.kind}:${l.key}`}>
                  <th scope="row">
                    ${l.user ? html`${l.user.name} <span class="muted small">@${l.key}</span>` : l.key}
                  </th>
                  <td>
                    ${t(l.kind === 'account' ? 'ops.users.lock_account' : 'ops.users.lock_address')}
                    ${
                      l.kind === 'account' && !l.user
                        ? html`<div class="muted small">${t('ops.users.lock_unknown')}</div>`
                        : nothing
                    }
                  </td>
                  <td>${t('ops.users.lock_until', { time: formatTime(l.until) })}</td>
                  <td class="row-actions">
                    <button
                      aria-label=${t('ops.users.release_label', { name })}
                      @click=${() => void this.release(l)}
                    >
                      ${t('ops.users.release')}
                    </button>
                  </td>
                </tr>`;
              })
            : html`<tr>
                <td colspan="4" class="muted">${t('ops.users.none')}</td>
              </tr>`
        }
      </tbody>
    </table>`;
  }

  private table(id: string, title: string, people: Person[], actions: UserAction[]) {
    return html`<table aria-labelledby=${`h-${id}`} data-list=${id}>
      <caption class="visually-hidden">
        ${title}
      </caption>
      <thead>
        <tr>
          <th scope="col" colspan="5" id=${`h-${id}`}>${title}</th>
        </tr>
      </thead>
      <tbody>
        ${
          people.length
            ? people.map(
                (p) =>
                  html`<tr data-user=${p.username}>
                    <th scope="row">
                      <button
                        class="name"
                        aria-label=${t('residents.open', { name: p.name })}
                        @click=${() => (this.chosen = p)}
                      >
                        ${p.name}
                      </button>
                      <span class="muted small">@${p.username}</span>
                      ${(p.samePhone ?? []).map(
                        (o) =>
                          html`<div class="warn small" data-same-phone=${o.username}>
                            ${t('ops.users.same_phone', {
                              who: `${o.name} (@${o.username}, ${t(`ops.users.status_${o.status}`)})`,
                            })}
                          </div>`,
                      )}
                    </th>
                    <td>${p.phone ?? '—'}</td>
                    <td>${p.address ?? this.areaName(p.areaId)}</td>
                    <td class=${p.falseAlarms >= 2 ? 'warn' : 'muted'}>
                      ${t('ops.detail.false_alarms', { count: p.falseAlarms })}
                      ${p.createdAt ? html`<div class="muted small">${formatDateTime(p.createdAt)}</div>` : nothing}
                    </td>
                    <td class="row-actions">
                      ${actions.map(
                        (a) =>
                          html`<button
                            class=${a === 'approve' || a === 'reinstate' ? 'primary' : ''}
                            aria-label=${t(`ops.users.${a}_label`, { name: p.name })}
                            @click=${() => void this.act(p, a)}
                          >
                            ${t(`ops.users.${a}`)}
                          </button>`,
                      )}
                    </td>
                  </tr>`,
              )
            : html`<tr>
                <td colspan="5" class="muted">${t('ops.users.none')}</td>
              </tr>`
        }
      </tbody>
    </table>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'sac-registrations': RegistrationsView;
  }
}
