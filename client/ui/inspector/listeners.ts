// A load balancer's listeners in the inspector: each one's protocol (only those its kind takes), its certificate
// where the protocol ends TLS, its default action's weighted forward, and its rules (priority, conditions,
// action) read-only. A GWLB's one listener takes every packet and has nothing to set.
import { h } from 'preact';
import { t } from '../../i18n/index.ts';
import { explainFigure } from '../../view/catalogue-text.ts';
import { withWeight, type ForwardView, type ListenerView, type LoadBalancerPanel, type RuleView } from '../../view/lb-panel.ts';
import { NumberField, Section, SelectField, TextField } from '../fields.ts';
import type { InspectorContext } from './context.ts';

const short = (ref: string) => ref.split('/')[1] ?? ref;

export function ListenersSection({ c, panel }: { c: InspectorContext; panel: LoadBalancerPanel }) {
  const family = panel.settings.family;
  const addTls = panel.settings.certificateProtocols.length > 0 && family !== 'classic' && !panel.listeners.some((l) => l.port === 443);
  return h(
    Section,
    { title: t('inspector.listeners') },
    panel.listeners.map((l) => h(ListenerPart, { key: l.ref, c, panel, l })),
    addTls ? h('button', { type: 'button', id: 'add-https-listener', onClick: () => c.actions.addPart('httpsListener', c.r.ref, 'undo.addListener') }, t(family === 'network' ? 'inspector.addTls' : 'inspector.addHttps')) : null,
    family === 'application' || family === 'network' ? h('p', { class: 'explain' }, explainFigure(family === 'network' ? 'networkLoadBalancer.tlsPassthrough' : 'loadBalancing.tlsOnTargetCpuFactor')) : null,
  );
}

function ListenerPart({ c, panel, l }: { c: InspectorContext; panel: LoadBalancerPanel; l: ListenerView }) {
  const family = panel.settings.family;
  const fixed = family === 'gateway' || family === 'classic';
  return h(
    'div',
    { class: 'part listener', 'data-listener': l.ref },
    h(
      'div',
      { class: 'part-head' },
      h('strong', {}, l.allTraffic ? t('inspector.allTraffic') : `${l.protocol} :${l.port}`),
      l.takesCertificate && l.certificate ? h('span', { class: 'pill' }, t('inspector.tlsOffload')) : null,
      family === 'classic' ? null : h('button', { type: 'button', class: 'link danger', onClick: () => c.actions.remove(l.ref) }, t('common.remove')),
    ),
    fixed
      ? null
      : h(SelectField, {
          id: c.id('protocol', l.ref),
          label: t('inspector.protocol'),
          value: l.protocol,
          options: l.protocols.map((v) => ({ value: v, label: v })),
          error: c.error('protocol', l.ref),
          onCommit: (v) => c.set('protocol', v, l.ref),
        }),
    !fixed && (l.takesCertificate || l.certificate)
      ? h(TextField, { id: c.id('certificate', l.ref), label: t('inspector.certificate'), value: l.certificate, error: c.error('certificate', l.ref), explain: t('inspector.certificateHelp'), onCommit: (v) => c.set('certificate', v.trim(), l.ref) })
      : null,
    h(ForwardPart, { c, l, fixed }),
    l.rules.length > 0 ? h(RulesTable, { c, l }) : panel.settings.rules ? h('p', { class: 'muted fixed-value' }, t('inspector.noRules')) : null,
  );
}

/** The default action: forward to one or more target groups, by weight (editable when there are several). */
function ForwardPart({ c, l, fixed }: { c: InspectorContext; l: ListenerView; fixed: boolean }) {
  const total = l.defaultForward.reduce((s, f) => s + f.weight, 0);
  if (l.defaultForward.length === 0) return h('p', { class: 'muted fixed-value' }, t('inspector.noDefaultAction'));
  const pct = (f: ForwardView) => (total > 0 ? Math.round((f.weight / total) * 100) : 0);
  if (l.defaultForward.length === 1 || fixed) {
    return h('p', { class: 'default-action' }, t('inspector.defaultForward', { groups: l.defaultForward.map((f) => short(f.targetGroup)).join(', ') }));
  }
  return h(
    'div',
    { class: 'default-action' },
    h('p', {}, t('inspector.defaultWeighted')),
    l.defaultForward.map((f) =>
      h(NumberField, {
        key: f.targetGroup,
        id: c.id(`weight-${short(f.targetGroup)}`, l.ref),
        label: `${short(f.targetGroup)} (${pct(f)}%)`,
        value: f.weight,
        min: 0,
        max: 999,
        error: c.error('forward', l.ref),
        onCommit: (v) => c.actions.configure(l.ref, { forward: withWeight(l.defaultForward, f.targetGroup, v) }, 'forward'),
      }),
    ),
  );
}

function conditionText(cond: RuleView['conditions'][number]): string {
  const values = cond.values.join(', ');
  return cond.field === 'header' ? t('inspector.cond.header', { name: cond.name, values }) : t(`inspector.cond.${cond.field}`, { values });
}

function RulesTable({ c, l }: { c: InspectorContext; l: ListenerView }) {
  const rules = l.rules;
  return h(
    'table',
    { class: 'rules', id: c.id('rules', l.ref) },
    h('thead', {}, h('tr', {}, h('th', {}, t('inspector.rulePriority')), h('th', {}, t('inspector.ruleConditions')), h('th', {}, t('inspector.ruleAction')))),
    h(
      'tbody',
      {},
      rules.map((r) =>
        h(
          'tr',
          { key: r.ref },
          h('td', {}, String(r.priority)),
          h('td', {}, r.conditions.length ? r.conditions.map(conditionText).join(' · ') : t('inspector.cond.any')),
          h('td', {}, r.forward.map((f) => (r.forward.length > 1 ? `${short(f.targetGroup)} ×${f.weight}` : short(f.targetGroup))).join(', ')),
        ),
      ),
      h('tr', { class: 'default-row' }, h('td', {}, t('inspector.ruleDefault')), h('td', {}, t('inspector.cond.otherwise')), h('td', {}, l.defaultForward.map((f) => short(f.targetGroup)).join(', ') || '—')),
    ),
  );
}
