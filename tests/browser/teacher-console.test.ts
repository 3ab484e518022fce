import { readFileSync } from 'node:fs';
import type { Browser, Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_TEAMS } from '../../shared/protocol/join.ts';
import { chromiumOrSkip, launchChromium, screenshotPath } from '../support/browser.ts';
import { joinRoom, type Player } from '../support/sdk.ts';
import { startServer, type RunningServer } from '../support/server-process.ts';
import { placeVpc } from './support/board.ts';
import { gotoLobby, joinFromLobby, newPage } from './support/lobby.ts';

const chromiumPath = chromiumOrSkip();

interface ViewJson {
  match: { phase: string; speed: number; board: { team: string }; boards: { team: string; timeline: { code: string; values: Record<string, unknown> }[]; resources: { kind: string }[] }[]; players: { nickname: string; team: string; host: boolean }[] };
}

/** The page's own view-model (the hook the browser tests read). */
function viewOf(page: Page): Promise<ViewJson> {
  return page.evaluate(() => {
    const v = (window as unknown as { fiveNines: { view: { current: ViewJson } } }).fiveNines.view.current;
    return JSON.parse(JSON.stringify({ match: { phase: v.match.phase, speed: v.match.speed, board: { team: v.match.board.team }, boards: v.match.boards, players: v.match.players } })) as ViewJson;
  });
}

async function downloaded(page: Page, button: string): Promise<{ name: string; text: string }> {
  const [download] = (await Promise.all([page.waitForEvent('download', { timeout: 15_000 }), page.click(button)])) as [Download, void];
  return { name: download.suggestedFilename(), text: readFileSync((await download.path())!, 'utf8') };
}

