// The solo campaign: the scenarios the server offers as a path of levels, with the stars earned in this
// browser; a level opens when the one before it earned a star. Choosing one shows its briefing.
import { h, type ComponentChildren } from 'preact';
import { formatClock, formatNumber, t } from '../i18n/index.ts';
import { localised, type ScenarioSummary } from '../net/scenarios.ts';
import { isOpen, totalStars, type CampaignProgress } from '../view/campaign-progress.ts';
import { useLanguage } from './hooks.ts';
import { LanguageSwitch } from './language-switch.ts';
import { Stars } from './stars.ts';

export function CampaignMap({ scenarios, progress, onPick, onBack }: { scenarios: ScenarioSummary[]; progress: CampaignProgress; onPick: (s: ScenarioSummary) => void; onBack: () => void }) {
  const lang = useLanguage();
  const ids = scenarios.map((s) => s.id);
  const next = scenarios.find((s) => isOpen(ids, s.id, progress) && (progress[s.id]?.stars ?? 0) === 0);
  return h(
    'main',
    { class: 'campaign' },
    h(
      'header',
      { class: 'campaign-head' },
      h('button', { type: 'button', class: 'ghost', onClick: onBack }, `← ${t('common.back')}`),
      h('h1', {}, t('campaign.title')),
      h('span', { class: 'campaign-total' }, t('campaign.total', { stars: totalStars(progress), max: scenarios.length * 3 })),
      h(LanguageSwitch, {}),
    ),
    h('p', { class: 'campaign-intro' }, t('campaign.intro')),
    h(
      'ol',
      { class: 'levels' },
      scenarios.map((s, i) => {
        const open = isOpen(ids, s.id, progress);
        const earned = progress[s.id]?.stars ?? 0;
        return h(
          'li',
          { key: s.id, class: `level ${open ? 'open' : 'locked'} ${next?.id === s.id ? 'next' : ''} ${earned > 0 ? 'done' : ''}` },
          h(
            'button',
            { type: 'button', class: 'level-button', 'data-scenario': s.id, onClick: () => onPick(s) },
            h('span', { class: 'level-number' }, String(i + 1)),
            h(
              'span',
              { class: 'level-text' },
              h('strong', {}, localised(s, lang).title),
              h('span', { class: 'muted' }, `${formatClock(s.durationS)} · ${t('campaign.budget', { usd: s.budgetUsd })}`),
            ),
            open ? null : h('span', { class: 'pill' }, t('campaign.locked')),
            h(Stars, { earned }),
            next?.id === s.id ? h('span', { class: 'level-next' }, t('campaign.next')) : null,
          ),
        );
      }),
    ),
  );
}

/** The traffic the level's peak brings, from the scenario's own figures: a term and its description for a `dl`. */
export function peakFact(scenario: ScenarioSummary) {
  const p = scenario.peak;
  if (!p || p.rps <= 0) return [];
  const value = p.rps > p.startRps ? t('briefing.peakValue', { peak: formatNumber(p.rps), start: formatNumber(p.startRps), time: formatClock(p.atS) }) : t('briefing.peakSteady', { peak: formatNumber(p.rps) });
  return [h('dt', { key: 'peak-t' }, t('briefing.peak')), h('dd', { key: 'peak-d', class: 'peak' }, value)];
}

/** `backLabel` names where Back goes (the campaign by default); `children` are more ways to play (a published level's). */
export function Briefing({ scenario, locked, busy, onStart, onBack, backLabel, children }: { scenario: ScenarioSummary; locked: boolean; busy: boolean; onStart: () => void; onBack: () => void; backLabel?: string; children?: ComponentChildren }) {
  const words = localised(scenario, useLanguage());
  return h(
    'main',
    { class: 'briefing' },
    h(
      'section',
      { class: 'briefing-card' },
      h('div', { class: 'briefing-top' }, h('button', { type: 'button', class: 'ghost', onClick: onBack }, `← ${backLabel ?? t('campaign.title')}`), h(LanguageSwitch, {})),
      h('p', { class: 'eyebrow' }, t('briefing.eyebrow')),
      h('h1', { id: 'briefing-title' }, words.title),
      h('h2', {}, t('briefing.goal')),
      h('p', { class: 'goal' }, words.teachingGoal || t('briefing.noGoal')),
      h(
        'dl',
        { class: 'facts' },
        h('dt', {}, t('briefing.duration')),
        h('dd', {}, t('briefing.durationValue', { clock: formatClock(scenario.durationS) })),
        h('dt', {}, t('briefing.budget')),
        h('dd', {}, `$${scenario.budgetUsd}`),
        ...peakFact(scenario),
        h('dt', {}, t('briefing.latency')),
        h('dd', {}, t('briefing.latencyValue', { ms: scenario.latencyObjectiveMs })),
        h('dt', {}, t('briefing.stars')),
        h('dd', {}, scenario.stars.map((s, i) => `${'★'.repeat(i + 1)} ${s}`).join('   ')),
      ),
      words.hints.length ? h('h2', {}, t('briefing.tips')) : null,
      words.hints.length ? h('ul', { class: 'steps' }, words.hints.map((hint, i) => h('li', { key: i }, hint))) : null,
      h('h2', {}, t('briefing.howTo')),
      h('ol', { class: 'steps' }, ['build', 'connect', 'start', 'watch'].map((k) => h('li', { key: k }, t(`briefing.step.${k}`)))),
      locked ? h('p', { class: 'warn' }, t('briefing.locked')) : null,
      h('button', { id: 'start-scenario', type: 'button', class: 'primary big', disabled: busy, onClick: onStart }, busy ? t('common.wait') : t('briefing.start')),
      children,
    ),
  );
}
