import { describe, expect, it } from 'vitest';
import { csvText, resultsToCsv, type ResultsCsvRow } from '../../../server/persistence/results-csv.ts';

function row(teamName: string, extra: Partial<ResultsCsvRow> = {}): ResultsCsvRow {
  return {
    rank: 1,
    teamName,
    score: 700,
    stars: 2,
    availability: 0.999,
    latencyP95Ms: 80,
    costUsd: 12.5,
    revenueUsd: 100,
    firstFailure: null,
    ...extra,
  };
}

/** A small RFC 4180 reader, to check that what we write reads back as the same cells. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') cells.push(cell), (cell = '');
    else if (c === '\r' && text[i + 1] === '\n') cells.push(cell), rows.push(cells), (cells = []), (cell = ''), i++;
    else cell += c;
  }
  return rows;
}

describe('resultsToCsv', () => {
  it('writes the header and nothing else for no results', () => {
    expect(resultsToCsv([])).toBe('rank,team,score,stars,availability,p95 ms,cost USD,revenue USD,first failure\r\n');
  });

  it('quotes commas, quotes and line breaks as RFC 4180 says', () => {
    const names = ['Alpha, Beta', 'The "Best" Team', 'two\nlines', 'cr\rhere', 'crlf\r\nhere', '팀 하나'];
    const csv = resultsToCsv(names.map((n, i) => row(n, { rank: i + 1 })));
    expect(csv).toContain('"Alpha, Beta"');
    expect(csv).toContain('"The ""Best"" Team"');
    expect(csv).toContain('"two\nlines"');
    const parsed = parseCsv(csv);
    expect(parsed).toHaveLength(names.length + 1);
    expect(parsed.slice(1).map((cells) => cells[1])).toEqual(names);
    expect(parsed.every((cells) => cells.length === 9)).toBe(true);
  });

  it('defuses text that a spreadsheet would run as a formula', () => {
    for (const start of ['=', '+', '-', '@', '\t', '\r']) {
      const evil = `${start}HYPERLINK("http://x","y")`;
      expect(csvText(evil).replace(/^"/, '').startsWith(`'${start}`)).toBe(true);
    }
    const csv = resultsToCsv([row('=1+1', { firstFailure: '@SUM(A1:A2)' }), row('-2', { rank: 2 })]);
    const cells = parseCsv(csv).slice(1);
    expect(cells.map((c) => [c[1], c[8]])).toEqual([
      ["'=1+1", "'@SUM(A1:A2)"],
      ["'-2", ''],
    ]);
  });

  it('leaves its own numbers alone, negative ones included', () => {
    const csv = resultsToCsv([row('Loss', { costUsd: 10, revenueUsd: -5.5, score: 0, availability: 1 })]);
    expect(parseCsv(csv)[1]).toEqual(['1', 'Loss', '0', '2', '1', '80', '10.00', '-5.50', '']);
  });

  it('leaves a harmless cell unquoted and can start with a byte order mark', () => {
    expect(csvText('Plain team')).toBe('Plain team');
    expect(resultsToCsv([], { bom: true }).startsWith('\uFEFFrank,')).toBe(true);
  });
});
