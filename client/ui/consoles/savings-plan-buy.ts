// Cost Explorer's "Add to cart" for one Savings Plans recommendation: the hourly commitment prefilled with the
// recommendation's own figure (shared/match/cost-view.ts), a term and a payment option, and a Buy button that
// sends purchaseSavingsPlan. The room and the sim decide (savingsplans:CreateSavingsPlan, one plan a run);
// a refusal is shown here, in the rule's words.
import { h } from 'preact';
import { useState } from 'preact/hooks';
import type { RecommendationLine } from '../../../shared/match/cost-view.ts';
import { PAYMENT_OPTIONS, TERMS } from '../../../shared/sim/savings-plans.ts';
import { t } from '../../i18n/index.ts';
import type { PlayerActions } from '../../view/player-actions.ts';

/** Where the room's refusal of a purchase is shown (player-actions.ts keeps it under this field). */
export const BUY_FIELD = 'cost:savingsPlan';

export function BuyPlan({ r, actions, running }: { r: RecommendationLine; actions: PlayerActions; running: boolean }) {
  // Untouched, the commitment follows the recommendation as it is recomputed; once edited, it is the player's.
  const [edited, setEdited] = useState<string | null>(null);
  const [term, setTerm] = useState<string>(r.term);
  const [payment, setPayment] = useState<string>(r.paymentOption);
  const id = `sp-buy-${r.term}`;
  const buy = () =>
    actions.send({ type: 'purchaseSavingsPlan', hourlyCommitmentUsd: Number(edited ?? r.hourlyCommitmentUsd), term, paymentOption: payment }, { field: BUY_FIELD });
  return h(
    'div',
    { class: 'sp-buy', 'data-buy': r.term },
    h('label', { for: `${id}-hourly` }, t('cost.buy.commitment')),
    h('input', {
      id: `${id}-hourly`,
      'data-buy-hourly': '',
      type: 'number',
      step: 0.001,
      min: 0,
      value: edited ?? String(r.hourlyCommitmentUsd),
      onInput: (e: Event) => setEdited((e.target as HTMLInputElement).value),
    }),
    h('label', { for: `${id}-term` }, t('cost.buy.term')),
    h(
      'select',
      { id: `${id}-term`, 'data-buy-term': '', value: term, onChange: (e: Event) => setTerm((e.target as HTMLSelectElement).value) },
      TERMS.map((x) => h('option', { key: x, value: x }, t(`cost.buy.terms.${x}`))),
    ),
    h('label', { for: `${id}-payment` }, t('cost.buy.payment')),
    h(
      'select',
      { id: `${id}-payment`, 'data-buy-payment': '', value: payment, onChange: (e: Event) => setPayment((e.target as HTMLSelectElement).value) },
      PAYMENT_OPTIONS.map((x) => h('option', { key: x, value: x }, t(`cost.buy.payments.${x}`))),
    ),
    h('button', { type: 'button', class: 'primary', 'data-buy-submit': '', disabled: !running, onClick: buy }, t('cost.buy.submit')),
  );
}
