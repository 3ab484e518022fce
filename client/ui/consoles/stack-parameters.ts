// "Specify stack details": the parameters of the template being deployed, drawn from the form the shared
// module decides (shared/template/parameter-form.ts) — its inputs, options, first values and the messages
// under each field. Nothing is checked here: the messages are the deploy's own, in CloudFormation's words.
import { h } from 'preact';
import type { FieldMessage, FieldOption, FormField, ParameterForm } from '../../../shared/template/parameter-form.ts';
import { t } from '../../i18n/index.ts';

function optionLabel(o: FieldOption): string {
  const parts = [o.value];
  if (o.zone) parts.push(o.zone);
  if (o.cidr) parts.push(o.cidr);
  if (o.account) parts.push(t('cfn.params.defaultVpc'));
  return parts.join(' · ');
}

function inputOf(field: FormField, value: string, set: (v: string) => void) {
  const id = `cfn-param-${field.name}`;
  if (field.input === 'select') {
    const known = field.options.some((o) => o.value === value);
    return h(
      'select',
      { id, value, onChange: (e: Event) => set((e.target as HTMLSelectElement).value) },
      value === '' || !known ? h('option', { value }, value === '' ? t('cfn.params.choose') : value) : null,
      field.options.map((o) => h('option', { key: o.value, value: o.value }, optionLabel(o))),
    );
  }
  if (field.input === 'multiSelect') {
    const chosen = value === '' ? [] : value.split(',').map((s) => s.trim());
    const toggle = (v: string, on: boolean) => {
      const next = field.options.map((o) => o.value).filter((o) => (o === v ? on : chosen.includes(o)));
      // Items the player typed elsewhere (not offered) are kept after the offered ones.
      set([...next, ...chosen.filter((c) => !field.options.some((o) => o.value === c))].join(','));
    };
    if (field.options.length === 0) return h('p', { id, class: 'muted' }, t('cfn.params.noOptions'));
    return h(
      'div',
      { id, class: 'param-multi', role: 'group', 'aria-label': field.label },
      field.options.map((o) =>
        h(
          'label',
          { key: o.value },
          h('input', { type: 'checkbox', value: o.value, checked: chosen.includes(o.value), onChange: (e: Event) => toggle(o.value, (e.target as HTMLInputElement).checked) }),
          h('span', {}, optionLabel(o)),
        ),
      ),
    );
  }
  return h('input', {
    id,
    type: field.input === 'password' ? 'password' : 'text',
    autocomplete: field.input === 'password' ? 'new-password' : 'off',
    spellcheck: false,
    ...(field.input === 'number' ? { inputMode: 'decimal' } : {}),
    placeholder: field.input === 'list' ? t('cfn.params.commaList') : '',
    value,
    onInput: (e: Event) => set((e.target as HTMLInputElement).value),
  });
}

/** "Use existing value": an update keeps a NoEcho value it cannot show (UsePreviousValue), as the console offers. */
function UseExisting({ field, kept, keep }: { field: FormField; kept: boolean; keep: (on: boolean) => void }) {
  return h(
    'label',
    { class: 'param-use-existing' },
    h('input', { type: 'checkbox', id: `cfn-param-${field.name}-existing`, checked: kept, onChange: (e: Event) => keep((e.target as HTMLInputElement).checked) }),
    h('span', {}, t('cfn.params.useExisting')),
  );
}

function FieldView({ field, value, kept, messages, set, keep }: { field: FormField; value: string; kept: boolean; messages: FieldMessage[]; set: (v: string) => void; keep: (on: boolean) => void }) {
  const hint =
    kept ? t('cfn.params.useExistingHint')
    : field.initialFrom === 'offer' && value === field.initial ? t('cfn.params.offered')
    : field.initialFrom === 'current' && !field.usePrevious && value === field.initial ? t('cfn.params.current')
    : null;
  return h(
    'div',
    { class: 'param-field', 'data-param': field.name },
    h('label', { for: `cfn-param-${field.name}` }, h('strong', {}, field.label), ' ', h('span', { class: 'muted param-type' }, field.type)),
    field.description ? h('p', { class: 'param-description' }, field.description) : null,
    field.usePrevious ? h(UseExisting, { field, kept, keep }) : null,
    kept ? null : inputOf(field, value, set),
    hint ? h('p', { class: 'muted param-hint' }, hint) : null,
    messages.length > 0
      ? h(
          'ul',
          { class: 'issues param-messages', role: 'alert' },
          messages.map((m, i) => h('li', { key: i, class: m.severity }, `${m.severity === 'error' ? '✕' : '⚠'} ${m.message}`)),
        )
      : null,
  );
}

export function StackParameters({
  form,
  values,
  kept,
  messages,
  set,
  keep,
}: {
  form: ParameterForm;
  values: Record<string, string>;
  /** The fields kept at the stack's current value ("Use existing value"). */
  kept: readonly string[];
  messages: Record<string, FieldMessage[]>;
  set: (name: string, value: string) => void;
  keep: (name: string, on: boolean) => void;
}) {
  if (form.groups.length === 0) return null;
  const labelled = form.groups.some((g) => g.label !== undefined);
  return h(
    'section',
    { class: 'cfn-parameters', id: 'cfn-parameters' },
    h('h4', {}, t('cfn.params.title')),
    form.groups.map((g, i) =>
      h(
        'fieldset',
        { key: i, class: 'param-group' },
        g.label !== undefined ? h('legend', {}, g.label) : labelled ? h('legend', {}, t('cfn.params.other')) : null,
        g.fields.map((f) =>
          h(FieldView, {
            key: f.name,
            field: f,
            value: values[f.name] ?? f.initial,
            kept: kept.includes(f.name),
            messages: messages[f.name] ?? [],
            set: (v: string) => set(f.name, v),
            keep: (on: boolean) => keep(f.name, on),
          }),
        ),
      ),
    ),
  );
}
