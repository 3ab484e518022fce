import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumOrSkip, launchChromium, screenshotPath } from '../support/browser.ts';
import { startServer, type RunningServer } from '../support/server-process.ts';
import { openCloudFormation, waitForResource } from './support/board.ts';

const chromiumPath = chromiumOrSkip();

// "Specify stack details" in the CloudFormation panel: a template pasted with a required key pair, a subnet
// list and an AllowedValues instance type shows its form; a bad value gets CloudFormation's message under its
// field and stops the deploy; filled, the values go with the deploy and the instance is on the board.
const TEMPLATE = `AWSTemplateFormatVersion: '2010-09-09'
Description: A web server in the account's default VPC
Metadata:
  AWS::CloudFormation::Interface:
    ParameterGroups:
      - Label: { default: Network configuration }
        Parameters: [Subnets]
      - Label: { default: Amazon EC2 configuration }
        Parameters: [InstanceType, KeyName]
    ParameterLabels:
      Subnets: { default: Which subnets should the server use? }
Parameters:
  KeyName:
    Description: Name of an existing EC2 KeyPair to enable SSH access to the instance
    Type: AWS::EC2::KeyPair::KeyName
  Subnets:
    Description: The subnets the web server may run in (the first is used)
    Type: List<AWS::EC2::Subnet::Id>
  InstanceType:
    Description: WebServer EC2 instance type
    Type: String
    Default: t3.micro
    AllowedValues: [t3.micro, t3.small, m5.large]
  DbPassword:
    Description: The database admin password
    Type: String
    NoEcho: true
    Default: changeme-please
    MinLength: 8
Resources:
  WebServer:
    Type: AWS::EC2::Instance
    Properties:
      InstanceType: !Ref InstanceType
      KeyName: !Ref KeyName
      ImageId: ami-0fivenines0000000
      SubnetId: !Select [0, !Ref Subnets]
`;

type Win = { fiveNines: { view: { current: { match: { board: { resources: { kind: string; stack: string; zone: string }[] } } } } } };

