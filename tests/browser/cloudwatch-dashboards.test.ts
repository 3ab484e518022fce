import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumOrSkip, launchChromium, screenshotPath } from '../support/browser.ts';
import { startServer, type RunningServer } from '../support/server-process.ts';
import { openBoard, waitForResource } from './support/board.ts';

const chromiumPath = chromiumOrSkip();

type Hooks = { fiveNines: { view: { current: { match: { simS: number; board: { metricKeys: string[] } } } } } };

// Composing a CloudWatch dashboard during a match: a graph and a number on metrics the catalogue offers for the
// board's load balancer, a text widget added then removed, saved (a design change: the dashboard appears on the
// board), then the graph fills from the dashboards' sampled metrics once the clock runs. The alarms list shows
// what each alarm watches. English and Korean.
describe.skipIf(!chromiumPath)('CloudWatch dashboards', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer('scripts/start.ts'), launchChromium(chromiumPath!)]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  for (const lang of ['en', 'ko'] as const) {
    it(`composes, saves and draws a dashboard (${lang})`, async () => {
      const page = await openBoard(browser, server.url, lang, { scenario: 'budget-crunch', height: 1400 });
      await page.keyboard.press('w');
      await page.waitForSelector('.dashboards');
      expect(await page.textContent('.dashboards')).toContain(lang === 'en' ? 'No widgets yet' : '아직 위젯이 없습니다');

      const metricOption = async (metric: string) => {
        const values = await page.locator('#widget-metric option').evaluateAll((os, m) => os.filter((o) => (o as HTMLOptionElement).value.includes(`|${m}|`)).map((o) => (o as HTMLOptionElement).value), metric);
        return values[0]!;
      };
      // A graph of requests as each minute's Sum (the metric's usual statistic), a number as the Minimum over 5 minutes.
      await page.selectOption('#widget-type', 'timeSeries');
      await page.selectOption('#widget-metric', await metricOption('RequestCount'));
      await page.click('#widget-add');
      await page.selectOption('#widget-type', 'singleValue');
      await page.selectOption('#widget-metric', await metricOption('HealthyHostCount'));
      await page.selectOption('#widget-stat', 'Minimum');
      await page.selectOption('#widget-period', '300');
      await page.click('#widget-add');
      const min = lang === 'en' ? ' min' : '분';
      expect(await page.textContent('.dashboard-widget[data-widget="0"] .widget-stat')).toBe(`Sum · 1${min}`);
      expect(await page.textContent('.dashboard-widget[data-widget="1"] .widget-stat')).toBe(`Minimum · 5${min}`);
      await page.selectOption('#widget-type', 'text');
      await page.fill('.add-widget input', 'On call: team');
      await page.click('#widget-add');
      expect(await page.locator('.dashboard-widget').count()).toBe(3);
      await page.locator('.dashboard-widget[data-widget="2"] .widget-remove').click();
      expect(await page.locator('.dashboard-widget').count()).toBe(2);
      // Nothing measured yet: CloudWatch's "No data".
      expect(await page.textContent('.dashboard-widget[data-widget="0"]')).toContain(lang === 'en' ? 'No data' : '데이터 없음');

      await page.click('#dashboard-save');
      await waitForResource(page, 'dashboard', 'r.props.widgets.length === 2');
      expect(await page.evaluate(() => {
        const d = (window as unknown as { fiveNines: { view: { current: { match: { board: { resources: { kind: string; props: { widgets: { stat?: string; period?: number }[] } }[] } } } } } }).fiveNines.view.current.match.board.resources.find((r) => r.kind === 'dashboard')!;
        return d.props.widgets.map((w) => [w.stat, w.period]);
      })).toEqual([['Sum', 60], ['Minimum', 300]]);
      await page.click('#clock-start');
      await page.click('[data-speed="8"]');
      await page.waitForFunction(() => (window as unknown as Hooks).fiveNines.view.current.match.simS > 400, null, { timeout: 120_000 });
      const keys = await page.evaluate(() => (window as unknown as Hooks).fiveNines.view.current.match.board.metricKeys);
      expect(keys.some((k) => k.startsWith('AWS/ApplicationELB|RequestCount|'))).toBe(true);
      await page.locator('.dashboards').scrollIntoViewIfNeeded();
      await page.screenshot({ path: screenshotPath(`cloudwatch-dashboard-running-${lang}`) });
      await page.locator('.dashboard-widget[data-widget="0"] canvas').first().waitFor();
      const number = (await page.textContent('.dashboard-widget[data-widget="1"] .figure'))!;
      expect(Number(number)).toBeGreaterThan(0);
      await page.locator('.dashboards').scrollIntoViewIfNeeded();
      await page.waitForTimeout(400);
      await page.screenshot({ path: screenshotPath(`cloudwatch-dashboard-${lang}`) });
      await page.locator('.alarms').scrollIntoViewIfNeeded();
      await page.waitForTimeout(200);
      await page.screenshot({ path: screenshotPath(`cloudwatch-alarms-${lang}`) });
      await page.close();
    }, 240_000);
  }
});
