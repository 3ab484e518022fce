import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreatedCompetition } from '../../shared/protocol/competition.ts';
import { chromiumOrSkip, launchChromium, screenshotPath } from '../support/browser.ts';
import { joinRoom, type Player } from '../support/sdk.ts';
import { startServer, type RunningServer } from '../support/server-process.ts';
import { gotoLobby, newPage } from './support/lobby.ts';

const chromiumPath = chromiumOrSkip();

interface Standing {
  id: string;
  name: string;
  rank: number;
  score: number;
}

/** The teams as the server sent them (the page's view-model), with the ranks it decided. */
function teamsOf(page: Page): Promise<Standing[]> {
  return page.evaluate(() => {
    const m = (window as unknown as { fiveNines: { view: { current: { match: { teams: Standing[] } } } } }).fiveNines.view.current.match;
    return m.teams.map((x) => ({ id: x.id, name: x.name, rank: x.rank, score: x.score }));
  });
}

const phaseOf = (page: Page) => page.evaluate(() => (window as unknown as { fiveNines: { view: { current: { match: { phase: string } } } } }).fiveNines.view.current.match.phase);

/** Switches the page's language with its own switch (under an overlay, so clicked from the page itself). */
async function language(page: Page, lang: 'en' | 'ko'): Promise<void> {
  await page.evaluate((l) => (document.querySelector(`.language-switch button[data-lang="${l}"]`) as HTMLButtonElement).click(), lang);
  await page.waitForFunction((l) => document.documentElement.lang === l || document.querySelector(`.language-switch button[data-lang="${l}"][aria-pressed="true"]`) !== null, lang);
  await page.waitForTimeout(150);
}

