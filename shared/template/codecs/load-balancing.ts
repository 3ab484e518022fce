// Elastic Load Balancing v2: application and network load balancers, target groups, listeners, listener rules.

import type { HealthCheckSettings, ResourceOfKind } from '../../design/model.ts';
import { codec, defined } from '../codec.ts';
import type { PropertyReader } from '../property-reader.ts';
import { FORWARD_INDEXED, readForward, writeForward } from './forward-actions.ts';
import { targetHealthCheckDefaults } from '../../catalogue/defaults.ts';

const CROSS_ZONE = 'load_balancing.cross_zone.enabled';
const ALGORITHM = 'load_balancing.algorithm.type';
const STICKINESS = 'stickiness.enabled';
const ANOMALY = 'load_balancing.algorithm.anomaly_mitigation';
const STICKY_TYPE = 'stickiness.type';
const LB_COOKIE_S = 'stickiness.lb_cookie.duration_seconds';
const APP_COOKIE_S = 'stickiness.app_cookie.duration_seconds';
const FLAGS = ['true', 'false'] as const;
const ON_OFF = ['on', 'off'] as const;
const STICKY_TYPES = ['lb_cookie', 'app_cookie'] as const;
/** Durations the attribute accepts (1 s to 7 days), as text: readAttributes compares text. */
const DURATIONS = (t: string) => /^[1-9][0-9]{0,5}$/.test(t) && Number(t) <= 604800;
const ALGORITHMS = ['round_robin', 'least_outstanding_requests', 'weighted_random'] as const;
const TG_CROSS_ZONE = ['true', 'false', 'use_load_balancer_configuration'] as const;

export const loadBalancerCodec = codec({
  kind: 'loadBalancer',
  awsType: 'AWS::ElasticLoadBalancingV2::LoadBalancer',
  defaulted: ['Type', 'Scheme'],
  usual: true,
  indexed: ['SubnetMappings'],
  read: (p) => {
    const lbType = p.choice('Type', ['application', 'network', 'gateway'] as const, 'application');
    // A Gateway Load Balancer has no scheme (AWS refuses one): the board keeps it internal, never an entry point.
    const scheme = p.choice('Scheme', ['internet-facing', 'internal'] as const, lbType === 'gateway' ? 'internal' : 'internet-facing');
    let subnets = p.refs('Subnets', ['subnet']);
    let elasticIps = 0;
    if (p.has('SubnetMappings')) {
      const elements = p.elements('SubnetMappings');
      const modelled: PropertyReader[] = [];
      for (const e of elements) {
        const id = e.reader?.ref('SubnetId', ['subnet']);
        if (e.reader && id !== undefined && !subnets.includes(id)) {
          subnets = [...subnets, id];
          modelled.push(e.reader);
          // An Elastic IP for this zone's node (AWS::EC2::EIP is not on the board): counted, kept as written.
          if (lbType === 'network' && e.reader.peek('AllocationId') !== undefined) elasticIps++;
        }
      }
      const others = elements.filter((e) => !e.reader || !modelled.includes(e.reader)).map((e) => e.raw);
      p.finishList('SubnetMappings', modelled, others, 'indexed');
    }
    const securityGroups = p.refs('SecurityGroups', ['securityGroup']);
    // ALBs balance across zones always (their target groups may turn it off); NLBs do not unless the attribute
    // turns it on (their target groups may override it either way).
    const attributes = readAttributes(p, 'LoadBalancerAttributes', { [CROSS_ZONE]: FLAGS });
    const crossZone = flagText(attributes[CROSS_ZONE], lbType === 'application');
    return elasticIps > 0 ? { lbType, scheme, subnets, crossZone, securityGroups, elasticIps } : { lbType, scheme, subnets, crossZone, securityGroups };
  },
  write: (props, w) => {
    const byMapping = w.kept?.['SubnetMappings'] !== undefined;
    const subnets = props.subnets.length === 0 ? undefined : props.subnets.map(w.ref);
    const crossZoneDefault = props.lbType === 'application';
    return defined({
      Type: props.lbType,
      Scheme: props.lbType === 'gateway' && props.scheme === 'internal' ? undefined : props.scheme,
      Subnets: byMapping ? undefined : subnets,
      SubnetMappings: byMapping ? (props.subnets.map((s) => ({ SubnetId: w.ref(s) })) as unknown[]) : undefined,
      SecurityGroups: props.securityGroups.length === 0 ? undefined : props.securityGroups.map(w.ref),
      LoadBalancerAttributes: props.crossZone === crossZoneDefault ? undefined : [{ Key: CROSS_ZONE, Value: String(props.crossZone) }],
    });
  },
});

