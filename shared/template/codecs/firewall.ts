// WAF web ACLs: the board models one rate-based blocking rule (requests per 5 minutes per source) and one
// geographic blocking rule (by world area); other rules are kept as written, after those two.

import type { AreaCode } from '../../design/model.ts';
import { AREAS } from '../../geography/regions.ts';
import { codec, defined } from '../codec.ts';
import { areaOfCountry, COUNTRIES_BY_AREA } from '../countries.ts';
import { isPlainObject } from '../plain-data.ts';
import type { PropertyReader } from '../property-reader.ts';

const BLOCK = { Block: {} };
const RATE_RULE = 'RateLimit';
const GEO_RULE = 'GeoBlock';

function visibility(metricName: string) {
  return { SampledRequestsEnabled: true, CloudWatchMetricsEnabled: true, MetricName: metricName };
}

export const webAclCodec = codec({
  kind: 'webAcl',
  awsType: 'AWS::WAFv2::WebACL',
  usual: true,
  indexed: ['Rules'],
  read: (p) => {
    const scope = p.choice('Scope', ['CLOUDFRONT', 'REGIONAL'] as const, 'REGIONAL');
    p.expect('DefaultAction', { Allow: {} });
    p.expect('VisibilityConfig', visibility(p.env.logicalId));
    const rules = p.elements('Rules');
    const blocking = (statement: string) =>
      rules.find((r) => {
        const s = r.reader?.peek('Statement');
        return isPlainObject(s) && s[statement] !== undefined && isPlainObject(r.reader?.peek('Action')) && 'Block' in (r.reader?.peek('Action') as object);
      });
    const rate = blocking('RateBasedStatement');
    const geo = blocking('GeoMatchStatement');
    const modelled: PropertyReader[] = [];
    let rateLimit: number | undefined;
    let blockedAreas: AreaCode[] = [];
    if (rate?.reader) {
      const statement = readRuleFrame(rate.reader, RATE_RULE, modelled.length).child('RateBasedStatement');
      rateLimit = statement.number('Limit', 2000);
      statement.expect('AggregateKeyType', 'IP');
      modelled.push(rate.reader);
    }
    if (geo?.reader) {
      const statement = readRuleFrame(geo.reader, GEO_RULE, modelled.length).child('GeoMatchStatement');
      blockedAreas = readAreas(statement);
      modelled.push(geo.reader);
    }
    const others = rules.filter((r) => r !== rate && r !== geo).map((r) => r.raw);
    p.finishList('Rules', modelled, others, 'indexed');
    const props = { scope, blockedAreas };
    return rateLimit === undefined ? props : { ...props, rateLimit };
  },
  write: (props, w) => {
    const rules: Record<string, unknown>[] = [];
    if (props.rateLimit !== undefined) {
      rules.push(ruleFrame(RATE_RULE, rules.length, { RateBasedStatement: { Limit: props.rateLimit, AggregateKeyType: 'IP' } }));
    }
    if (props.blockedAreas.length > 0) {
      // Country codes kept as written (countries outside the areas' lists) replace the areas' lists.
      const keptRule = Array.isArray(w.kept?.['Rules']) ? w.kept['Rules'][rules.length] : undefined;
      const keptCodes = isPlainObject(keptRule) && isPlainObject(keptRule['Statement']) ? keptRule['Statement']['GeoMatchStatement'] : undefined;
      const countries = isPlainObject(keptCodes) && keptCodes['CountryCodes'] !== undefined
        ? undefined
        : props.blockedAreas.flatMap((area) => COUNTRIES_BY_AREA[area as keyof typeof COUNTRIES_BY_AREA] ?? []);
      rules.push(ruleFrame(GEO_RULE, rules.length, { GeoMatchStatement: defined({ CountryCodes: countries }) }));
    }
    return defined({
      Scope: props.scope,
      DefaultAction: { Allow: {} },
      VisibilityConfig: visibility(w.logicalId),
      Rules: rules.length === 0 ? undefined : rules,
    });
  },
});

function ruleFrame(name: string, priority: number, statement: Record<string, unknown>): Record<string, unknown> {
  return { Name: name, Priority: priority, Action: BLOCK, Statement: statement, VisibilityConfig: visibility(name) };
}

/** Reads what the exporter writes around a rule's statement; returns the Statement's reader. */
function readRuleFrame(r: PropertyReader, name: string, priority: number): PropertyReader {
  r.expect('Name', name);
  r.expect('Priority', priority);
  r.expect('Action', BLOCK);
  r.expect('VisibilityConfig', visibility(name));
  return r.child('Statement');
}

/** Areas in the board's order; countries outside the table are kept as written (with a note). */
function readAreas(statement: PropertyReader): AreaCode[] {
  const codes = statement.peek('CountryCodes');
  const list = Array.isArray(codes) ? codes.map(String) : [];
  const areas = new Set(list.map(areaOfCountry).filter((a) => a !== undefined));
  const unknown = list.filter((c) => areaOfCountry(c) === undefined);
  const ordered = AREAS.map((a) => a.code).filter((a) => areas.has(a));
  const exact = ordered.flatMap((a) => COUNTRIES_BY_AREA[a]);
  if (unknown.length === 0 && exact.length === list.length && exact.every((c, i) => c === list[i]!.toUpperCase())) {
    statement.value('CountryCodes');
  } else if (unknown.length > 0) {
    statement.env.report('note', 'countries-outside-areas', `countries ${unknown.join(', ')} are not in any world area of the board`);
  }
  return ordered;
}

export const webAclAssociationCodec = codec({
  kind: 'webAclAssociation',
  awsType: 'AWS::WAFv2::WebACLAssociation',
  usual: true,
  read: (p) => {
    const resource = p.requiredRef('ResourceArn', ['loadBalancer', 'distribution']);
    const webAcl = p.requiredRef('WebACLArn', ['webAcl']);
    return resource === undefined || webAcl === undefined ? undefined : { webAcl, resource };
  },
  write: (props, w) => ({ ResourceArn: w.ref(props.resource), WebACLArn: w.att(props.webAcl, 'Arn') }),
});
