import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumOrSkip, launchChromium, screenshotPath } from '../support/browser.ts';
import { startServer, type RunningServer } from '../support/server-process.ts';
import { FAST_CLOCK } from './support/clock.ts';
import { clickPiece, openCloudFormation, waitForResource } from './support/board.ts';

const chromiumPath = chromiumOrSkip();

type Line = { name: string; spentUsd: number };
type Hooks = { fiveNines: { view: { current: { match: { board: { cost: { tagKeys: string[]; costTags: { key: string; active: boolean; lines: Line[] }[] } } } } } } };

// Cost allocation tags in Cost Explorer: a stack deploys two instances tagged team=web and team=batch and one
// without the tag. Grouping by tag offers the key, not yet active; Activate sends updateCostAllocationTag, the key
// shows as active since then, and as the clock runs the costs appear by tag value, the untagged instance's and the
// other charges under "No tag key: team" — shared's figures, as the panel draws them. A key whose only resource was
// deleted cannot be activated again: the refusal shows beside the button.
const TEMPLATE = `Resources:
  Web:
    Type: AWS::EC2::Instance
    Properties:
      InstanceType: m5.2xlarge
      ImageId: ami-0fivenines0000000
      Tags: [{Key: team, Value: web}]
  Batch:
    Type: AWS::EC2::Instance
    Properties:
      InstanceType: m5.xlarge
      ImageId: ami-0fivenines0000000
      Tags: [{Key: team, Value: batch}]
  Spare:
    Type: AWS::EC2::Instance
    Properties: {InstanceType: m5.large, ImageId: ami-0fivenines0000000, Tags: [{Key: owner, Value: kim}]}
`;

describe.skipIf(!chromiumPath)('cost allocation tags in Cost Explorer', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer('scripts/start.ts', FAST_CLOCK), launchChromium(chromiumPath!)]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function deploy(lang: 'en' | 'ko'): Promise<Page> {
    const page = await openCloudFormation(browser, server.url, lang, 'tagged', 1000, 'recover-the-lone-server');
    await page.fill('#cfn-template', TEMPLATE);
    await page.click('#cfn-check');
    await page.waitForSelector('#cfn-issues');
    await page.click('#cfn-create-change-set');
    await page.waitForSelector('#cfn-change-set-view');
    await page.click('#cfn-execute');
    await waitForResource(page, 'instance', "r.stack === 'tagged'");
    await page.keyboard.press('Escape');
    return page;
  }

  const costTag = (page: Page) => page.evaluate(() => (window as unknown as Hooks).fiveNines.view.current.match.board.cost.costTags.find((c) => c.key === 'team'));

  for (const lang of ['en', 'ko'] as const) {
    it(`activates the team tag key and shows the cost per tag value (${lang})`, async () => {
      const page = await deploy(lang);
      await page.click('#tab-cost');
      await page.selectOption('#cost-group-by', 'tag');
      await page.selectOption('#cost-tag-key', 'team');
      expect(await page.textContent('#cost-tag-status')).toBe(
        lang === 'en' ? 'Not active: activate the tag key to group the costs incurred from now on by its values.' : '비활성: 태그 키를 활성화하면 지금부터 발생하는 비용을 값별로 묶어 봅니다.',
      );
      expect(await page.locator('#cost-by-tag').count()).toBe(0);

      await page.click('#clock-start');
      await page.waitForSelector('#phase[data-phase="running"]');
      await page.click('#cost-tag-toggle');
      await page.waitForSelector('#cost-tag-status[data-active="true"]');
      expect(await page.textContent('#cost-tag-status')).toContain(lang === 'en' ? 'Active since ' : '부터 활성');
      expect(await page.textContent('#cost-tag-toggle')).toBe(lang === 'en' ? 'Deactivate' : '비활성화');

      // Let the clock run until each tag value has been charged two cents or more.
      await page.click('[data-speed="8"]');
      await page.waitForFunction(
        () => {
          const tag = (window as unknown as Hooks).fiveNines.view.current.match.board.cost.costTags.find((c) => c.key === 'team');
          return ['web', 'batch', ''].every((v) => (tag?.lines.find((l) => l.name === v)?.spentUsd ?? 0) >= 0.02);
        },
        undefined,
        { timeout: 60_000 },
      );
      await page.click('[data-speed="1"]');
      await page.waitForTimeout(300);
      const names = await page.locator('#cost-by-tag li .bar-name').allTextContents();
      expect(names).toContain('web');
      expect(names).toContain('batch');
      expect(names).toContain(lang === 'en' ? 'No tag key: team' : '태그 키 없음: team');
      // The drawn figures are shared's: the web instance (the larger) costs more than batch.
      const tag = (await costTag(page))!;
      expect(tag.active).toBe(true);
      const web = tag.lines.find((l) => l.name === 'web')!.spentUsd;
      const batch = tag.lines.find((l) => l.name === 'batch')!.spentUsd;
      expect(web).toBeGreaterThan(batch);
      expect(await page.locator('#cost-by-tag li[data-name="web"] .bar-value').textContent()).toMatch(/^\$\d+\.\d\d · /);
      await page.locator('#cost-grouped').scrollIntoViewIfNeeded();
      await page.screenshot({ path: screenshotPath(`cost-tags-${lang}`) });

      // A key whose resources are gone stays listed (its costs so far), but AWS activates only a key on a
      // resource: the room refuses, beside the button, in the player's language, and the key stays inactive.
      await page.selectOption('#cost-tag-key', 'owner');
      await page.click('#cost-tag-toggle');
      await page.waitForSelector('#cost-tag-status[data-active="true"]');
      await page.click('#cost-tag-toggle');
      await page.waitForSelector('#cost-tag-status[data-active="false"]');
      expect(await page.textContent('#cost-tag-status')).toContain(lang === 'en' ? 'Inactive (activated at ' : '비활성(');
      await clickPiece(page, 'Spare');
      await page.keyboard.press('Delete');
      await page.waitForFunction(() => !(window as unknown as Hooks).fiveNines.view.current.match.board.cost.tagKeys.includes('owner'));
      await page.click('#cost-tag-toggle');
      await page.waitForSelector('#cost-tag-refused');
      expect(await page.textContent('#cost-tag-refused')).toContain(lang === 'en' ? 'no resource is tagged owner' : '이 태그 키가 붙은 리소스가 없습니다');
      expect(await page.getAttribute('#cost-tag-status', 'data-active')).toBe('false');
      await page.locator('#cost-grouped').scrollIntoViewIfNeeded();
      await page.screenshot({ path: screenshotPath(`cost-tags-refused-${lang}`) });

      // Back to the region grouping: the same panel, the other pane.
      await page.selectOption('#cost-group-by', 'region');
      await page.waitForSelector('#cost-by-region li[data-name="us-east-1"]');
      expect(await page.locator('#cost-by-tag').count()).toBe(0);
      await page.close();
    }, 120_000);
  }
});
