import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumOrSkip, launchChromium, screenshotPath } from '../support/browser.ts';
import { startServer, type RunningServer } from '../support/server-process.ts';
import { openCloudFormation, waitForResource } from './support/board.ts';

const chromiumPath = chromiumOrSkip();

// A stack with the application's log group, a metric filter counting its payment errors into a custom metric and
// an alarm on that metric: the CloudWatch console lists the group (its retention, the application's log arriving
// there), the filter with its pattern and metric, and the alarm watching it.
const TEMPLATE = `Resources:
  AppLogs:
    Type: AWS::Logs::LogGroup
    Properties: {LogGroupName: /shop/app, RetentionInDays: 14}
  PaymentErrors:
    Type: AWS::Logs::MetricFilter
    Properties:
      LogGroupName: !Ref AppLogs
      FilterPattern: ERROR payments-api -DEBUG
      MetricTransformations: [{MetricNamespace: Shop/App, MetricName: PaymentErrors, MetricValue: '1'}]
  PaymentAlarm:
    Type: AWS::CloudWatch::Alarm
    Properties: {Namespace: Shop/App, MetricName: PaymentErrors, Statistic: Sum, Period: 60, EvaluationPeriods: 2, Threshold: 20, ComparisonOperator: GreaterThanThreshold}
`;

describe.skipIf(!chromiumPath)('log groups and metric filters in the CloudWatch console', () => {
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
    it(`lists the log group, its filter, the metric it publishes and the alarm on it (${lang})`, async () => {
      const page = await openCloudFormation(browser, server.url, lang, 'ops', 1100, 'errors-in-the-logs');
      await page.fill('#cfn-template', TEMPLATE);
      await page.click('#cfn-check');
      await page.waitForSelector('#cfn-issues');
      await page.click('#cfn-create-change-set');
      await page.waitForSelector('#cfn-change-set-view');
      await page.click('#cfn-execute');
      await waitForResource(page, 'metricFilter', "r.stack === 'ops'");
      await page.keyboard.press('w');
      await page.waitForSelector('#metric-filters');
      const group = await page.textContent('#log-groups tbody tr');
      expect(group).toContain('/shop/app');
      expect(group).toContain(lang === 'en' ? '14 days' : '14일');
      expect(group).toContain(lang === 'en' ? "The application's log (CloudWatch agent)" : '애플리케이션 로그(CloudWatch 에이전트)');
      const filter = await page.textContent('#metric-filters tbody tr');
      expect(filter).toContain('ERROR payments-api -DEBUG');
      expect(filter).toContain('Shop/App / PaymentErrors');
      expect(filter).toContain('PaymentAlarm');
      await page.locator('.log-groups').scrollIntoViewIfNeeded();
      await page.screenshot({ path: screenshotPath(`cloudwatch-log-groups-${lang}`) });
      await page.close();
    });
  }
});
