import { css } from 'lit';
import { scrollTableStyles } from './board-styles.js';

/** The queue: filters on top, a scrolling table whose rows show urgency at a glance. */
export const queueStyles = [
  scrollTableStyles,
  css`
    :host {
      display: flex;
      flex-direction: column;
      min-height: 0;
    }
    header {
      display: flex;
      align-items: baseline;
      gap: 10px;
      padding: 0 2px 8px;
    }
    h1 {
      margin: 0;
      font-size: 1.15rem;
    }
    .count {
      color: var(--muted);
      font-size: 0.9rem;
    }
    .filters {
      display: grid;
      grid-template-columns: 1fr 0.85fr 1.05fr 1.05fr;
      gap: 5px;
      margin-bottom: 8px;
    }
    .filters input,
    .filters select {
      min-width: 0;
      font-size: 0.8rem;
      padding: 5px 4px;
    }
    table {
      table-layout: fixed;
    }
    col.type {
      width: 39%;
    }
    col.area {
      width: 22%;
    }
    col.age {
      width: 14%;
    }
    td .pill {
      white-space: normal;
    }
    tr {
      cursor: pointer;
    }
    tr:hover td {
      background: #f7f5f9;
    }
    tr.selected td {
      background: #e8f0fe;
    }
    tr.selected td:first-child {
      box-shadow: inset 4px 0 0 var(--info);
    }
    tr.waiting td:first-child {
      box-shadow: inset 4px 0 0 var(--red);
    }
    tr.new td {
      animation: flash 1s ease-in-out infinite alternate;
    }
    @media (prefers-reduced-motion: reduce) {
      tr.new td {
        animation: none;
        background: #ffe08a;
      }
    }
    @keyframes flash {
      to {
        background: #ffe08a;
      }
    }
    tr.closed {
      color: var(--muted);
    }
    .open-btn {
      all: unset;
      display: inline-flex;
      align-items: center;
      gap: 7px;
      font-weight: 700;
      cursor: pointer;
    }
    .open-btn:focus-visible {
      outline: 3px solid var(--info);
      outline-offset: 2px;
      border-radius: 4px;
    }
    .sub {
      display: flex;
      flex-wrap: wrap;
      gap: 4px;
      margin-top: 3px;
      font-size: 0.75rem;
    }
    .warn {
      color: var(--warn);
      font-weight: 600;
    }
    .age {
      font-variant-numeric: tabular-nums;
      white-space: nowrap;
    }
    .age small {
      display: block;
      color: var(--muted);
    }
    .late {
      color: var(--red);
      font-weight: 700;
    }
    .sub .chip {
      width: 22px;
      height: 22px;
    }
    .empty {
      padding: 24px;
      text-align: center;
      color: var(--muted);
    }
  `,
];
