import { css, html, nothing } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import { t } from '../../../shared/i18n/core.js';
import type { ConsoleAlert } from './ops-data.js';
import type { Notice } from './console-intents.js';
import { overdue } from './dispatch-watch.js';

export interface BannerInput {
  /** the answer to the operator's last action, until dismissed */
  notice: Notice | null;
  dismiss(): void;
  alerts: ConsoleAlert[];
  onQueue: boolean;
  /** counts the alerts that arrived since the console opened: a new value flashes again */
  arrivals: number;
  /** go to the queue, with this alert open if given */
  show(id: string | null): void;
}

/**
 * The answer to the operator's last action, and what must reach the operator on every screen of the console, not only the queue: alerts
 * nobody took yet, and dispatches no crew accepted. Each new arrival flashes the banner and the
 * screen's edge again (the tone is attention.ts'); off the queue each banner leads back to it.
 */
export function consoleBanners(b: BannerInput) {
  const waiting = b.alerts.filter((a) => a.status === 'received');
  const late = b.alerts.filter(overdue);
  const go = (id: string | null) =>
    html`<button class="go" @click=${() => b.show(id)}>${t('ops.overdue.open')}</button>`;
  const n = b.notice;
  return html`${
    n
      ? html`<div class="notice ${n.kind}" role=${n.kind === 'error' ? 'alert' : 'status'}>
          ${n.text}
          <button @click=${b.dismiss}>${t('ops.dismiss')}</button>
        </div>`
      : nothing
  }
  ${
    waiting.length
      ? keyed(
          b.arrivals,
          html`<div class="waiting" role="status" data-banner="waiting">
            ${
              waiting.length === 1
                ? t('ops.waiting.one')
                : t('ops.waiting.many', { count: waiting.length })
            }
            ${b.onQueue ? nothing : go(waiting[0]!.id)}
          </div>`,
        )
      : nothing
  }
  ${
    late.length
      ? html`<div class="waiting overdue-banner" role="alert" data-banner="overdue">
          ${
            late.length === 1 ? t('ops.overdue.one') : t('ops.overdue.many', { count: late.length })
          }
          ${go(late[0]!.id)}
        </div>`
      : nothing
  }
  ${b.arrivals ? keyed(b.arrivals, html`<div class="edge-flash" aria-hidden="true"></div>`) : nothing}`;
}

export const bannerStyles = css`
  .waiting .go {
    margin-left: auto;
    min-height: 30px;
    padding: 2px 12px;
    background: #fff;
    color: var(--red-dark);
    border: 0;
    font-weight: 700;
  }
  .overdue-banner {
    background: #6b4100;
  }
  /* the whole screen's edge blinks three times on a new alert, wherever the operator is */
  .edge-flash {
    position: fixed;
    inset: 0;
    pointer-events: none;
    z-index: 1000;
    border: 6px solid transparent;
    animation: edge 0.8s step-end 4;
  }
  @keyframes edge {
    0% {
      border-color: var(--red);
    }
    50% {
      border-color: transparent;
    }
  }
`;
