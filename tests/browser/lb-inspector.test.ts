import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumOrSkip, launchChromium, screenshotPath } from '../support/browser.ts';
import { REPO_ROOT, startServer, type RunningServer } from '../support/server-process.ts';
import { centre, clickPiece, clickWorld, layoutOf, openBoard, waitForResource } from './support/board.ts';

const chromiumPath = chromiumOrSkip();

// The load balancer inspector: an ALB placed on the board shows its listeners, target group, algorithm,
// stickiness and cross-zone per target group; a change goes to the server and comes back on the board; a change
// the shared rules refuse (an HTTPS listener without a certificate, a cookie duration past AWS's week) is shown
// beside its field and changes nothing. Switched to an NLB, the panel offers only what an NLB takes.

/** Copies a test screenshot to /work/shots when that folder exists (the helpers' hand-in). */
function shot(name: string): string {
  const path = screenshotPath(name);
  return path;
}
function handIn(name: string): void {
  try {
    mkdirSync('/work/shots', { recursive: true });
    copyFileSync(screenshotPath(name), `/work/shots/${name}.png`);
  } catch {
    // Not on the helpers' machine: the screenshot stays under test-output/.
  }
}

async function boardWithAlb(browser: Browser, url: string, lang: 'en' | 'ko'): Promise<Page> {
  // A level whose palette has load balancers.
  const page = await openBoard(browser, url, lang, { scenario: 'two-zones-behind-a-load-balancer', height: 2300 });
  // The level's own ALB, with its Auto Scaling group registered.
  await waitForResource(page, 'loadBalancer');
  await clickPiece(page, 'LoadBalancer');
  await page.waitForSelector('.inspector [data-lb-family="application"]');
  return page;
}

// A GWLB with its appliance, a Classic ELB, and an ALB with a weighted default action and rules by host, header,
// path and method: deployed through the CloudFormation panel, as a player would.
const TEMPLATE = `AWSTemplateFormatVersion: '2010-09-09'
Description: A firewall fleet behind a Gateway Load Balancer and a classic ELB, for the inspector
Resources:
  Net:
    Type: AWS::EC2::VPC
    Properties: { CidrBlock: 10.9.0.0/16 }
  NetA:
    Type: AWS::EC2::Subnet
    Properties: { VpcId: !Ref Net, CidrBlock: 10.9.1.0/24, AvailabilityZone: us-east-1a }
  NetB:
    Type: AWS::EC2::Subnet
    Properties: { VpcId: !Ref Net, CidrBlock: 10.9.2.0/24, AvailabilityZone: us-east-1b }
  Firewall:
    Type: AWS::EC2::Instance
    Properties: { InstanceType: c5.large, ImageId: ami-0fivenines0000000, SubnetId: !Ref NetA }
  Fleet:
    Type: AWS::ElasticLoadBalancingV2::LoadBalancer
    Properties:
      Type: gateway
      Subnets: [!Ref NetA, !Ref NetB]
  Appliances:
    Type: AWS::ElasticLoadBalancingV2::TargetGroup
    Properties:
      Protocol: GENEVE
      Port: 6081
      VpcId: !Ref Net
      TargetType: instance
      Targets: [{ Id: !Ref Firewall }]
      HealthCheckProtocol: TCP
      HealthCheckPort: '80'
  FleetListener:
    Type: AWS::ElasticLoadBalancingV2::Listener
    Properties:
      LoadBalancerArn: !Ref Fleet
      DefaultActions: [{ Type: forward, TargetGroupArn: !Ref Appliances }]
  Legacy:
    Type: AWS::ElasticLoadBalancing::LoadBalancer
    Properties:
      Subnets: [!Ref NetA, !Ref NetB]
      CrossZone: true
      Instances: [!Ref Firewall]
      Listeners: [{ LoadBalancerPort: '80', InstancePort: '80', Protocol: HTTP }]
      HealthCheck: { Target: 'HTTP:80/ping', Interval: '30', HealthyThreshold: '3', UnhealthyThreshold: '5', Timeout: '5' }
  Web:
    Type: AWS::ElasticLoadBalancingV2::LoadBalancer
    Properties: { Subnets: [!Ref NetA, !Ref NetB] }
  Blue:
    Type: AWS::ElasticLoadBalancingV2::TargetGroup
    Properties: { Protocol: HTTP, Port: 80, VpcId: !Ref Net, Targets: [{ Id: !Ref Firewall }] }
  Green:
    Type: AWS::ElasticLoadBalancingV2::TargetGroup
    Properties: { Protocol: HTTP, Port: 80, VpcId: !Ref Net }
  WebListener:
    Type: AWS::ElasticLoadBalancingV2::Listener
    Properties:
      LoadBalancerArn: !Ref Web
      Port: 80
      Protocol: HTTP
      DefaultActions:
        - Type: forward
          ForwardConfig:
            TargetGroups: [{ TargetGroupArn: !Ref Blue, Weight: 90 }, { TargetGroupArn: !Ref Green, Weight: 10 }]
  ApiRule:
    Type: AWS::ElasticLoadBalancingV2::ListenerRule
    Properties:
      ListenerArn: !Ref WebListener
      Priority: 10
      Conditions:
        - { Field: path-pattern, PathPatternConfig: { Values: ['/api/*'] } }
        - { Field: http-request-method, HttpRequestMethodConfig: { Values: [POST] } }
      Actions: [{ Type: forward, TargetGroupArn: !Ref Green }]
  AdminRule:
    Type: AWS::ElasticLoadBalancingV2::ListenerRule
    Properties:
      ListenerArn: !Ref WebListener
      Priority: 5
      Conditions:
        - { Field: host-header, HostHeaderConfig: { Values: [admin.example.com] } }
        - { Field: http-header, HttpHeaderConfig: { HttpHeaderName: X-Team, Values: [ops] } }
      Actions: [{ Type: forward, TargetGroupArn: !Ref Blue }]
`;

