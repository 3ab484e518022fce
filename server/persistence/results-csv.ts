// A competition's results as CSV for the teacher's spreadsheet: the header, then the rows the shared export rule
// shapes (shared/match/results-export.ts: one per student), RFC 4180 quoting (CRLF line ends; a field with a
// comma, a quote or a line break is quoted, quotes doubled) and a UTF-8 byte order mark, without which Excel reads
// Korean names as mojibake. Text typed by players (nicknames, team names) or made from the game (first failure)
// could start with a character a spreadsheet reads as a formula, so such cells get a leading single quote (OWASP's
// advice for CSV injection). Numbers we write ourselves are left as numbers, negative ones included.
import { EXPORT_COLUMNS, exportRows, type ExportCell, type TeamExport } from '../../shared/match/results-export.ts';

export const RESULTS_CSV_HEADER = EXPORT_COLUMNS;

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** A text cell made safe for spreadsheets, then quoted as RFC 4180 requires. */
export function csvText(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

function csvCell(cell: ExportCell): string {
  if ('text' in cell) return csvText(cell.text);
  return Number.isFinite(cell.number) ? cell.number.toFixed(cell.decimals) : '';
}

/** The CSV text, header first, each line ended by CRLF; with a byte order mark unless `bom` is false. */
export function resultsToCsv(teams: readonly TeamExport[], options: { bom?: boolean } = {}): string {
  const lines = [RESULTS_CSV_HEADER.join(','), ...exportRows(teams).map((row) => row.map(csvCell).join(','))];
  return (options.bom === false ? '' : '\uFEFF') + lines.map((line) => `${line}\r\n`).join('');
}
