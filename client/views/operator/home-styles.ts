import { css } from 'lit';
import { opsStyles } from './ops-styles.js';

/**
 * The console fills the window under the app header: a bar (tabs, today's times, who is
 * on), then the panel. At 1366×768 the queue, the detail and the map sit side by side.
 */
export const homeStyles = [
  opsStyles,
  css`
    :host {
      display: flex;
      flex-direction: column;
      height: calc(100vh - 56px);
      min-height: 560px;
      padding: 8px 12px 10px;
      gap: 8px;
    }
    .bar {
      display: flex;
      align-items: center;
      gap: 14px;
      flex-wrap: wrap;
    }
    [role='tablist'] {
      display: flex;
      gap: 2px;
      background: #e9e6ec;
      border-radius: 10px;
      padding: 3px;
    }
    [role='tab'] {
      min-height: 32px;
      padding: 4px 11px;
      border: 0;
      background: transparent;
      font-size: 0.9rem;
      border-radius: 8px;
    }
    [role='tab'][aria-selected='true'] {
      background: var(--paper);
      font-weight: 700;
      box-shadow: 0 1px 2px rgba(0, 0, 0, 0.15);
    }
    .count {
      display: inline-block;
      min-width: 20px;
      padding: 0 6px;
      border-radius: 999px;
      background: #d6d2da;
      font-size: 0.75rem;
      font-weight: 800;
      text-align: center;
    }
    .count.hot {
      background: var(--red);
      color: #fff;
    }
    /* The day's figures fold onto two lines beside the tabs, or go below them when an admin's
       tabs leave less than that; never a column of one figure per line. */
    sac-stats-bar {
      flex: 1 1 16rem;
      min-width: min(100%, 16rem);
    }
    .presence {
      display: flex;
      align-items: center;
      gap: 3px;
    }
    .small {
      font-size: 0.8rem;
      margin-left: 4px;
    }
    .help {
      min-height: 32px;
      padding: 3px 10px;
      font-size: 0.85rem;
    }
    .notice,
    .waiting {
      display: flex;
      align-items: center;
      gap: 12px;
      padding: 7px 12px;
      border-radius: 8px;
      font-weight: 600;
    }
    .notice.error {
      background: #fde7e4;
      color: #8c1d18;
      border: 1px solid #f2b8b5;
    }
    .notice.info {
      background: #e3ecfd;
      color: #0842a0;
    }
    .notice button {
      margin-left: auto;
      min-height: 30px;
      padding: 2px 10px;
    }
    .waiting {
      background: var(--red);
      color: #fff;
      animation: blink 1s step-end 6;
    }
    @keyframes blink {
      50% {
        background: #8c1d18;
      }
    }
    .panel {
      flex: 1;
      min-height: 0;
      display: flex;
      flex-direction: column;
    }
    /* Printing from the console is printing a report (observatory): the bar, the banners
       and the fixed window height stay off the paper. */
    @media print {
      :host {
        display: block;
        height: auto;
        padding: 0;
      }
      .bar,
      .waiting,
      sac-shortcuts-help {
        display: none !important;
      }
    }
    .panel > * {
      flex: 1;
      min-height: 0;
    }
    .workspace {
      display: grid;
      grid-template-columns: minmax(440px, 510px) minmax(0, 1fr);
      gap: 10px;
      min-height: 0;
    }
    .workspace.with-detail {
      grid-template-columns: minmax(440px, 510px) minmax(430px, 1fr) minmax(260px, 0.75fr);
    }
    .workspace > * {
      min-height: 0;
    }
    /* A narrow window (a supervisor's phone, a split screen): one column, the open alert
       first, then the map with a height of its own, then the queue. */
    @media (max-width: 900px) {
      :host {
        height: auto;
        padding: 6px;
      }
      [role='tablist'] {
        flex-wrap: wrap;
      }
      /* A line of its own, or flex-basis 0 squeezes the figures into one column. */
      sac-stats-bar {
        flex-basis: 100%;
      }
      .workspace,
      .workspace.with-detail {
        grid-template-columns: minmax(0, 1fr);
      }
      .workspace.with-detail sac-alert-detail {
        order: -1;
      }
      .workspace.with-detail sac-alert-queue {
        order: 1;
      }
      .workspace sac-map {
        height: 320px;
      }
    }
  `,
];
