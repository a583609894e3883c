import { html, css, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { SacElement } from '../../components/sac-element.js';
import { distanceMetres } from '../../../shared/geo.js';
import { formatDateTime, formatTime, t } from '../../../shared/i18n/core.js';
import type { CityInfo } from '../../../shared/types.js';
import { accountDesk, type AccountRef, type HomeChangeView } from '../../data/account.js';
import { ApiFailure } from '../../data/api.js';
import { base } from '../../styles.js';
import { opsStyles } from './ops-styles.js';
import { boardStyles } from './board-styles.js';

/**
 * Under Registros: residents' changes of home to approve or reject (the home in force next
 * to the one asked for, with the distance between them), and the password reset an
 * operator starts for a resident on the phone: a one-time code to read out, shown here
 * only, once (server/users/reset-codes.ts). Every decision is audited on the server.
 */
@customElement('sac-profile-changes')
export class ProfileChanges extends SacElement {
  static override styles = [
    base,
    opsStyles,
    boardStyles,
    css`
      :host {
        display: block;
      }
      section {
        padding: 10px 8px;
        border-top: 1px solid var(--line);
      }
      h2 {
        font-size: 0.72rem;
        text-transform: uppercase;
        letter-spacing: 0.04em;
        margin: 0 0 6px;
      }
      form {
        display: flex;
        gap: 8px;
        align-items: end;
        flex-wrap: wrap;
      }
      label {
        display: grid;
        gap: 4px;
        font-size: 0.85rem;
        font-weight: 600;
      }
      input {
        font: inherit;
        padding: 4px 8px;
        min-height: 32px;
      }
      .code {
        margin: 8px 0 0;
        padding: 10px 12px;
        border-radius: 8px;
        background: #fff4e0;
        color: #4d2f00;
      }
      .code strong {
        font-size: 1.3rem;
        letter-spacing: 0.12em;
        font-variant-numeric: tabular-nums;
      }
    `,
  ];

  @property({ attribute: false }) city!: CityInfo;
  @state() private changes: HomeChangeView[] = [];
  @state() private message: { text: string; error: boolean } | null = null;
  @state() private issued: {
    name: string;
    phone: string | null;
    code: string;
    until: string;
  } | null = null;
  @state() private busy = false;

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private async load(): Promise<void> {
    try {
      this.changes = (await accountDesk.homeChanges()).changes;
    } catch {
      this.message = { text: t('app.error'), error: true };
    }
  }

  private areaName(id: string | null): string {
    return this.city.areas.features.find((f) => f.properties.id === id)?.properties.name ?? '—';
  }

  private async decide(c: HomeChangeView, verdict: 'approve' | 'reject'): Promise<void> {
    try {
      await accountDesk.decideHome(c.user.id, verdict);
      this.message = {
        text: t(verdict === 'approve' ? 'changes.approved' : 'changes.rejected'),
        error: false,
      };
    } catch (e) {
      const code = e instanceof ApiFailure ? e.code : 'internal';
      this.message = { text: t('ops.users.failed', { name: c.user.name, code }), error: true };
    }
    await this.load();
  }

  private async reset(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    const username = String(new FormData(e.target as HTMLFormElement).get('username')).trim();
    this.busy = true;
    this.issued = null;
    this.message = null;
    let who: AccountRef | null = null;
    try {
      who = (await accountDesk.byUsername(username)).user;
      const { code, expiresAt } = await accountDesk.resetCode(who.id);
      this.issued = { name: who.name, phone: who.phone, code, until: formatTime(expiresAt) };
    } catch (err) {
      const code = err instanceof ApiFailure ? err.code : 'internal';
      this.message = {
        text:
          code === 'not_found'
            ? t('reset.none')
            : t('ops.users.failed', { name: who?.name ?? username, code }),
        error: true,
      };
    } finally {
      this.busy = false;
    }
  }

  override render() {
    const title = t('changes.title');
    return html`<table aria-labelledby="h-home-changes" data-list="home-changes">
        <caption class="visually-hidden">
          ${title}
        </caption>
        <thead>
          <tr>
            <th scope="col" colspan="5" id="h-home-changes">${title} (${this.changes.length})</th>
          </tr>
        </thead>
        <tbody>
          ${
            this.changes.length
              ? this.changes.map((c) => this.row(c))
              : html`<tr>
                  <td colspan="5" class="muted">${t('changes.none')}</td>
                </tr>`
          }
        </tbody>
      </table>
      ${
        this.message
          ? html`<p class="message ${this.message.error ? 'error' : ''}" role="status">
              ${this.message.text}
            </p>`
          : nothing
      }
      <section aria-labelledby="h-reset">
        <h2 id="h-reset">${t('reset.issue')}</h2>
        <form @submit=${this.reset}>
          <label
            >${t('reset.user')}
            <input name="username" required autocomplete="off" autocapitalize="none" />
          </label>
          <button type="submit" ?disabled=${this.busy}>${t('reset.issue')}</button>
        </form>
        ${
          this.issued
            ? html`<p class="code" role="status" data-reset-code>
                ${t('reset.issued', { name: this.issued.name, time: this.issued.until })}
                <br /><strong>${this.issued.code}</strong>
                ${
                  this.issued.phone
                    ? html`<br /><span class="small">
                          ${t('reset.phone', { phone: this.issued.phone })}
                        </span>`
                    : nothing
                }
              </p>`
            : nothing
        }
      </section>`;
  }

  private row(c: HomeChangeView) {
    const far =
      c.current.home !== null ? Math.round(distanceMetres(c.current.home, c.requested.home)) : null;
    return html`<tr data-home-change=${c.user.username}>
      <th scope="row">
        ${c.user.name} <span class="muted small">@${c.user.username}</span>
        <div class="muted small">${c.user.phone ?? '—'}</div>
      </th>
      <td>
        <div class="muted small">${t('changes.from')}</div>
        ${c.current.address ?? '—'}
        <div class="muted small">${this.areaName(c.current.areaId)}</div>
      </td>
      <td>
        <div class="muted small">${t('changes.to')}</div>
        ${c.requested.address}
        <div class="muted small">
          ${this.areaName(c.requested.areaId)}${far !== null ? ` · ${far} m` : ''}
        </div>
      </td>
      <td class="muted small">
        ${t('changes.requested', { time: formatDateTime(c.requestedAt) })}
      </td>
      <td class="row-actions">
        <button
          class="primary"
          aria-label=${`${t('changes.approve')}: ${c.user.name}`}
          @click=${() => void this.decide(c, 'approve')}
        >
          ${t('changes.approve')}
        </button>
        <button
          aria-label=${`${t('changes.reject')}: ${c.user.name}`}
          @click=${() => void this.decide(c, 'reject')}
        >
          ${t('changes.reject')}
        </button>
      </td>
    </tr>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'sac-profile-changes': ProfileChanges;
  }
}
