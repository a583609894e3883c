import { html, css } from 'lit';
import { SacElement } from './sac-element.js';
import { customElement, property, state } from 'lit/decorators.js';
import { getLang, onLangChange, t } from '../../shared/i18n/core.js';
import type { Me } from '../../shared/types.js';
import { askLater, enablePush, pushStatus, putOff, syncPush } from '../data/push.js';
import { deviceKind } from '../data/device.js';
import { base } from '../styles.js';

/**
 * Asks for notification permission at a sensible moment: once signed in, with a card saying
 * why, and the browser's own prompt only after "Activate" (never on first load, never
 * without a reason the person has read). With permission already granted, it silently
 * re-subscribes, since the server binds a subscription to the session. On an iPhone or iPad
 * in the browser, where notifications exist only for an app on the Home Screen, the card
 * gives the steps instead of an "Activate" that could not work.
 */
@customElement('sac-push-prompt')
export class PushPrompt extends SacElement {
  static override styles = [
    base,
    css`
      :host {
        display: block;
      }
      .card {
        max-width: 720px;
        margin: 12px auto 0;
        display: grid;
        gap: 8px;
        border-left: 6px solid var(--info);
      }
      h2 {
        font-size: 1.05rem;
        margin: 0;
      }
      p {
        margin: 0;
      }
      .actions {
        display: flex;
        gap: 8px;
        flex-wrap: wrap;
      }
      ol {
        margin: 0;
        padding-left: 1.4em;
        display: grid;
        gap: 4px;
      }
      button.primary {
        background: var(--info);
        border-color: var(--info);
      }
    `,
  ];

  @property({ attribute: false }) me!: Me;
  @state() private view:
    'hidden' | 'ask' | 'busy' | 'failed' | 'blocked' | 'needs-home-screen' | 'needs-ios-update' =
    'hidden';

  private unsubscribe: (() => void) | null = null;

  override connectedCallback(): void {
    super.connectedCallback();
    void this.check();
    // Notifications are written in the language the person reads: tell the server.
    this.unsubscribe = onLangChange((lang) => {
      this.requestUpdate();
      syncPush(lang).catch(() => undefined);
    });
  }

  override disconnectedCallback(): void {
    this.unsubscribe?.();
    super.disconnectedCallback();
  }

  private async check(): Promise<void> {
    // Analysts receive no notifications (DESIGN §6): nothing to ask, nothing to subscribe.
    if (this.me.role === 'analyst') return;
    try {
      const status = await pushStatus();
      if (status === 'ask' || status === 'needs-home-screen' || status === 'needs-ios-update') {
        if (!putOff()) this.view = status;
      } else await syncPush(getLang());
    } catch {
      // Offline or no push service: nothing to show, the next sign-in tries again.
    }
  }

  private async activate(): Promise<void> {
    this.view = 'busy';
    try {
      const status = await enablePush(getLang());
      this.view = status === 'enabled' ? 'hidden' : status === 'blocked' ? 'blocked' : 'ask';
    } catch {
      this.view = 'failed';
    }
  }

  private later(): void {
    askLater();
    this.view = 'hidden';
  }

  override render() {
    if (this.view === 'hidden') return html``;
    const title = t(`push.prompt.title.${deviceKind()}`);
    if (this.view === 'needs-home-screen' || this.view === 'needs-ios-update')
      return this.renderIOS(title, this.view);
    const problem =
      this.view === 'blocked'
        ? t('push.prompt.blocked')
        : this.view === 'failed'
          ? t('push.prompt.failed')
          : null;
    const canActivate = this.view !== 'blocked';
    return html`<section class="card" aria-labelledby="push-title">
      <h2 id="push-title">${title}</h2>
      ${problem ? html`<p role="status">${problem}</p>` : html`<p>${this.why()}</p>`}
      <div class="actions">
        ${
          canActivate
            ? html`<button
                class="primary"
                ?disabled=${this.view === 'busy'}
                @click=${() => void this.activate()}
              >
                ${t('push.prompt.activate')}
              </button>`
            : ''
        }
        <button @click=${() => this.later()}>${t('push.prompt.later')}</button>
      </div>
    </section>`;
  }

  /** What notifications bring this person: each role receives different ones (DESIGN §6). */
  private why(): string {
    switch (this.me.role) {
      case 'citizen':
        return t('push.prompt.text.citizen');
      case 'officer':
        return t('push.prompt.text.officer');
      // An analyst never sees the card (`check`); the case keeps the switch exhaustive.
      case 'analyst':
      case 'operator':
      case 'admin':
        return t('push.prompt.text.operator');
    }
  }

  /** The steps to SAC on the Home Screen, where iOS lets it receive notifications. */
  private renderIOS(title: string, view: 'needs-home-screen' | 'needs-ios-update') {
    return html`<section class="card" aria-labelledby="push-title" data-reason=${view}>
      <h2 id="push-title">${title}</h2>
      ${
        view === 'needs-ios-update'
          ? html`<p>${t('push.ios.too_old')}</p>`
          : html`<p>${t('push.ios.text')}</p>
              <ol>
                <li>${t('push.ios.step.share')}</li>
                <li>${t('push.ios.step.add')}</li>
                <li>${t('push.ios.step.open')}</li>
                <li>${t('push.ios.step.enable')}</li>
              </ol>`
      }
      <div class="actions">
        <button @click=${() => this.later()}>${t('push.ios.dismiss')}</button>
      </div>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'sac-push-prompt': PushPrompt;
  }
}