/** AWS's target group defaults for HTTP health checks (the catalogue's figures). */
const HEALTH_DEFAULTS: HealthCheckSettings = targetHealthCheckDefaults('application');

export const targetGroupCodec = codec({
  kind: 'targetGroup',
  awsType: 'AWS::ElasticLoadBalancingV2::TargetGroup',
  defaulted: ['HealthCheckIntervalSeconds', 'HealthyThresholdCount', 'UnhealthyThresholdCount'],
  usual: true,
  indexed: ['Targets'],
  read: (p) => {
    const protocol = p.text('Protocol', 'HTTP');
    const port = p.number('Port', 80);
    const vpc = p.ref('VpcId', ['vpc']);
    const elements = p.elements('Targets');
    const targets: number[] = [];
    const modelled: PropertyReader[] = [];
    for (const e of elements) {
      const id = e.reader?.ref('Id', ['instance']);
      if (e.reader && id !== undefined && !targets.includes(id)) {
        targets.push(id);
        modelled.push(e.reader);
      }
    }
    p.finishList('Targets', modelled, elements.filter((e) => !e.reader || !modelled.includes(e.reader)).map((e) => e.raw), 'indexed');
    const healthCheck: HealthCheckSettings = {
      intervalS: p.number('HealthCheckIntervalSeconds', HEALTH_DEFAULTS.intervalS),
      healthyThreshold: p.number('HealthyThresholdCount', HEALTH_DEFAULTS.healthyThreshold),
      unhealthyThreshold: p.number('UnhealthyThresholdCount', HEALTH_DEFAULTS.unhealthyThreshold),
    };
    const path = p.optionalText('HealthCheckPath');
    if (path !== undefined) healthCheck.path = path;
    const matcher = p.has('Matcher') ? p.child('Matcher').optionalText('HttpCode') : undefined;
    if (matcher !== undefined) healthCheck.matcher = matcher;
    const attributes = readAttributes(p, 'TargetGroupAttributes', {
      [ALGORITHM]: ALGORITHMS,
      [ANOMALY]: ON_OFF,
      [STICKINESS]: FLAGS,
      [STICKY_TYPE]: STICKY_TYPES,
      [LB_COOKIE_S]: DURATIONS,
      [APP_COOKIE_S]: DURATIONS,
      [CROSS_ZONE]: TG_CROSS_ZONE,
    });
    const algorithm = ALGORITHMS.find((a) => a === attributes[ALGORITHM]) ?? 'round_robin';
    const stickiness = flagText(attributes[STICKINESS], false);
    const props: ResourceOfKind<'targetGroup'>['props'] = { protocol, port, targets, healthCheck, algorithm, stickiness };
    if (attributes[ANOMALY] !== undefined) props.anomalyMitigation = attributes[ANOMALY] === 'on';
    const stickyType = STICKY_TYPES.find((t) => t === attributes[STICKY_TYPE]);
    if (stickyType) props.stickinessType = stickyType;
    const duration = attributes[stickyType === 'app_cookie' ? APP_COOKIE_S : LB_COOKIE_S];
    if (duration !== undefined) props.stickinessDurationS = Number(duration);
    // Cross-zone is decided per target group; use_load_balancer_configuration (the default) leaves it to the LB.
    const crossZone = attributes[CROSS_ZONE];
    if (crossZone === 'true' || crossZone === 'false') props.crossZone = crossZone === 'true';
    return vpc === undefined ? props : { ...props, vpc };
  },
  write: (props, w) => {
    const attributes = [
      ...(props.algorithm === 'round_robin' ? [] : [{ Key: ALGORITHM, Value: props.algorithm }]),
      ...(props.anomalyMitigation === undefined ? [] : [{ Key: ANOMALY, Value: props.anomalyMitigation ? 'on' : 'off' }]),
      ...(props.stickiness ? [{ Key: STICKINESS, Value: 'true' }] : []),
      ...(props.stickinessType === undefined ? [] : [{ Key: STICKY_TYPE, Value: props.stickinessType }]),
      ...(props.stickinessDurationS === undefined
        ? []
        : [{ Key: props.stickinessType === 'app_cookie' ? APP_COOKIE_S : LB_COOKIE_S, Value: String(props.stickinessDurationS) }]),
      ...(props.crossZone === undefined ? [] : [{ Key: CROSS_ZONE, Value: String(props.crossZone) }]),
    ];
    return defined({
      Protocol: props.protocol,
      Port: props.port,
      VpcId: props.vpc === undefined ? undefined : w.ref(props.vpc),
      Targets: props.targets.length === 0 ? undefined : props.targets.map((t) => ({ Id: w.ref(t) })),
      HealthCheckIntervalSeconds: props.healthCheck.intervalS,
      HealthyThresholdCount: props.healthCheck.healthyThreshold,
      UnhealthyThresholdCount: props.healthCheck.unhealthyThreshold,
      HealthCheckPath: props.healthCheck.path,
      Matcher: props.healthCheck.matcher === undefined ? undefined : { HttpCode: props.healthCheck.matcher },
      TargetGroupAttributes: attributes.length === 0 ? undefined : attributes,
    });
  },
});

