// The parameters of an event or of a live hint's condition, drawn from the fields the schema asks for
// (shared/scenario/editor-model.ts reads them from the zod schema): a number, a word, a choice, a yes/no, a set of
// world areas, or a small piece of data (a security group rule) written as JSON.
import { h } from 'preact';
import { useState } from 'preact/hooks';
import { AREAS } from '../../../shared/geography/regions.ts';
import { getAt, pathKey, type FieldSpec, type Path } from '../../../shared/scenario/editor-model.ts';
import { t } from '../../i18n/index.ts';
import { useEditing } from './context.ts';
import { CheckField, ChoiceField, Field, NumberField, TextField } from './fields.ts';

export const paramLabel = (key: string): string => t(`levelEditor.param.${key}`, { defaultValue: key });

function AreasField({ path, label }: { path: Path; label: string }) {
  const { form, set } = useEditing();
  const chosen = (getAt(form.document, path) as string[] | undefined) ?? [];
  return h(Field, {
    path,
    label,
    hint: t('levelEditor.areasAll'),
    input: (props) =>
      h(
        'div',
        { class: 'area-checks', role: 'group', ...props },
        AREAS.map((a) =>
          h(
            'label',
            { key: a.code, class: 'check' },
            h('input', {
              type: 'checkbox',
              checked: chosen.includes(a.code),
              onChange: (e: Event) => {
                const next = (e.target as HTMLInputElement).checked ? [...chosen, a.code] : chosen.filter((c) => c !== a.code);
                set(path, next.length ? next : undefined);
              },
            }),
            ` ${t(`areas.${a.code}`)}`,
          ),
        ),
      ),
  });
}

function DataField({ path, label }: { path: Path; label: string }) {
  const { form, set } = useEditing();
  const value = getAt(form.document, path);
  const [text, setText] = useState(() => JSON.stringify(value ?? {}));
  return h(Field, {
    path,
    label,
    hint: t('levelEditor.dataHint'),
    wide: true,
    input: (props) =>
      h('input', {
        ...props,
        type: 'text',
        class: 'mono',
        value: text,
        onInput: (e: Event) => {
          const typed = (e.target as HTMLInputElement).value;
          setText(typed);
          try {
            set(path, JSON.parse(typed));
          } catch {
            // Left as typed: the level's check says it is not the shape it should be.
            set(path, typed);
          }
        },
      }),
  });
}

export function ParamField({ base, spec }: { base: Path; spec: FieldSpec }) {
  const path = [...base, spec.key];
  const label = paramLabel(spec.key);
  const key = pathKey(path);
  if (spec.kind === 'number') return h(NumberField, { key, path, label });
  if (spec.kind === 'boolean') return h(CheckField, { key, path, label });
  if (spec.kind === 'choice') return h(ChoiceField, { key, path, label, options: spec.options ?? [], optional: spec.optional });
  if (spec.kind === 'areas') return h(AreasField, { key, path, label });
  if (spec.kind === 'text') return h(TextField, { key, path, label, optional: spec.optional });
  return h(DataField, { key, path, label });
}
