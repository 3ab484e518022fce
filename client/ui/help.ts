// The help card: what the board's shortcuts are and how a first build goes.
import { h } from 'preact';
import type { HowToPlayStep } from '../../shared/scenario/how-to-play.ts';
import { useState } from 'preact/hooks';
import { t } from '../i18n/index.ts';
import { setSingleKeyShortcuts, singleKeyShortcutsOn } from './shortcut-setting.ts';

const KEYS: [string, string][] = [
  ['1 … 0, Q, R', 'help.keyPalette'],
  ['Esc', 'help.keyEscape'],
  ['C', 'help.keyConnect'],
  ['Del', 'help.keyDelete'],
  ['Ctrl+Z', 'help.keyUndo'],
  ['+ / −', 'help.keyZoom'],
  ['← ↑ → ↓', 'help.keyPan'],
  ['H', 'help.keyFit'],
  ['Space', 'help.keySpace'],
  ['W B T V F I N E L', 'help.keyConsoles'],
  ['?', 'help.keyHelp'],
];

/** The switch that turns single-key shortcuts off (and on again). */
function ShortcutSwitch() {
  const [on, setOn] = useState(singleKeyShortcutsOn());
  return h(
    'label',
    { class: 'shortcut-switch' },
    h('input', {
      type: 'checkbox',
      id: 'single-key-shortcuts',
      checked: on,
      onChange: (e: Event) => {
        const value = (e.target as HTMLInputElement).checked;
        setSingleKeyShortcuts(value);
        setOn(value);
      },
    }),
    ` ${t('help.singleKeys')}`,
  );
}

/** `steps`: the level's own "How to play" steps (shared/scenario/how-to-play.ts). */
export function Help({ steps, onClose }: { steps: readonly HowToPlayStep[]; onClose: () => void }) {
  return h(
    'div',
    { class: 'help-card', role: 'dialog', 'aria-label': t('help.title') },
    h('header', {}, h('h2', {}, t('help.title')), h('button', { type: 'button', class: 'ghost', onClick: onClose, 'aria-label': t('common.close') }, '✕')),
    h('ol', { class: 'steps' }, steps.map((k) => h('li', { key: k }, t(`help.step.${k}`)))),
    h('dl', { class: 'keys' }, KEYS.flatMap(([k, d]) => [h('dt', { key: `${k}t` }, h('kbd', {}, k)), h('dd', { key: `${k}d` }, t(d))])),
    h(ShortcutSwitch, {}),
  );
}
