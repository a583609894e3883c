import { css } from 'lit';

/** The detail panel's layout: a fixed head and toolbar, a scrolling body. */
export const detailStyles = css`
  :host {
    display: flex;
    min-height: 0;
  }
  article {
    display: flex;
    flex-direction: column;
    flex: 1;
    min-height: 0;
    background: var(--paper);
    border: 1px solid var(--line);
    border-radius: 10px;
    overflow: hidden;
  }
  .head {
    display: flex;
    align-items: center;
    gap: 10px;
    padding: 10px 12px 6px;
  }
  .big-swatch {
    width: 16px;
    height: 40px;
    border-radius: 4px;
  }
  .title {
    flex: 1;
    min-width: 0;
  }
  h2 {
    font-size: 1.2rem;
  }
  .title p {
    margin: 2px 0 0;
  }
  .close {
    min-height: 34px;
    padding: 4px 10px;
  }
  .small {
    font-size: 0.8rem;
  }
  .silent-note,
  .others,
  .flagged {
    margin: 0 12px 6px;
    padding: 6px 10px;
    border-radius: 8px;
    font-size: 0.85rem;
  }
  .silent-note {
    background: #efe9f7;
    color: #3f2a66;
  }
  .others {
    background: #e8f0fe;
    color: #0842a0;
  }
  .flagged {
    background: #fff1d6;
    color: #6b4100;
  }
  .flagged p {
    margin: 4px 0 6px;
  }
  .flagged button {
    min-height: 34px;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 6px;
    padding: 6px 12px 10px;
    border-bottom: 1px solid var(--line);
  }
  .actions button {
    min-height: 34px;
    padding: 4px 9px;
    font-size: 0.88rem;
  }
  .actions button.primary kbd {
    background: #fff;
  }
  .mode {
    padding: 10px 12px;
    background: #f4f7fd;
    border-bottom: 1px solid var(--line);
    display: grid;
    gap: 8px;
    justify-items: start;
  }
  .mode sac-dispatch-picker {
    justify-self: stretch;
  }
  .confirm p {
    margin: 0;
    font-weight: 700;
  }
  .outcomes {
    display: flex;
    flex-wrap: wrap;
    gap: 6px;
  }
  .outcomes button,
  .mode > button {
    min-height: 34px;
    padding: 4px 10px;
  }
  .body {
    overflow: auto;
    padding: 10px 12px 16px;
    display: grid;
    gap: 14px;
    align-content: start;
  }
  .two {
    display: grid;
    grid-template-columns: 1fr 1fr;
    gap: 12px;
  }
  section p {
    margin: 2px 0;
  }
  .big {
    font-weight: 700;
    font-size: 1.02rem;
  }
  .protected {
    font-weight: 700;
    color: #3f2a66;
  }
  .warn {
    color: var(--warn);
    font-weight: 700;
  }
  .mono {
    font-family: ui-monospace, monospace;
    font-size: 0.85rem;
  }
  button.link {
    all: unset;
    color: var(--info);
    text-decoration: underline;
    cursor: pointer;
    font-size: 0.85rem;
    margin-left: 4px;
  }
  button.link:focus-visible {
    outline: 3px solid var(--info);
  }
  blockquote {
    margin: 6px 0 0;
    padding: 6px 10px;
    border-left: 3px solid var(--line);
    background: #faf9fb;
  }
  ul,
  ol {
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .history {
    font-size: 0.85rem;
  }
  .history summary {
    cursor: pointer;
    color: var(--info);
  }
  .history li {
    font-size: 0.8rem;
    margin-top: 3px;
  }
  .checklist {
    display: grid;
    gap: 2px;
  }
  .checklist label {
    display: flex;
    gap: 8px;
    align-items: center;
    padding: 3px 0;
    cursor: pointer;
  }
  .checklist label.done {
    color: var(--muted);
    text-decoration: line-through;
  }
  .checklist input {
    width: 18px;
    height: 18px;
  }
  .times {
    display: grid;
    grid-template-columns: auto 1fr;
    gap: 2px 12px;
    margin: 0;
    font-size: 0.9rem;
  }
  .times dt {
    color: var(--muted);
  }
  .times dd {
    margin: 0;
    font-variant-numeric: tabular-nums;
  }
  .notes li {
    border-left: 3px solid #a8c3f5;
    padding: 2px 8px;
    margin-bottom: 6px;
  }
  form {
    display: flex;
    gap: 6px;
    align-items: flex-end;
  }
  textarea {
    flex: 1;
    resize: vertical;
  }
  form button {
    min-height: 36px;
    padding: 4px 10px;
  }
  .timeline li {
    padding: 2px 0;
    font-size: 0.9rem;
  }
`;
