import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumOrSkip, launchChromium, screenshotPath } from '../support/browser.ts';
import { REPO_ROOT, startServer, type RunningServer } from '../support/server-process.ts';
import { centre, clickPiece, layoutOf, placeInCell, placeVpc, waitForResource } from './support/board.ts';
import { openLobby } from './support/lobby.ts';

const chromiumPath = chromiumOrSkip();

type Tree = { [key: string]: string | Tree };
function flatten(tree: Tree, prefix = ''): [string, string][] {
  return Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [[`${prefix}${k}`, v] as [string, string]] : flatten(v, `${prefix}${k}.`)));
}
const en = flatten(JSON.parse(readFileSync(join(REPO_ROOT, 'assets/i18n/en.json'), 'utf8')) as Tree);
const ko = new Map(flatten(JSON.parse(readFileSync(join(REPO_ROOT, 'assets/i18n/ko.json'), 'utf8')) as Tree));

/** Text on the page that is an untranslated key ("inspector.title") or an English sentence that has a Korean one. */
async function untranslated(page: Page): Promise<string[]> {
  const text = await page.evaluate(() => document.body.innerText);
  const keys = en.map(([k]) => k).filter((k) => text.includes(k) && k.includes('.') && /[a-z]\.[a-z]/i.test(k));
  // Only sentences (several words) are checked: short words like "VPC" or "CloudWatch" are the same in both.
  const english = en.filter(([k, v]) => v.split(' ').length >= 4 && !v.includes('{{') && ko.get(k) !== v && text.includes(v)).map(([, v]) => v);
  return [...keys, ...english];
}

