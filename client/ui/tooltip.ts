// The board's tooltip: a piece's numbers, each with the catalogue's own explanation of where it comes from.
import { h } from 'preact';
import { useLayoutEffect, useRef } from 'preact/hooks';
import { catalogue } from '../../shared/catalogue/index.ts';
import { formatNumber, t } from '../i18n/index.ts';
import type { BoardResource } from '../net/snapshot.ts';
import { explainFigure, figureValue } from '../view/catalogue-text.ts';

function lines(r: BoardResource, parts: readonly BoardResource[]): { label: string; value: string; explain: string }[] {
  const out: { label: string; value: string; explain: string }[] = [];
  const p = r.props;
  if (r.kind === 'instance' || r.kind === 'autoScalingGroup') {
    // A group's instance type is its launch template's.
    const type = String(p.instanceType ?? parts.find((x) => x.kind === 'launchTemplate')?.props.instanceType ?? '');
    if (catalogue.instanceTypes[type]) {
      out.push({ label: t('tooltip.capacity'), value: figureValue(`instanceTypes.${type}.capacityRps`), explain: explainFigure(`instanceTypes.${type}.capacityRps`) });
      out.push({ label: t('tooltip.price'), value: figureValue(`instanceTypes.${type}.hourlyUsd`), explain: explainFigure(`instanceTypes.${type}.hourlyUsd`) });
    }
    out.push({ label: t('tooltip.boot'), value: figureValue('ec2.bootS'), explain: explainFigure('ec2.bootS') });
  }
  if (r.kind === 'database') {
    const cls = String(p.instanceClass ?? '');
    if (catalogue.databaseClasses[cls]) {
      out.push({ label: t('tooltip.capacity'), value: figureValue(`databaseClasses.${cls}.capacityQps`), explain: explainFigure(`databaseClasses.${cls}.capacityQps`) });
      out.push({ label: t('tooltip.price'), value: figureValue(`databaseClasses.${cls}.hourlyUsd`), explain: explainFigure(`databaseClasses.${cls}.hourlyUsd`) });
    }
    out.push({ label: t('tooltip.failover'), value: figureValue('database.failoverS'), explain: explainFigure('database.failoverS') });
  }
  if (r.kind === 'loadBalancer' && p.lbType === 'gateway') {
    // A GWLB has its own price, and it adds no hop of its own to a request's path that the game times.
    out.push({ label: t('tooltip.price'), value: figureValue('gatewayLoadBalancer.hourlyUsd'), explain: explainFigure('gatewayLoadBalancer.hourlyUsd') });
  } else if (r.kind === 'loadBalancer') {
    const type = p.lbType === 'network' ? 'network' : 'application';
    out.push({ label: t('tooltip.price'), value: figureValue(`loadBalancers.${type}.hourlyUsd`), explain: explainFigure(`loadBalancers.${type}.hourlyUsd`) });
    out.push({ label: t('tooltip.latency'), value: figureValue(`loadBalancers.${type}.addedLatencyMs`), explain: explainFigure(`loadBalancers.${type}.addedLatencyMs`) });
  }
  if (r.kind === 'distribution') out.push({ label: t('tooltip.edge'), value: figureValue('cloudFront.edgeServiceMs'), explain: explainFigure('cloudFront.edgeServiceMs') });
  if (r.kind === 'accelerator') out.push({ label: t('tooltip.price'), value: figureValue('globalAccelerator.hourlyUsd'), explain: explainFigure('globalAccelerator.hourlyUsd') });
  if (r.kind === 'bucket') out.push({ label: t('tooltip.capacity'), value: figureValue('bucket.capacityRps'), explain: explainFigure('bucket.capacityRps') });
  return out;
}

/** How far the tooltip keeps from the pointer, and from the board's edges. */
const OFFSET = 18;
const EDGE = 6;

/**
 * Where a tooltip of `size` goes for a pointer at (x, y) on a board of `area`: below and right of the pointer,
 * flipped to its left or above it where it would not fit, and kept inside the board, never under the pointer.
 */
export function tooltipPlace(x: number, y: number, size: { w: number; h: number }, area: { w: number; h: number }): { left: number; top: number } {
  let left = x + OFFSET;
  if (left + size.w > area.w - EDGE) left = x - OFFSET - size.w;
  let top = y + OFFSET;
  if (top + size.h > area.h - EDGE) top = y - OFFSET - size.h;
  return { left: Math.max(EDGE, Math.min(left, area.w - EDGE - size.w)), top: Math.max(EDGE, Math.min(top, area.h - EDGE - size.h)) };
}

export function Tooltip({ r, parts, x, y }: { r: BoardResource; parts: readonly BoardResource[]; x: number; y: number }) {
  const utilisation = ['instance', 'autoScalingGroup', 'database'].includes(r.kind);
  const box = useRef<HTMLDivElement>(null);
  // Measured once drawn (its size depends on the language and the piece), then placed before the frame is shown.
  useLayoutEffect(() => {
    const el = box.current;
    const area = el?.parentElement;
    if (!el || !area) return;
    const at = tooltipPlace(x, y, { w: el.offsetWidth, h: el.offsetHeight }, { w: area.clientWidth, h: area.clientHeight });
    el.style.left = `${at.left}px`;
    el.style.top = `${at.top}px`;
    el.style.visibility = 'visible';
  });
  return h(
    'div',
    { ref: box, class: 'tooltip', role: 'tooltip', style: { left: `${x + OFFSET}px`, top: `${y + OFFSET}px`, visibility: 'hidden' } },
    h('strong', {}, `${r.logicalId} · ${t(`kinds.name.${r.kind}`)}`),
    h(
      'p',
      { class: 'tooltip-now' },
      `${t(`health.${r.health}`)} · ${formatNumber(r.rps)} ${t(r.kind === 'database' ? 'units.qps' : 'units.rps')}`,
      utilisation ? ` · ${t('tooltip.utilisation', { pct: formatNumber(r.load * 100) })}` : '',
      r.kind === 'distribution' ? ` · ${t('tooltip.hits', { pct: formatNumber(r.load * 100) })}` : '',
    ),
    utilisation ? h('p', { class: 'tooltip-explain' }, explainFigure('service.queueingCurve')) : null,
    h(
      'dl',
      {},
      lines(r, parts).flatMap((l) => [h('dt', { key: `${l.label}-t` }, `${l.label}: ${l.value}`), h('dd', { key: `${l.label}-d` }, l.explain)]),
    ),
  );
}
