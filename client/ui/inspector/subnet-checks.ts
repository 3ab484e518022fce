// The subnets (and so the zones) a load balancer or an Auto Scaling group spans: one checkbox per subnet of
// its VPC, sending the new list as the `subnets` property. Shared by both inspectors.
import { h } from 'preact';
import { refList, type InspectorContext } from './context.ts';

export function SubnetChecks({ c, vpc }: { c: InspectorContext; vpc: unknown }) {
  const chosen = refList(c.r.props.subnets);
  const subnets = c.state.match.board.resources.filter((s) => s.kind === 'subnet' && s.props.vpc === vpc);
  return [
    h(
      'div',
      { class: 'checks', 'data-field': c.id('subnets') },
      subnets.map((s) =>
        h(
          'label',
          { key: s.ref, class: 'check' },
          h('input', {
            type: 'checkbox',
            checked: chosen.includes(s.ref),
            onChange: (e: Event) => {
              const on = (e.target as HTMLInputElement).checked;
              c.set('subnets', on ? [...chosen, s.ref] : chosen.filter((x) => x !== s.ref));
            },
          }),
          `${String(s.props.zone)} · ${s.logicalId}`,
        ),
      ),
    ),
    c.error('subnets') ? h('p', { class: 'field-error', role: 'alert' }, `⚠ ${c.error('subnets')}`) : null,
  ];
}
