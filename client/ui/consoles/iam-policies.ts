// The IAM console's policy editor, for the host: a customer managed policy written as JSON (as IAM's JSON
// editor takes it), conditions included, such as a Deny on requests without MFA. The document is checked by
// the room (shared/iam/parse-policy.ts); here it is only read as JSON, since the intent carries an object.
import { h } from 'preact';
import { useState } from 'preact/hooks';
import type { IamOp } from '../../../shared/match/intents.ts';
import { t } from '../../i18n/index.ts';

export function PolicyEditor({ send }: { send: (op: IamOp) => void }) {
  const [name, setName] = useState('');
  const [text, setText] = useState('');
  const [unreadable, setUnreadable] = useState(false);
  const create = () => {
    let document: unknown;
    try {
      document = JSON.parse(text);
    } catch {
      document = undefined;
    }
    const isObject = typeof document === 'object' && document !== null && !Array.isArray(document);
    setUnreadable(!isObject);
    if (isObject) send({ op: 'createPolicy', name, document: document as Record<string, unknown> });
  };
  return h(
    'section',
    { class: 'iam-policy-editor', id: 'iam-policy-editor' },
    h('h3', {}, t('iam.editor.title')),
    h('input', { id: 'iam-policy-name', 'aria-label': t('iam.editor.name'), placeholder: t('iam.editor.name'), value: name, onInput: (e: Event) => setName((e.target as HTMLInputElement).value) }),
    h('textarea', {
      id: 'iam-policy-document',
      'aria-label': t('iam.editor.document'),
      placeholder: '{ "Version": "2012-10-17", "Statement": [ … ] }',
      rows: 9,
      spellcheck: false,
      value: text,
      onInput: (e: Event) => setText((e.target as HTMLTextAreaElement).value),
    }),
    unreadable ? h('p', { class: 'field-error', role: 'alert' }, `⚠ ${t('refusals.policy-not-json', { defaultValue: t('iam.editor.notJson') })}`) : null,
    h('div', { class: 'row' }, h('button', { type: 'button', id: 'iam-policy-create', disabled: !name || !text.trim(), onClick: create }, t('iam.editor.create'))),
    h('p', { class: 'muted' }, t('iam.editor.how')),
  );
}
