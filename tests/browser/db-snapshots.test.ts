import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumOrSkip, launchChromium, screenshotPath } from '../support/browser.ts';
import { startServer, type RunningServer } from '../support/server-process.ts';
import { openCloudFormation, waitForResource } from './support/board.ts';

const chromiumPath = chromiumOrSkip();

// A database replaced by an update (a new DBName) leaves a snapshot of the old one (its UpdateReplacePolicy is
// Snapshot): the change set says the database is a new physical resource while the instance
// beside it, given a new type, is stopped and started; executed, the account's snapshot is listed under the
// stacks with what it costs a month, as the shared bill prices it.
const template = (name: string, type: string) => `Resources:
  Vpc:
    Type: AWS::EC2::VPC
    Properties: {CidrBlock: 10.40.0.0/16}
  A:
    Type: AWS::EC2::Subnet
    Properties: {VpcId: !Ref Vpc, CidrBlock: 10.40.1.0/24, AvailabilityZone: us-east-1a}
  B:
    Type: AWS::EC2::Subnet
    Properties: {VpcId: !Ref Vpc, CidrBlock: 10.40.2.0/24, AvailabilityZone: us-east-1b}
  Group:
    Type: AWS::RDS::DBSubnetGroup
    Properties: {DBSubnetGroupDescription: db, SubnetIds: [!Ref A, !Ref B]}
  Db:
    Type: AWS::RDS::DBInstance
    UpdateReplacePolicy: Snapshot
    Properties: {Engine: postgres, DBInstanceClass: db.t3.micro, AllocatedStorage: '20', DBName: ${name}, DBSubnetGroupName: !Ref Group}
  Web:
    Type: AWS::EC2::Instance
    Properties: {InstanceType: ${type}, ImageId: ami-0fivenines0000000}
`;

describe.skipIf(!chromiumPath)("the account's DB snapshots in the CloudFormation panel", () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer('scripts/start.ts'), launchChromium(chromiumPath!)]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  // A scenario whose palette has databases (the default one does not), the CloudFormation panel open.
  async function open(lang: 'en' | 'ko'): Promise<Page> {
    return openCloudFormation(browser, server.url, lang, 'kept', 1100, 'database-failover-and-replicas');
  }

  async function changeSet(page: Page, text: string) {
    await page.fill('#cfn-template', text);
    await page.click('#cfn-check');
    await page.waitForSelector('#cfn-issues');
    await page.click('#cfn-create-change-set');
    await page.waitForSelector('#cfn-change-set-view');
  }

  for (const lang of ['en', 'ko'] as const) {
    it(`lists the snapshot a replaced database leaves, with its monthly cost (${lang})`, async () => {
      const page = await open(lang);
      await changeSet(page, template('shop', 't3.micro'));
      await page.click('#cfn-execute');
      await waitForResource(page, 'database', "r.stack === 'kept'");
      expect(await page.locator('#cfn-db-snapshots').count()).toBe(0);

      await changeSet(page, template('store', 't3.small'));
      const physical = await page.$$eval('#cfn-changes tbody tr[data-change]', (trs) => Object.fromEntries(trs.map((tr) => [tr.getAttribute('data-change'), tr.getAttribute('data-physical')])));
      expect(physical).toMatchObject({ Db: 'replacement', Web: 'interruption' });
      expect(await page.textContent('#cfn-changes tr[data-change="Web"] td.physical')).toBe(lang === 'en' ? 'Stop and start' : '중지 후 시작');
      await page.locator('#cfn-change-set-view').scrollIntoViewIfNeeded();
      await page.screenshot({ path: screenshotPath(`cfn-db-change-set-${lang}`) });

      await page.click('#cfn-execute');
      await page.waitForSelector('#cfn-db-snapshots tr[data-snapshot]');
      const row = page.locator('#cfn-db-snapshots tr[data-snapshot]');
      expect(await row.getAttribute('data-snapshot')).toBe('kept-db-snapshot');
      expect(await row.textContent()).toContain('kept/Db');
      // 20 GB at RDS backup storage's price in us-east-1: the shared figure, as sent.
      expect(await row.locator('td[data-month-usd]').textContent()).toBe('$1.90');
      expect(await page.textContent('#cfn-db-snapshots h4')).toBe(lang === 'en' ? 'RDS DB snapshots' : 'RDS DB 스냅샷');
      await page.locator('#cfn-db-snapshots').scrollIntoViewIfNeeded();
      await page.screenshot({ path: screenshotPath(`cfn-db-snapshots-${lang}`) });
      // Deleted (rds:DeleteDBSnapshot, checked by the room): gone from the list, so no longer billed.
      expect(await page.getAttribute('[data-delete-snapshot]', 'aria-label')).toBe(lang === 'en' ? 'Delete snapshot kept-db-snapshot' : '스냅샷 kept-db-snapshot 삭제');
      await page.click('[data-delete-snapshot]');
      await page.waitForSelector('#cfn-db-snapshots', { state: 'detached' });
      await page.close();
    });
  }
});
