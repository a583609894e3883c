import { css } from 'lit';

/** The Integraciones tab's own layout: the form, the key shown once, the list's states. */
export const integrationStyles = css`
  :host {
    display: flex;
    flex-direction: column;
    min-height: 0;
  }
  .body {
    padding: 0 12px 12px;
  }
  .intro {
    max-width: 70ch;
  }
  h2 {
    margin: 12px 0 8px;
    font-size: 1.1rem;
  }
  form {
    display: grid;
    gap: 10px;
    max-width: 640px;
    padding-bottom: 12px;
    border-bottom: 1px solid var(--line);
  }
  form h2 {
    margin: 0;
  }
  .field {
    display: grid;
    gap: 4px;
  }
  .field label {
    font-weight: 600;
  }
  fieldset {
    border: 1px solid var(--line);
    border-radius: 8px;
    display: grid;
    gap: 8px;
    margin: 0;
  }
  legend {
    font-weight: 600;
  }
  label.scope {
    display: flex;
    gap: 8px;
    align-items: flex-start;
  }
  label.scope input {
    margin-top: 4px;
    width: 20px;
    height: 20px;
  }
  label.scope span {
    display: grid;
    gap: 2px;
  }
  form button[type='submit'] {
    justify-self: start;
  }
  .issued {
    display: grid;
    gap: 8px;
    max-width: 720px;
    padding: 12px;
    border: 2px solid var(--warn);
    border-radius: 8px;
    margin-top: 12px;
  }
  .issued h2,
  .issued p {
    margin: 0;
  }
  code.key {
    display: block;
    padding: 8px;
    background: #f4f4f4;
    border-radius: 6px;
    font-size: 1rem;
    overflow-wrap: anywhere;
    user-select: all;
  }
  td.state {
    min-width: 12rem;
  }
  td.state button {
    margin-left: 6px;
  }
  .confirm {
    display: flex;
    flex-wrap: wrap;
    gap: 6px;
    align-items: center;
  }
  button.danger {
    background: #b3261e;
    color: #fff;
    border-color: #b3261e;
  }
  .pill.active {
    background: #e0f2e6;
    color: #1b5e32;
  }
  /* A phone: each key is a card, its fields labelled, instead of a table wider than the screen. */
  @media (max-width: 700px) {
    thead {
      display: none;
    }
    table,
    tbody,
    tr,
    th,
    td {
      display: block;
    }
    tr {
      padding: 8px 0;
      border-bottom: 1px solid var(--line);
    }
    th[scope='row'],
    td {
      padding: 2px 0;
      border: 0;
    }
    td[data-label]::before {
      content: attr(data-label) ': ';
      font-weight: 600;
      color: var(--muted);
    }
    td.state {
      min-width: 0;
    }
  }
  tr.revoked th,
  tr.revoked td {
    color: var(--muted);
  }
`;
