// The inspector's fields: a label, a control, the catalogue's explanation where a number comes from it, and
// the server's refusal beside the field that caused it.
import { h, type ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { t } from '../i18n/index.ts';

export interface FieldProps {
  id: string;
  label: string;
  error?: string | undefined;
  explain?: string | undefined;
}

function Frame({ id, label, error, explain, children }: FieldProps & { children?: ComponentChildren }) {
  return h(
    'div',
    { class: `field ${error ? 'has-error' : ''}`, 'data-field': id },
    h('label', { for: id }, label),
    children,
    explain ? h('p', { class: 'explain' }, explain) : null,
    error ? h('p', { class: 'field-error', role: 'alert' }, `⚠ ${error}`) : null,
  );
}

export function NumberField(props: FieldProps & { value: number; min?: number; max?: number; step?: number; unit?: string; onCommit: (v: number) => void }) {
  const [text, setText] = useState(String(props.value));
  useEffect(() => setText(String(props.value)), [props.value]);
  const commit = () => {
    const v = Number(text);
    if (text.trim() === '' || !Number.isFinite(v)) {
      setText(String(props.value));
      return;
    }
    if (v !== props.value) props.onCommit(v);
  };
  return h(
    Frame,
    props,
    h(
      'div',
      { class: 'with-unit' },
      h('input', {
        id: props.id,
        type: 'number',
        value: text,
        min: props.min,
        max: props.max,
        step: props.step ?? 1,
        onInput: (e: Event) => setText((e.target as HTMLInputElement).value),
        onChange: commit,
        // Enter commits through the change event (blur), so a value is sent once.
        onKeyDown: (e: KeyboardEvent) => e.key === 'Enter' && (e.target as HTMLInputElement).blur(),
      }),
      // Units are the catalogue's (s, ms, rps…): said in the player's language where it has a word for them.
      props.unit ? h('span', { class: 'unit' }, t(`units.${props.unit}`, { defaultValue: props.unit })) : null,
    ),
  );
}

export function TextField(props: FieldProps & { value: string; onCommit: (v: string) => void }) {
  const [text, setText] = useState(props.value);
  useEffect(() => setText(props.value), [props.value]);
  const commit = () => text !== props.value && props.onCommit(text);
  return h(
    Frame,
    props,
    h('input', { id: props.id, value: text, onInput: (e: Event) => setText((e.target as HTMLInputElement).value), onChange: commit, onKeyDown: (e: KeyboardEvent) => e.key === 'Enter' && (e.target as HTMLInputElement).blur() }),
  );
}

export function SelectField(props: FieldProps & { value: string; options: { value: string; label: string }[]; onCommit: (v: string) => void }) {
  return h(
    Frame,
    props,
    h(
      'select',
      { id: props.id, value: props.value, onChange: (e: Event) => props.onCommit((e.target as HTMLSelectElement).value) },
      props.options.map((o) => h('option', { key: o.value, value: o.value }, o.label)),
    ),
  );
}

export function ToggleField(props: FieldProps & { value: boolean; onCommit: (v: boolean) => void }) {
  return h(
    Frame,
    props,
    h(
      'button',
      { id: props.id, type: 'button', role: 'switch', class: `toggle ${props.value ? 'on' : ''}`, 'aria-checked': String(props.value), onClick: () => props.onCommit(!props.value) },
      props.value ? t('common.on') : t('common.off'),
    ),
  );
}

export function Section({ title, children }: { title: string; children?: ComponentChildren }) {
  return h('section', { class: 'inspector-section' }, h('h3', {}, title), children);
}
