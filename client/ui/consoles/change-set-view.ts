// "Create change set", as CloudFormation's console shows one before a stack is created or updated: each resource
// Add / Modify / Remove, for a Modify whether it is replaced (True / False / Conditional) and the properties that
// cause it. The rows are the room's (server/rooms/change-set-request.ts): this only draws them.
import { Fragment, h } from 'preact';
import type { ChangeSetAnswer } from '../../../shared/protocol/change-set.ts';
import type { ResourceChange } from '../../../shared/template/change-set.ts';
import { t } from '../../i18n/index.ts';
import { physicalCell } from './change-set-physical.ts';

/** The table's columns, by their i18n key under cfn.changeSet. */
const COLUMNS = ['action', 'logicalId', 'type', 'replacement', 'physical', 'causes'] as const;

export function ChangeSetView({ answer, execute, discard }: { answer: ChangeSetAnswer; execute: () => void; discard: () => void }) {
  if (!answer.ok) {
    return h('section', { class: 'change-set', id: 'cfn-change-set-view' }, h('p', { class: 'field-error', role: 'alert' }, `⚠ ${answer.refusal.message}${answer.refusal.detail ? ` (${answer.refusal.detail})` : ''}`));
  }
  const errors = answer.issues.filter((i) => i.severity === 'error');
  return h(
    'section',
    { class: 'change-set', id: 'cfn-change-set-view' },
    h('h4', {}, t('cfn.changeSet.title')),
    errors.length > 0
      ? h(
          'div',
          { class: 'change-set-failed' },
          h('p', { class: 'field-error', role: 'alert' }, `✕ ${t('cfn.changeSet.failed')}`),
          h('ul', { class: 'issues' }, errors.map((i, n) => h('li', { key: n, class: 'error' }, `✕ ${i.logicalId ? `${i.logicalId}: ` : ''}${i.message}`))),
        )
      : answer.changes.length === 0
        ? h('p', { class: 'muted' }, t('cfn.changeSet.none'))
        : h(ChangesTable, { changes: answer.changes }),
    h(
      'div',
      { class: 'buttons' },
      h('button', { type: 'button', id: 'cfn-discard', onClick: discard }, t('cfn.changeSet.discard')),
      h('button', { type: 'button', id: 'cfn-execute', class: 'primary', onClick: execute, disabled: errors.length > 0 || answer.changes.length === 0 }, t('cfn.changeSet.execute')),
    ),
  );
}

/** The rows, each Modify with what the game does; where that needs saying, why, under the row across the table. */
function ChangesTable({ changes }: { changes: ResourceChange[] }) {
  return h(
    'div',
    { class: 'change-set-scroll' },
    h(
      'table',
      { class: 'table', id: 'cfn-changes' },
      h('thead', {}, h('tr', {}, COLUMNS.map((c) => h('th', { key: c }, t(`cfn.changeSet.${c}`))))),
      h(
        'tbody',
        {},
        changes.map((c) => {
          const physical = physicalCell(c);
          const row = h(
            'tr',
            { key: c.logicalId, 'data-change': c.logicalId, 'data-action': c.action, 'data-replacement': c.replacement ?? '', 'data-physical': c.physical ?? '' },
            h('td', { class: `action ${c.action.toLowerCase()}` }, t(`cfn.changeSet.actions.${c.action}`)),
            h('td', {}, c.logicalId),
            // The type may break after each '::' (AWS::RDS::DBInstance is wider than the panel can spare).
            h('td', { class: 'type' }, c.resourceType.split('::').flatMap((part, i) => (i === 0 ? [part] : [h('wbr', { key: i }), `::${part}`]))),
            h('td', { class: c.replacement === 'True' ? 'replacement-true' : '' }, c.replacement ? t(`cfn.changeSet.replacements.${c.replacement}`) : '-'),
            h('td', { class: `physical ${physical.tone}` }, physical.label),
            h('td', { class: 'causes' }, c.causes?.length ? c.causes.join(', ') : ''),
          );
          // AWS's words are long: as a column they would squeeze the others to a character wide.
          if (physical.why.length === 0) return row;
          const why = h('tr', { class: 'change-why', 'data-why': c.logicalId }, h('td', { colSpan: COLUMNS.length }, physical.why.map((line, i) => h('small', { key: i, class: 'physical-why' }, line))));
          return h(Fragment, { key: c.logicalId }, row, why);
        }),
      ),
    ),
  );
}
