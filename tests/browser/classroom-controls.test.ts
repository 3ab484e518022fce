import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumOrSkip, launchChromium, screenshotPath } from '../support/browser.ts';
import { joinRoom, type Player } from '../support/sdk.ts';
import { startServer, type RunningServer } from '../support/server-process.ts';
import { gotoLobby, joinFromLobby, newPage } from './support/lobby.ts';

const chromiumPath = chromiumOrSkip();

// The teacher's room controls in the browser (issue 16 §2): the teacher renames and removes a student from the
// console, a student (in Korean) sees the new name, the instructor's chaos announced as the instructor's, and
// "Paused by your instructor"; the students are never told to press Start.
describe.skipIf(!chromiumPath)("the teacher's room controls", () => {
  let server: RunningServer;
  let browser: Browser;
  let ben: Player | undefined;
  const pages: Page[] = [];

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer('scripts/start.ts'), launchChromium(chromiumPath!)]);
  });
  afterAll(async () => {
    // What each page showed last: the first thing to look at when this test fails.
    for (const [i, page] of pages.entries()) await page.screenshot({ path: screenshotPath(`classroom-controls-last-${i}`) }).catch(() => undefined);
    await ben?.leave();
    await browser?.close();
    await server?.stop();
  });

  async function openPage(path: string): Promise<Page> {
    const page = await newPage(browser, { timeoutMs: 20_000, acceptDialogs: true });
    pages.push(page);
    await gotoLobby(page, server.url, path);
    return page;
  }

  it('renames and removes a student from the console; the students see the name, the instructor’s chaos and the pause', async () => {
    const teacher = await openPage('/?lang=en');
    await teacher.fill('#nickname', 'Ms Lee');
    await teacher.click('#run-competition');
    await teacher.waitForSelector('#competition-form');
    await teacher.selectOption('#competition-scenario', 'one-web-server');
    await teacher.fill('#competition-speed', '8');
    await teacher.check('#competition-auto-start');
    await teacher.screenshot({ path: screenshotPath('classroom-controls-form-en') });
    await teacher.click('#create-competition');
    await teacher.waitForSelector('#competition-card');
    const code = (await teacher.textContent('#competition-code'))!.trim();
    await teacher.click('#open-console');
    await teacher.waitForSelector('body[data-ready="board"] #classroom-controls', { timeout: 60_000 });
    expect(await teacher.textContent('#auto-start-note')).toContain('starts by itself');

    // A student in Korean, through the join link; another by the SDK.
    const ana = await openPage(`/?code=${code}&lang=ko`);
    await ana.fill('#nickname', 'Ana');
    await joinFromLobby(ana, { timeoutMs: 60_000 });
    // No "Press Start" for a student: the guide says the build time starts the match.
    expect(await ana.textContent('.guide')).toContain('준비 시간이 끝나면 경기가 자동으로 시작됩니다');
    ben = await joinRoom(server.url, code, { nickname: 'Ben' });
    await teacher.bringToFront();
    const student = (name: string) => teacher.locator(`#classroom-students li[data-player="${name}"]`);
    await student('Ben').waitFor();

    // Rename: the teacher's panel, then everyone's list of players.
    await student('Ben').locator('button.rename').click();
    await student('Ben').locator('input.rename-input').fill('Benjamin');
    await student('Ben').locator('button[type="submit"]').click();
    await student('Benjamin').waitFor();
    await ana.waitForFunction(() => document.querySelector('#players')?.textContent?.includes('Benjamin'));

    // Remove: the SDK student is disconnected with the removal's code, listed under "Removed" with a way back.
    const benLeft = new Promise<number>((resolve) => ben!.room.onLeave((c) => resolve(c)));
    await student('Benjamin').locator('button.remove').click();
    expect(await benLeft).toBe(4403);
    await teacher.waitForSelector('#classroom-removed li[data-player="Benjamin"] button.let-back');
    await ana.waitForFunction(() => !document.querySelector('#players')?.textContent?.includes('Benjamin'));

    // The instructor's chaos reaches the student as the instructor's, in her language.
    await teacher.click('#clock-start');
    await teacher.selectOption('#chaos-event', 'az:us-east-1b');
    await teacher.click('#chaos-inject');
    await ana.waitForFunction(() => [...document.querySelectorAll('.toast-text')].some((el) => el.textContent?.includes('강사가 us-east-1b')), null, { timeout: 20_000 });
    await teacher.screenshot({ path: screenshotPath('classroom-controls-console-en') });

    // Pause everyone: the student is told who paused.
    await teacher.click('#pause-everyone');
    await ana.waitForSelector('#paused-banner');
    expect(await ana.textContent('#paused-banner')).toContain('강사가 일시 정지했습니다');
    await ana.screenshot({ path: screenshotPath('classroom-controls-student-ko') });

    // The same in the other languages: the teacher's panel in Korean, the student's page in English.
    await teacher.click('.topbar .language-switch button[data-lang="ko"]');
    await teacher.waitForFunction(() => document.querySelector('#classroom-title')?.textContent === '방과 학생', null, { timeout: 5_000 });
    await teacher.screenshot({ path: screenshotPath('classroom-controls-console-ko') });
    await ana.click('.topbar .language-switch button[data-lang="en"]');
    await ana.waitForFunction(() => document.querySelector('#paused-banner')?.textContent?.includes('Paused by your instructor'), null, { timeout: 5_000 });
    await ana.screenshot({ path: screenshotPath('classroom-controls-student-en') });
  }, 150_000);
});
