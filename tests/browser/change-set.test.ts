import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumOrSkip, launchChromium, screenshotPath } from '../support/browser.ts';
import { startServer, type RunningServer } from '../support/server-process.ts';
import { openCloudFormation, waitForResource } from './support/board.ts';

const chromiumPath = chromiumOrSkip();

// "Create change set" in the CloudFormation panel: a template pasted with a required key pair and a subnet list,
// its form filled, the room's change set read (all Add), executed, the board built and the stack's events shown;
// then a new VPC CIDR and a new type for the instance in the default VPC: the change set says the VPC is replaced
// because of its CidrBlock (a new physical resource in the game) and the other instance is stopped and started.
const template = (cidr: string, otherType = 't3.micro') => `AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  KeyName:
    Description: Name of an existing EC2 KeyPair
    Type: AWS::EC2::KeyPair::KeyName
  Zones:
    Description: The zones of the network
    Type: List<AWS::EC2::AvailabilityZone::Name>
Resources:
  Vpc:
    Type: AWS::EC2::VPC
    Properties:
      CidrBlock: ${cidr}.0.0/16
  Subnet:
    Type: AWS::EC2::Subnet
    Properties:
      VpcId: !Ref Vpc
      CidrBlock: ${cidr}.1.0/24
      AvailabilityZone: !Select [0, !Ref Zones]
  Web:
    Type: AWS::EC2::Instance
    Properties:
      InstanceType: t3.micro
      KeyName: !Ref KeyName
      ImageId: ami-0fivenines0000000
      SubnetId: !Ref Subnet
  Other:
    Type: AWS::EC2::Instance
    Properties:
      InstanceType: ${otherType}
      ImageId: ami-0fivenines0000000
`;

type Row = { id: string; action: string; replacement: string; physical: string; text: string };
const rowsOf = (page: Page): Promise<Row[]> =>
  page.$$eval('#cfn-changes tbody tr[data-change]', (trs) =>
    trs.map((tr) => ({ id: tr.getAttribute('data-change') ?? '', action: tr.getAttribute('data-action') ?? '', replacement: tr.getAttribute('data-replacement') ?? '', physical: tr.getAttribute('data-physical') ?? '', text: tr.textContent ?? '' })),
  );

