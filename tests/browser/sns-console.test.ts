import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumOrSkip, launchChromium, screenshotPath } from '../support/browser.ts';
import { startServer, type RunningServer } from '../support/server-process.ts';
import { openCloudFormation, waitForResource } from './support/board.ts';

const chromiumPath = chromiumOrSkip();

type Hooks = { fiveNines: { view: { current: { match: { simS: number; board: { topics: unknown[] } } } } } };

// The SNS console: a stack deploys a lone server, an alarm on its system status check whose OKActions name the
// topic OnCall, and the topic with no subscription. The console lists the topic as telling nobody; a bad address
// is refused in the panel; the player subscribes their own address (prefilled from their nickname), the
// subscription is listed as the console's, and once the clock runs the alarm's first evaluation (INSUFFICIENT_DATA
// → OK) reaches the player's inbox.
const TEMPLATE = `Resources:
  Web:
    Type: AWS::EC2::Instance
    Properties: {InstanceType: t3.micro, ImageId: ami-0fivenines0000000}
  OnCall:
    Type: AWS::SNS::Topic
    Properties: {TopicName: on-call}
  HostDown:
    Type: AWS::CloudWatch::Alarm
    Properties:
      Namespace: AWS/EC2
      MetricName: StatusCheckFailed_System
      Dimensions: [{Name: InstanceId, Value: !Ref Web}]
      Statistic: Maximum
      Period: 60
      EvaluationPeriods: 2
      ComparisonOperator: GreaterThanOrEqualToThreshold
      Threshold: 1
      AlarmActions: [!Ref OnCall]
      OKActions: [!Ref OnCall]
`;

describe.skipIf(!chromiumPath)('the SNS console', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer('scripts/start.ts'), launchChromium(chromiumPath!)]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function deploy(lang: 'en' | 'ko'): Promise<Page> {
    const page = await openCloudFormation(browser, server.url, lang, 'pager', 1000, 'recover-the-lone-server');
    await page.fill('#cfn-template', TEMPLATE);
    await page.click('#cfn-check');
    await page.waitForSelector('#cfn-issues');
    await page.click('#cfn-create-change-set');
    await page.waitForSelector('#cfn-change-set-view');
    await page.click('#cfn-execute');
    await waitForResource(page, 'alarm', "r.stack === 'pager'");
    await page.waitForFunction(() => (window as unknown as Hooks).fiveNines.view.current.match.board.topics.length === 1);
    return page;
  }

  for (const lang of ['en', 'ko'] as const) {
    it(`subscribes the player, refuses a bad address, and delivers the alarm's OK to their inbox (${lang})`, async () => {
      const page = await deploy(lang);
      await page.keyboard.press('Escape');
      await page.click('#tab-sns');
      const topic = page.locator('[data-topic="pager/OnCall"]');
      await topic.waitFor();
      expect(await topic.locator('[data-nobody]').textContent()).toBe(lang === 'en' ? 'No subscriptions: a notification to this topic tells nobody.' : '구독이 없습니다. 이 주제로 보낸 알림은 아무에게도 가지 않습니다.');
      const address = lang === 'en' ? 'ada@example.com' : '지수@example.com';
      expect(await page.inputValue('#sns-endpoint')).toBe(address);
      await page.screenshot({ path: screenshotPath(`sns-topics-${lang}`) });

      // Not an address: the sim's rule refuses it, in the player's language; nothing is subscribed.
      await page.fill('#sns-endpoint', 'pager duty');
      await page.click('[data-subscribe]');
      await page.waitForSelector('[data-sns-refused]');
      expect(await page.textContent('[data-sns-refused]')).toContain(lang === 'en' ? 'is not an email address' : '이메일 주소가 아닙니다');
      expect(await topic.locator('[data-subscriber]').count()).toBe(0);

      await page.click('[data-my-address]');
      await page.click('[data-subscribe]');
      const mine = topic.locator(`[data-subscriber="email:${address}"]`);
      await mine.waitFor();
      expect(await mine.textContent()).toContain(lang === 'en' ? 'from the console' : '콘솔에서');
      expect(await page.locator('[data-inbox-empty]').count()).toBe(1);

      await page.click('#clock-start');
      await page.click('[data-speed="8"]');
      await page.waitForSelector('[data-message="snsNotified"]', { timeout: 60_000 });
      const message = (await page.textContent('[data-message="snsNotified"]'))!;
      expect(message).toContain('pager/OnCall');
      expect(message).toContain('OK');
      expect(message).toContain(address);
      await page.click('#clock-pause').catch(() => undefined);
      await page.waitForTimeout(300);
      await page.screenshot({ path: screenshotPath(`sns-inbox-${lang}`) });
      await page.close();
    }, 180_000);
  }
});
