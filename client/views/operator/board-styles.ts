import { css } from 'lit';

/** A table in a box that scrolls on its own, its header row kept in view: the boards and the alert queue. */
export const scrollTableStyles = css`
  .scroll {
    overflow: auto;
    flex: 1;
    min-height: 0;
    border: 1px solid var(--line);
    border-radius: 10px;
    background: var(--paper);
  }
  table {
    width: 100%;
    border-collapse: collapse;
    font-size: 0.9rem;
  }
  thead th {
    position: sticky;
    top: 0;
    background: #efedf1;
    text-align: left;
    font-size: 0.72rem;
    text-transform: uppercase;
    letter-spacing: 0.04em;
    padding: 6px 8px;
    z-index: 1;
  }
  td {
    padding: 6px 8px;
    border-top: 1px solid var(--line);
    vertical-align: middle;
  }
`;

/** The boards (units, sirens, requests, registrations, audit): a header and a scrolling table. */
export const boardStyles = [
  scrollTableStyles,
  css`
    :host {
      display: flex;
      flex-direction: column;
      min-height: 0;
      gap: 8px;
    }
    .board-head {
      display: flex;
      align-items: baseline;
      gap: 12px;
      flex-wrap: wrap;
    }
    h1 {
      margin: 0;
      font-size: 1.15rem;
    }
    td {
      text-align: left;
    }
    tbody th {
      padding: 6px 8px;
      border-top: 1px solid var(--line);
      text-align: left;
      vertical-align: middle;
      font-weight: 700;
    }
    .small {
      font-size: 0.8rem;
    }
    .row-actions {
      display: flex;
      gap: 6px;
      flex-wrap: wrap;
    }
    .row-actions button,
    .tools button {
      min-height: 32px;
      padding: 3px 10px;
      font-size: 0.85rem;
    }
    .tools {
      display: flex;
      gap: 8px;
      align-items: center;
      flex-wrap: wrap;
    }
    .tools select,
    .tools input {
      font-size: 0.85rem;
      padding: 4px 6px;
    }
    .message {
      margin: 0;
      padding: 6px 10px;
      border-radius: 8px;
      background: #e0f2e6;
      color: #1b5e32;
      font-size: 0.85rem;
    }
    .message.error {
      background: #fde7e4;
      color: #8c1d18;
    }
    .empty {
      padding: 20px;
      text-align: center;
      color: var(--muted);
    }
    .warn {
      color: var(--warn);
      font-weight: 700;
    }
  `,
];
