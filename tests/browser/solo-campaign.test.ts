import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumOrSkip, launchChromium, screenshotPath } from '../support/browser.ts';
import { startServer, type RunningServer } from '../support/server-process.ts';
import { FAST_CLOCK } from './support/clock.ts';
import { centre, clickPiece, clickWorld, hoverWorld, layoutOf, placeInCell, placeVpc, waitForResource } from './support/board.ts';
import { gotoLobby, newPage } from './support/lobby.ts';

const chromiumPath = chromiumOrSkip();

/** Longest scenario this test plays to its end at 8×; a longer one is ended by the host after a while. */
const PLAY_TO_END_S = 12_000;

interface Listed {
  id: string;
  durationS: number;
  campaign?: { order: number };
}

// A whole solo scenario through the UI, as a newcomer plays it: the campaign map, the briefing, building a
// multi-AZ architecture with the palette and the inspector, starting the clock at 8×, riding out the
// scenario's failures, and the results screen with the score and the debrief.
describe.skipIf(!chromiumPath)('a solo campaign scenario played in the browser', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer('scripts/start.ts', FAST_CLOCK), launchChromium(chromiumPath!)]);
    page = await newPage(browser);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('builds, survives and reaches the results', async () => {
    const listed = (await (await fetch(`${server.url}/api/scenarios`)).json()) as Listed[];
    const levels = listed.some((s) => s.campaign) ? listed.filter((s) => s.campaign).sort((a, b) => a.campaign!.order - b.campaign!.order) : listed;
    // The shortest level keeps the run quick on two cores; the UI does not care which one it is.
    const level = [...levels].sort((a, b) => a.durationS - b.durationS)[0]!;

    await gotoLobby(page, server.url);
    await page.fill('#nickname', 'Ada');
    await page.click('#play-campaign');
    await page.waitForSelector('.levels');
    await page.screenshot({ path: screenshotPath('campaign-map') });
    await page.click(`.level-button[data-scenario="${level.id}"]`);
    await page.waitForSelector('#start-scenario');
    await page.screenshot({ path: screenshotPath('briefing') });
    await page.click('#start-scenario');
    await page.waitForSelector('body[data-ready="board"] #board canvas');
    await page.waitForTimeout(300);
    await page.screenshot({ path: screenshotPath('board-empty') });

    // Network first. Then, if the level lets players use them, servers in every zone behind a load balancer and
    // a Multi-AZ database; a first level that teaches one server gets one big enough for its peak.
    await placeVpc(page);
    const multiAz = await page.isEnabled('.palette-item[data-entry="autoScalingGroup"]') && (await page.isEnabled('.palette-item[data-entry="loadBalancer"]'));
    if (multiAz) {
      await placeInCell(page, '4', 1);
      await waitForResource(page, 'autoScalingGroup');
      await placeInCell(page, '5', 0);
      await waitForResource(page, 'loadBalancer');
      await placeInCell(page, '6', 0);
      await waitForResource(page, 'database');

      await clickPiece(page, 'LoadBalancer');
      await page.keyboard.press('c');
      await page.waitForSelector('#connect-banner');
      await clickPiece(page, 'AutoScalingGroup');
      await page.waitForFunction(() => (window as unknown as { fiveNines: { view: { current: { model: { lines: { traffic: boolean }[] } } } } }).fiveNines.view.current.model.lines.some((l) => l.traffic));

      // The group: bigger instances and one more of them, through the inspector's fields.
      await clickPiece(page, 'AutoScalingGroup');
      await page.waitForSelector('.inspector');
      await page.selectOption('[data-field$="-instanceType"] select', 'm5.large');
      await waitForResource(page, 'launchTemplate', "r.props.instanceType === 'm5.large'");
      await page.fill('[data-field$="-desired"] input', '3');
      await page.press('[data-field$="-desired"] input', 'Enter');
      await waitForResource(page, 'autoScalingGroup', 'r.props.desired === 3');
      // A refused value is shown beside its field: a negative minimum.
      await page.fill('[data-field$="-min"] input', '-1');
      await page.press('[data-field$="-min"] input', 'Enter');
      await page.waitForSelector('[data-field$="-min"] .field-error');
      await page.screenshot({ path: screenshotPath('inspector-refusal') });
      await page.fill('[data-field$="-min"] input', '2');
      await page.press('[data-field$="-min"] input', 'Enter');

      await clickPiece(page, 'Database');
      await page.click('[data-field$="-multiAz"] button');
      await waitForResource(page, 'database', 'r.props.multiAz === true');
      await page.screenshot({ path: screenshotPath('board-built') });

      // Undo the last action (Multi-AZ on) and redo it by hand: undo works on the player's own actions.
      await page.keyboard.press('Escape');
      await page.keyboard.press('Control+z');
      await waitForResource(page, 'database', 'r.props.multiAz === false');
      await clickPiece(page, 'Database');
      await page.click('[data-field$="-multiAz"] button');
      await waitForResource(page, 'database', 'r.props.multiAz === true');
    } else {
      const subnet = (await layoutOf(page)).subnets[0]!;
      await page.keyboard.press('3');
      await clickWorld(page, subnet.rect.x + subnet.rect.w / 2, subnet.rect.y + subnet.rect.h - 10);
      await waitForResource(page, 'instance');
      await clickPiece(page, 'Instance');
      await page.waitForSelector('.inspector');
      await page.selectOption('[data-field$="-instanceType"] select', 'c5.large');
      await waitForResource(page, 'instance', "r.props.instanceType === 'c5.large'");
      await page.screenshot({ path: screenshotPath('board-built') });
      // Undo the type change, then make it again: undo works on the player's own actions.
      await page.keyboard.press('Escape');
      await page.keyboard.press('Control+z');
      await waitForResource(page, 'instance', "r.props.instanceType !== 'c5.large'");
      await clickPiece(page, 'Instance');
      await page.selectOption('[data-field$="-instanceType"] select', 'c5.large');
      await waitForResource(page, 'instance', "r.props.instanceType === 'c5.large'");
    }
    await page.keyboard.press('Escape');

    // 1× on this test server's fast clock plays at a real 8× while the consoles are looked at; 8× then plays the rest.
    await page.click('#clock-start');
    await page.waitForSelector('#phase[data-phase="running"]');
    await page.waitForFunction(() => (window as unknown as { fiveNines: { board: { particles(): number } } }).fiveNines.board.particles() > 0, null, { timeout: 30_000 });
    const l = await layoutOf(page);
    const front = Object.keys(l.pieces).find((r) => r.includes('LoadBalancer')) ?? Object.keys(l.pieces).find((r) => r.includes('Instance'))!;
    await hoverWorld(page, ...centre(l.pieces[front]!.rect));
    await page.waitForSelector('.tooltip');
    expect(await page.textContent('.tooltip')).toMatch(/USD\/hour/);
    await page.screenshot({ path: screenshotPath('board-running') });
    await page.mouse.move(5, 5);

    await page.keyboard.press('w');
    await page.waitForSelector('#chart-requests canvas');
    await page.waitForFunction(() => document.querySelectorAll('#chart-requests .u-over').length > 0);
    await page.screenshot({ path: screenshotPath('console-cloudwatch') });
    await page.keyboard.press('b');
    await page.waitForSelector('#cost-by-service li');
    await page.screenshot({ path: screenshotPath('console-cost') });
    await page.keyboard.press('t');
    await page.waitForSelector('#trail-table tbody tr');
    await page.screenshot({ path: screenshotPath('console-cloudtrail') });
    await page.keyboard.press('f');
    // The export is the room's, from the team's real design.
    await page.click('[data-export]');
    await page.waitForSelector('#cfn-exported');
    expect(await page.inputValue('#cfn-template')).toContain('AWS::EC2::VPC');
    await page.click('#cfn-check');
    await page.waitForSelector('#cfn-issues');
    await page.screenshot({ path: screenshotPath('console-cloudformation') });
    await page.keyboard.press('i');
    await page.screenshot({ path: screenshotPath('console-iam') });
    await page.keyboard.press('e');
    await page.waitForSelector('#timeline li');
    await page.screenshot({ path: screenshotPath('console-events') });

    // The rest at 8× (a real 64×): from within the page, at once, since on a loaded machine the consoles may have
    // taken the match to its results already (and the speeds away with them).
    await page.evaluate(() => document.querySelector<HTMLElement>('[data-speed="8"]')?.click());
    if (level.durationS > PLAY_TO_END_S) {
      // Too long to play out on the test machine: survive a good while, then the host ends it.
      await page.waitForFunction(() => (window as unknown as { fiveNines: { view: { current: { match: { simS: number } } } } }).fiveNines.view.current.match.simS > 5400, null, { timeout: 60_000 });
      page.once('dialog', (d) => void d.accept());
      await page.click('#clock-end');
    }
    await page.waitForSelector('.results', { timeout: 100_000 });
    await page.waitForSelector('#debrief li');
    await page.waitForTimeout(500);
    await page.screenshot({ path: screenshotPath('results') });
    const score = Number((await page.textContent('#results-score'))!.replace(/[^0-9.]/g, ''));
    expect(score).toBeGreaterThan(500);
    const availability = await page.evaluate(() => (window as unknown as { fiveNines: { view: { current: { match: { teams: { availability: number }[] } } } } }).fiveNines.view.current.match.teams[0]!.availability);
    expect(availability).toBeGreaterThan(0.95);

    // The run is kept in the browser: back on the map, the level shows its stars.
    await page.click('#results-leave');
    await page.waitForSelector('.levels');
    const progress = await page.evaluate(() => JSON.parse(localStorage.getItem('five-nines.campaign') ?? '{}') as Record<string, { score: number }>);
    expect(progress[level.id]?.score).toBe(score);
  }, 240_000);
});
