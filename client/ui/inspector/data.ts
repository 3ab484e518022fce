// Inspector sections of databases (class, Multi-AZ, replicas, run-time actions) and buckets.
import { h } from 'preact';
import { catalogue } from '../../../shared/catalogue/index.ts';
import { zonesOf } from '../../../shared/geography/regions.ts';
import { t } from '../../i18n/index.ts';
import { explainFigure } from '../../view/catalogue-text.ts';
import { DEFAULT_DB_CLASS } from '../../../shared/catalogue/defaults.ts';
import { NumberField, Section, SelectField, ToggleField } from '../fields.ts';
import { num, type InspectorContext } from './context.ts';

export function DatabaseSection({ c }: { c: InspectorContext }) {
  const p = c.r.props;
  const cls = String(p.instanceClass ?? DEFAULT_DB_CLASS);
  const replicas = c.state.match.board.resources.filter((r) => r.kind === 'database' && r.props.source === c.r.ref);
  const addReplica = () => c.actions.addPart('readReplica', c.r.ref, 'undo.addReplica');
  const setClass = (v: string) => (c.running ? c.send({ type: 'modifyDbClass', target: c.r.ref, instanceClass: v }, 'instanceClass') : c.set('instanceClass', v));
  return h(
    'div',
    {},
    h(
      Section,
      { title: t('inspector.database') },
      h(SelectField, {
        id: c.id('instanceClass'),
        label: t('inspector.dbClass'),
        value: cls,
        options: Object.entries(catalogue.databaseClasses).map(([name, e]) => ({ value: name, label: t('inspector.dbOption', { name, qps: e.capacityQps.value, usd: e.hourlyUsd.value }) })),
        error: c.error('instanceClass'),
        explain: `${explainFigure(`databaseClasses.${cls}.capacityQps`)} ${c.running ? explainFigure('database.classChangeRestartS') : ''}`,
        onCommit: setClass,
      }),
      h(ToggleField, { id: c.id('multiAz'), label: t('inspector.multiAz'), value: p.multiAz === true, error: c.error('multiAz'), explain: `${explainFigure('database.multiAzPriceFactor')} ${explainFigure('database.failoverS')}`, onCommit: (v) => c.set('multiAz', v) }),
      h(NumberField, { id: c.id('storageGb'), label: t('inspector.storage'), value: num(p.storageGb, 20), min: 20, max: 65536, unit: 'GB', error: c.error('storageGb'), explain: explainFigure('database.storageGbMonthUsd'), onCommit: (v) => c.set('storageGb', v) }),
      p.source ? h('p', { class: 'muted' }, t('inspector.replicaOf', { source: String(p.source) })) : null,
    ),
    h(
      Section,
      { title: t('inspector.replicas') },
      replicas.length === 0 ? h('p', { class: 'muted' }, t('inspector.noReplicas')) : null,
      replicas.map((r) => h('div', { key: r.ref, class: 'part' }, h('strong', {}, r.logicalId), h('span', { class: 'muted' }, `${r.zone || String(r.props.zone ?? '')} · ${t(`health.${r.health}`)}`))),
      p.source ? null : h('button', { type: 'button', id: 'add-replica', onClick: addReplica }, t('inspector.addReplica')),
      h('p', { class: 'explain' }, explainFigure('database.readQueriesPerRequest')),
    ),
    c.running
      ? h(
          Section,
          { title: t('inspector.operations') },
          h(
            'div',
            { class: 'buttons' },
            h('button', { type: 'button', onClick: () => c.actions.send({ type: 'reboot', target: c.r.ref }) }, t('inspector.reboot')),
            p.source ? h('button', { type: 'button', onClick: () => c.actions.send({ type: 'promoteReplica', target: c.r.ref }) }, t('inspector.promote')) : null,
          ),
          p.source ? h('p', { class: 'explain' }, explainFigure('database.promoteReplicaS')) : h('p', { class: 'explain' }, explainFigure('database.rebootS')),
        )
      : null,
  );
}

export function BucketSection({ c }: { c: InspectorContext }) {
  return h(
    Section,
    { title: t('kinds.name.bucket') },
    h(ToggleField, { id: c.id('websiteHosting'), label: t('inspector.website'), value: c.r.props.websiteHosting === true, error: c.error('websiteHosting'), explain: explainFigure('bucket.capacityRps'), onCommit: (v) => c.set('websiteHosting', v) }),
    h('p', { class: 'explain' }, explainFigure('bucket.perThousandGetsUsd')),
  );
}

export { SelectField };
