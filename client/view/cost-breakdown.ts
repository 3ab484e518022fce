// Cost Explorer's breakdown: the hourly charges of what the board runs now, by service and by region, read
// from the catalogue's prices. The server reports only the team's total spend (on the wire), so request and
// data-transfer charges appear only in that total, as "requests and data".
import { catalogue, priceFactorOf } from '../../shared/catalogue/index.ts';
import type { TeamBoard } from '../net/snapshot.ts';

export interface CostLine {
  service: string;
  region: string;
  hourlyUsd: number;
}

export function hourlyCharges(board: TeamBoard): CostLine[] {
  const out: CostLine[] = [];
  const add = (service: string, region: string, usd: number) => usd > 0 && out.push({ service, region, hourlyUsd: usd * priceFactorOf(region) });
  const templates = new Map(board.resources.filter((r) => r.kind === 'launchTemplate').map((r) => [r.ref, String(r.props.instanceType)]));
  const perMonth = (usd: number) => usd / catalogue.hoursPerMonth.value;
  for (const r of board.resources) {
    const p = r.props;
    switch (r.kind) {
      case 'instance':
        add('EC2', r.region, (catalogue.instanceTypes[String(p.instanceType)]?.hourlyUsd.value ?? 0) * (r.count || (r.health === 'booting' ? 1 : 0)));
        break;
      case 'autoScalingGroup':
        add('EC2', r.region, (catalogue.instanceTypes[templates.get(String(p.launchTemplate)) ?? '']?.hourlyUsd.value ?? 0) * Math.max(r.count, 0));
        break;
      case 'database': {
        const cls = catalogue.databaseClasses[String(p.instanceClass)];
        const factor = p.multiAz ? catalogue.database.multiAzPriceFactor.value : 1;
        add('RDS', r.region, ((cls?.hourlyUsd.value ?? 0) + perMonth(catalogue.database.storageGbMonthUsd.value * Number(p.storageGb ?? 0))) * factor);
        break;
      }
      case 'loadBalancer':
        add('ELB', r.region, catalogue.loadBalancers[p.lbType === 'network' ? 'network' : 'application'].hourlyUsd.value);
        break;
      case 'accelerator':
        add('Global Accelerator', 'global', catalogue.globalAccelerator.hourlyUsd.value);
        break;
      case 'transitGatewayAttachment':
        add('Transit Gateway', r.region, catalogue.transitGateway.attachmentHourlyUsd.value);
        break;
      case 'recordSet':
        break;
      case 'healthCheck':
        add('Route 53', 'global', perMonth(catalogue.route53.healthCheckMonthUsd.value));
        break;
      case 'webAcl':
        add('WAF', r.region || 'global', perMonth(catalogue.waf.webAclMonthUsd.value));
        break;
      case 'alarm':
        add('CloudWatch', r.region, perMonth(catalogue.cloudWatch.alarmMonthUsd.value));
        break;
    }
  }
  return out;
}

export function sumBy(lines: CostLine[], key: 'service' | 'region'): { name: string; hourlyUsd: number }[] {
  const totals = new Map<string, number>();
  for (const l of lines) totals.set(l[key], (totals.get(l[key]) ?? 0) + l.hourlyUsd);
  return [...totals.entries()].map(([name, hourlyUsd]) => ({ name, hourlyUsd })).sort((a, b) => b.hourlyUsd - a.hourlyUsd);
}

/** Spend at the end of the scenario if the last ten minutes' rate goes on (AWS Budgets' forecast, simply). */
export function forecastUsd(series: { tS: number; costUsd: number }[], durationS: number, nowS: number, spentUsd: number): number {
  if (series.length < 2) return spentUsd;
  const last = series[series.length - 1]!;
  const earlier = series[Math.max(0, series.length - 11)]!;
  const span = last.tS - earlier.tS;
  const rate = span > 0 ? (last.costUsd - earlier.costUsd) / span : 0;
  return spentUsd + rate * Math.max(0, durationS - nowS);
}
