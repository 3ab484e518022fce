import { h } from 'preact';
import { LANGUAGES, setLanguage, t } from '../i18n/index.ts';
import { useLanguage } from './hooks.ts';

// English and Korean, switchable at any moment: every panel and the board re-read their words.
export function LanguageSwitch() {
  const current = useLanguage();
  return h(
    'div',
    { class: 'language-switch', role: 'group', 'aria-label': t('language.label') },
    LANGUAGES.map((l) =>
      h(
        'button',
        { type: 'button', class: l === current ? 'on' : '', 'aria-pressed': String(l === current), 'data-lang': l, title: t(`language.${l}`), onClick: () => setLanguage(l) },
        // The top bar shows the short form when it is narrow (styles.css).
        h('span', { class: 'lang-long' }, t(`language.${l}`)),
        h('span', { class: 'lang-short' }, l.toUpperCase()),
      ),
    ),
  );
}
