// The editor's fields: a label, the input, and the problems parseLevel placed on the field's path, announced and
// tied to the input (aria-describedby, aria-invalid). Every input of the editor is one of these.
import { h, type ComponentChildren } from 'preact';
import { fieldId, FORM_MESSAGES, getAt, numberFromText, pathKey, type Path } from '../../../shared/scenario/editor-model.ts';
import type { LevelIssue } from '../../../shared/scenario/level.ts';
import { t } from '../../i18n/index.ts';
import { useEditing } from './context.ts';

/** A sentence's key in the translation files: its words joined by dashes ('each area appears once' → each-area-appears-once). */
function sentenceKey(sentence: string): string {
  return sentence.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

/**
 * A problem as the player reads it: the form's own ones by their key, the scenario format's own sentences by their
 * words (zod's generic ones are already in the player's language, by zod's locale).
 */
export function sayProblem(message: string): string {
  const key = (Object.keys(FORM_MESSAGES) as (keyof typeof FORM_MESSAGES)[]).find((k) => FORM_MESSAGES[k] === message);
  if (key) return t(`levelEditor.form.${key}`);
  const sentence = sentenceKey(message);
  return sentence ? t(`levelEditor.schemaSays.${sentence}`, { defaultValue: message }) : message;
}

/** A level's problem in the player's language: a limit by its key and figures (shared/scenario/level.ts), else its sentence. */
export function sayIssue(issue: LevelIssue): LevelIssue {
  if (!issue.say) return { ...issue, message: sayProblem(issue.message) };
  const values = { ...issue.say.values };
  if (typeof values.what === 'string') values.what = t(`levelEditor.limits.what.${sentenceKey(values.what)}`, { defaultValue: values.what });
  return { ...issue, message: t(`levelEditor.limits.${issue.say.key}`, values) };
}

export interface InputProps {
  id: string;
  'aria-invalid'?: 'true';
  'aria-describedby'?: string;
}

/** A field's box: its label, its input (made by `input` with the ids it must carry) and its problems. */
export function Field({ path, label, hint, wide, input }: { path: Path; label: string; hint?: string; wide?: boolean; input: (props: InputProps) => ComponentChildren }) {
  const { placed } = useEditing();
  const key = pathKey(path);
  const id = fieldId(key);
  const problems = placed.at.get(key) ?? [];
  const described = [hint ? `${id}-hint` : '', problems.length ? `${id}-error` : ''].filter(Boolean).join(' ');
  return h(
    'div',
    { class: `field ${problems.length ? 'has-error' : ''} ${wide ? 'wide' : ''}`, 'data-path': key },
    h('label', { for: id }, label),
    input({ id, ...(problems.length ? { 'aria-invalid': 'true' as const } : {}), ...(described ? { 'aria-describedby': described } : {}) }),
    hint ? h('p', { class: 'explain', id: `${id}-hint` }, hint) : null,
    problems.length ? h('p', { class: 'field-error', id: `${id}-error`, role: 'status' }, problems.map((p) => `⚠ ${sayProblem(p)}`).join(' · ')) : null,
  );
}

/** The problems on a path that has no input of its own (a list, a board), shown where it is drawn. */
export function Problems({ path }: { path: Path }) {
  const { placed } = useEditing();
  const key = pathKey(path);
  const problems = placed.at.get(key) ?? [];
  return problems.length ? h('p', { class: 'field-error', id: `${fieldId(key)}-error`, role: 'status', 'data-path': key }, problems.map((p) => `⚠ ${sayProblem(p)}`).join(' · ')) : null;
}

export function TextField({ path, label, hint, optional, long, wide }: { path: Path; label: string; hint?: string; optional?: boolean; long?: boolean; wide?: boolean }) {
  const { form, set } = useEditing();
  const value = getAt(form.document, path);
  const onInput = (e: Event) => {
    const text = (e.target as HTMLInputElement).value;
    set(path, optional && text === '' ? undefined : text);
  };
  return h(Field, {
    path,
    label,
    ...(hint ? { hint } : {}),
    wide: wide || long,
    input: (props) => (long ? h('textarea', { ...props, rows: 3, value: typeof value === 'string' ? value : '', onInput }) : h('input', { ...props, type: 'text', value: typeof value === 'string' ? value : '', onInput })),
  });
}

export function NumberField({ path, label, hint, unit, step }: { path: Path; label: string; hint?: string; unit?: string; step?: number | 'any' }) {
  const { form, set } = useEditing();
  const value = getAt(form.document, path);
  return h(Field, {
    path,
    label,
    ...(hint ? { hint } : {}),
    input: (props) =>
      h(
        'div',
        { class: 'with-unit' },
        h('input', {
          ...props,
          type: 'number',
          step: step ?? 'any',
          value: typeof value === 'number' && Number.isFinite(value) ? String(value) : '',
          onInput: (e: Event) => set(path, numberFromText((e.target as HTMLInputElement).value)),
        }),
        unit ? h('span', { class: 'unit' }, unit) : null,
      ),
  });
}

export function ChoiceField({ path, label, options, word, optional }: { path: Path; label: string; options: readonly string[]; word?: (value: string) => string; optional?: boolean }) {
  const { form, set } = useEditing();
  const value = getAt(form.document, path);
  return h(Field, {
    path,
    label,
    input: (props) =>
      h(
        'select',
        { ...props, value: typeof value === 'string' ? value : '', onChange: (e: Event) => set(path, (e.target as HTMLSelectElement).value || undefined) },
        optional ? h('option', { value: '' }, t('levelEditor.unset')) : null,
        options.map((o) => h('option', { key: o, value: o }, word ? word(o) : o)),
      ),
  });
}

export function CheckField({ path, label }: { path: Path; label: string }) {
  const { form, set } = useEditing();
  const key = pathKey(path);
  const id = fieldId(key);
  return h(
    'div',
    { class: 'field check', 'data-path': key },
    h('label', { for: id }, h('input', { id, type: 'checkbox', checked: getAt(form.document, path) === true, onChange: (e: Event) => set(path, (e.target as HTMLInputElement).checked) }), ` ${label}`),
  );
}

/** Up, down and remove for an item of a list, each saying which item it acts on. */
export function ItemButtons({ name, index, count, onMove, onRemove }: { name: string; index: number; count: number; onMove: (delta: number) => void; onRemove: () => void }) {
  return h(
    'div',
    { class: 'item-buttons' },
    h('button', { type: 'button', class: 'ghost small', disabled: index === 0, 'aria-label': t('levelEditor.moveUp', { name }), onClick: () => onMove(-1) }, '↑'),
    h('button', { type: 'button', class: 'ghost small', disabled: index === count - 1, 'aria-label': t('levelEditor.moveDown', { name }), onClick: () => onMove(1) }, '↓'),
    h('button', { type: 'button', class: 'ghost small danger', 'aria-label': t('levelEditor.removeItem', { name }), onClick: onRemove }, t('common.remove')),
  );
}
