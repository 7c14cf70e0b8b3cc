// A chart's rows as CSV (RFC 4180): a header of the columns, then one line per row. Pure, so that
// the page and tests/graphql/stats-page-queries.test.ts share it.

export type Cell = string | number | boolean | null | undefined;
export interface Column<Row> {
  header: string;
  value: (row: Row) => Cell;
}

function field(value: Cell): string {
  if (value === null || value === undefined) return "";
  const text = String(value);
  // Quoted when it holds a separator, a quote or a line break; a leading =, +, - or @ stays as it is
  // (the values are the API's numbers and names, opened by people who chose to download them).
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv<Row>(columns: Array<Column<Row>>, rows: readonly Row[]): string {
  const lines = [columns.map((c) => field(c.header)).join(",")];
  for (const row of rows) lines.push(columns.map((c) => field(c.value(row))).join(","));
  return `${lines.join("\r\n")}\r\n`;
}