describe.skipIf(!chromiumPath)('the CloudFormation change set', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer('scripts/start.ts'), launchChromium(chromiumPath!)]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const openPanel = (lang: 'en' | 'ko'): Promise<Page> => openCloudFormation(browser, server.url, lang, 'net', 1100);

  async function createChangeSet(page: Page, cidr: string, otherType?: string) {
    await page.fill('#cfn-template', template(cidr, otherType));
    await page.waitForSelector('#cfn-parameters');
    // The form: the key pair the console offers first, and the second zone only.
    expect(await page.inputValue('#cfn-param-KeyName')).toBe('five-nines-key');
    const zones = page.locator('#cfn-param-Zones input[type="checkbox"]');
    for (const box of await zones.all()) await box.setChecked((await box.getAttribute('value')) === 'us-east-1b');
    await page.click('#cfn-check');
    await page.waitForSelector('#cfn-issues');
    await page.click('#cfn-create-change-set');
    await page.waitForSelector('#cfn-change-set-view');
  }

  it('is read, executed and discarded as in the console, and says what a new CIDR replaces', async () => {
    const page = await openPanel('en');
    await createChangeSet(page, '10.20');
    expect((await rowsOf(page)).map((r) => `${r.action} ${r.id}`)).toEqual(['Add Vpc', 'Add Subnet', 'Add Web', 'Add Other']);
    expect(await page.locator('#cfn-changes thead th').allTextContents()).toEqual(['Action', 'Logical ID', 'Type', 'Replacement', 'In the game', 'Caused by']);
    // Nothing is built before Execute.
    expect(await page.evaluate(() => (window as unknown as { fiveNines: { view: { current: { match: { board: { stacks: { name: string }[] } } } } } }).fiveNines.view.current.match.board.stacks.map((s) => s.name))).not.toContain('net');
    await page.click('#cfn-execute');
    await waitForResource(page, 'instance', "r.stack === 'net' && r.zone === 'us-east-1b'");
    expect(await page.locator('#cfn-change-set-view').count()).toBe(0);
    // The stack's events, from CloudTrail, newest first.
    await page.waitForSelector('#cfn-events tr[data-status="CREATE_COMPLETE"]');
    const statuses = await page.$$eval('#cfn-events tbody tr', (trs) => trs.map((tr) => `${tr.children[1]?.textContent} ${tr.getAttribute('data-status')}`));
    expect(statuses[0]).toBe('net CREATE_COMPLETE');
    expect(statuses.at(-1)).toBe('net CREATE_IN_PROGRESS');
    expect(statuses).toContain('Web CREATE_COMPLETE');

    // A new type for the instance in the default VPC only: AWS says Conditional, the game stops and starts it.
    await createChangeSet(page, '10.20', 'm5.large');
    expect(await rowsOf(page)).toMatchObject([{ id: 'Other', action: 'Modify', replacement: 'Conditional', physical: 'interruption' }]);
    expect(await page.textContent('#cfn-changes tr[data-change="Other"] td.physical')).toBe('Stop and start');
    expect(await page.textContent('#cfn-changes tr[data-why="Other"] .physical-why')).toMatch(/^InstanceType: Update requires: Some interruptions/);
    await page.click('#cfn-discard');

    // A new CIDR: the VPC and its subnet are replaced (CidrBlock), and the instance with them; with the other
    // instance's new type in the same change set, a stop and start beside them.
    await createChangeSet(page, '10.30', 'm5.large');
    const rows = await rowsOf(page);
    expect(rows.find((r) => r.id === 'Vpc')).toMatchObject({ action: 'Modify', replacement: 'True', physical: 'replacement' });
    expect(rows.find((r) => r.id === 'Vpc')!.text).toContain('CidrBlock');
    expect(rows.find((r) => r.id === 'Vpc')!.text).toContain('New physical resource');
    expect(rows.find((r) => r.id === 'Subnet')).toMatchObject({ action: 'Modify', replacement: 'True', physical: 'replacement' });
    expect(rows.find((r) => r.id === 'Web')).toMatchObject({ action: 'Modify', physical: 'replacement' });
    expect(rows.find((r) => r.id === 'Other')).toMatchObject({ action: 'Modify', replacement: 'Conditional', physical: 'interruption' });
    expect(rows.find((r) => r.id === 'Other')!.text).toContain('Stop and start');
    expect(await page.locator('#cfn-changes td.replacement-true').first().textContent()).toBe('True');
    await page.locator('#cfn-change-set-view').scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenshotPath('cfn-change-set-en') });
    // Discarded: nothing sent, the board as it was.
    await page.click('#cfn-discard');
    expect(await page.locator('#cfn-change-set-view').count()).toBe(0);
    await page.waitForTimeout(300);
    const cidrs = await page.evaluate(() =>
      (window as unknown as { fiveNines: { view: { current: { match: { board: { resources: { kind: string; stack: string; props: { cidr?: string } }[] } } } } } }).fiveNines.view.current.match.board.resources
        .filter((r) => r.kind === 'vpc' && r.stack === 'net')
        .map((r) => r.props.cidr),
    );
    expect(cidrs).toEqual(['10.20.0.0/16']);
    await page.close();
  });

  it('is in Korean', async () => {
    const page = await openPanel('ko');
    await createChangeSet(page, '10.20');
    expect(await page.locator('#cfn-changes thead th').allTextContents()).toEqual(['작업', '논리적 ID', '유형', '교체', '게임 내 처리', '원인 속성']);
    expect((await rowsOf(page)).map((r) => r.text.slice(0, 2))).toEqual(['추가', '추가', '추가', '추가']);
    expect(await page.textContent('#cfn-execute')).toBe('변경 세트 실행');
    await page.click('#cfn-execute');
    await waitForResource(page, 'instance', "r.stack === 'net' && r.zone === 'us-east-1b'");
    await createChangeSet(page, '10.30', 'm5.large');
    const labels = await page.$$eval('#cfn-changes tbody tr[data-change]', (trs) => Object.fromEntries(trs.map((tr) => [tr.getAttribute('data-change'), tr.querySelector('td.physical')?.textContent])));
    expect(labels).toMatchObject({ Vpc: '새 물리적 리소스', Other: '중지 후 시작' });
    // The headers stay on one line each, Korean included (no column squeezed to a character wide).
    const heights = await page.$$eval('#cfn-changes thead th', (cells) => cells.map((c) => c.getBoundingClientRect().height));
    expect(Math.max(...heights)).toBeLessThan(30);
    // A single cause is one line, never broken inside its name ("SubnetI / d").
    const lines = await page.$eval('#cfn-changes tr[data-change="Web"] td.causes', (td) => {
      const range = document.createRange();
      range.selectNodeContents(td);
      return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
    });
    expect(lines).toBe(1);
    await page.locator('#cfn-change-set-view').scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenshotPath('cfn-change-set-ko') });
    await page.close();
  });
});