async function deployFleet(page: Page): Promise<void> {
  await page.keyboard.press('Escape');
  await page.keyboard.press('f');
  await page.fill('#cfn-stack', 'fleet');
  await page.fill('#cfn-template', TEMPLATE);
  await page.click('#cfn-check');
  await page.waitForSelector('#cfn-issues');
  await page.click('#cfn-create-change-set');
  await page.waitForSelector('#cfn-changes');
  await page.click('#cfn-execute');
  await waitForResource(page, 'listenerRule');
  await page.keyboard.press('f');
}

async function select(page: Page, ref: string): Promise<void> {
  const l = await layoutOf(page);
  await clickWorld(page, ...centre(l.pieces[ref]!.rect));
  await page.waitForSelector(`.inspector[data-ref="${ref}"]`);
}

type Tree = { [key: string]: string | Tree };
function flatten(tree: Tree, prefix = ''): [string, string][] {
  return Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [[`${prefix}${k}`, v] as [string, string]] : flatten(v, `${prefix}${k}.`)));
}
const en = flatten(JSON.parse(readFileSync(join(REPO_ROOT, 'assets/i18n/en.json'), 'utf8')) as Tree);
const ko = new Map(flatten(JSON.parse(readFileSync(join(REPO_ROOT, 'assets/i18n/ko.json'), 'utf8')) as Tree));

/** Inspector text that is a translation key or an English inspector string that has a Korean one. */
async function untranslated(page: Page): Promise<string[]> {
  const text = await page.evaluate(() => (document.querySelector('.inspector') as HTMLElement).innerText);
  const inspector = en.filter(([k]) => k.startsWith('inspector.'));
  const keys = inspector.map(([k]) => k).filter((k) => text.includes(k));
  const english = inspector.filter(([k, v]) => v.split(' ').length >= 3 && !v.includes('{{') && ko.get(k) !== v && text.includes(v)).map(([, v]) => v);
  return [...keys, ...english];
}

const field = (suffix: string) => `.inspector [data-field$="-${suffix}"]`;

