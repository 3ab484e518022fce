import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumOrSkip, launchChromium, screenshotPath } from '../support/browser.ts';
import { startServer, type RunningServer } from '../support/server-process.ts';
import { openBoard } from './support/board.ts';

const chromiumPath = chromiumOrSkip();
/** How long a change may take to come back from the room. */
const WAIT = { timeout: 15_000 };

// The VPC console on the level whose security group drops the load balancer's health checks: the web servers'
// group shows its rules and who uses it; a duplicate rule is refused in the player's language; the staging
// lock-down (revoke HTTP from anywhere, admit 10.1.0.0/16) is made from the panel; a VPC flow log created from the
// panel shows REJECT records from the load balancer's nodes to port 80, found with the action and port filters;
// admitting the load balancer's group from the panel ends them.
describe.skipIf(!chromiumPath)('the VPC console: security groups, network ACLs and flow logs', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer('scripts/start.ts'), launchChromium(chromiumPath!)]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const inbound = (page: Page) => page.locator('#sg-inbound tbody tr');
  const rejectRows = (page: Page) => page.locator('#flow-table tbody tr.REJECT');

  async function authorize(page: Page, source: { cidr?: string; group?: string }): Promise<void> {
    const form = page.locator('#sg-authorize');
    await form.locator('input').nth(0).fill('80');
    await form.locator('input').nth(1).fill('80');
    if (source.cidr) {
      await form.locator('select').nth(1).selectOption('cidr');
      await form.locator('input.cidr').fill(source.cidr);
    } else {
      await form.locator('select').nth(1).selectOption('group');
      await form.locator('select').nth(2).selectOption(source.group!);
    }
    await form.locator('button.primary').click();
  }

  for (const lang of ['en', 'ko'] as const) {
    it(`finds the dropped health checks with a flow log and fixes the group (${lang})`, async () => {
      const page = await openBoard(browser, server.url, lang, { scenario: 'health-checks-through-the-security-group', height: 1000 });
      await page.click('#clock-start');
      await page.click('[data-speed="1"]');
      await page.waitForSelector('#phase[data-phase="running"]');
      await page.keyboard.press('v');
      await page.waitForSelector('#console-vpc .security-groups');
      expect(await page.textContent('#tab-vpc')).toContain('VPC');

      // The web servers' group: HTTP from anywhere, used by the launch template.
      await page.click('[data-group="web/WebServerSecurityGroup"]');
      await expect.poll(() => inbound(page).allTextContents(), WAIT).toEqual([expect.stringContaining('0.0.0.0/0')]);
      expect(await page.textContent('.used-by')).toContain('WebLaunchTemplate');
      expect(await page.textContent('#sg-outbound')).toContain(lang === 'en' ? 'All traffic' : '모든 트래픽');

      // The same rule again: EC2 refuses it with InvalidPermission.Duplicate, said in the player's language.
      await authorize(page, { cidr: '0.0.0.0/0' });
      await page.waitForSelector('#console-vpc .field-error');
      expect(await page.textContent('#console-vpc .field-error')).toContain(lang === 'en' ? 'already has this rule' : '이미 같은 규칙이 있습니다');
      await page.screenshot({ path: screenshotPath(`vpc-security-groups-${lang}`) });

      // A VPC flow log, one-minute aggregation, created from the panel while the match runs.
      await page.click('#vpc-flowLogs');
      const create = page.locator('#flow-log-create');
      await create.locator('select').nth(4).selectOption('60');
      await create.locator('button.primary').click();
      await page.waitForSelector('#flow-log-list tr[data-log="web/FlowLog"]');
      await page.waitForSelector('#flow-cost');

      // The group picked before stays picked.
      await page.click('#vpc-securityGroups');
      expect(await page.getAttribute('[data-group="web/WebServerSecurityGroup"]', 'class')).toBe('on');
      // The staging runbook's lock-down, from the panel: HTTP only from 10.1.0.0/16.
      await inbound(page).first().locator('button.revoke').click();
      await expect.poll(() => inbound(page).allTextContents(), WAIT).toEqual([expect.stringContaining(lang === 'en' ? 'No rules' : '규칙이 없습니다')]);
      await authorize(page, { cidr: '10.1.0.0/16' });
      await expect.poll(() => inbound(page).allTextContents(), WAIT).toEqual([expect.stringContaining('10.1.0.0/16')]);

      await page.click('#vpc-networkAcls');
      expect(await page.textContent('#nacl-none')).toContain(lang === 'en' ? "default network ACL, which allows all" : '기본 네트워크 ACL');

      await page.click('#vpc-flowLogs');
      // REJECT records to port 80, from the load balancer's nodes in the VPC's own range.
      await page.selectOption('#flow-filter-action', 'REJECT');
      await page.fill('#flow-filter-port', '80');
      await expect.poll(() => rejectRows(page).count(), { timeout: 60_000 }).toBeGreaterThan(0);
      await page.locator('#flow-records').scrollIntoViewIfNeeded();
      await page.screenshot({ path: screenshotPath(`vpc-flow-logs-${lang}`) });
      const first = await rejectRows(page).first().locator('td').allTextContents();
      expect(first[0]).toBe('2');
      expect(await page.textContent('#flow-log-list')).toContain(lang === 'en' ? '1 min' : '1분');
      expect(first[3]).toMatch(/^10\.0\.[01]\.\d+$/);
      expect(first[6]).toBe('80');
      expect(first[12]).toBe('REJECT');
      expect(await page.textContent('#flow-cost')).toMatch(lang === 'en' ? /CloudWatch Logs costs \$0\.0+[1-9]\d\./ : /CloudWatch Logs\(으\)로 전송하는 비용은 \$0\.0+[1-9]\d입니다/);
      // The address filter keeps one node's records.
      await page.fill('#flow-filter-address', first[3]!);
      await expect.poll(async () => (await page.locator('#flow-table tbody tr td:nth-child(4)').allTextContents()).every((a) => a === first[3]), WAIT).toBe(true);
      await page.fill('#flow-filter-address', '');

      // The fix: admit port 80 from the load balancer's group. The next minute's records hold no REJECT.
      await page.click('#vpc-securityGroups');
      await authorize(page, { group: 'LoadBalancerSecurityGroup' });
      await expect.poll(() => inbound(page).allTextContents(), WAIT).toEqual([expect.stringContaining('10.1.0.0/16'), expect.stringContaining('LoadBalancerSecurityGroup')]);
      await page.click('#vpc-flowLogs');
      await page.selectOption('#flow-filter-action', 'REJECT');
      await page.fill('#flow-filter-port', '80');
      await expect.poll(() => rejectRows(page).count(), { timeout: 60_000 }).toBe(0);
      await page.close();
    }, 240_000);
  }
});