export const listenerCodec = codec({
  kind: 'listener',
  awsType: 'AWS::ElasticLoadBalancingV2::Listener',
  usual: true,
  indexed: [...FORWARD_INDEXED('DefaultActions'), 'Certificates'],
  read: (p) => {
    const loadBalancer = p.requiredRef('LoadBalancerArn', ['loadBalancer']);
    const allTraffic = !p.has('Port') && !p.has('Protocol');
    const port = p.number('Port', 80);
    const protocol = p.text('Protocol', 'HTTP');
    const forward = readForward(p, 'DefaultActions');
    const certificates = p.elements('Certificates');
    const first = certificates[0]?.reader;
    const certificate = first?.optionalText('CertificateArn');
    if (certificates.length > 0) {
      const modelled = first && certificate !== undefined ? [first] : [];
      p.finishList('Certificates', modelled, certificates.slice(modelled.length).map((c) => c.raw), 'indexed');
    }
    if (loadBalancer === undefined) return undefined;
    const props: ResourceOfKind<'listener'>['props'] = { loadBalancer, port, protocol, forward };
    if (certificate !== undefined) props.certificate = certificate;
    if (allTraffic) props.allTraffic = true;
    return props;
  },
  write: (props, w) =>
    defined({
      LoadBalancerArn: w.ref(props.loadBalancer),
      Port: props.allTraffic ? undefined : props.port,
      Protocol: props.allTraffic ? undefined : props.protocol,
      DefaultActions: writeForward(props.forward, w, w.kept?.['DefaultActions']),
      Certificates: props.certificate === undefined ? undefined : [{ CertificateArn: props.certificate }],
    }),
});