describe.skipIf(!chromiumPath)('the CloudFormation parameter form', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer('scripts/start.ts'), launchChromium(chromiumPath!)]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function openForm(lang: 'en' | 'ko'): Promise<Page> {
    const page = await openCloudFormation(browser, server.url, lang, 'web');
    await page.fill('#cfn-template', TEMPLATE);
    await page.waitForSelector('#cfn-parameters');
    return page;
  }

  it('shows the parameters as the console does, says what is wrong under the field, and deploys the values', async () => {
    const page = await openForm('en');
    const form = page.locator('#cfn-parameters');
    // Groups and labels from the template's Interface metadata, descriptions, and an input for each type.
    expect(await form.locator('legend').allTextContents()).toEqual(['Network configuration', 'Amazon EC2 configuration', 'Other parameters']);
    expect(await form.locator('label[for="cfn-param-Subnets"]').textContent()).toContain('Which subnets should the server use?');
    expect(await form.locator('[data-param="KeyName"]').textContent()).toContain('Name of an existing EC2 KeyPair');
    expect(await page.inputValue('#cfn-param-KeyName')).toBe('five-nines-key');
    expect(await page.inputValue('#cfn-param-InstanceType')).toBe('t3.micro');
    expect(await page.locator('#cfn-param-InstanceType option').allTextContents()).toEqual(['t3.micro', 't3.small', 'm5.large']);
    expect(await page.getAttribute('#cfn-param-DbPassword', 'type')).toBe('password');
    const subnetBoxes = page.locator('#cfn-param-Subnets input[type="checkbox"]');
    expect(await subnetBoxes.evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value))).toEqual(['subnet-default-us-east-1a', 'subnet-default-us-east-1b', 'subnet-default-us-east-1c']);
    expect(await page.textContent('#cfn-param-Subnets')).toContain('default VPC');
    await page.locator('#cfn-parameters').scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenshotPath('cfn-parameters-en') });

    // A bad value: CloudFormation's sentence under its field, and no deploy.
    await page.fill('#cfn-param-KeyName', '');
    await page.fill('#cfn-param-DbPassword', 'short');
    const keyMessage = form.locator('[data-param="KeyName"] .param-messages');
    await keyMessage.waitFor();
    expect(await keyMessage.textContent()).toContain('Parameter validation failed: parameter value  for parameter name KeyName does not exist');
    expect(await form.locator('[data-param="DbPassword"] .param-messages').textContent()).toContain("Parameter 'DbPassword' must contain at least 8 characters");
    expect(await form.locator('[data-param="DbPassword"] .param-messages').textContent()).not.toContain('short');
    await page.click('#cfn-check');
    expect(await page.isDisabled('#cfn-create-change-set')).toBe(true);
    await page.locator('[data-param="KeyName"]').scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenshotPath('cfn-parameters-en-messages') });

    // Filled: the second zone's subnet only, a bigger instance; the deploy sends them and the board shows it.
    await page.fill('#cfn-param-KeyName', 'five-nines-key');
    await page.fill('#cfn-param-DbPassword', 'long-enough-secret');
    await page.uncheck('#cfn-param-Subnets input[value="subnet-default-us-east-1a"]');
    await page.uncheck('#cfn-param-Subnets input[value="subnet-default-us-east-1c"]');
    await page.selectOption('#cfn-param-InstanceType', 't3.small');
    expect(await form.locator('.param-messages').count()).toBe(0);
    await page.click('#cfn-check');
    await page.waitForSelector('#cfn-issues');
    expect(await page.isDisabled('#cfn-create-change-set')).toBe(false);
    await page.click('#cfn-create-change-set');
    await page.waitForSelector('#cfn-changes');
    await page.click('#cfn-execute');
    await waitForResource(page, 'instance', "r.stack === 'web' && r.props.instanceType === 't3.small'");
    const zone = await page.evaluate(() => {
      const board = (window as unknown as Win).fiveNines.view.current.match.board;
      return board.resources.find((r) => r.kind === 'instance' && r.stack === 'web')!.zone;
    });
    expect(zone).toBe('us-east-1b');
    await page.waitForTimeout(300);
    await page.screenshot({ path: screenshotPath('cfn-parameters-deployed') });

    // Out again, from the room: the template's own Parameters, and the deployed values as a parameters file.
    await page.click('[data-export="web"]');
    await page.waitForSelector('#cfn-exported');
    const exported = await page.inputValue('#cfn-template');
    expect(exported).toContain('Type: AWS::EC2::KeyPair::KeyName');
    expect(exported).toContain('Type: List<AWS::EC2::Subnet::Id>');
    expect(exported).toContain('AWS::CloudFormation::Interface');
    const file = JSON.parse((await page.textContent('#cfn-parameters-file'))!) as { ParameterKey: string; ParameterValue: string }[];
    expect(file).toContainEqual({ ParameterKey: 'KeyName', ParameterValue: 'five-nines-key' });
    expect(file).toContainEqual({ ParameterKey: 'InstanceType', ParameterValue: 't3.small' });
    expect(file).toContainEqual({ ParameterKey: 'Subnets', ParameterValue: 'subnet-default-us-east-1b' });
    expect(await page.textContent('#cfn-exported')).toContain('parameters file below');
    await page.locator('#cfn-exported').scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenshotPath('cfn-export-en') });

    // Update stack: the exported template, its form filled with the stack's current values; the NoEcho password
    // kept by "Use existing value" (its value is never in the page), not shown, not asked for again.
    await page.waitForSelector('#cfn-param-DbPassword-existing');
    expect(await page.isChecked('#cfn-param-DbPassword-existing')).toBe(true);
    expect(await page.locator('#cfn-param-DbPassword').count()).toBe(0);
    expect(await page.inputValue('#cfn-param-InstanceType')).toBe('t3.small');
    expect(await page.isChecked('#cfn-param-Subnets input[value="subnet-default-us-east-1b"]')).toBe(true);
    expect(await page.isChecked('#cfn-param-Subnets input[value="subnet-default-us-east-1a"]')).toBe(false);
    expect(await form.textContent()).toContain("Filled with the stack's current value.");
    expect(await page.content()).not.toContain('long-enough-secret');
    await page.locator('[data-param="DbPassword"]').scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenshotPath('cfn-parameters-update-en') });
    await page.selectOption('#cfn-param-InstanceType', 'm5.large');
    await page.click('#cfn-check');
    await page.waitForSelector('#cfn-issues');
    await page.click('#cfn-create-change-set');
    await page.waitForSelector('#cfn-changes');
    await page.click('#cfn-execute');
    await waitForResource(page, 'instance', "r.stack === 'web' && r.props.instanceType === 'm5.large'");
    // The password the stack had is still its own (not the template's Default): the parameters file keeps it by UsePreviousValue.
    await page.click('[data-export="web"]');
    // The export shown before the update is still on the page until the room's new answer replaces it.
    await page.waitForFunction(() => document.querySelector('#cfn-parameters-file')?.textContent?.includes('m5.large'));
    const after = JSON.parse((await page.textContent('#cfn-parameters-file'))!) as Record<string, unknown>[];
    expect(after).toContainEqual({ ParameterKey: 'DbPassword', UsePreviousValue: true });
    expect(after).toContainEqual({ ParameterKey: 'InstanceType', ParameterValue: 'm5.large' });
    // Unticked, the field asks for a new value, checked here as any other.
    await page.waitForSelector('#cfn-param-DbPassword-existing');
    await page.uncheck('#cfn-param-DbPassword-existing');
    expect(await page.getAttribute('#cfn-param-DbPassword', 'type')).toBe('password');
    await page.fill('#cfn-param-DbPassword', 'short');
    expect(await form.locator('[data-param="DbPassword"] .param-messages').textContent()).toContain("Parameter 'DbPassword' must contain at least 8 characters");
    await page.close();
  });

  it('is in Korean around CloudFormation\u2019s own words', async () => {
    const page = await openForm('ko');
    const form = page.locator('#cfn-parameters');
    expect(await form.locator('h4').textContent()).toBe('파라미터');
    expect(await form.locator('legend').last().textContent()).toBe('기타 파라미터');
    expect(await page.textContent('#cfn-param-Subnets')).toContain('기본 VPC');
    expect(await form.textContent()).toContain('CloudFormation 콘솔이 계정에서 처음으로 제안하는 값으로 채워졌습니다.');
    expect(await form.textContent()).not.toContain('the console offers');
    await page.locator('#cfn-parameters').scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenshotPath('cfn-parameters-ko') });

    // Deployed with what the form offered, then exported: the room's template and its parameters file, in Korean around it.
    await page.click('#cfn-check');
    await page.waitForSelector('#cfn-issues');
    await page.click('#cfn-create-change-set');
    await page.waitForSelector('#cfn-changes');
    await page.click('#cfn-execute');
    await waitForResource(page, 'instance', "r.stack === 'web'");
    await page.click('[data-export="web"]');
    await page.waitForSelector('#cfn-exported');
    expect(await page.inputValue('#cfn-template')).toContain('Type: AWS::EC2::KeyPair::KeyName');
    expect(await page.textContent('#cfn-exported')).toContain('아래 파라미터 파일을 사용하세요');
    expect(await page.textContent('#cfn-download-parameters')).toBe('파라미터 파일 다운로드');
    await page.locator('#cfn-exported').scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenshotPath('cfn-export-ko') });
    await page.close();
  });
});
