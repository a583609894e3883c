import { css } from 'lit';

/** The export screen: a form that wraps on a phone, one clear download link. */
export const exportsStyles = css`
  :host {
    display: block;
    max-width: 880px;
    margin: 0;
    padding: 12px 12px 40px;
    overflow: auto;
  }
  h1,
  h2 {
    font-size: 1.25rem;
    margin: 4px 0 8px;
  }
  p {
    margin: 0 0 10px;
  }
  .scope {
    border-left: 4px solid var(--info);
    padding: 6px 10px;
    background: #eef3fd;
    border-radius: 6px;
    font-weight: 600;
  }
  .muted {
    color: var(--muted);
    font-size: 0.9rem;
  }
  form {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(200px, 1fr));
    gap: 12px 16px;
    align-items: end;
    margin: 14px 0;
  }
  label {
    display: grid;
    gap: 4px;
    font-size: 0.9rem;
    font-weight: 600;
  }
  select,
  input {
    font: inherit;
    min-height: 44px;
    padding: 6px 8px;
    border: 1px solid var(--line);
    border-radius: 8px;
    background: var(--paper);
    color: var(--ink);
  }
  .go {
    display: flex;
    flex-wrap: wrap;
    gap: 10px 16px;
    align-items: center;
    margin: 4px 0 14px;
  }
  a.download,
  button.download {
    display: inline-flex;
    align-items: center;
    min-height: 44px;
    padding: 10px 18px;
    border-radius: 10px;
    background: var(--info);
    border: 1px solid var(--info);
    color: #fff;
    font-weight: 700;
    text-decoration: none;
  }
  button.download[disabled] {
    background: var(--line);
    border-color: var(--line);
    color: var(--muted);
    cursor: not-allowed;
  }
  .bad {
    color: var(--red-dark);
    font-weight: 600;
  }
`;
