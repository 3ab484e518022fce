import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumOrSkip, launchChromium, screenshotPath } from '../support/browser.ts';
import { REPO_ROOT, startServer, type RunningServer } from '../support/server-process.ts';
import { createMatch } from '../../shared/match/create.ts';
import { matchReplayOf, replayRows } from '../../shared/match/replay-file.ts';
import { runTick } from '../../shared/match/tick.ts';
import { exampleDesign, exampleScenario, host } from '../support/match-fixtures.ts';
import { clickWorld, layoutOf, placeVpc, waitForResource } from './support/board.ts';
import { gotoLobby } from './support/lobby.ts';

const chromiumPath = chromiumOrSkip();

interface Listed {
  id: string;
  durationS: number;
  campaign?: { order: number };
}

/** What the page's hooks give a test: the view-model and the replay player. */
type Hooks = {
  fiveNines: {
    view: { current: { match: { simS: number; phase: string; board: { resources: { kind: string; ref: string }[] } }; layout: { pieces: Map<string, unknown>; vpcs: { ref: string }[] } } };
    replay?: { rows: { intentLog: { inputs: { simS: number; params: Record<string, unknown> }[] } }[]; cursor: { finalStep: number }; pause(): void };
  };
};

const clock = (s: number): string => `${Math.floor(s / 3600)}:${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;

/** Moves the replay's slider as a drag of it would: the value, then an input event. */
async function scrub(page: Page, step: number): Promise<void> {
  await page.evaluate((value) => {
    const slider = document.querySelector<HTMLInputElement>('#replay-slider')!;
    slider.value = String(value);
    slider.dispatchEvent(new Event('input', { bubbles: true }));
  }, step);
  await page.waitForSelector(`#replay-bar[data-step="${step}"]`);
}

const boardHas = (page: Page, kind: string) =>
  page.evaluate((k) => {
    const view = (window as unknown as Hooks).fiveNines.view.current;
    const refs = view.match.board.resources.filter((r) => r.kind === k).map((r) => r.ref);
    // Pieces are drawn as pieces; a VPC as the box around its subnets.
    return { model: refs.length > 0, laidOut: refs.some((r) => view.layout.pieces.has(r) || view.layout.vpcs.some((v) => v.ref === r)) };
  }, kind);