// The Korean UI: every screen in Korean from the translation files, and the language switched back and forth
// in the middle of a match without leaving it.
describe.skipIf(!chromiumPath)('the game in Korean', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer('scripts/start.ts'), launchChromium(chromiumPath!)]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('shows every main screen in Korean and switches language at any moment', async () => {
    const page = await openLobby(browser, server.url);
    await page.click('.language-switch [data-lang="ko"]');
    await page.waitForSelector('html[lang="ko"]');
    expect(await page.textContent('#play-campaign')).toContain('캠페인');
    await page.fill('#nickname', '지수');
    await page.screenshot({ path: screenshotPath('ko-home') });
    expect(await untranslated(page)).toEqual([]);

    await page.click('#play-campaign');
    await page.waitForSelector('.levels');
    expect(await page.textContent('h1')).toBe('캠페인');
    await page.screenshot({ path: screenshotPath('ko-campaign') });
    await page.click('.level-button >> nth=0');
    await page.waitForSelector('#start-scenario');
    expect(await page.textContent('#start-scenario')).toBe('구축 시작');
    await page.screenshot({ path: screenshotPath('ko-briefing') });
    expect(await untranslated(page)).toEqual([]);

    await page.click('#start-scenario');
    await page.waitForSelector('body[data-ready="board"] #board canvas');
    await placeVpc(page);
    await placeInCell(page, '3', 0);
    await waitForResource(page, 'instance');
    // Dragging inside the rules: the instance dropped on another zone's subnet moves there.
    const l = await layoutOf(page);
    const ref = Object.keys(l.pieces).find((r) => r.includes('Instance'))!;
    const target = l.subnets[2]!;
    const box = (await page.locator('#board canvas').boundingBox())!;
    const toScreen = (x: number, y: number) => page.evaluate(([wx, wy]) => (window as unknown as { fiveNines: { board: { toScreen(x: number, y: number): { x: number; y: number } } } }).fiveNines.board.toScreen(wx!, wy!), [x, y]);
    const from = await toScreen(...centre(l.pieces[ref]!.rect));
    const to = await toScreen(target.rect.x + target.rect.w / 2, target.rect.y + target.rect.h - 8);
    await page.mouse.move(box.x + from.x, box.y + from.y);
    await page.mouse.down();
    await page.mouse.move(box.x + (from.x + to.x) / 2, box.y + (from.y + to.y) / 2, { steps: 5 });
    await page.mouse.move(box.x + to.x, box.y + to.y, { steps: 5 });
    await page.mouse.up();
    await waitForResource(page, 'instance', `r.props.subnet === ${JSON.stringify(target.ref)}`);

    await clickPiece(page, 'Instance');
    await page.waitForSelector('.inspector');
    expect(await page.textContent('.inspector')).toContain('인스턴스 유형');
    expect(await page.textContent('.palette')).toContain('로드 밸런서');
    await page.keyboard.press('w');
    await page.waitForSelector('#console-cloudwatch');
    expect(await page.textContent('.dock .tabs')).toContain('이벤트');
    await page.waitForTimeout(300);
    await page.screenshot({ path: screenshotPath('ko-board') });
    expect(await untranslated(page)).toEqual([]);

    // The event timeline, said from its codes: the scenario's own Korean title, Korean around every value.
    await page.keyboard.press('e');
    await page.waitForSelector('#timeline li.tl');
    const timeline = (await page.textContent('#timeline'))!;
    expect(timeline).toContain('웹 서버 한 대: 사용자');
    expect(timeline).not.toMatch(/users enter through|warning:|scaling policy|is down|launching/);
    // Run the clock to the scenario's announcement (at 15 simulated minutes): its own Korean, and the toast too.
    await page.click('#clock-start');
    await page.click('[data-speed="8"]');
    await page.waitForFunction(() => document.querySelectorAll('#timeline li.tl').length >= 2, null, { timeout: 30_000 });
    await page.click('#clock-pause');
    const running = (await page.textContent('#timeline'))!;
    expect(running).toContain('마케팅 뉴스레터');
    expect(running).not.toMatch(/Marketing|newsletter|users enter through|warning:|is down|healthy/);
    await page.screenshot({ path: screenshotPath('ko-timeline') });

    // Back to English in the middle of the match: the same seat, every panel re-read.
    await page.click('.language-switch [data-lang="en"]');
    await page.waitForSelector('html[lang="en"]');
    expect(await page.textContent('.palette')).toContain('Load balancer');
    expect(await page.textContent('.inspector')).toContain('Instance type');
    expect(await page.textContent('#timeline')).toContain('users enter through');
    await page.click('.language-switch [data-lang="ko"]');
    expect(await page.textContent('.palette')).toContain('로드 밸런서');

    // Cost Explorer and the results in Korean: the shared rules' figures with Korean words around them.
    // (The clock was paused at the announcement above: it resumes.)
    await page.keyboard.press('Escape');
    await page.click('#clock-resume');
    await page.click('[data-speed="8"]');
    await page.waitForSelector('#phase[data-phase="running"]');
    await page.waitForFunction(() => (window as unknown as { fiveNines: { view: { current: { match: { simS: number } } } } }).fiveNines.view.current.match.simS > 1200, null, { timeout: 60_000 });
    await page.keyboard.press('b');
    await page.waitForSelector('#cost-by-service li');
    expect(await page.textContent('#cost-by-service')).toContain('EC2');
    expect(await page.textContent('#cost-by-region')).toContain('us-east-1');
    // Budgets, the three-month forecast and Savings Plans in Korean (no plan bought, no full hour of usage yet).
    expect(await page.textContent('#cost-budgets')).toContain('앞으로 3개월 예측');
    expect(await page.textContent('#cost-savings-plans')).toContain('구매한 Savings Plan이 없습니다.');
    await page.locator('#cost-savings-plans').scrollIntoViewIfNeeded();
    await page.waitForTimeout(300);
    await page.screenshot({ path: screenshotPath('ko-console-cost-commitments') });
    await page.locator('#cost-by-service').scrollIntoViewIfNeeded();
    await page.waitForTimeout(300);
    await page.screenshot({ path: screenshotPath('ko-console-cost') });
    expect(await untranslated(page)).toEqual([]);
    page.once('dialog', (d) => void d.accept());
    await page.click('#clock-end');
    await page.waitForSelector('.results', { timeout: 90_000 });
    await page.waitForSelector('#debrief li');
    expect(await page.textContent('#part-availability')).toContain('가용성');
    await page.waitForTimeout(300);
    await page.screenshot({ path: screenshotPath('ko-results') });
    expect(await untranslated(page)).toEqual([]);
    await page.close();
  });
});
