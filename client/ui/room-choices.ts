// The teacher form's two choices about the room itself: whether the build time running out starts the match
// (so nobody waits for the teacher), and whether students may still join once it has started.
import { h } from 'preact';
import { t } from '../i18n/index.ts';
import type { CompetitionForm } from '../view/competition-form.ts';

type Choices = Pick<CompetitionForm, 'autoStart' | 'lateJoins'>;

export function RoomChoices({ form, onChange }: { form: Choices; onChange: (choice: Partial<Choices>) => void }) {
  const box = (id: string, key: keyof Choices, label: string, hint: string) =>
    h(
      'div',
      { class: 'field room-choice', 'data-field': id },
      h('label', { class: 'check' }, h('input', { type: 'checkbox', id, checked: form[key], onChange: (e: Event) => onChange({ [key]: (e.target as HTMLInputElement).checked }) }), ' ', label),
      h('p', { class: 'explain' }, hint),
    );
  return h(
    'div',
    { class: 'room-choices' },
    box('competition-auto-start', 'autoStart', t('teacher.autoStart'), t('teacher.autoStartHint')),
    box('competition-late-joins', 'lateJoins', t('teacher.lateJoins'), t('teacher.lateJoinsHint')),
  );
}
