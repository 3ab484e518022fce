import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumOrSkip, launchChromium, screenshotPath } from '../support/browser.ts';
import { REPO_ROOT, startServer, type RunningServer } from '../support/server-process.ts';
import { clickPiece, waitForResource } from './support/board.ts';
import { createRoom, openLobby } from './support/lobby.ts';
import { koreanProblems } from './support/korean-screen.ts';

const chromiumPath = chromiumOrSkip();

// Every screen a player or a teacher reaches, in Korean, at 1280 and 1440 px wide: home, campaign map, briefing,
// the teacher's form and card and console, a board built from a real template with each console tab open, the
// inspector of several kinds of piece, the results and the replay. Each fails on an English sentence (Latin words
// outside names, codes and AWS terms) and on text wrapped one character per line or cut inside a word or a time.
describe.skipIf(!chromiumPath)('every screen in Korean', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer('scripts/start.ts'), launchChromium(chromiumPath!)]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('shows no English sentence and no text wrapped one character per line', { timeout: 600_000 }, async () => {
    const found: string[] = [];
    const template = readFileSync(join(REPO_ROOT, 'assets/designs/alb-asg-multi-az/web.yaml'), 'utf8');
    // The stack's and its resources' names, shown before the board has them (the change set).
    const templateNames = ['web', ...[...template.matchAll(/^ {2}(\w+):\n {4}Type:/gm)].map((m) => m[1]!)];
    const began = Date.now();
    /** A fresh tab (its own storage: no seat to take back) on the home screen in Korean. */
    async function home(): Promise<Page> {
      return openLobby(browser, server.url, '/?lang=ko', { acceptDialogs: true });
    }
    let page = await home();
    /** The screen now, at both widths (the 1280 one photographed). */
    async function check(screen: string): Promise<void> {
      const target = page;
      if (process.env.WALK_LOG) console.log(screen, Date.now() - began);
      for (const width of [1280, 1440]) {
        await target.setViewportSize({ width, height: 900 });
        await target.waitForTimeout(120);
        const { english, wrapped } = await koreanProblems(target, templateNames);
        const problems = [...english, ...wrapped].map((p) => `${screen} @${width}: ${p}`);
        if (process.env.WALK_LOG) for (const p of problems) console.log(p);
        found.push(...problems);
        if (width === 1280) await target.screenshot({ path: screenshotPath(`ko-walk-${screen}`) });
      }
    }

    await page.fill('#nickname', '지수');
    await check('home');
    await page.click('#play-campaign');
    await page.waitForSelector('.levels');
    await check('campaign');
    await page.click('.level-button >> nth=0');
    await page.waitForSelector('#start-scenario');
    await check('briefing');

    // The teacher's form, card and console.
    await page.close();
    page = await home();
    await page.fill('#nickname', '이 선생님');
    await page.click('#run-competition');
    await page.waitForSelector('#competition-form');
    await check('teacher-form');
    await page.selectOption('#competition-scenario', 'az-outage');
    await page.fill('#competition-teams', '2');
    await page.click('#create-competition');
    await page.waitForSelector('#competition-card');
    await check('teacher-card');
    await page.click('#open-console');
    await page.waitForSelector('body[data-ready="board"] #competition-console');
    await check('teacher-console');

    // A team's board, built from the multi-AZ web tier's template through the CloudFormation console.
    await page.close();
    page = await home();
    await page.fill('#nickname', '지수');
    await createRoom(page, 'az-outage');
    await check('board-empty');
    await page.keyboard.press('f');
    await page.fill('#cfn-stack', 'web');
    await page.fill('#cfn-template', template);
    await page.waitForSelector('#cfn-parameters');
    await page.click('#cfn-check');
    await page.waitForSelector('#cfn-issues');
    await page.click('#cfn-create-change-set');
    await page.waitForSelector('#cfn-change-set-view');
    await check('cloudformation-change-set');
    await page.click('#cfn-execute');
    await waitForResource(page, 'database');
    await page.waitForSelector('#cfn-events tr[data-status="CREATE_COMPLETE"]');
    await check('cloudformation-events');

    // A few simulated minutes at the top speed give the timeline, the alarms and the charts something to say.
    await page.click('#clock-start');
    await page.click('[data-speed="8"]');
    await page.waitForFunction(() => (window as unknown as { fiveNines: { view: { current: { match: { simS: number } } } } }).fiveNines.view.current.match.simS > 400, null, { timeout: 30_000 });
    await page.click('#clock-pause');
    for (const [key, name] of [['w', 'cloudwatch'], ['b', 'cost'], ['t', 'cloudtrail'], ['v', 'vpc'], ['i', 'iam'], ['n', 'sns'], ['e', 'timeline'], ['l', 'teams']] as const) {
      await page.keyboard.press(key);
      await page.waitForSelector(`#console-${name === 'cloudtrail' ? 'trail' : name}`);
      await check(`console-${name}`);
    }
    await page.keyboard.press('l');
    for (const piece of ['LoadBalancer', 'WebServerGroup', 'Database']) {
      await page.keyboard.press('Escape');
      await clickPiece(page, piece).catch(() => found.push(`inspector: no piece ${piece} to click`));
      if (await page.locator('.inspector').count()) await check(`inspector-${piece}`);
    }

    // The results and the replay of the match.
    await page.keyboard.press('Escape');
    await page.click('#clock-end');
    await page.waitForSelector('.results #debrief li', { timeout: 60_000 });
    await check('results');
    await page.click('#results-watch');
    await page.waitForSelector('body[data-ready="replay"] #board canvas', { timeout: 30_000 });
    await check('replay');
    await page.close();

    expect(found).toEqual([]);
  });
});
