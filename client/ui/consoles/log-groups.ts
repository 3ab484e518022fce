// CloudWatch Logs in the CloudWatch console: the board's log groups (retention, and whether the application's
// CloudWatch agent ships its log there, catalogue/app-logs.ts) and their metric filters with the pattern, the
// custom metric each publishes and the alarms watching that metric (the rule is shared's alarmWatchesFilter).
import { h } from 'preact';
import { alarmWatchesFilter, APP_LOG_GROUP } from '../../../shared/catalogue/app-logs.ts';
import { t } from '../../i18n/index.ts';
import type { BoardResource } from '../../net/snapshot.ts';
import type { MatchViewState } from '../../view/match-view.ts';

export function LogGroups({ state }: { state: MatchViewState }) {
  const resources = state.match.board.resources;
  const groups = resources.filter((r) => r.kind === 'logGroup');
  const filters = resources.filter((r) => r.kind === 'metricFilter');
  const alarms = resources.filter((r) => r.kind === 'alarm');
  const groupName = (f: BoardResource) => {
    const ref = f.props['logGroup'];
    const g = typeof ref === 'string' ? groups.find((x) => x.ref === ref) : undefined;
    return g ? String(g.props['name']) : String(f.props['logGroupName'] ?? '');
  };
  return h(
    'section',
    { class: 'log-groups' },
    h('h3', {}, t('logs.title')),
    groups.length === 0 && filters.length === 0 ? h('p', { class: 'muted' }, t('logs.empty', { group: APP_LOG_GROUP })) : null,
    groups.length === 0
      ? null
      : h(
          'table',
          { class: 'table', id: 'log-groups' },
          h('thead', {}, h('tr', {}, [t('logs.group'), t('logs.retention'), t('logs.receives'), t('logs.filters')].map((c) => h('th', { key: c }, c)))),
          h(
            'tbody',
            {},
            groups.map((g) => {
              const name = String(g.props['name']);
              const days = g.props['retentionDays'];
              const mine = filters.filter((f) => groupName(f) === name && f.region === g.region);
              return h(
                'tr',
                { key: g.ref },
                h('td', {}, h('code', {}, name), h('div', { class: 'muted' }, g.region)),
                h('td', {}, typeof days === 'number' ? t('logs.days', { days }) : t('logs.neverExpire')),
                h('td', {}, name === APP_LOG_GROUP ? t('logs.appLog') : t('logs.nothing')),
                h('td', {}, String(mine.length)),
              );
            }),
          ),
        ),
    filters.length === 0
      ? null
      : h(
          'table',
          { class: 'table', id: 'metric-filters' },
          h('thead', {}, h('tr', {}, [t('logs.filter'), t('logs.pattern'), t('logs.metric'), t('logs.alarms')].map((c) => h('th', { key: c }, c)))),
          h(
            'tbody',
            {},
            filters.map((f) => {
              const namespace = String(f.props['metricNamespace']);
              const metric = String(f.props['metricName']);
              const watching = alarms.filter((a) =>
                alarmWatchesFilter(
                  { region: a.region, namespace: String(a.props['namespace']), metric: String(a.props['metric']), hasDimensions: a.props['subject'] !== undefined },
                  { region: f.region, namespace, metric },
                ),
              );
              const pattern = String(f.props['filterPattern']);
              return h(
                'tr',
                { key: f.ref },
                h('td', {}, f.logicalId, h('div', { class: 'muted' }, h('code', {}, groupName(f)))),
                h('td', {}, h('code', {}, pattern === '' ? t('logs.everyEvent') : pattern)),
                h('td', {}, h('code', {}, `${namespace} / ${metric}`), h('div', { class: 'muted' }, t('logs.perMatch', { value: String(f.props['metricValue']) }))),
                h(
                  'td',
                  {},
                  watching.length === 0
                    ? h('span', { class: 'muted' }, t('logs.noAlarm'))
                    : watching.map((a) => h('div', { key: a.ref }, `${a.logicalId}: ${t(`alarmState.${a.alarmState || 'INSUFFICIENT_DATA'}`)}`)),
                ),
              );
            }),
          ),
        ),
    h('p', { class: 'muted small' }, t('logs.note')),
  );
}
