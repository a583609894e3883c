import { html, css } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { SacElement } from '../../components/sac-element.js';
import { isOpenStatus } from '../../../shared/catalogue.js';
import { formatTime, getLang, t } from '../../../shared/i18n/core.js';
import type { AlertStatus, UserAlert } from '../../../shared/types.js';
import { base } from '../../styles.js';
import { STATUS_OF, stepsOf, unitName, type Step } from './timeline-steps.js';

@customElement('sac-alert-timeline')
export class AlertTimeline extends SacElement {
  static override styles = [
    base,
    css`
      ol {
        list-style: none;
        margin: 0;
        padding: 0;
      }
      li {
        position: relative;
        padding: 0 0 14px 30px;
      }
      li::before {
        content: '';
        position: absolute;
        left: 7px;
        top: 18px;
        bottom: 0;
        width: 2px;
        background: var(--line);
      }
      li:last-child::before {
        display: none;
      }
      .dot {
        position: absolute;
        left: 0;
        top: 2px;
        width: 16px;
        height: 16px;
        border-radius: 50%;
        background: var(--ok);
        border: 2px solid var(--ok);
      }
      li.ahead .dot {
        background: var(--paper);
        border-color: var(--muted);
      }
      li.current .dot {
        box-shadow: 0 0 0 4px #cfe8d6;
      }
      li.closed .dot {
        background: var(--ink);
        border-color: var(--ink);
      }
      .what {
        font-weight: 600;
      }
      li.ahead .what {
        font-weight: 400;
        color: var(--muted);
      }
      .when {
        font-size: 0.9rem;
      }
    `,
  ];

  @property({ attribute: false }) alert!: UserAlert;

  private label(step: Step): string {
    if ((step.kind === 'dispatched' || step.kind === 'en_route') && this.alert.unitLabel)
      return t(`timeline.${step.kind}_unit`, { unit: unitName(this.alert.unitLabel) });
    return t(`timeline.${step.kind}`);
  }

  override render() {
    const steps = stepsOf(this.alert);
    const lastDone = steps.findLastIndex((s) => s.at !== null);
    const undelivered = !this.alert.receivedAt && !this.alert.cancelledAt;
    return html`<ol aria-label=${t('timeline.title')}>
      ${steps.map((step, i) => {
        const ahead = step.at === null;
        const closed = !ahead && !isOpenStatus(STATUS_OF[step.kind] ?? (step.kind as AlertStatus));
        const cls = ahead
          ? 'ahead'
          : `${i === lastDone ? 'current' : ''} ${closed ? 'closed' : ''}`;
        return html`<li class=${cls} data-step=${step.kind}>
          <span class="dot" aria-hidden="true"></span>
          <div class="what">${this.label(step)}</div>
          <div class="when muted">
            ${
              ahead
                ? step.kind === 'received' && undelivered
                  ? t('timeline.waiting_signal')
                  : t('timeline.next')
                : t('timeline.done_at', { time: formatTime(step.at!, getLang()) })
            }
          </div>
        </li>`;
      })}
    </ol>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'sac-alert-timeline': AlertTimeline;
  }
}
