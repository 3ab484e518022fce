// A competition's results as CSV for the teacher's spreadsheet: one row per team under a header, RFC 4180 quoting
// (CRLF line ends; a field with a comma, a quote or a line break is quoted, quotes doubled). Text typed by players
// (team names) or made from the game (first failure) could start with a character a spreadsheet reads as a formula,
// so such cells get a leading single quote (OWASP's advice for CSV injection). Numbers we write ourselves are left
// as numbers, negative ones included.
import type { RankedResult } from './queries/results.ts';

export const RESULTS_CSV_HEADER = [
  'rank',
  'team',
  'score',
  'stars',
  'availability',
  'p95 ms',
  'cost USD',
  'revenue USD',
  'first failure',
] as const;

export type ResultsCsvRow = Pick<
  RankedResult,
  'rank' | 'teamName' | 'score' | 'stars' | 'availability' | 'latencyP95Ms' | 'costUsd' | 'revenueUsd' | 'firstFailure'
>;

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** A text cell made safe for spreadsheets, then quoted as RFC 4180 requires. */
export function csvText(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

function csvNumber(value: number, decimals?: number): string {
  if (!Number.isFinite(value)) return '';
  return decimals === undefined ? String(value) : value.toFixed(decimals);
}

/** The CSV text, header first, each line ended by CRLF. With `bom`, starts with a UTF-8 byte order mark, which
 * Excel needs to read non-ASCII team names correctly. */
export function resultsToCsv(rows: readonly ResultsCsvRow[], options: { bom?: boolean } = {}): string {
  const lines = [RESULTS_CSV_HEADER.join(',')];
  for (const row of rows) {
    lines.push(
      [
        csvNumber(row.rank),
        csvText(row.teamName),
        csvNumber(row.score),
        csvNumber(row.stars),
        csvNumber(row.availability),
        csvNumber(row.latencyP95Ms),
        csvNumber(row.costUsd, 2),
        csvNumber(row.revenueUsd, 2),
        row.firstFailure === null ? '' : csvText(row.firstFailure),
      ].join(','),
    );
  }
  return (options.bom ? '\uFEFF' : '') + lines.map((line) => `${line}\r\n`).join('');
}
