import { css } from 'lit';

/**
 * The report on screen (a document inside the observatory) and on paper. On paper only the
 * report prints: no controls, one section per page (a figure never split across two), black
 * on white tables with ruled cells, colours kept where they carry meaning (map, heat). The page
 * box itself (A4, margins) is set in index.html: `@page` has no effect inside a shadow root.
 */
export const reportStyles = css`
  .controls {
    display: flex;
    flex-wrap: wrap;
    gap: 10px 14px;
    align-items: end;
    margin-bottom: 12px;
  }
  .controls label {
    display: grid;
    gap: 2px;
    font-size: 0.85rem;
    font-weight: 600;
  }
  .controls .print {
    margin-left: auto;
  }
  .report {
    background: #fff;
    color: #1c1b1f;
    border: 1px solid var(--line, #ddd);
    border-radius: 12px;
    padding: 20px 24px;
    max-width: 980px;
    margin: 0 auto;
  }
  .rhead h1 {
    font-size: 1.4rem;
    margin: 0 0 6px;
  }
  .rhead p {
    margin: 2px 0;
  }
  .warn {
    font-weight: 600;
  }
  .rsec {
    border-top: 1px solid var(--line, #ddd);
    margin-top: 18px;
    padding-top: 12px;
  }
  .rsec h3 {
    font-size: 1rem;
    margin: 12px 0 4px;
  }
  ul.numbers {
    margin: 0;
    padding-left: 1.2em;
    font-size: 1.05rem;
    line-height: 1.5;
  }
  table.rtable {
    border-collapse: collapse;
    margin: 8px 0;
    min-width: 50%;
  }
  table.rtable caption {
    text-align: left;
    font-weight: 600;
    padding: 4px 0;
  }
  .rtable th,
  .rtable td {
    border: 1px solid #c9c6cc;
    padding: 4px 8px;
    text-align: left;
  }
  .rtable .num {
    text-align: right;
    font-variant-numeric: tabular-nums;
  }
  .rtable tfoot th,
  .rtable tfoot td {
    font-weight: 700;
  }
  svg.report-map {
    display: block;
    width: 100%;
    max-width: 720px;
    height: auto;
    max-height: 640px;
  }
  dl.figures dt {
    font-weight: 600;
    margin-top: 6px;
  }
  dl.figures dd {
    margin: 0;
  }
  @media (max-width: 600px) {
    .report {
      padding: 14px 12px;
      border-radius: 8px;
    }
    .rhead h1 {
      font-size: 1.2rem;
    }
    table.rtable {
      min-width: 100%;
    }
  }
  @media print {
    :host {
      padding: 0;
      max-width: none;
      overflow: visible;
    }
    .controls,
    .no-print {
      display: none !important;
    }
    .report {
      border: none;
      padding: 0;
      max-width: none;
      color: #000;
      font-size: 10.5pt;
      -webkit-print-color-adjust: exact;
      print-color-adjust: exact;
    }
    .rsec {
      border-top: none;
      break-before: page;
      margin-top: 0;
    }
    .rsec[data-report-section='numbers'],
    .rsec[data-report-section='types'] {
      break-before: auto;
    }
    .rsec h2,
    .rsec h3 {
      break-after: avoid;
    }
    table,
    svg,
    .legend,
    .meta,
    tr {
      break-inside: avoid;
    }
    .scroll {
      overflow: visible !important;
      max-height: none !important;
    }
    .rtable th,
    .rtable td {
      border-color: #000;
      color: #000;
      background: #fff;
    }
    .meta,
    .muted {
      color: #000 !important;
    }
    a {
      color: #000;
    }
  }
`;