// A short solo match played to its results in the browser, then watched again: the replay plays at 64×, the
// slider scrubs back and forth (the board shows what existed at each moment), and the end is verified against
// the recorded match. Then the same replay, saved as a file, opened from the home screen; and a broken file.
describe.skipIf(!chromiumPath)('a replay watched in the browser', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  const errors: Error[] = [];

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer('scripts/start.ts'), launchChromium(chromiumPath!)]);
    page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    page.on('pageerror', (error) => errors.push(error));
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('plays a finished match again from the results, scrubs it and verifies its end', async () => {
    const listed = (await (await fetch(`${server.url}/api/scenarios`)).json()) as Listed[];
    const level = listed.filter((s) => s.campaign).sort((a, b) => a.campaign!.order - b.campaign!.order)[0]!;

    await gotoLobby(page, server.url);
    await page.fill('#nickname', 'Ada');
    await page.click('#play-campaign');
    await page.click(`.level-button[data-scenario="${level.id}"]`);
    await page.click('#start-scenario');
    await page.waitForSelector('body[data-ready="board"] #board canvas');

    // A network in the build phase (there from the replay's first moment), then the clock at 8×.
    await placeVpc(page);
    await page.click('#clock-start');
    await page.click('[data-speed="8"]');
    await page.waitForSelector('#phase[data-phase="running"]');
    const simS = () => page.evaluate(() => (window as unknown as Hooks).fiveNines.view.current.match.simS);
    await page.waitForFunction(() => (window as unknown as Hooks).fiveNines.view.current.match.simS >= 300, null, { timeout: 30_000 });

    // An instance placed while the clock runs: absent from the replay before that moment, present after it.
    const subnet = (await layoutOf(page)).subnets[0]!;
    await page.keyboard.press('3');
    await clickWorld(page, subnet.rect.x + subnet.rect.w / 2, subnet.rect.y + subnet.rect.h - 10);
    await waitForResource(page, 'instance');
    const placedAround = await simS();
    await page.waitForFunction((t) => (window as unknown as Hooks).fiveNines.view.current.match.simS >= t + 400, placedAround, { timeout: 30_000 });
    page.once('dialog', (d) => void d.accept());
    await page.click('#clock-end');
    await page.waitForSelector('.results', { timeout: 90_000 });
    await page.waitForSelector('#results-watch');

    await page.click('#results-watch');
    await page.waitForSelector('body[data-ready="replay"] #board canvas', { timeout: 30_000 });
    await page.waitForSelector('#replay-bar[data-step="0"]');
    expect(await page.textContent('#replay-clock')).toContain(`${clock(0)} of `);
    expect(await boardHas(page, 'vpc')).toEqual({ model: true, laidOut: true });
    expect(await boardHas(page, 'instance')).toEqual({ model: false, laidOut: false });
    expect(await page.getAttribute('#replay-verified', 'data-verified')).toBe('pending');
    const replay = await page.evaluate(() => {
      const r = (window as unknown as Hooks).fiveNines.replay!;
      // A gesture's input is the entry of its first call, carrying the gesture.
      const placed = r.rows[0]!.intentLog.inputs.find((e) => (e.params.gesture as { type?: string; entry?: string } | undefined)?.entry === 'instance')!;
      return { finalStep: r.cursor.finalStep, placedStep: Math.round(placed.simS / 5), rows: JSON.stringify(r.rows) };
    });
    expect(replay.placedStep * 5).toBeGreaterThanOrEqual(300);
    expect(replay.placedStep).toBeLessThan(replay.finalStep);
    // The slider carries the run's chaos and failures, and the board sits in the grid's first row.
    await page.waitForTimeout(400);
    await page.screenshot({ path: screenshotPath('replay-start') });

    // Play at 64×: the clock runs on by itself.
    await page.click('#replay-bar [data-speed="64"]');
    await page.click('#replay-play');
    await page.waitForFunction(() => Number(document.querySelector('#replay-bar')?.getAttribute('data-step')) > 24, null, { timeout: 20_000 });
    // 64× plays this short match in about a second: a click could land after the end (and start it again), so
    // the pause goes straight to the player.
    await page.evaluate(() => (window as unknown as Hooks).fiveNines.replay!.pause());
    await page.waitForSelector('#replay-bar[data-playing="false"]');

    // Scrub back to just before the instance was placed, then forward to the moment it was.
    await scrub(page, replay.placedStep - 1);
    expect(await page.textContent('#replay-clock')).toContain(clock((replay.placedStep - 1) * 5));
    expect(await boardHas(page, 'instance')).toEqual({ model: false, laidOut: false });
    await scrub(page, replay.placedStep);
    expect(await page.textContent('#replay-clock')).toContain(clock(replay.placedStep * 5));
    expect(await boardHas(page, 'instance')).toEqual({ model: true, laidOut: true });
    await scrub(page, 3);
    expect(await boardHas(page, 'instance')).toEqual({ model: false, laidOut: false });
    const middle = Math.floor((replay.placedStep + replay.finalStep) / 2);
    await scrub(page, middle);
    expect(await page.textContent('#replay-clock')).toContain(clock(middle * 5));
    expect(await boardHas(page, 'instance')).toEqual({ model: true, laidOut: true });
    await page.waitForSelector('#chart-requests canvas');
    // The utilisation chart here is computed from the replay, not sampled by this browser, and says so.
    expect(await page.textContent('#chart-utilisation figcaption')).toBe('Utilisation (from the replay)');
    await page.waitForTimeout(400);
    await page.screenshot({ path: screenshotPath('replay-scrubbed') });

    // On to the end at 64×: the replayed world is the recorded one.
    await page.click('#replay-play');
    await page.waitForSelector(`#replay-bar[data-step="${replay.finalStep}"][data-playing="false"]`, { timeout: 30_000 });
    expect(await page.getAttribute('#replay-verified', 'data-verified')).toBe('verified');
    expect(await page.textContent('#replay-verified')).toMatch(/Verified/);
    await page.waitForTimeout(400);
    await page.screenshot({ path: screenshotPath('replay-end') });

    // Closed, the results come back.
    await page.click('#replay-exit');
    await page.waitForSelector('.results #results-watch');

    // The same replay as a file, opened from the home screen; then a file that is not a replay.
    const file = join(REPO_ROOT, 'test-output', 'replay-file.json');
    writeFileSync(file, replay.rows);
    await page.click('#results-leave');
    await page.goto(`${server.url}/?lang=en`);
    await page.waitForSelector('body[data-ready="lobby"] #open-replay');
    await page.setInputFiles('#replay-file', file);
    await page.waitForSelector('body[data-ready="replay"] #board canvas', { timeout: 30_000 });
    await scrub(page, replay.finalStep);
    await page.waitForSelector('#replay-verified[data-verified="verified"]');
    await page.click('#replay-exit');
    await page.waitForSelector('#open-replay');
    const broken = join(REPO_ROOT, 'test-output', 'replay-broken.json');
    writeFileSync(broken, replay.rows.slice(0, Math.floor(replay.rows.length / 2)));
    await page.setInputFiles('#replay-file', broken);
    await page.waitForSelector('#replay-error[data-code="not-json"]');
    await page.screenshot({ path: screenshotPath('replay-broken-file') });
    await page.click('#replay-exit');
    await page.waitForSelector('#open-replay');
    expect(errors).toEqual([]);
  }, 240_000);

  it("opens a classroom's replay.json: a team picker, and the chaos on the slider to jump to", async () => {
    // A classroom of two, recorded by the shared rules: the teacher takes one team's zone out.
    // With a CloudWatch dashboard (a graph of the load balancer's requests, Sum over 5 minutes, and the group's
    // CPU, Maximum a minute): the replay draws it from the dashboards' metrics it recorded, not "No data".
    const design = exampleDesign('alb-asg-multi-az');
    const lb = design.resources.find((r) => r.kind === 'loadBalancer')!.id;
    const asg = design.resources.find((r) => r.kind === 'autoScalingGroup')!.id;
    design.resources.push({
      id: design.resources.length,
      stack: 0,
      logicalId: 'Ops',
      kind: 'dashboard',
      props: {
        name: 'ops',
        widgets: [
          { type: 'metric', x: 0, y: 0, width: 12, height: 6, view: 'timeSeries', stat: 'Sum', period: 300, title: 'Requests' },
          { type: 'metric', x: 12, y: 0, width: 6, height: 3, view: 'singleValue', stat: 'Maximum', period: 60, title: 'CPU' },
        ],
        metrics: [
          { widget: 0, namespace: 'AWS/ApplicationELB', metric: 'RequestCount', dimensions: [{ name: 'LoadBalancer' }], subject: lb },
          { widget: 1, namespace: 'AWS/EC2', metric: 'CPUUtilization', dimensions: [{ name: 'AutoScalingGroupName' }], subject: asg },
        ],
        alarms: [],
      },
    });
    const match = createMatch({ mode: 'classroom', scenario: exampleScenario('az-outage'), seed: 3, design, teams: [{ id: 'team-1', name: 'Red' }, { id: 'team-2', name: 'Blue' }] });
    const cursor = new Map<string, number>();
    const teacher = host(null);
    runTick(match, [{ seq: 0, actor: teacher, intent: { type: 'clock', command: 'start' }, wallMs: 0 }], 60, 0, cursor);
    runTick(match, [{ seq: 1, actor: teacher, intent: { type: 'inject', event: { type: 'az-outage', atS: 0, durationS: 600, params: { zone: 'us-east-1a' } }, teams: ['team-2'] }, wallMs: 0 }], 180, 0, cursor);
    // Ended early: the rest of the scenario is played out as built before the results.
    runTick(match, [{ seq: 2, actor: teacher, intent: { type: 'clock', command: 'end' }, wallMs: 0 }], match.clock.endStep, 0, cursor);
    const rows = replayRows(matchReplayOf(match, 'class-1', [0, 1]));
    const file = join(REPO_ROOT, 'test-output', 'replay-classroom.json');
    writeFileSync(file, JSON.stringify({ competition: { id: 'class-1', name: 'Tuesday class' }, replays: rows.map((r, i) => ({ id: i + 1, recordedAt: new Date(0).toISOString(), ...r })) }));

    await page.goto(`${server.url}/?lang=en`);
    await page.waitForSelector('body[data-ready="lobby"] #open-replay');
    await page.setInputFiles('#replay-file', file);
    await page.waitForSelector('body[data-ready="replay"] #board canvas', { timeout: 30_000 });
    expect(await page.$$eval('#replay-team option', (options) => options.map((o) => o.textContent))).toEqual(['Red', 'Blue']);
    await page.selectOption('#replay-team', '1');
    // The injected outage and what it broke, at the same moment: one mark, red for the failure, telling both; it
    // jumps to the first step that shows them (the step that starts at 0:05:00 is taken at 0:05:05).
    await page.waitForSelector('.replay-marker[data-step="61"]');
    const marker = await page.$eval('.replay-marker[data-step="61"]', (m) => ({ kind: m.className, title: m.getAttribute('title') ?? '' }));
    expect(marker.kind).toContain('failure');
    expect(marker.title).toMatch(/Scenario event at 0:05:00: .*us-east-1a/);
    expect(marker.title).toMatch(/Failure at 0:05:00/);
    const darkZone = () =>
      page.evaluate(() => (window as unknown as { fiveNines: { view: { current: { layout: { regions: { zones: { zone: string; dark: boolean }[] }[] } } } } }).fiveNines.view.current.layout.regions.flatMap((r) => r.zones).find((z) => z.zone === 'us-east-1a')?.dark);
    expect(await darkZone()).toBe(false);
    await page.click('.replay-marker[data-step="61"]');
    await page.waitForSelector('#replay-bar[data-step="61"]');
    expect(await page.textContent('#replay-clock')).toContain(clock(305));
    expect(await darkZone()).toBe(true);
    expect(await page.textContent('#timeline')).toMatch(/us-east-1a/);
    await page.waitForTimeout(400);
    await page.screenshot({ path: screenshotPath('replay-classroom') });
    // The dashboard, replayed: the graph's datapoints are five-minute Sums, the number the last minute's Maximum.
    await page.locator('.dashboards').scrollIntoViewIfNeeded();
    await page.locator('.dashboard-widget[data-widget="0"] canvas').first().waitFor();
    expect(await page.textContent('.dashboards')).not.toContain('No data');
    expect(await page.textContent('.dashboard-widget[data-widget="0"] .widget-stat')).toBe('Sum · 5 min');
    expect(Number(await page.textContent('.dashboard-widget[data-widget="1"] .figure'))).toBeGreaterThan(0);
    await page.waitForTimeout(300);
    await page.screenshot({ path: screenshotPath('replay-dashboard-en') });
    // To the recorded end (the ended match was played out to the scenario's end), where the hash is checked.
    await scrub(page, match.clock.step);
    await page.waitForSelector('#replay-verified[data-verified="verified"]');
    await page.selectOption('#replay-team', '0');
    await page.waitForSelector('#replay-verified[data-verified="verified"]');
    // In Korean, at any moment.
    await page.click('.replay [data-lang="ko"]');
    await page.waitForFunction(() => document.querySelector('#replay-verified')?.textContent?.includes('검증됨'));
    expect(await page.textContent('#replay-play')).toContain('재생');
    expect(await page.textContent('#chart-utilisation figcaption')).toBe('사용률(리플레이에서 계산)');
    expect(await page.textContent('.dashboard-widget[data-widget="0"] .widget-stat')).toBe('Sum · 5분');
    await page.locator('.dashboards').scrollIntoViewIfNeeded();
    await page.waitForTimeout(300);
    await page.screenshot({ path: screenshotPath('replay-dashboard-ko') });
    await page.locator('#chart-utilisation').scrollIntoViewIfNeeded();
    await page.waitForTimeout(400);
    await page.screenshot({ path: screenshotPath('replay-korean') });
    await page.click('.replay [data-lang="en"]');
    await page.click('#replay-exit');
    await page.waitForSelector('#open-replay');
    expect(errors).toEqual([]);
  }, 120_000);
});