export const listenerRuleCodec = codec({
  kind: 'listenerRule',
  awsType: 'AWS::ElasticLoadBalancingV2::ListenerRule',
  usual: true,
  indexed: [...FORWARD_INDEXED('Actions'), 'Conditions'],
  read: (p) => {
    const listener = p.requiredRef('ListenerArn', ['listener']);
    const priority = p.number('Priority', 1);
    const conditions = p.elements('Conditions');
    // The conditions the simulation routes by; any other (query-string, source-ip) is kept as written.
    const read: PropertyReader[] = [];
    const values = (field: string, config: string): string[] | undefined => {
      const c = conditions.find((x) => x.reader?.peek('Field') === field && !read.includes(x.reader));
      if (!c?.reader) return undefined;
      const r = c.reader;
      r.value('Field');
      const v = r.has(config) ? r.child(config).value('Values') : r.value('Values');
      read.push(r);
      return Array.isArray(v) ? v.map(String) : [];
    };
    const pathPatterns = values('path-pattern', 'PathPatternConfig') ?? [];
    const hostHeaders = values('host-header', 'HostHeaderConfig');
    const httpMethods = values('http-request-method', 'HttpRequestMethodConfig');
    const httpHeaders: { name: string; values: string[] }[] = [];
    for (const c of conditions) {
      const r = c.reader;
      if (!r || r.peek('Field') !== 'http-header' || !r.has('HttpHeaderConfig')) continue;
      const config = r.child('HttpHeaderConfig');
      const name = config.peek('HttpHeaderName');
      if (typeof name !== 'string') continue;
      r.value('Field');
      config.value('HttpHeaderName');
      const v = config.value('Values');
      httpHeaders.push({ name, values: Array.isArray(v) ? v.map(String) : [] });
      read.push(r);
    }
    if (conditions.length > 0) {
      p.finishList('Conditions', read, conditions.filter((c) => !c.reader || !read.includes(c.reader)).map((c) => c.raw), 'indexed');
    }
    const forward = readForward(p, 'Actions');
    if (listener === undefined) return undefined;
    const props: ResourceOfKind<'listenerRule'>['props'] = { listener, priority, pathPatterns, forward };
    if (hostHeaders) props.hostHeaders = hostHeaders;
    if (httpMethods) props.httpMethods = httpMethods;
    if (httpHeaders.length > 0) props.httpHeaders = httpHeaders;
    return props;
  },
  write: (props, w) => {
    const conditions = [
      ...(props.pathPatterns.length === 0 ? [] : [{ Field: 'path-pattern', PathPatternConfig: { Values: props.pathPatterns } }]),
      ...(props.hostHeaders ? [{ Field: 'host-header', HostHeaderConfig: { Values: props.hostHeaders } }] : []),
      ...(props.httpMethods ? [{ Field: 'http-request-method', HttpRequestMethodConfig: { Values: props.httpMethods } }] : []),
      ...(props.httpHeaders ?? []).map((h) => ({ Field: 'http-header', HttpHeaderConfig: { HttpHeaderName: h.name, Values: h.values } })),
    ];
    return defined({
      ListenerArn: w.ref(props.listener),
      Priority: props.priority,
      Conditions: conditions.length === 0 ? undefined : conditions,
      Actions: writeForward(props.forward, w, w.kept?.['Actions']),
    });
  },
});

/**
 * Key/Value attribute lists: the modelled keys with a value the board understands are read (as text), every
 * other entry is kept after them.
 */
function readAttributes(
  p: PropertyReader,
  key: string,
  modelled: Record<string, readonly string[] | ((text: string) => boolean)>,
): Record<string, string> {
  const elements = p.elements(key);
  const values: Record<string, string> = {};
  const others: unknown[] = [];
  for (const e of elements) {
    const name = e.reader?.peek('Key');
    const value = e.reader?.peek('Value');
    const text =
      typeof value === 'boolean' || typeof value === 'number' ? String(value) : typeof value === 'string' ? value.toLowerCase() : undefined;
    const simple = e.reader !== undefined && Object.keys(e.reader.raw).length === 2 && text !== undefined;
    const accepts = typeof name === 'string' && Object.hasOwn(modelled, name) ? modelled[name]! : undefined;
    const understood = accepts !== undefined && (typeof accepts === 'function' ? accepts(text ?? '') : accepts.includes(text ?? ''));
    if (simple && understood && typeof name === 'string' && values[name] === undefined) values[name] = text!;
    else others.push(e.raw);
  }
  p.finishList(key, [], others, 'append');
  return values;
}

function flagText(text: string | undefined, fallback: boolean): boolean {
  return text === undefined ? fallback : text.toLowerCase() === 'true';
}
