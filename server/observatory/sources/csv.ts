/**
 * A CSV reader for files people export from spreadsheets and other systems: RFC 4180 quoting
 * (separators, quotes and line breaks inside quotes), a comma or a semicolon as separator (the
 * header line decides: Spanish-locale spreadsheets write semicolons), a UTF-8 byte-order mark,
 * and CRLF, LF or CR line ends. Each record keeps the line it starts on, counting the header as
 * line 1, so a rejection can point at the line a person sees in their editor.
 */
export interface CsvRecord {
  line: number;
  cells: string[];
}

export interface CsvTable {
  separator: ',' | ';';
  header: string[];
  records: CsvRecord[];
  /** a quote opened and never closed: the line it opened on */
  unclosedQuoteAt?: number;
}

export function parseCsv(input: string): CsvTable {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const separator = separatorOf(text);
  const rows: CsvRecord[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let startLine = 1;
  let unclosedQuoteAt: number | undefined;
  let quoteOpenedAt = 1;
  const endRecord = () => {
    cells.push(cell);
    // A blank line (or trailing newline) is no record.
    if (!(cells.length === 1 && cells[0]!.trim() === '')) rows.push({ line: startLine, cells });
    cells = [];
    cell = '';
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i++;
        } else quoted = false;
      } else {
        if (ch === '\n' || (ch === '\r' && text[i + 1] !== '\n')) line++;
        cell += ch;
      }
      continue;
    }
    if (ch === '"' && cell.trim() === '') {
      quoted = true;
      quoteOpenedAt = line;
      cell = '';
    } else if (ch === separator) {
      cells.push(cell);
      cell = '';
    } else if (ch === '\r' || ch === '\n') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endRecord();
      line++;
      startLine = line;
    } else cell += ch;
  }
  if (quoted) unclosedQuoteAt = quoteOpenedAt;
  if (cell !== '' || cells.length > 0) endRecord();
  const [head, ...records] = rows;
  const table: CsvTable = {
    separator,
    header: (head?.cells ?? []).map((h) => h.trim()),
    records: records.map((r) => ({ line: r.line, cells: r.cells.map((c) => c.trim()) })),
  };
  if (unclosedQuoteAt !== undefined) table.unclosedQuoteAt = unclosedQuoteAt;
  return table;
}

/** The separator the header line uses: whichever of `;` and `,` appears more outside quotes. */
function separatorOf(text: string): ',' | ';' {
  let commas = 0;
  let semicolons = 0;
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && ch === ',') commas++;
    else if (!quoted && ch === ';') semicolons++;
  }
  return semicolons > commas ? ';' : ',';
}
