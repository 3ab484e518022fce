import { describe, expect, it } from 'vitest';
import { teamExport, type StoredResult } from '../../../shared/match/results-export.ts';
import { csvText, resultsToCsv } from '../../../server/persistence/results-csv.ts';

function result(teamName: string, extra: Partial<StoredResult> = {}): StoredResult {
  return { rank: 1, teamName, score: 700, stars: 2, availability: 0.999, latencyP95Ms: 80, costUsd: 12.5, revenueUsd: 100, firstFailure: null, ...extra };
}

/** A team with the given students (no actions) as the export shapes it. */
function team(teamName: string, extra: Partial<StoredResult> = {}, students: string[] = []) {
  return teamExport(result(teamName, extra), students, []);
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
  const HEADER = 'rank,team,score,stars,availability %,p95 ms,cost USD,revenue USD,first failure,student,actions,refused';

  it('starts with a byte order mark (Excel reads Korean names as UTF-8) and writes the header for no results', () => {
    expect(resultsToCsv([])).toBe(`\uFEFF${HEADER}\r\n`);
    expect(resultsToCsv([], { bom: false })).toBe(`${HEADER}\r\n`);
  });

  it('quotes commas, quotes and line breaks as RFC 4180 says', () => {
    const names = ['Alpha, Beta', 'The "Best" Team', 'two\nlines', 'cr\rhere', 'crlf\r\nhere', '팀 하나'];
    const csv = resultsToCsv(names.map((n, i) => team(n, { rank: i + 1 })), { bom: false });
    expect(csv).toContain('"Alpha, Beta"');
    expect(csv).toContain('"The ""Best"" Team"');
    expect(csv).toContain('"two\nlines"');
    const parsed = parseCsv(csv);
    expect(parsed).toHaveLength(names.length + 1);
    expect(parsed.slice(1).map((cells) => cells[1])).toEqual(names);
    expect(parsed.every((cells) => cells.length === 12)).toBe(true);
  });

  it('defuses text that a spreadsheet would run as a formula, nicknames included', () => {
    for (const start of ['=', '+', '-', '@', '\t', '\r']) {
      const evil = `${start}HYPERLINK("http://x","y")`;
      expect(csvText(evil).replace(/^"/, '').startsWith(`'${start}`)).toBe(true);
    }
    const csv = resultsToCsv([team('=1+1', { firstFailure: '@SUM(A1:A2)' }, ['+cmd']), team('-2', { rank: 2 })], { bom: false });
    const cells = parseCsv(csv).slice(1);
    expect(cells.map((c) => [c[1], c[8], c[9]])).toEqual([
      ["'=1+1", "'@SUM(A1:A2)", "'+cmd"],
      ["'-2", '', ''],
    ]);
  });

  it('writes one row per student, the team figures rounded as a spreadsheet expects, negative money included', () => {
    const shaped = teamExport(result('팀 1', { availability: 0.9995349, costUsd: 10.005, revenueUsd: -5.5, score: 612.4, latencyP95Ms: 80.6 }), ['지민', 'Ben'], [{ nickname: '지민', made: 12, refused: 3 }]);
    const parsed = parseCsv(resultsToCsv([shaped], { bom: false }));
    expect(parsed.slice(1)).toEqual([
      ['1', '팀 1', '612', '2', '99.953', '81', '10.01', '-5.50', '', '지민', '12', '3'],
      ['1', '팀 1', '612', '2', '99.953', '81', '10.01', '-5.50', '', 'Ben', '0', '0'],
    ]);
  });

  it('leaves a harmless cell unquoted', () => {
    expect(csvText('Plain team')).toBe('Plain team');
  });
});