// Issue 16 §2, what a classroom sees: the projector view (the join code and link large, the lobby filling up by
// name, then a leaderboard the teacher hides and shows), each student's results with the team's rank as the
// server decided it and a way back to the board, and every team's board side by side at the debrief.
describe.skipIf(!chromiumPath)('the classroom screens', () => {
  let server: RunningServer;
  let browser: Browser;
  const bots: Player[] = [];

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer('scripts/start.ts'), launchChromium(chromiumPath!)]);
  });
  afterAll(async () => {
    await Promise.all(bots.map((s) => s.leave()));
    await browser?.close();
    await server?.stop();
  });

  async function openPage(path: string): Promise<Page> {
    // Two cores shared by many: a page's first board can take a while.
    const page = await newPage(browser, { timeoutMs: 90_000, acceptDialogs: true });
    await gotoLobby(page, server.url, path);
    return page;
  }

  it('projects the lobby and the leaderboard, ranks each team on its results and shows every board side by side', async () => {
    const body = { scenario: 'one-web-server', teams: 2, teamSize: 2, buildTimeS: 600, speed: 8, design: 'single-instance', seed: 5 };
    const created = (await (await fetch(`${server.url}/api/competitions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })).json()) as CreatedCompetition;

    // The teacher's tab keeps the competition as the form would have; the console opens from its card.
    const teacher = await openPage('/?lang=en');
    await teacher.evaluate(({ c, b }) => {
      sessionStorage.setItem(`five-nines.competition.${c.code}`, JSON.stringify({ ...c, scenario: b.scenario, teams: b.teams, teamSize: b.teamSize, buildTimeS: b.buildTimeS, speed: b.speed }));
      sessionStorage.setItem('five-nines.competition-last', c.code);
    }, { c: created, b: body });
    await teacher.fill('#nickname', 'Ms Kim');
    await teacher.click('#run-competition');
    await teacher.click('#open-console');
    await teacher.waitForSelector('body[data-ready="board"] #competition-console');

    // The projector: the code (labelled, with a copy button) and the link, large; nobody yet.
    await teacher.click('#open-projector');
    await teacher.waitForSelector('#projector #projector-lobby');
    expect((await teacher.textContent('#projector-code'))!.trim()).toBe(created.code);
    expect(await teacher.textContent('#projector-code-label')).toBe('Join code');
    expect(await teacher.locator('#projector-copy-code').count()).toBe(1);
    expect(await teacher.textContent('#projector-link')).toBe(created.joinUrl);
    expect(await teacher.textContent('#projector-lobby h2')).toBe('Waiting for players…');
    const codeSize = await teacher.$eval('#projector-code', (e) => parseFloat(getComputedStyle(e).fontSize));
    expect(codeSize).toBeGreaterThanOrEqual(64);

    // The lobby fills up by name as students join: one in a browser (team 1), two by the SDK (team 2).
    const ada = await openPage(`/?code=${created.code}&lang=en`);
    await ada.fill('#nickname', 'Ada');
    await ada.fill('#join-team', '1');
    await ada.click('#join-room');
    await ada.waitForSelector('body[data-ready="board"] #board', { state: 'attached' });
    bots.push(await joinRoom(server.url, created.code, { nickname: 'Ben', team: 'team-2' }));
    bots.push(await joinRoom(server.url, created.code, { nickname: '지민', team: 'team-2' }));
    const names = (team: string) => teacher.locator(`#projector-lobby li[data-team="${team}"] .projector-names li`).allTextContents();
    await expect.poll(() => names('team-2'), { timeout: 10_000 }).toEqual(['Ben', '지민']);
    expect(await names('team-1')).toEqual(['Ada']);
    expect(await teacher.textContent('#projector-lobby h2')).toBe('3 players have joined');
    await teacher.screenshot({ path: screenshotPath('projector-lobby-en') });
    await language(teacher, 'ko');
    expect(await teacher.textContent('#projector-lobby h2')).toBe('3명 참가');
    await teacher.screenshot({ path: screenshotPath('projector-lobby-ko') });
    await language(teacher, 'en');

    // The match runs; team 2 loses its zone (the teacher's chaos): the scores part.
    await teacher.click('#projector-close');
    await teacher.click('#clock-start');
    await teacher.waitForSelector('#competition-status[data-phase="running"]');
    await teacher.selectOption('#team-chaos-event', 'az:us-east-1a');
    await teacher.selectOption('#team-chaos-team', 'team-2');
    await teacher.click('#team-chaos-inject');
    await expect.poll(async () => new Set((await teamsOf(teacher)).map((x) => x.score)).size, { timeout: 30_000 }).toBe(2);

    // The leaderboard, large, in the server's ranking; hidden and shown again on the projector alone.
    await teacher.click('#open-projector');
    await teacher.waitForSelector('#projector-leaderboard');
    const ranked = [...(await teamsOf(teacher))].sort((a, b) => a.rank - b.rank);
    expect(ranked.map((x) => x.rank)).toEqual([1, 2]);
    expect(ranked[0]!.score).toBeGreaterThan(ranked[1]!.score);
    await expect.poll(() => teacher.locator('#projector-leaderboard li').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-team')))).toEqual(ranked.map((x) => x.id));
    await teacher.screenshot({ path: screenshotPath('projector-leaderboard-en') });
    await teacher.click('#projector-toggle');
    expect(await teacher.locator('#projector-leaderboard').count()).toBe(0);
    expect(await teacher.textContent('#projector-hidden')).toBe('The leaderboard is hidden for now.');
    expect(await teacher.getAttribute('#projector-toggle', 'aria-pressed')).toBe('true');
    // A student's screen does not follow the projector.
    expect(await ada.locator('#projector, #projector-hidden').count()).toBe(0);
    await teacher.click('#projector-toggle');
    await teacher.waitForSelector('#projector-leaderboard');
    await language(teacher, 'ko');
    await teacher.screenshot({ path: screenshotPath('projector-leaderboard-ko') });
    await language(teacher, 'en');
    await teacher.click('#projector-close');

    // The end: the rest played out at the finishing speed, then the results.
    // Clicked from the page: under load the top bar redraws often enough for a pointer click to miss it.
    await teacher.evaluate(() => (document.querySelector('#clock-end') as HTMLButtonElement).click());
    await ada.waitForSelector('#results-rank', { timeout: 180_000 });
    expect(await phaseOf(ada)).toBe('results');
    const final = await teamsOf(ada);
    const adaTeam = final.find((x) => x.id === 'team-1')!;
    expect(await ada.getAttribute('#results-rank', 'data-rank')).toBe(String(adaTeam.rank));
    expect(await ada.textContent('#results-rank')).toBe(`#${adaTeam.rank} Rank ${adaTeam.rank} of 2 teams`);
    await ada.screenshot({ path: screenshotPath('results-rank-en') });

    // Closed, back to the board the student came from; opened again; Escape closes it too.
    await ada.click('#results-close');
    expect(await ada.locator('.results-backdrop').count()).toBe(0);
    expect(await ada.locator('#board').count()).toBe(1);
    await ada.click('#results-reopen');
    await ada.waitForSelector('#results-rank');
    await ada.keyboard.press('Escape');
    await ada.waitForSelector('#results-reopen');
    await ada.click('#results-reopen');

    // Every team's board side by side, in the server's ranking, each a small read-only board with its figures.
    await ada.click('#results-compare');
    await ada.waitForSelector('#debrief-boards');
    expect(await ada.locator('#debrief-boards > li').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-team')))).toEqual([...final].sort((a, b) => a.rank - b.rank).map((x) => x.id));
    await expect.poll(() => ada.locator('#debrief-boards svg.mini-board').count(), { timeout: 10_000 }).toBe(2);
    // Each board's pieces, as that team left them (the example design's instance on both).
    for (const team of ['team-1', 'team-2']) expect(await ada.locator(`#debrief-boards li[data-team="${team}"] svg.mini-board g[data-ref]`).count()).toBeGreaterThan(0);
    expect(await ada.getAttribute('#debrief-boards li[data-team="team-1"]', 'class')).toContain('mine');
    await ada.screenshot({ path: screenshotPath('debrief-boards-en') });
    await language(ada, 'ko');
    await ada.screenshot({ path: screenshotPath('debrief-boards-ko') });
    await ada.click('#debrief-boards-close');
    await ada.waitForSelector('#results-rank');
    expect(await ada.textContent('#results-rank')).toBe(`#${adaTeam.rank} 2팀 중 ${adaTeam.rank}위`);
    await ada.screenshot({ path: screenshotPath('results-rank-ko') });

    // The teacher's projector at the end: the leaderboard and every board.
    await teacher.click('#open-projector');
    await teacher.waitForSelector('#projector .projector-debrief #debrief-boards');
    await teacher.screenshot({ path: screenshotPath('projector-results-en') });
    await teacher.click('#projector-close');
    await teacher.click('#open-debrief-boards');
    await expect.poll(() => teacher.locator('#debrief-boards svg.mini-board').count(), { timeout: 10_000 }).toBe(2);
  }, 600_000);
});
