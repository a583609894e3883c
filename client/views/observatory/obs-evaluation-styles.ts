import { css } from 'lit';

/** Response times and perception: the headline number, the grid tables, two columns on a desk. */
export const evaluationStyles = css`
  .two {
    display: grid;
    grid-template-columns: minmax(0, 1fr) minmax(0, 1.4fr);
    gap: 16px;
    align-items: start;
  }
  .headline p {
    margin: 0 0 6px;
  }
  .headline .big strong {
    display: block;
    font-size: 2.6rem;
    line-height: 1.1;
    color: var(--ink, #1d1b20);
  }
  .recent {
    border-left: 4px solid #1a7f37;
    padding: 4px 10px;
    background: #eef7f0;
    margin: 8px 0;
  }
  table.grid {
    width: 100%;
    margin: 8px 0;
  }
  .grid th,
  .grid td {
    border: 1px solid var(--line);
    padding: 3px 8px;
    text-align: right;
    white-space: nowrap;
  }
  .grid thead th {
    white-space: normal;
  }
  .controls label {
    max-width: 100%;
  }
  .controls select {
    max-width: 100%;
    min-width: 0;
  }
  .grid th[scope='row'],
  .grid thead th:first-child {
    text-align: left;
    white-space: normal;
  }
  .key {
    display: flex;
    flex-wrap: wrap;
    gap: 14px;
  }
  .key i {
    display: inline-block;
    width: 18px;
    height: 0;
    border-top: 3px solid;
    margin-right: 6px;
    vertical-align: middle;
  }
  figure {
    margin: 0;
  }
  .quadrant {
    display: grid;
    grid-template-columns: 1fr 1fr;
    gap: 8px;
    margin: 8px 0;
  }
  .quadrant > div {
    border: 1px solid var(--line);
    border-radius: 6px;
    padding: 8px 10px;
  }
  .quadrant h3 {
    font-size: 0.95rem;
    margin: 0 0 4px;
  }
  .quadrant ul {
    margin: 4px 0 0;
    padding-left: 18px;
    font-size: 0.85rem;
  }
  .quadrant .unsafe_few {
    border-color: #b35806;
    border-width: 2px;
  }
  @media (max-width: 720px) {
    .two,
    .quadrant {
      grid-template-columns: 1fr;
    }
  }
`;
