import { css } from 'lit';

/** What the console's pieces share: status pills, type swatches, the silent mark, panels. */
export const opsStyles = css`
  .pill {
    display: inline-block;
    border-radius: 999px;
    padding: 2px 9px;
    font-size: 0.8rem;
    font-weight: 700;
    white-space: nowrap;
    border: 1px solid transparent;
  }
  .st-received {
    background: #fde7e4;
    color: #8c1d18;
    border-color: #f2b8b5;
  }
  .st-acknowledged {
    background: #fff1d6;
    color: #6b4100;
    border-color: #f0cf8f;
  }
  .st-dispatched,
  .st-accepted,
  .st-en_route {
    background: #e3ecfd;
    color: #0842a0;
    border-color: #a8c3f5;
  }
  .st-on_scene {
    background: #dcf1f1;
    color: #0b5252;
    border-color: #98d2d2;
  }
  .st-resolved,
  .st-available,
  .st-closed {
    background: #e0f2e6;
    color: #1b5e32;
    border-color: #a6d8b5;
  }
  .st-nobody {
    background: #fff;
    color: #8c1d18;
    border: 1px dashed #b3261e;
  }
  .st-false_alarm,
  .st-cancelled,
  .st-duplicate,
  .st-not_our_responsibility,
  .st-offline {
    background: #eceaee;
    color: #4a4650;
    border-color: #cfcbd3;
  }
  .st-open {
    background: #fde7e4;
    color: #8c1d18;
    border-color: #f2b8b5;
  }
  .st-in_progress {
    background: #e3ecfd;
    color: #0842a0;
    border-color: #a8c3f5;
  }
  .swatch {
    display: inline-block;
    width: 12px;
    height: 12px;
    border-radius: 3px;
    flex: none;
  }
  .silent {
    display: inline-flex;
    align-items: center;
    gap: 4px;
    background: #5b3f8c;
    color: #fff;
    border-radius: 6px;
    padding: 1px 6px;
    font-size: 0.72rem;
    font-weight: 800;
    letter-spacing: 0.03em;
  }
  .chip {
    display: inline-grid;
    place-items: center;
    width: 24px;
    height: 24px;
    border-radius: 50%;
    background: #0b57d0;
    color: #fff;
    font-size: 0.68rem;
    font-weight: 800;
  }
  .panel {
    background: var(--paper);
    border: 1px solid var(--line);
    border-radius: 10px;
  }
  h2,
  h3 {
    margin: 0;
  }
  .section-title {
    font-size: 0.78rem;
    text-transform: uppercase;
    letter-spacing: 0.05em;
    color: var(--muted);
    font-weight: 700;
    margin: 0 0 6px;
  }
  select,
  input,
  textarea {
    font: inherit;
    border: 1px solid #8d8893;
    border-radius: 8px;
    padding: 6px 8px;
    background: var(--paper);
    color: var(--ink);
  }
  kbd {
    font:
      700 0.75rem ui-monospace,
      monospace;
    border: 1px solid #b9b4bf;
    border-bottom-width: 2px;
    border-radius: 4px;
    padding: 0 4px;
    background: #faf9fb;
    color: var(--ink);
  }
`;
