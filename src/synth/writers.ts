/** JSON Lines: one JSON object per line, each line ending in `\n`. */
export function toJsonl(records: readonly object[]): string {
  return records.map((r) => `${JSON.stringify(r)}\n`).join('');
}

export type CsvValue = string | number | boolean | null | undefined;

/**
 * CSV with a header row (RFC 4180): a field is quoted when it holds a comma, a quote, a line break or
 * leading/trailing space, with quotes doubled inside. Rows end in `\n`; missing values are empty fields.
 */
export function toCsv(records: readonly Readonly<Record<string, CsvValue>>[], columns: readonly string[]): string {
  const lines = [columns.map(csvField).join(',')];
  for (const record of records) lines.push(columns.map((c) => csvField(record[c])).join(','));
  return `${lines.join('\n')}\n`;
}

function csvField(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
