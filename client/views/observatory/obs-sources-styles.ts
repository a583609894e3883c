import { css } from 'lit';

/** The other-sources section: its list, its import form and its map. */
export const sourcesStyles = css`
  .sources {
    list-style: none;
    padding: 0;
    margin: 0;
    display: grid;
    gap: 10px;
  }
  .source {
    border: 1px solid var(--line);
    border-radius: 10px;
    padding: 10px 12px;
  }
  .source h4 {
    margin: 0 0 4px;
    font-size: 1rem;
    overflow-wrap: anywhere;
  }
  .source dl {
    display: grid;
    grid-template-columns: max-content minmax(0, 1fr);
    gap: 2px 10px;
    margin: 0 0 6px;
    font-size: 0.9rem;
  }
  .source dt {
    font-weight: 600;
  }
  .source dd {
    margin: 0;
    overflow-wrap: anywhere;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 8px;
    align-items: center;
  }
  button.danger {
    border-color: var(--red-dark);
    color: var(--red-dark);
  }
  button.danger.primary {
    background: var(--red-dark);
    color: #fff;
  }
  .confirm {
    flex-basis: 100%;
    margin: 4px 0 0;
  }
  form.import {
    display: grid;
    gap: 12px;
    grid-template-columns: repeat(auto-fit, minmax(240px, 1fr));
    align-items: start;
  }
  form.import .wide {
    grid-column: 1 / -1;
  }
  .field {
    display: grid;
    gap: 3px;
  }
  .field input,
  .field select {
    width: 100%;
    min-width: 0;
    max-width: 100%;
  }
  .field label {
    font-weight: 600;
    font-size: 0.9rem;
  }
  .hint {
    font-size: 0.8rem;
    color: var(--muted);
  }
  .outcome {
    margin: 10px 0 0;
  }
  .outcome.ok {
    color: var(--ok);
    font-weight: 600;
  }
  .outcome.rejected p {
    color: var(--red-dark);
    font-weight: 600;
    margin: 0 0 4px;
  }
  .outcome.rejected ul {
    margin: 0;
    padding-left: 20px;
    max-height: 240px;
    overflow: auto;
  }
  h3 {
    font-size: 1rem;
    margin: 16px 0 8px;
  }
`;
