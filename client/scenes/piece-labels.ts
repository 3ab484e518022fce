// The words on a piece: its name and a short line of what it is and how it is (health in words, so colour is
// never the only signal). Plain functions of the resource, shared by the board and its tests.
import { t } from '../i18n/index.ts';
import type { BoardResource } from '../net/snapshot.ts';
import { isRetainedStackName } from '../../shared/account/retained-stack.ts';
import { familyOf } from '../../shared/design/lb-settings.ts';

export function pieceTitle(r: BoardResource): string {
  return r.logicalId.length > 15 ? `${r.logicalId.slice(0, 14)}…` : r.logicalId;
}

export function pieceSubtitle(r: BoardResource): string {
  const p = r.props;
  let what: string;
  switch (r.kind) {
    case 'instance':
      what = String(p.instanceType ?? 'EC2');
      break;
    case 'autoScalingGroup':
      what = `ASG ×${r.count}/${String(p.desired ?? '?')}`;
      break;
    case 'loadBalancer':
      what = { application: 'ALB', network: 'NLB', gateway: 'GWLB', classic: 'CLB' }[familyOf(p.lbType, r.awsType)];
      break;
    case 'database':
      what = `${String(p.instanceClass ?? 'RDS').replace(/^db\./, '')}${p.multiAz ? ' ·M-AZ' : ''}${p.source ? ` ·${t('board.replica')}` : ''}`;
      break;
    case 'recordSet':
      what = `R53 ${t(`route53.policy.${String(p.policy ?? 'simple')}`)}`;
      break;
    default:
      what = t(`kinds.short.${r.kind}`, { defaultValue: r.kind });
  }
  // What a deleted stack left in the account (DeletionPolicy Retain) says so: it runs and is billed, in no stack.
  const kept = isRetainedStackName(r.stack) ? `${t('board.retained')} · ` : '';
  return `${kept}${what} · ${t(`health.${r.health}`)}`;
}

/** Kinds whose ring shows utilisation (instances, groups, databases) or cache hits (CloudFront). */
export function ringOf(r: BoardResource): { value: number; cache: boolean } | null {
  if (r.kind === 'instance' || r.kind === 'autoScalingGroup' || r.kind === 'database') return { value: r.load, cache: false };
  if (r.kind === 'distribution') return { value: r.load, cache: true };
  return null;
}
