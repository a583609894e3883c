import { css } from 'lit';

/** What the officer's screens share: big touch targets for use in a moving car, at night. */
export const officerStyles = css`
  h2 {
    font-size: 1.15rem;
    margin: 0 0 10px;
  }
  h3 {
    font-size: 1rem;
    margin: 14px 0 8px;
  }
  .card + .card,
  .card + section,
  section + .card {
    margin-top: 12px;
  }
  .big {
    width: 100%;
    min-height: 56px;
    font-size: 1.1rem;
  }
  .row {
    display: flex;
    gap: 8px;
    align-items: center;
    flex-wrap: wrap;
  }
  .badge {
    display: inline-flex;
    align-items: center;
    gap: 4px;
    font-size: 0.8rem;
    font-weight: 600;
    border-radius: 999px;
    padding: 2px 8px;
    white-space: nowrap;
  }
  .badge.server {
    background: #e3f1e8;
    color: var(--ok);
  }
  .badge.phone {
    background: #fff1d6;
    color: var(--warn);
  }
  .warn {
    background: #fff1d6;
    color: #5c3800;
    border-radius: 10px;
    padding: 10px 12px;
  }
  .ok {
    color: var(--ok);
  }
  textarea,
  select,
  input {
    font: inherit;
    width: 100%;
    border: 1px solid var(--line);
    border-radius: 10px;
    padding: 10px;
    background: var(--paper);
    color: var(--ink);
  }
  label {
    font-weight: 600;
  }
  .toast {
    margin-top: 10px;
    font-weight: 600;
  }
`;
