// ALB listeners, rules and target group attributes as templates say them: read, checked as AWS checks
// them, written back; and what the listener's protocol means for TLS work on the targets.

import { describe, expect, it } from 'vitest';
import { catalogue } from '../../../shared/catalogue/index.ts';
import { compileTopology } from '../../../shared/sim/compile/index.ts';
import { HTTPS_NEEDS_CERTIFICATE_MESSAGE } from '../../../shared/template/checks/listener-checks.ts';
import { byLogicalId, codes, errors, loadTemplate, reload } from './load-helpers.ts';

/** A two-zone ALB with an API and a static target group; `listener` and `extra` are YAML lines. */
function alb(listener: string, extra = '', tgProtocol = 'HTTP') {
  return `
Resources:
  Vpc: {Type: AWS::EC2::VPC, Properties: {CidrBlock: 10.0.0.0/16}}
  SubnetA: {Type: AWS::EC2::Subnet, Properties: {VpcId: !Ref Vpc, CidrBlock: 10.0.0.0/24, AvailabilityZone: us-east-1a, MapPublicIpOnLaunch: true}}
  SubnetB: {Type: AWS::EC2::Subnet, Properties: {VpcId: !Ref Vpc, CidrBlock: 10.0.1.0/24, AvailabilityZone: us-east-1b, MapPublicIpOnLaunch: true}}
  Web: {Type: AWS::EC2::Instance, Properties: {InstanceType: m5.large, SubnetId: !Ref SubnetA}}
  Lb: {Type: AWS::ElasticLoadBalancingV2::LoadBalancer, Properties: {Subnets: [!Ref SubnetA, !Ref SubnetB]}}
  Api:
    Type: AWS::ElasticLoadBalancingV2::TargetGroup
    Properties:
      Protocol: ${tgProtocol}
      Port: 80
      VpcId: !Ref Vpc
      Targets: [{Id: !Ref Web}]
      TargetGroupAttributes:
        - {Key: load_balancing.algorithm.type, Value: weighted_random}
        - {Key: load_balancing.algorithm.anomaly_mitigation, Value: 'on'}
        - {Key: stickiness.enabled, Value: 'true'}
        - {Key: stickiness.type, Value: app_cookie}
        - {Key: stickiness.app_cookie.duration_seconds, Value: 3600}
  Static: {Type: AWS::ElasticLoadBalancingV2::TargetGroup, Properties: {Protocol: HTTP, Port: 80, VpcId: !Ref Vpc}}
  Listener:
    Type: AWS::ElasticLoadBalancingV2::Listener
    Properties:
      LoadBalancerArn: !Ref Lb
${listener}
      DefaultActions: [{Type: forward, TargetGroupArn: !Ref Api}]
${extra}`;
}

const HTTP = '      Port: 80\n      Protocol: HTTP';
const HTTPS_NO_CERT = '      Port: 443\n      Protocol: HTTPS';
const HTTPS = '      Port: 443\n      Protocol: HTTPS\n      Certificates: [{CertificateArn: arn:aws:acm:us-east-1:123456789012:certificate/site}]';

const RULE = `
  StaticRule:
    Type: AWS::ElasticLoadBalancingV2::ListenerRule
    Properties:
      ListenerArn: !Ref Listener
      Priority: 10
      Conditions:
        - {Field: path-pattern, PathPatternConfig: {Values: [/static/*]}}
        - {Field: http-request-method, HttpRequestMethodConfig: {Values: [GET, HEAD]}}
        - {Field: host-header, HostHeaderConfig: {Values: [www.example.com]}}
        - {Field: http-header, HttpHeaderConfig: {HttpHeaderName: User-Agent, Values: [Mozilla*]}}
      Actions: [{Type: forward, TargetGroupArn: !Ref Static}]`;

describe('ALB listeners', () => {
  it('refuses an HTTPS listener without a certificate, in AWS words', () => {
    expect(errors(loadTemplate(alb(HTTPS_NO_CERT)))).toEqual([
      expect.objectContaining({ code: 'https-listener-needs-certificate', logicalId: 'Listener', message: HTTPS_NEEDS_CERTIFICATE_MESSAGE }),
    ]);
    expect(codes(loadTemplate(alb(HTTPS)), 'error')).toEqual([]);
    expect(codes(loadTemplate(alb(HTTP)), 'error')).toEqual([]);
  });

  it('refuses two rules of one listener with the same priority', () => {
    const twice = RULE + RULE.replace('StaticRule:', 'OtherRule:');
    expect(codes(loadTemplate(alb(HTTP, twice)), 'error')).toEqual(['rule-priority-in-use']);
  });

  it('reads and writes rule conditions and the target group routing attributes', () => {
    const loaded = loadTemplate(alb(HTTP, RULE));
    const rule = byLogicalId(loaded.design, 'StaticRule', 'listenerRule');
    expect(rule.props).toMatchObject({
      pathPatterns: ['/static/*'],
      httpMethods: ['GET', 'HEAD'],
      hostHeaders: ['www.example.com'],
      httpHeaders: [{ name: 'User-Agent', values: ['Mozilla*'] }],
    });
    const api = byLogicalId(loaded.design, 'Api', 'targetGroup');
    expect(api.props).toMatchObject({ algorithm: 'weighted_random', anomalyMitigation: true, stickiness: true, stickinessType: 'app_cookie', stickinessDurationS: 3600 });
    const again = reload(loaded.design!);
    expect(byLogicalId(again.design, 'StaticRule', 'listenerRule').props).toEqual(rule.props);
    expect(byLogicalId(again.design, 'Api', 'targetGroup').props).toEqual(api.props);
  });

  it('puts TLS work on the targets only when they do TLS: never behind a plain HTTP listener, again behind an HTTPS target group', () => {
    const factorOf = (template: string) => {
      const design = loadTemplate(template).design!;
      const topo = compileTopology(design, new Uint8Array(design.resources.length));
      return topo.lbCpuFactor[0]! * topo.tgCpuFactor[topo.edgeTg[0]!]!;
    };
    // Only HTTP: users and targets speak plain HTTP; nobody pays for TLS.
    expect(factorOf(alb(HTTP))).toBe(1);
    // HTTPS with a certificate: the ALB terminates TLS for its targets.
    expect(factorOf(alb(HTTPS))).toBe(1);
    // An HTTPS target group: the ALB encrypts again and the targets decrypt.
    expect(factorOf(alb(HTTPS, '', 'HTTPS'))).toBe(catalogue.loadBalancing.tlsOnTargetCpuFactor.value);
  });
});
