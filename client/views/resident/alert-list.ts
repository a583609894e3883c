import { html, css } from 'lit';
import { SacElement } from '../../components/sac-element.js';
import { customElement, property } from 'lit/decorators.js';
import type { AlertTypeInfo } from '../../../shared/catalogue.js';
import { isOpenStatus } from '../../../shared/catalogue.js';
import { formatTime, getLang, t } from '../../../shared/i18n/index.js';
import type { UserAlert } from '../../../shared/types.js';
import { TYPE_COLOURS, base } from '../../styles.js';

/** Where an alert is, in words a frightened person reads at a glance. */
export function deliveryText(a: UserAlert): string {
  if (!a.receivedAt) return a.cancelledAt ? t('status.cancelled') : t('status.saved_local');
  if (!a.status || a.status === 'received') return t('status.delivered');
  return t(`status.${a.status}`);
}

/**
 * The resident's own alerts, newest first. A delivered silent alert leaves no visible
 * trace here (an abuser may check the phone); until delivered it shows under a neutral name.
 */
@customElement('sac-alert-list')
export class AlertList extends SacElement {
  static override styles = [
    base,
    css`
      ul {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        gap: 10px;
      }
      li {
        display: grid;
        grid-template-columns: 8px 1fr auto;
        gap: 12px;
        align-items: center;
        padding: 12px 14px;
      }
      .bar {
        align-self: stretch;
        border-radius: 4px;
      }
      .title {
        font-weight: 700;
      }
      .state {
        margin-top: 4px;
        font-size: 0.95rem;
      }
      .state.local {
        color: var(--warn);
        font-weight: 600;
      }
      .state.ok {
        color: var(--ok);
        font-weight: 600;
      }
      .meta {
        font-size: 0.85rem;
      }
    `,
  ];

  @property({ attribute: false }) alerts: UserAlert[] = [];
  @property({ attribute: false }) types: AlertTypeInfo[] = [];

  private visible(): UserAlert[] {
    const silent = new Set(this.types.filter((x) => x.silent).map((x) => x.code));
    return this.alerts
      .filter((a) => !(silent.has(a.type) && a.receivedAt))
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  }

  override render() {
    const list = this.visible();
    if (!list.length) return html`<p class="muted">${t('alert.none')}</p>`;
    const silent = new Set(this.types.filter((x) => x.silent).map((x) => x.code));
    return html`<ul aria-label=${t('alert.mine')}>
      ${list.map((a) => {
        const neutral = silent.has(a.type);
        const cancellable = !a.cancelledAt && (!a.status || isOpenStatus(a.status));
        const local = !a.receivedAt;
        return html`<li
          class="card"
          data-alert=${a.id}
          data-state=${local ? 'local' : (a.status ?? '')}
        >
          <span class="bar" style="background:${neutral ? '#5f5b66' : TYPE_COLOURS[a.type]}"></span>
          <div>
            <div class="title">
              ${neutral ? t('alert.neutral_name') : t(`alert.type.${a.type}`)}
            </div>
            <div class="state ${local ? 'local' : 'ok'}" role="status">${deliveryText(a)}</div>
            <div class="meta muted">
              ${formatTime(a.createdAt, getLang())}
              ${a.location ? '' : ` · ${t('alert.no_location')}`}
              ${a.unitLabel ? ` · ${a.unitLabel}` : ''}
            </div>
          </div>
          ${
            cancellable && !neutral
              ? html`<button
                  @click=${() =>
                    this.dispatchEvent(
                      new CustomEvent('cancel-alert', {
                        detail: a.id,
                        bubbles: true,
                        composed: true,
                      }),
                    )}
                >
                  ${t('alert.cancel')}
                </button>`
              : ''
          }
        </li>`;
      })}
    </ul>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'sac-alert-list': AlertList;
  }
}
