import { css } from 'lit';

/** Form fields at phone size: large targets, visible labels, hints tied to their inputs. */
export const fields = css`
  label {
    display: block;
    font-weight: 600;
    margin: 16px 0 6px;
  }
  input:not([type='radio']):not([type='checkbox']),
  textarea {
    width: 100%;
    font: inherit;
    padding: 12px;
    border: 1px solid #8d8893;
    border-radius: 10px;
    min-height: 48px;
    background: var(--paper);
    color: var(--ink);
  }
  textarea {
    min-height: 96px;
    resize: vertical;
  }
  input[type='radio'],
  input[type='checkbox'] {
    width: 22px;
    height: 22px;
    accent-color: var(--red);
  }
  fieldset {
    border: none;
    margin: 16px 0 0;
    padding: 0;
    min-width: 0;
  }
  legend {
    font-weight: 600;
    margin-bottom: 8px;
    padding: 0;
  }
  .hint {
    font-size: 0.9rem;
    color: var(--muted);
    margin-top: 4px;
  }
  .error {
    margin-top: 16px;
    padding: 12px;
    border-radius: 10px;
    background: #fce8e6;
    color: var(--red-dark);
  }
`;