describe.skipIf(!chromiumPath)('the load balancer inspector', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer('scripts/start.ts'), launchChromium(chromiumPath!)]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('edits an ALB target group (algorithm, stickiness) and shows a refusal beside its field', async () => {
    const page = await boardWithAlb(browser, server.url, 'en');
    // What an ALB offers: two types only (never a GWLB), three algorithms, cross-zone on the target group.
    expect(await page.locator(`${field('lbType')} option`).allTextContents()).toEqual(['Application (ALB, layer 7)', 'Network (NLB, layer 4)']);
    expect(await page.locator(`${field('algorithm')} option`).count()).toBe(3);
    expect(await page.locator(`${field('protocol')} option`).allTextContents()).toEqual(['HTTP', 'HTTPS']);
    expect(await page.isVisible(`${field('crossZone')} button`)).toBe(true);

    await page.selectOption(`${field('algorithm')} select`, 'least_outstanding_requests');
    await waitForResource(page, 'targetGroup', "r.props.algorithm === 'least_outstanding_requests'");
    await page.click(`${field('stickiness')} button`);
    await waitForResource(page, 'targetGroup', 'r.props.stickiness === true');
    // Stickiness on: its cookie type and duration appear; a day by default, an hour set.
    await page.waitForSelector(field('stickinessDurationS'));
    expect(await page.inputValue(`${field('stickinessDurationS')} input`)).toBe('86400');
    await page.fill(`${field('stickinessDurationS')} input`, '3600');
    await page.press(`${field('stickinessDurationS')} input`, 'Enter');
    await waitForResource(page, 'targetGroup', 'r.props.stickinessDurationS === 3600');
    await page.selectOption(`${field('stickinessType')} select`, 'app_cookie');
    await waitForResource(page, 'targetGroup', "r.props.stickinessType === 'app_cookie'");
    await page.screenshot({ path: shot('lbui-alb-en'), fullPage: true });
    handIn('lbui-alb-en');

    // Refused: an HTTPS listener with no certificate (AWS's own words), and nothing changed.
    await page.selectOption(`${field('protocol')} select`, 'HTTPS');
    await page.waitForSelector(`${field('protocol')} .field-error`);
    expect(await page.textContent(`${field('protocol')} .field-error`)).toContain('A certificate must be specified for HTTPS listeners');
    await waitForResource(page, 'listener', "r.props.protocol === 'HTTP'");
    // Refused: a cookie longer than AWS's seven days.
    await page.fill(`${field('stickinessDurationS')} input`, '700000');
    await page.press(`${field('stickinessDurationS')} input`, 'Enter');
    await page.waitForSelector(`${field('stickinessDurationS')} .field-error`);
    await waitForResource(page, 'targetGroup', 'r.props.stickinessDurationS === 3600');
    await page.screenshot({ path: shot('lbui-refused-en'), fullPage: true });
    handIn('lbui-refused-en');

    // An NLB: layer-4 protocols, no per-request algorithm, no cookie stickiness, cross-zone on the load balancer,
    // a static address per zone.
    // Refused: an NLB takes no cookie stickiness, so the switch is refused with AWS's words and nothing changes.
    await page.selectOption(`${field('lbType')} select`, 'network');
    await page.waitForSelector(`${field('lbType')} .field-error`);
    expect(await page.textContent(`${field('lbType')} .field-error`)).toContain("Stickiness type 'app_cookie' is not supported");
    await waitForResource(page, 'loadBalancer', "r.props.lbType === 'application'");
    await page.click(`${field('stickiness')} button`);
    await waitForResource(page, 'targetGroup', 'r.props.stickiness === false');
    await page.selectOption(`${field('lbType')} select`, 'network');
    await page.waitForSelector('.inspector [data-lb-family="network"]');
    expect(await page.locator(`${field('protocol')} option`).allTextContents()).toEqual(['TLS', 'TCP', 'TCP_UDP', 'UDP']);
    expect(await page.locator(`${field('algorithm')}`).count()).toBe(0);
    expect(await page.locator(`${field('stickiness')}`).count()).toBe(0);
    expect(await page.textContent('.inspector [id$="-addresses"]')).toContain('static IPv4 address');
    await page.screenshot({ path: shot('lbui-nlb-en'), fullPage: true });
    handIn('lbui-nlb-en');
    await page.close();
  });

  it('shows the same panel in Korean', async () => {
    const page = await boardWithAlb(browser, server.url, 'ko');
    await page.click(`${field('stickiness')} button`);
    await waitForResource(page, 'targetGroup', 'r.props.stickiness === true');
    await page.waitForSelector(field('stickinessDurationS'));
    await page.selectOption(`${field('algorithm')} select`, 'weighted_random');
    await waitForResource(page, 'targetGroup', "r.props.algorithm === 'weighted_random'");
    expect(await page.textContent(`${field('lbType')} label`)).toBe('유형');
    expect(await page.locator(`${field('lbType')} option`).allTextContents()).toEqual(['애플리케이션(ALB, 7계층)', '네트워크(NLB, 4계층)']);
    await page.selectOption(`${field('protocol')} select`, 'HTTPS');
    await page.waitForSelector(`${field('protocol')} .field-error`);
    expect(await page.textContent(`${field('protocol')} .field-error`)).toContain('HTTPS 리스너에는 인증서가 있어야 합니다');
    expect(await untranslated(page)).toEqual([]);
    await page.screenshot({ path: shot('lbui-alb-ko'), fullPage: true });
    handIn('lbui-alb-ko');
    await page.click(`${field('stickiness')} button`);
    await waitForResource(page, 'targetGroup', 'r.props.stickiness === false');
    await page.selectOption(`${field('lbType')} select`, 'network');
    await page.waitForSelector('.inspector [data-lb-family="network"]');
    await page.screenshot({ path: shot('lbui-nlb-ko'), fullPage: true });
    handIn('lbui-nlb-ko');
    await page.close();
  });

  it('shows an ALB with its rules and weighted default action, a GWLB as a GWLB, a Classic ELB as classic', async () => {
    for (const lang of ['en', 'ko'] as const) {
      const page = await boardWithAlb(browser, server.url, lang);
      await deployFleet(page);
      await select(page, 'fleet/Web');
      // Rules by priority, each with its conditions and target; the default action's weights are editable.
      const rows = await page.locator('.inspector table.rules tbody tr').allTextContents();
      expect(rows.length).toBe(3);
      expect(rows[0]).toContain('5');
      expect(rows[0]).toContain('admin.example.com');
      expect(rows[1]).toContain('/api/*');
      const green = page.locator(`${field('weight-Green')} input`);
      await green.click();
      await green.fill('30');
      await green.press('Tab');
      await waitForResource(page, 'listener', "r.props.forward?.some((f) => f.targetGroup === 'fleet/Green' && f.weight === 30)").catch(async (e: unknown) => {
        await page.screenshot({ path: screenshotPath(`lbui-debug-${lang}`), fullPage: true });
        throw e;
      });
      if (lang === 'ko') expect(await untranslated(page)).toEqual([]);
      await page.screenshot({ path: shot(`lbui-rules-${lang}`), fullPage: true });
      handIn(`lbui-rules-${lang}`);

      // A GWLB: no type select, no scheme, its all-traffic listener and its GENEVE appliances.
      await select(page, 'fleet/Fleet');
      await page.waitForSelector('.inspector [data-lb-family="gateway"]');
      expect(await page.locator(`${field('lbType')} select`).count()).toBe(0);
      expect(await page.locator(`${field('scheme')}`).count()).toBe(0);
      expect(await page.textContent('.inspector')).toContain('GENEVE :6081');
      if (lang === 'ko') expect(await untranslated(page)).toEqual([]);
      await page.screenshot({ path: shot(`lbui-gwlb-${lang}`), fullPage: true });
      handIn(`lbui-gwlb-${lang}`);

      // A Classic ELB: its listener and health check, cross-zone on the load balancer, no type to switch.
      await select(page, 'fleet/Legacy');
      await page.waitForSelector('.inspector [data-lb-family="classic"]');
      expect(await page.locator(`${field('lbType')} select`).count()).toBe(0);
      expect(await page.inputValue(`${field('path')} input`)).toBe('/ping');
      if (lang === 'ko') expect(await untranslated(page)).toEqual([]);
      await page.screenshot({ path: shot(`lbui-classic-${lang}`), fullPage: true });
      handIn(`lbui-classic-${lang}`);
      await page.close();
    }
  });
});
