import { css } from 'lit';

/** The two-state buttons (map mode, weekly/monthly), shared with the chart's shadow root. */
export const segStyles = css`
  .seg {
    display: inline-flex;
    flex-wrap: wrap;
    gap: 4px;
  }
  .seg button {
    min-height: 40px;
    padding: 6px 12px;
  }
  .seg button[aria-pressed='true'] {
    background: var(--ink);
    color: #fff;
    border-color: var(--ink);
  }
`;

/** The observatory's layout: made for a 1366×768 desk, stacked on a tablet or phone. */
export const obsStyles = css`
  :host {
    display: block;
    max-width: 1340px;
    margin: 0 auto;
    padding: 12px 12px 40px;
    /* the console gives its sections a fixed box: this one scrolls inside it */
    overflow: auto;
  }
  /* the shell hides "where and when" while another section is open */
  :host([hidden]) {
    display: none;
  }
  h1 {
    font-size: 1.35rem;
    margin: 4px 0;
  }
  h2 {
    font-size: 1.1rem;
    margin: 0 0 8px;
  }
  .intro {
    margin: 0 0 10px;
    color: var(--muted);
  }
  .filters {
    display: flex;
    flex-wrap: wrap;
    gap: 10px 14px;
    align-items: end;
    margin-bottom: 12px;
  }
  .filters label {
    display: grid;
    gap: 2px;
    font-size: 0.85rem;
    font-weight: 600;
  }
  select,
  input {
    font: inherit;
    font-weight: 400;
    padding: 8px 10px;
    min-height: 40px;
    border: 1px solid #8a8590;
    border-radius: 8px;
    background: var(--paper, #fff);
    color: var(--ink);
  }
  .filters select,
  .filters input {
    min-width: 180px;
  }
  .controls label {
    display: inline-flex;
    gap: 8px;
    align-items: center;
    font-weight: 600;
    font-size: 0.9rem;
  }
  a.public {
    align-self: center;
  }
  .bad {
    color: #8c1d18;
    margin: 0;
    flex-basis: 100%;
  }
  section.card {
    margin-bottom: 14px;
  }
  .map-grid {
    display: grid;
    grid-template-columns: minmax(0, 1fr) 300px;
    gap: 12px;
  }
  .side {
    display: grid;
    gap: 8px;
    align-content: start;
    font-size: 0.9rem;
  }
  .controls {
    display: flex;
    flex-wrap: wrap;
    gap: 8px 16px;
    align-items: center;
    margin-bottom: 8px;
  }
  .legend {
    list-style: none;
    padding: 0;
    margin: 0;
    display: grid;
    gap: 3px;
  }
  .legend i {
    display: inline-block;
    width: 14px;
    height: 14px;
    margin-right: 6px;
    vertical-align: -2px;
    border: 1px solid #3b3740;
  }
  .legend-pair {
    display: grid;
    gap: 8px;
  }
  .meta {
    display: flex;
    flex-wrap: wrap;
    gap: 2px 14px;
    font-size: 0.8rem;
    color: var(--muted);
    margin: 8px 0 0;
  }
  .meta .method {
    flex-basis: 100%;
  }
  .exports {
    display: flex;
    flex-wrap: wrap;
    gap: 8px;
    margin-top: 8px;
  }
  a.export {
    display: inline-block;
    padding: 6px 12px;
    border: 1px solid var(--info);
    border-radius: 8px;
    color: var(--info);
    text-decoration: none;
    font-weight: 600;
    font-size: 0.9rem;
  }
  .state {
    padding: 16px 0;
  }
  .state.error p {
    margin: 0 0 8px;
    color: #8c1d18;
  }
  .gap {
    font-weight: 600;
    margin: 0 0 8px;
  }
  .scroll {
    overflow: auto;
    max-width: 100%;
  }
  table {
    border-collapse: collapse;
    font-size: 0.82rem;
  }
  caption {
    text-align: left;
    color: var(--muted);
    padding-bottom: 4px;
    caption-side: top;
  }
  table.hours {
    width: 100%;
    min-width: 640px;
  }
  .hours th,
  .hours td,
  .silent th,
  .silent td {
    border: 1px solid var(--line);
    padding: 2px 6px;
    text-align: right;
    white-space: nowrap;
  }
  .hours th[scope='row'],
  .silent th[scope='row'],
  .hours thead th:first-child,
  .silent thead th:first-child {
    text-align: left;
  }
  .hours td .now {
    display: block;
    font-weight: 700;
  }
  .hours th[scope='row'] {
    position: sticky;
    left: 0;
    background: var(--paper, #fff);
  }
  .hours .short {
    display: none;
  }
  .hours td .before {
    display: block;
    font-size: 0.72rem;
  }
  .hours td.nofp {
    background-image: repeating-linear-gradient(
      135deg,
      transparent 0 5px,
      rgba(0, 0, 0, 0.12) 5px 6px
    );
  }
  .hours tr.uncovered th[scope='row'] {
    background: #fff1d6;
  }
  .gap-mark {
    display: block;
    font-size: 0.7rem;
    font-weight: 600;
    color: #6b3d00;
  }
  .hours td.total {
    background: #f1eff3;
  }
  .muted {
    color: var(--muted);
  }
  .small {
    font-size: 0.82rem;
  }
  @media (max-width: 900px) {
    .map-grid {
      grid-template-columns: 1fr;
    }
    :host {
      --obs-map-height: 360px;
      padding: 8px 8px 32px;
    }
    .filters select,
    .filters input {
      min-width: 0;
      width: 100%;
    }
    .filters label {
      flex: 1 1 150px;
    }
    .hours .long {
      display: none;
    }
    .hours .short {
      display: inline;
    }
    table.hours {
      min-width: 0;
    }
  }
`;
