// Flow logs in the VPC console: the board's flow logs, a form that creates one on a VPC, a subnet or an instance's
// network interface (CreateFlowLogs: the createResource intent, applied to the running world like any run-time
// design change), and a browser of the chosen log's records in AWS's default format. The records and their
// delivery cost come from the room on request (shared/match/flow-log-page.ts filters and prices them), never in
// the synced state.
import { h } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { FlowRecordsPage, FlowRecordsRequest } from '../../../shared/protocol/flow-records.ts';
import { formatNumber, formatUsd, t } from '../../i18n/index.ts';
import type { BoardResource } from '../../net/snapshot.ts';
import type { MatchViewState } from '../../view/match-view.ts';
import type { PlayerActions } from '../../view/player-actions.ts';

export const FLOW_FIELD = 'vpc:flow-log';

type ResourceType = 'VPC' | 'Subnet' | 'NetworkInterface';
const WATCHED_KIND: Record<ResourceType, string> = { VPC: 'vpc', Subnet: 'subnet', NetworkInterface: 'instance' };
/** The default format's fields, by AWS's own names (the console shows them as AWS does, in every language). */
const FIELDS = ['version', 'account-id', 'interface-id', 'srcaddr', 'dstaddr', 'srcport', 'dstport', 'protocol', 'packets', 'bytes', 'start', 'end', 'action', 'log-status'];

/** Enough decimals to show two significant digits of a price far below a cent (a window's records weigh kilobytes). */
function smallDigits(usd: number): number {
  return usd > 0 && usd < 0.01 ? Math.min(12, Math.ceil(-Math.log10(usd)) + 1) : 2;
}

/** A logical id the team's stack does not use yet: FlowLog, FlowLog2, ... */
function freeName(resources: readonly BoardResource[], stack: string): string {
  const taken = new Set(resources.filter((r) => r.stack === stack).map((r) => r.logicalId));
  for (let n = 1; ; n++) if (!taken.has(n === 1 ? 'FlowLog' : `FlowLog${n}`)) return n === 1 ? 'FlowLog' : `FlowLog${n}`;
}

function CreateForm({ state, actions }: { state: MatchViewState; actions: PlayerActions }) {
  const resources = state.match.board.resources;
  const [form, setForm] = useState({ resourceType: 'VPC' as ResourceType, resource: '', trafficType: 'ALL', destinationType: 'cloud-watch-logs', aggregationS: '600' });
  const candidates = resources.filter((r) => r.kind === WATCHED_KIND[form.resourceType]);
  const target = candidates.find((r) => r.ref === form.resource) ?? candidates[0];
  const set = (key: keyof typeof form) => (e: Event) => setForm({ ...form, [key]: (e.target as HTMLSelectElement).value, ...(key === 'resourceType' ? { resource: '' } : {}) });
  const create = () => {
    if (!target) return;
    const s3 = form.destinationType === 's3';
    actions.send(
      {
        type: 'createResource',
        stack: target.stack,
        kind: 'flowLog',
        logicalId: freeName(resources, target.stack),
        props: {
          resourceType: form.resourceType,
          resource: target.ref,
          trafficType: form.trafficType,
          destinationType: form.destinationType,
          ...(s3 ? {} : { logGroupName: `/vpc/flow-logs/${target.logicalId}` }),
          aggregationS: Number(form.aggregationS),
        },
      },
      { field: FLOW_FIELD },
    );
  };
  return h(
    'div',
    { class: 'rule-form', id: 'flow-log-create' },
    h('strong', {}, t('vpc.createFlowLog')),
    h('select', { 'aria-label': t('vpc.resourceType'), value: form.resourceType, onChange: set('resourceType') }, (['VPC', 'Subnet', 'NetworkInterface'] as const).map((k) => h('option', { key: k, value: k }, t(`vpc.watch.${k}`)))),
    h('select', { 'aria-label': t('vpc.watched'), value: target?.ref ?? '', onChange: set('resource') }, candidates.map((r) => h('option', { key: r.ref, value: r.ref }, r.logicalId))),
    h('select', { 'aria-label': t('vpc.trafficType'), value: form.trafficType, onChange: set('trafficType') }, ['ALL', 'ACCEPT', 'REJECT'].map((k) => h('option', { key: k, value: k }, t(`vpc.traffic.${k}`)))),
    h('select', { 'aria-label': t('vpc.destinationType'), value: form.destinationType, onChange: set('destinationType') }, h('option', { value: 'cloud-watch-logs' }, 'CloudWatch Logs'), h('option', { value: 's3' }, 'Amazon S3')),
    h('select', { 'aria-label': t('vpc.aggregation'), value: form.aggregationS, onChange: set('aggregationS') }, h('option', { value: '600' }, t('vpc.minutes', { n: 10 })), h('option', { value: '60' }, t('vpc.minutes', { n: 1 }))),
    h('button', { type: 'button', class: 'primary', disabled: !target, onClick: create }, t('vpc.create')),
  );
}

