// RDS's "Snapshots" list, beside the stacks in the CloudFormation panel: the DB snapshots the account keeps after
// a DeletionPolicy or UpdateReplacePolicy of Snapshot (shared/account/retained-stack.ts). They belong to no stack
// and no template declares them, yet they are billed until deleted: the monthly cost is the shared bill's own
// (shared/match/snapshot-view.ts), drawn here as sent. Deleting one is the board's delete gesture on its ref,
// checked by the room as rds:DeleteDBSnapshot; a replay or another team's board only shows them.
import { h } from 'preact';
import type { SnapshotView } from '../../../shared/match/snapshot-view.ts';
import { formatNumber, formatUsd, t } from '../../i18n/index.ts';

// Four columns, the region and engine under their names: the panel's stack column is narrow.
const COLUMNS = ['identifier', 'source', 'size', 'month'] as const;

export function DbSnapshots({ snapshots, onDelete }: { snapshots: readonly SnapshotView[]; onDelete?: (ref: string) => void }) {
  if (snapshots.length === 0) return null;
  return h(
    'div',
    { class: 'db-snapshots', id: 'cfn-db-snapshots' },
    h('h4', {}, t('cfn.snapshots.title')),
    h('p', { class: 'muted' }, t('cfn.snapshots.note')),
    h(
      'div',
      { class: 'db-snapshots-scroll' },
      h(
        'table',
        { class: 'table' },
        h('thead', {}, h('tr', {}, [...COLUMNS.map((c) => h('th', { key: c }, t(`cfn.snapshots.${c}`))), ...(onDelete ? [h('th', { key: 'actions' }, h('span', { class: 'visually-hidden' }, t('cfn.snapshots.actions')))] : [])])),
        h(
          'tbody',
          {},
          snapshots.map((s) =>
            h(
              'tr',
              { key: `${s.region}/${s.identifier}`, 'data-snapshot': s.identifier },
              h('td', {}, s.identifier, h('small', { class: 'muted' }, s.region)),
              h('td', {}, s.source, h('small', { class: 'muted' }, s.engine)),
              h('td', { class: 'number' }, t('cfn.snapshots.gb', { size: formatNumber(s.storageGb, 0) })),
              h('td', { class: 'number', 'data-month-usd': String(s.monthUsd) }, formatUsd(s.monthUsd)),
              onDelete
                ? h(
                    'td',
                    {},
                    h('button', { type: 'button', class: 'btn small danger', 'data-delete-snapshot': s.ref, 'aria-label': t('cfn.snapshots.deleteOne', { identifier: s.identifier }), onClick: () => onDelete(s.ref) }, t('cfn.snapshots.delete')),
                  )
                : null,
            ),
          ),
        ),
      ),
    ),
  );
}
