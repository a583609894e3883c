import { css } from 'lit';

/** The before / after section's own rules, on top of obsStyles. */
export const impactStyles = css`
  .form {
    display: flex;
    flex-wrap: wrap;
    gap: 10px 16px;
    align-items: end;
    margin-bottom: 12px;
  }
  .form label,
  .form fieldset {
    display: grid;
    gap: 2px;
    font-size: 0.85rem;
    font-weight: 600;
  }
  fieldset {
    border: 1px solid var(--line);
    border-radius: 10px;
    padding: 6px 10px 8px;
    margin: 0;
  }
  legend {
    font-size: 0.85rem;
    font-weight: 600;
    padding: 0 4px;
  }
  fieldset .row {
    display: flex;
    gap: 8px;
    flex-wrap: wrap;
  }
  fieldset input[type='number'] {
    width: 7.5em;
  }
  .hint {
    font-size: 0.8rem;
    font-weight: 400;
    color: var(--muted);
  }
  .picker {
    display: flex;
    flex-wrap: wrap;
    gap: 8px;
    align-items: center;
    margin-bottom: 8px;
  }
  .verdict dl {
    margin: 0 0 6px;
    display: grid;
    gap: 6px;
  }
  .verdict dt {
    font-weight: 600;
    font-size: 0.85rem;
  }
  .verdict dd {
    margin: 0;
  }
  .verdict h3,
  section.card h3 {
    font-size: 1rem;
    margin: 10px 0 6px;
  }
  .reading {
    padding: 1px 6px;
    border-radius: 6px;
    background: #efedf1;
  }
  .reading.reduction,
  .reading.diffusion {
    background: #dcefe2;
    color: #14532d;
  }
  .reading.increase,
  .reading.displacement {
    background: #fbe3e0;
    color: #7f1d1d;
  }
  .warnings ul {
    margin: 0;
    padding-left: 18px;
  }
  .warnings {
    margin: 0 0 8px;
    padding: 8px 12px;
    border-radius: 10px;
    background: #fff4e0;
    color: #5c3700;
  }
  table.impact {
    border-collapse: collapse;
    min-width: 520px;
  }
  table.impact th,
  table.impact td {
    padding: 6px 10px;
    border-bottom: 1px solid var(--line);
    text-align: right;
    vertical-align: top;
  }
  table.impact th[scope='row'],
  table.impact thead th:first-child {
    text-align: left;
  }
  .confirm {
    border: 2px solid var(--warn);
    border-radius: 10px;
    padding: 10px 12px;
    background: #fff8ec;
  }
  .confirm .buttons {
    display: flex;
    gap: 8px;
    flex-wrap: wrap;
  }
  button.link {
    border: none;
    background: none;
    color: var(--info);
    text-decoration: underline;
    padding: 4px 0;
    min-height: 32px;
  }
  .past,
  .units {
    margin: 4px 0;
    padding-left: 20px;
  }
  @media (max-width: 900px) {
    .form label,
    .form fieldset {
      flex: 1 1 100%;
    }
    table.impact {
      min-width: 0;
    }
  }
`;