function Records({ state, actions, log }: { state: MatchViewState; actions: PlayerActions; log: BoardResource }) {
  const [filters, setFilters] = useState({ action: '', address: '', port: '' });
  const [page, setPage] = useState<FlowRecordsPage | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  // Asked again each simulated minute and when the filter changes, as the CloudTrail console asks for its pages.
  const tick = Math.floor(state.match.simS / 60) + state.match.board.revision;
  useEffect(() => {
    let live = true;
    const port = filters.port.trim() === '' ? undefined : Number(filters.port);
    const request: FlowRecordsRequest = {
      flowLog: log.ref,
      ...(filters.action === 'ACCEPT' || filters.action === 'REJECT' ? { action: filters.action } : {}),
      ...(filters.address.trim() ? { address: filters.address.trim() } : {}),
      ...(port !== undefined ? { port } : {}),
    };
    void actions.flowRecords(request).then((answer) => {
      if (!live) return;
      if (answer.ok) {
        setPage(answer);
        setProblem(null);
      } else setProblem(actions.describe(answer.refusal));
    });
    return () => {
      live = false;
    };
  }, [filters, tick, log.ref]);
  const set = (key: keyof typeof filters) => (e: Event) => setFilters({ ...filters, [key]: (e.target as HTMLInputElement | HTMLSelectElement).value });
  const destination = page?.destinationType === 's3' ? 'Amazon S3' : 'CloudWatch Logs';
  return h(
    'div',
    { class: 'flow-browser', id: 'flow-records' },
    h(
      'div',
      { class: 'filters' },
      h('select', { 'aria-label': t('vpc.action'), id: 'flow-filter-action', value: filters.action, onChange: set('action') }, h('option', { value: '' }, t('vpc.anyAction')), h('option', { value: 'ACCEPT' }, 'ACCEPT'), h('option', { value: 'REJECT' }, 'REJECT')),
      h('input', { 'aria-label': t('vpc.address'), id: 'flow-filter-address', placeholder: t('vpc.address'), value: filters.address, onInput: set('address') }),
      h('input', { 'aria-label': t('vpc.port'), id: 'flow-filter-port', placeholder: t('vpc.port'), inputMode: 'numeric', value: filters.port, onInput: set('port') }),
    ),
    problem ? h('p', { class: 'field-error', role: 'alert' }, `⚠ ${problem}`) : null,
    page
      ? h(
          'p',
          { class: 'flow-cost', id: 'flow-cost' },
          t('vpc.flowCost', { matched: formatNumber(page.matched), total: formatNumber(page.total), kb: formatNumber(page.deliveredBytes / 1024, 1), destination, usd: formatUsd(page.deliveryUsd, smallDigits(page.deliveryUsd)) }),
        )
      : null,
    h(
      'div',
      { class: 'flow-records' },
      h(
        'table',
        { class: 'table', id: 'flow-table' },
        h('thead', {}, h('tr', {}, FIELDS.map((f) => h('th', { key: f }, f)))),
        h(
          'tbody',
          {},
          (page?.records ?? []).map((r, i) =>
            h(
              'tr',
              { key: i, class: r.action },
              [r.version, r.accountId, r.interfaceId, r.srcaddr, r.dstaddr, r.srcport, r.dstport, r.protocol, r.packets, r.bytes, r.start, r.end, r.action, r.logStatus].map((v, j) => h('td', { key: j }, String(v))),
            ),
          ),
        ),
      ),
    ),
    page && page.records.length === 0 ? h('p', { class: 'muted' }, t('vpc.noRecords')) : null,
    page && page.matched > page.records.length ? h('p', { class: 'muted' }, t('vpc.moreRecords', { shown: page.records.length, matched: page.matched })) : null,
  );
}

export function FlowLogs({ state, actions, chosen, choose }: { state: MatchViewState; actions: PlayerActions; chosen: string | null; choose: (ref: string) => void }) {
  const resources = state.match.board.resources;
  const logs = resources.filter((r) => r.kind === 'flowLog');
  const log = logs.find((l) => l.ref === chosen) ?? logs[0];
  const refused = state.fieldErrors[FLOW_FIELD]?.message;
  const name = (ref: unknown) => String(ref ?? '').slice(String(ref ?? '').lastIndexOf('/') + 1);
  return h(
    'div',
    { class: 'flow-logs' },
    h(CreateForm, { state, actions }),
    refused ? h('p', { class: 'field-error', role: 'alert' }, `⚠ ${refused}`) : null,
    logs.length === 0
      ? h('p', { class: 'muted' }, t('vpc.noFlowLogs'))
      : h(
          'table',
          { class: 'table', id: 'flow-log-list' },
          h('thead', {}, h('tr', {}, [t('vpc.flowLog'), t('vpc.resourceType'), t('vpc.watched'), t('vpc.trafficType'), t('vpc.destinationType'), t('vpc.aggregation')].map((c) => h('th', { key: c }, c)))),
          h(
            'tbody',
            {},
            logs.map((l) =>
              h(
                'tr',
                { key: l.ref, class: l.ref === log?.ref ? 'current' : '', 'data-log': l.ref, onClick: () => choose(l.ref) },
                h('td', {}, h('strong', {}, l.logicalId)),
                h('td', {}, t(`vpc.watch.${String(l.props.resourceType)}`)),
                h('td', {}, name(l.props.resource)),
                h('td', {}, t(`vpc.traffic.${String(l.props.trafficType)}`)),
                h('td', {}, l.props.destinationType === 's3' ? 'Amazon S3' : `CloudWatch Logs${l.props.logGroupName ? ` (${String(l.props.logGroupName)})` : ''}`),
                h('td', {}, t('vpc.minutes', { n: Number(l.props.aggregationS) / 60 })),
              ),
            ),
          ),
        ),
    log ? h(Records, { state, actions, log }) : null,
  );
}
