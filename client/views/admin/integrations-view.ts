import { html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { SacElement } from '../../components/sac-element.js';
import { formatDateTime, t } from '../../../shared/i18n/core.js';
import { API_SCOPES } from '../../../shared/integrations.js';
import { ApiFailure } from '../../data/api.js';
import { integrationsApi, type ApiClientView, type ApiScope } from '../../data/integrations.js';
import { base } from '../../styles.js';
import { opsStyles } from '../operator/ops-styles.js';
import { boardStyles } from '../operator/board-styles.js';
import { integrationStyles } from './integrations-styles.js';

/**
 * API keys for other systems (admins only, `/api/integrations`): the city's 311 tool filing
 * Open311 requests, civil protection polling the CAP feed. A new key is shown once, with a
 * copy button, until the admin says it is copied; the server keeps only its hash. Revoking
 * asks first, in the row, and cannot be undone.
 */
@customElement('sac-integrations-view')
export class IntegrationsView extends SacElement {
  static override styles = [base, opsStyles, boardStyles, integrationStyles];

  @state() private clients: ApiClientView[] = [];
  @state() private error: string | null = null;
  @state() private issued: { name: string; key: string } | null = null;
  @state() private copied: 'ok' | 'failed' | null = null;
  @state() private confirming: string | null = null;
  @state() private busy = false;
  @state() private loadFailed = false;

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private async load(): Promise<void> {
    try {
      this.clients = await integrationsApi.list();
      this.loadFailed = false;
    } catch {
      this.loadFailed = true;
    }
  }

  private async submit(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const data = new FormData(form);
    const scopes = data.getAll('scope').map(String) as ApiScope[];
    this.error = null;
    if (!scopes.length) {
      this.error = t('integrations.scope_needed');
      return;
    }
    this.busy = true;
    try {
      const name = String(data.get('name') ?? '').trim();
      const out = await integrationsApi.issue({ name, scopes });
      this.issued = { name: out.client.name, key: out.key };
      this.copied = null;
      form.reset();
      await this.load();
    } catch (err) {
      this.error = messageFor(err);
    } finally {
      this.busy = false;
    }
  }

  private async copy(): Promise<void> {
    if (!this.issued) return;
    try {
      await navigator.clipboard.writeText(this.issued.key);
      this.copied = 'ok';
    } catch {
      this.copied = 'failed';
    }
  }

  private async revoke(id: string): Promise<void> {
    this.busy = true;
    this.error = null;
    try {
      await integrationsApi.revoke(id);
      this.confirming = null;
      await this.load();
    } catch (err) {
      this.error = messageFor(err);
    } finally {
      this.busy = false;
    }
  }

  override render() {
    return html`<header class="board-head">
        <h1>${t('ops.tab.integrations')}</h1>
        <div class="tools">
          <button @click=${() => void this.load()}>${t('ops.users.refresh')}</button>
        </div>
      </header>
      <div class="scroll body" tabindex="0" role="region" aria-label=${t('ops.tab.integrations')}>
        <p class="intro">${t('integrations.intro')}</p>
        ${this.issued ? this.issuedKey(this.issued) : this.form()}
        <div role="status">
          ${this.error ? html`<p class="message error">${this.error}</p>` : nothing}
          ${this.loadFailed ? html`<p class="message error">${t('app.error')}</p>` : nothing}
        </div>
        <h2 id="keys-title">${t('integrations.list')}</h2>
        ${this.clients.length ? this.table() : html`<p class="empty">${t('integrations.none')}</p>`}
      </div>`;
  }

  private form() {
    return html`<form @submit=${(e: SubmitEvent) => void this.submit(e)} aria-labelledby="new-key">
      <h2 id="new-key">${t('integrations.new')}</h2>
      <div class="field">
        <label for="key-name">${t('integrations.name')}</label>
        <input
          id="key-name"
          name="name"
          required
          minlength="2"
          maxlength="80"
          autocomplete="off"
          aria-describedby="key-name-hint"
        />
        <span class="hint small muted" id="key-name-hint">${t('integrations.name_hint')}</span>
      </div>
      <fieldset>
        <legend>${t('integrations.scopes')}</legend>
        ${API_SCOPES.map(
          (scope) =>
            html`<label class="scope">
              <input type="checkbox" name="scope" value=${scope} ?checked=${scope === 'open311'} />
              <span>
                <strong>${t(`integrations.scope.${scope}`)}</strong>
                <span class="small muted">${t(`integrations.scope.${scope}_hint`)}</span>
              </span>
            </label>`,
        )}
      </fieldset>
      <button class="primary" type="submit" ?disabled=${this.busy}>
        ${t('integrations.issue')}
      </button>
    </form>`;
  }

  private issuedKey(issued: { name: string; key: string }) {
    return html`<section class="issued" aria-labelledby="issued-title">
      <h2 id="issued-title">${t('integrations.issued_title', { name: issued.name })}</h2>
      <p class="warn">${t('integrations.issued_once')}</p>
      <code class="key" data-key>${issued.key}</code>
      <div class="tools">
        <button class="primary" @click=${() => void this.copy()}>${t('integrations.copy')}</button>
        <button @click=${() => ((this.issued = null), (this.copied = null))}>
          ${t('integrations.done')}
        </button>
        <span role="status" class="small">
          ${this.copied === 'ok' ? t('integrations.copied') : nothing}
          ${this.copied === 'failed' ? t('integrations.copy_failed') : nothing}
        </span>
      </div>
    </section>`;
  }

  private table() {
    return html`<table aria-labelledby="keys-title">
      <thead>
        <tr>
          <th scope="col">${t('integrations.name')}</th>
          <th scope="col">${t('integrations.scopes')}</th>
          <th scope="col">${t('integrations.key')}</th>
          <th scope="col">${t('integrations.created')}</th>
          <th scope="col">${t('integrations.last_used')}</th>
          <th scope="col">${t('integrations.state')}</th>
        </tr>
      </thead>
      <tbody>
        ${this.clients.map((c) => this.row(c))}
      </tbody>
    </table>`;
  }

  private row(c: ApiClientView) {
    const state = c.revokedAt
      ? html`<span class="muted small"
          >${t('integrations.revoked', {
            at: formatDateTime(c.revokedAt),
            name: c.revokedBy ?? '—',
          })}</span
        >`
      : this.confirming === c.id
        ? html`<div class="confirm">
            <span class="small">${t('integrations.revoke_confirm', { name: c.name })}</span>
            <button class="danger" ?disabled=${this.busy} @click=${() => void this.revoke(c.id)}>
              ${t('integrations.revoke')}
            </button>
            <button @click=${() => (this.confirming = null)}>${t('ops.cancel')}</button>
          </div>`
        : html`<span class="pill active">${t('integrations.active')}</span>
            <button
              aria-label=${t('integrations.revoke_label', { name: c.name })}
              @click=${() => (this.confirming = c.id)}
            >
              ${t('integrations.revoke')}
            </button>`;
    return html`<tr data-client=${c.name} class=${c.revokedAt ? 'revoked' : ''}>
      <th scope="row">${c.name}</th>
      <td data-label=${t('integrations.scopes')}>
        ${c.scopes.map((s) => t(`integrations.scope.${s}`)).join(' · ')}
      </td>
      <td data-label=${t('integrations.key')}><code>${c.keyPrefix}…</code></td>
      <td class="small" data-label=${t('integrations.created')}>
        ${formatDateTime(c.createdAt)}<br /><span class="muted"
          >${t('integrations.by', { name: c.createdBy })}</span
        >
      </td>
      <td class="small" data-label=${t('integrations.last_used')}>
        ${c.lastUsedAt ? formatDateTime(c.lastUsedAt) : t('integrations.never_used')}
      </td>
      <td class="state" data-label=${t('integrations.state')}>${state}</td>
    </tr>`;
  }
}

function messageFor(error: unknown): string {
  if (!(error instanceof ApiFailure)) return t('app.error');
  if (error.code === 'offline') return t('integrations.offline');
  if (error.code === 'bad_request' && error.field === 'name') return t('integrations.invalid_name');
  return t('app.error');
}

declare global {
  interface HTMLElementTagNameMap {
    'sac-integrations-view': IntegrationsView;
  }
}