// A classroom competition run from the browser: the teacher sets it up in the form, shares the code, opens the
// console, runs the match with students in two teams (one of them a browser that came through the join link),
// hits one team with chaos, ends the match and exports the results and the replays.
describe.skipIf(!chromiumPath)("the teacher's console", () => {
  let server: RunningServer;
  let browser: Browser;
  const students: Player[] = [];

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer('scripts/start.ts'), launchChromium(chromiumPath!)]);
  });
  afterAll(async () => {
    await Promise.all(students.map((s) => s.leave()));
    await browser?.close();
    await server?.stop();
  });

  async function openPage(path: string): Promise<Page> {
    // The host's End asks to confirm.
    const page = await newPage(browser, { acceptDownloads: true, acceptDialogs: true });
    await gotoLobby(page, server.url, path);
    return page;
  }

  it('sets up a competition, runs it with two teams and exports its results and replays', async () => {
    const teacher = await openPage('/?lang=en');
    const posts: string[] = [];
    teacher.on('request', (r) => r.method() === 'POST' && r.url().includes('/api/competitions') && posts.push(r.url()));
    await teacher.fill('#nickname', 'Ms Lee');
    await teacher.click('#run-competition');
    await teacher.waitForSelector('#competition-form');
    expect(await teacher.locator('#competition-scenario optgroup').count()).toBeGreaterThanOrEqual(1);
    await teacher.selectOption('#competition-scenario', 'one-web-server');
    await teacher.fill('#competition-teams', '2');
    await teacher.fill('#competition-team-size', '2');
    await teacher.fill('#competition-build-time', '1');
    await teacher.fill('#competition-speed', '8');
    await teacher.screenshot({ path: screenshotPath('teacher-form') });
    await teacher.click('#create-competition');

    // The card: the join code, the link and the host token, the token kept by this tab (and across a reload).
    await teacher.waitForSelector('#competition-card');
    expect(posts).toHaveLength(1);
    const code = (await teacher.textContent('#competition-code'))!.trim();
    expect(code).toMatch(/^[A-Z0-9]{6}$/);
    const link = await teacher.inputValue('#competition-link');
    expect(link).toBe(`${server.url}/?code=${code}`);
    const token = await teacher.inputValue('#host-token');
    expect(token.length).toBeGreaterThan(16);
    expect(await teacher.textContent('#competition-card')).toContain('2 teams of 2');
    const kept = await teacher.evaluate((c) => JSON.parse(sessionStorage.getItem(`five-nines.competition.${c}`) ?? 'null') as { id: string; hostToken: string }, code);
    expect(kept.hostToken).toBe(token);
    await teacher.reload();
    await teacher.waitForSelector('#competition-card');
    expect((await teacher.textContent('#competition-code'))!.trim()).toBe(code);
    expect(await teacher.inputValue('#host-token')).toBe(token);
    await teacher.screenshot({ path: screenshotPath('teacher-card') });

    // The console: the host's seat, with the competition console open at first, at the speed the form planned.
    await teacher.click('#open-console');
    await teacher.waitForSelector('body[data-ready="board"] #competition-console');
    expect((await teacher.textContent('#console-code'))!.trim()).toBe(code);
    await expect.poll(async () => (await viewOf(teacher)).match.speed, { timeout: 10_000 }).toBe(8);
    expect((await viewOf(teacher)).match.players.find((p) => p.nickname === 'Ms Lee')?.host).toBe(true);
    // The teacher builds on no board: the palette says so, none of it can be picked, and its keys arm nothing.
    expect(await teacher.textContent('#palette-watching')).toBe('Teachers watch; teams build.');
    expect(await teacher.locator('.palette-item').count()).toBeGreaterThan(0);
    expect(await teacher.locator('.palette-item:not([disabled])').count()).toBe(0);
    await teacher.keyboard.press('1');
    expect(await teacher.locator('.palette-item[aria-pressed="true"]').count()).toBe(0);
    // The planned build time (1 min) counts down in the top bar from the teacher's arrival, second by second.
    expect(await teacher.textContent('#build-countdown')).toMatch(/^Build time (1:00|0:[0-5]\d)$/);
    const leftAtFirst = Number(await teacher.getAttribute('#build-countdown', 'data-left'));
    await expect.poll(async () => Number(await teacher.getAttribute('#build-countdown', 'data-left')), { timeout: 10_000 }).toBeLessThan(leftAtFirst);
    // A reload keeps the host's seat and the console (the seat's token and the competition in this tab's storage).
    await teacher.reload();
    await teacher.waitForSelector('body[data-ready="board"] #competition-console');
    expect((await teacher.textContent('#console-code'))!.trim()).toBe(code);
    expect((await viewOf(teacher)).match.players.filter((p) => p.host)).toHaveLength(1);

    // Students: one through the join link in a browser (the code filled in, asking for team 2), three by code.
    const grace = await openPage(new URL(link).pathname + new URL(link).search + '&lang=en');
    expect(await grace.inputValue('#room-code')).toBe(code);
    await grace.fill('#nickname', 'Grace');
    await grace.fill('#join-team', '2');
    await grace.screenshot({ path: screenshotPath('teacher-join-link') });
    await joinFromLobby(grace);
    // A student's palette is the usual one.
    expect(await grace.locator('#palette-watching').count()).toBe(0);
    expect(await grace.locator('.palette-item:not([disabled])').count()).toBeGreaterThan(0);
    // The student sees the same countdown (the room's end time, not one of her own).
    expect(await grace.textContent('#build-countdown')).toMatch(/^Build time (1:00|0:[0-5]\d)$/);
    const teacherLeft = Number(await teacher.getAttribute('#build-countdown', 'data-left'));
    expect(Math.abs(Number(await grace.getAttribute('#build-countdown', 'data-left')) - teacherLeft)).toBeLessThanOrEqual(2);
    await grace.screenshot({ path: screenshotPath('teacher-student-build') });
    // Back to the teacher's window: a page in the background gets no animation frames (the board, the viewer).
    await teacher.bringToFront();
    students.push(await joinRoom(server.url, code, { nickname: 'Ada', team: 'team-1' }));
    students.push(await joinRoom(server.url, code, { nickname: 'Linus' }));
    students.push(await joinRoom(server.url, code, { nickname: 'Alan' }));
    const team = (name: string) => teacher.locator(`#competition-teams > li[data-team="${name}"] .members li`);
    await expect.poll(() => team('team-1').count(), { timeout: 10_000 }).toBe(2);
    await expect.poll(() => team('team-2').count(), { timeout: 10_000 }).toBe(2);
    expect(await team('team-2').allTextContents()).toContain('Grace');
    expect(await team('team-1').allTextContents()).toContain('Ada');
    expect(await teacher.textContent('#competition-status')).toContain('Start the clock');
    // Before the end there is nothing to export: the buttons say so instead of fetching empty files.
    expect(await teacher.isDisabled('#export-csv')).toBe(true);
    expect(await teacher.textContent('#exports-note')).toContain('once the match has ended');

    // Team 2 lays out its network (Grace, in the browser); the teacher sees it on team 2's board, not on team 1's.
    await placeVpc(grace);
    const subnetsOf = async (teamId: string) => (await viewOf(teacher)).match.boards.find((b) => b.team === teamId)!.resources.filter((r) => r.kind === 'subnet').length;
    await expect.poll(() => subnetsOf('team-2'), { timeout: 10_000 }).toBeGreaterThanOrEqual(3);
    expect(await subnetsOf('team-1')).toBe(0);

    // The clock runs; team 2 alone loses a zone; the teacher watches team 2's board.
    await teacher.screenshot({ path: screenshotPath('teacher-console-build') });
    await teacher.click('#clock-start');
    await teacher.waitForSelector('#competition-status[data-phase="running"]');
    // The build time is over once the clock runs: no countdown any more, on either page.
    await teacher.waitForSelector('#build-countdown', { state: 'detached' });
    await grace.waitForSelector('#build-countdown', { state: 'detached' });
    await teacher.selectOption('#team-chaos-event', 'az:us-east-1a');
    await teacher.selectOption('#team-chaos-team', 'team-2');
    await teacher.click('#team-chaos-inject');
    await teacher.click('#competition-teams > li[data-team="team-2"] button.watch');
    await expect.poll(async () => (await viewOf(teacher)).match.board.team).toBe('team-2');
    const darkIn = async (teamId: string) => (await viewOf(teacher)).match.boards.find((b) => b.team === teamId)!.timeline.some((e) => e.code === 'instructorAzDark' && e.values.zone === 'us-east-1a');
    await expect.poll(() => darkIn('team-2'), { timeout: 20_000 }).toBe(true);
    expect(await darkIn('team-1')).toBe(false);
    await grace.waitForFunction(() => (window as unknown as { fiveNines: { view: { current: ViewJson } } }).fiveNines.view.current.match.boards[0]!.timeline.some((e) => e.code === 'instructorAzDark' && e.values.zone === 'us-east-1a'), null, { timeout: 20_000 });
    expect(await teacher.getAttribute('#competition-teams > li[data-team="team-2"]', 'class')).toContain('current');
    await teacher.waitForFunction(() => (window as unknown as { fiveNines: { view: { current: { layout: { regions: { zones: { zone: string; dark: boolean }[] }[] } } } } }).fiveNines.view.current.layout.regions[0]!.zones.find((z) => z.zone === 'us-east-1a')!.dark, null, { timeout: 20_000 });
    await teacher.waitForTimeout(400);
    await teacher.screenshot({ path: screenshotPath('teacher-console-running') });
    // The classroom host's top bar (clock, speeds, chaos, standing, room) fits at 1440 px with the whole scenario
    // title, and at 1280 px still shows the room code.
    const topBar = () =>
      teacher.evaluate(() => {
        const bar = document.querySelector('.topbar')!;
        const title = document.querySelector('.scenario-title')!;
        // The text's own width (an ellipsis only paints over it) against the box it has.
        const text = document.createRange();
        text.selectNodeContents(title);
        const titleCut = text.getBoundingClientRect().width > title.getBoundingClientRect().width + 0.5;
        return { overflow: bar.scrollWidth - bar.clientWidth, codeRight: document.querySelector('#room-code-display')!.getBoundingClientRect().right, width: innerWidth, titleCut };
      });
    await teacher.locator('.topbar').screenshot({ path: screenshotPath('teacher-topbar-1440') });
    expect(await topBar()).toMatchObject({ overflow: 0, titleCut: false });
    expect((await topBar()).codeRight).toBeLessThanOrEqual(1440);
    await teacher.setViewportSize({ width: 1280, height: 800 });
    await teacher.waitForTimeout(400);
    expect((await topBar()).overflow).toBe(0);
    expect((await topBar()).codeRight).toBeLessThanOrEqual(1280);
    await teacher.screenshot({ path: screenshotPath('teacher-console-running-1280') });
    await teacher.locator('.topbar').screenshot({ path: screenshotPath('teacher-topbar-1280') });
    await teacher.setViewportSize({ width: 1440, height: 900 });
    // Grace's board has shown what it had to; closed, it leaves the machine's two cores to the teacher's page.
    await grace.close();

    // The host's End; then the results are stored and the exports open up (the console opens by itself).
    await teacher.click('#clock-end');
    await teacher.waitForSelector('#competition-console #competition-status[data-phase="results"]', { timeout: 90_000 });
    expect(await teacher.locator('.results-backdrop').count()).toBe(0);
    await teacher.waitForSelector('#export-csv:not([disabled])', { timeout: 30_000 });
    expect(await teacher.textContent('#exports-note')).toContain('2 teams');

    const csv = await downloaded(teacher, '#export-csv');
    expect(csv.name).toBe(`five-nines-${code}-results.csv`);
    const rows = csv.text.replace(/^\uFEFF/, '').trim().split(/\r?\n/);
    // One line per student, naming them and what they did (Grace built team 2's network in her browser).
    expect(rows).toHaveLength(5);
    expect(rows[0]).toMatch(/^rank,team,score,stars,availability %.*,student,actions,refused$/);
    expect([...new Set(rows.slice(1).map((r) => r.split(',')[1]))].sort()).toEqual(['Team 1', 'Team 2']);
    expect(rows.slice(1).map((r) => r.split(',')[9]).sort()).toEqual(['Ada', 'Alan', 'Grace', 'Linus']);
    expect(Number(rows.find((r) => r.split(',')[9] === 'Grace')!.split(',')[10])).toBeGreaterThan(0);
    expect(await teacher.textContent('#export-message')).toContain(csv.name);

    const results = JSON.parse((await downloaded(teacher, '#export-json')).text) as { competition: { id: string; joinCode: string; status: string }; results: { teamName: string; score: number }[] };
    expect(results.competition).toMatchObject({ id: kept.id, joinCode: code, status: 'finished' });
    expect(results.results.map((r) => r.teamName).sort()).toEqual(['Team 1', 'Team 2']);

    const replay = JSON.parse((await downloaded(teacher, '#export-replay')).text) as { replays: { teamIndex: number; scenarioId: string; finalStateHash: string; intentLog: { inputs: unknown[] } }[] };
    expect(replay.replays.map((r) => r.teamIndex).sort()).toEqual([0, 1]);
    for (const r of replay.replays) {
      expect(r.scenarioId).toBe('one-web-server');
      expect(r.finalStateHash).toBeTruthy();
      expect(r.intentLog.inputs.length).toBeGreaterThan(0);
    }
    // The chaos hit team 2 only: the two teams' worlds ended apart.
    expect(replay.replays[0]!.finalStateHash).not.toBe(replay.replays[1]!.finalStateHash);
    await teacher.screenshot({ path: screenshotPath('teacher-console-results') });

    // Team 2's match again in the replay viewer, from the console; closing it brings the console back.
    await teacher.click('#watch-replay-team-2');
    await teacher.waitForSelector('body[data-ready="replay"] #replay-bar', { timeout: 30_000 });
    expect(await teacher.locator('#replay-team option:checked').textContent()).toBe('Team 2');
    // Played to its end, team 2's replay (the zone it alone lost included) reaches the recorded end.
    await teacher.click('#replay-bar [data-speed="64"]');
    await teacher.click('#replay-play');
    await teacher.waitForSelector('#replay-verified[data-verified="verified"]', { timeout: 60_000 });
    await teacher.waitForTimeout(400);
    await teacher.screenshot({ path: screenshotPath('teacher-replay') });
    await teacher.click('#replay-exit');
    await teacher.waitForSelector('body[data-ready="board"] #competition-console #competition-status[data-phase="results"]');
    await teacher.waitForSelector('#export-csv:not([disabled])', { timeout: 30_000 });

    // A wrong token in the tab's storage: the export shows the server's refusal, and nothing is saved.
    await teacher.evaluate((c) => {
      const key = `five-nines.competition.${c}`;
      sessionStorage.setItem(key, JSON.stringify({ ...(JSON.parse(sessionStorage.getItem(key)!) as object), hostToken: 'not-the-token' }));
    }, code);
    let saved = 0;
    teacher.on('download', () => saved++);
    await teacher.click('#export-csv');
    await expect.poll(() => teacher.textContent('#export-message')).toContain("Send the competition's host token");
    expect(await teacher.getAttribute('#export-message', 'role')).toBe('alert');
    expect(saved).toBe(0);
    expect(await teacher.isVisible('#competition-console')).toBe(true);
    await teacher.screenshot({ path: screenshotPath('teacher-export-refused') });

    // The console in Korean.
    await teacher.click('.language-switch [data-lang="ko"]');
    await teacher.waitForSelector('html[lang="ko"]');
    expect(await teacher.textContent('#tab-competition')).toBe('대회');
    expect(await teacher.textContent('#exports-note')).toContain('2팀');
    expect(await teacher.textContent('#export-message')).toContain('내보내지 못했습니다');
    await teacher.waitForTimeout(600);
    await teacher.screenshot({ path: screenshotPath('teacher-console-ko') });
    await teacher.close();
  }, 240_000);

  it('keeps a bad form to itself: the field says what is wrong and nothing is sent', async () => {
    const page = await openPage('/?teacher&lang=en');
    await page.waitForSelector('#competition-form');
    const posts: string[] = [];
    page.on('request', (r) => r.method() === 'POST' && posts.push(r.url()));
    await page.fill('#competition-teams', '99');
    await page.fill('#competition-speed', '0');
    await page.fill('#competition-seed', 'abc');
    await page.click('#create-competition');
    await page.waitForSelector('#competition-teams-error');
    expect(await page.textContent('#competition-teams-error')).toContain(`At most ${MAX_TEAMS}`);
    expect(await page.textContent('#competition-speed-error')).toContain('At least 1');
    expect(await page.textContent('#competition-seed-error')).toContain('whole number');
    expect(await page.locator('.field-error').count()).toBe(3);
    await page.screenshot({ path: screenshotPath('teacher-form-invalid') });
    expect(posts).toEqual([]);
    expect(await page.locator('#competition-card').count()).toBe(0);
    await page.click('.language-switch [data-lang="ko"]');
    expect(await page.textContent('#competition-teams-error')).toContain(`${MAX_TEAMS} 이하`);
    await page.screenshot({ path: screenshotPath('teacher-form-invalid-ko') });
    await page.click('.language-switch [data-lang="en"]');

    // Fixed, it is sent; a server that refuses (here a stand-in answering as the server does without its
    // database) has its message shown under the form, and the form stays as typed.
    await page.fill('#competition-teams', '3');
    await page.fill('#competition-speed', '2');
    await page.fill('#competition-seed', '');
    await page.route('**/api/competitions', (route) => route.fulfill({ status: 503, contentType: 'application/json', body: JSON.stringify({ code: 'no-database', message: 'Results cannot be stored: the database is not available.' }) }));
    await page.click('#create-competition');
    await expect.poll(() => page.textContent('#competition-failure')).toContain('the database is not available');
    expect(await page.inputValue('#competition-teams')).toBe('3');
    await page.unroute('**/api/competitions');
    await page.click('#create-competition');
    await page.waitForSelector('#competition-card');
    expect(posts).toHaveLength(2);
    expect(await page.textContent('#competition-card')).toContain('3 teams of 3');
    await page.close();
  });
});
