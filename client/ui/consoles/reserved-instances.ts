// Cost Explorer's Reserved Instances: the reservations bought with their utilization and savings, and the
// purchase recommendations (instance type, region, count, term, payment option, estimated monthly savings), each
// with a Buy that sends purchaseReservedInstances with the recommendation's own count (editable). Every figure is
// shared/match/reservation-view.ts's; the room and the sim decide a purchase, and a refusal is shown here.
import { h } from 'preact';
import { useState } from 'preact/hooks';
import type { CostView } from '../../../shared/match/cost-view.ts';
import type { ReservationLine } from '../../../shared/match/reservation-view.ts';
import { formatNumber, formatUsd, t } from '../../i18n/index.ts';
import type { PlayerActions } from '../../view/player-actions.ts';

/** Where the room's refusal of a Reserved Instance purchase is shown. */
export const RI_FIELD = 'cost:reservedInstances';

function BuyReservation({ r, actions, running }: { r: ReservationLine; actions: PlayerActions; running: boolean }) {
  const [edited, setEdited] = useState<string | null>(null);
  const id = `ri-buy-${r.instanceType}-${r.region}-${r.term}`;
  const buy = () =>
    actions.send(
      { type: 'purchaseReservedInstances', instanceType: r.instanceType, region: r.region, count: Number(edited ?? r.count), term: r.term, paymentOption: r.paymentOption },
      { field: RI_FIELD },
    );
  return h(
    'div',
    { class: 'sp-buy', 'data-ri-buy': '' },
    h('label', { for: `${id}-count` }, t('cost.ri.count')),
    h('input', { id: `${id}-count`, 'data-ri-count': '', type: 'number', step: 1, min: 1, value: edited ?? String(r.count), onInput: (e: Event) => setEdited((e.target as HTMLInputElement).value) }),
    h('button', { type: 'button', class: 'primary', 'data-ri-submit': '', disabled: !running, onClick: buy }, t('cost.buy.submit')),
  );
}

export function ReservedInstances({ cost, actions, running, refused }: { cost: CostView; actions: PlayerActions; running: boolean; refused: string | undefined }) {
  const held = cost.reserved;
  return h(
    'section',
    { id: 'cost-reserved-instances' },
    h('h3', {}, t('cost.ri.held')),
    held === null
      ? h('p', { class: 'muted' }, t('cost.ri.none'))
      : h(
          'div',
          { id: 'cost-ri-held' },
          h(
            'ul',
            {},
            held.purchases.map((p, i) =>
              h('li', { key: i }, t('cost.ri.heldRow', { count: p.count, type: p.instanceType, region: p.region, term: t(`cost.buy.terms.${p.term}`), payment: t(`cost.buy.payments.${p.paymentOption}`), discount: p.discountPct })),
            ),
          ),
          h('p', { class: 'muted' }, t('cost.ri.use', { utilization: held.utilizationPct, saved: formatUsd(held.savedUsd) })),
        ),
    refused ? h('p', { class: 'field-error', role: 'alert', id: 'cost-ri-refused' }, `⚠ ${refused}`) : null,
    h('h3', {}, t('cost.reservations')),
    cost.reservations.length === 0
      ? h('p', { class: 'muted' }, t('cost.noReservations'))
      : h(
          'ul',
          { id: 'cost-ri-recommendations' },
          cost.reservations.map((r) =>
            h(
              'li',
              { key: `${r.instanceType}-${r.region}-${r.term}`, 'data-type': r.instanceType, 'data-term': r.term },
              t('cost.reservationRow', {
                count: r.count,
                type: r.instanceType,
                region: r.region,
                term: t(`cost.buy.terms.${r.term}`),
                monthly: formatUsd(r.monthlySavingsUsd),
                reserved: formatUsd(r.reservedHourlyUsd, 4),
                onDemand: formatUsd(r.onDemandHourlyUsd, 4),
                average: formatNumber(r.averageInstances, 2),
                hours: r.lookbackHours,
                utilization: r.utilizationPct,
              }),
              h(BuyReservation, { r, actions, running }),
            ),
          ),
        ),
  );
}
