// The proof, side by side: the reference design and the naive one, each run through the level in the browser's
// worker, with their figures and every objective met or missed. A level is publishable only when the reference
// meets every primary objective; the naive design winning too is a warning.
import { h } from 'preact';
import type { DesignProof, LevelDocumentProof } from '../../../shared/match/prove-level.ts';
import { formatNumber, language, t } from '../../i18n/index.ts';
import { Stars } from '../stars.ts';
import { metricName } from './objectives-section.ts';

const percent = (v: number) => `${(v * 100).toFixed(3)}%`;
/** An objective's figure as read: four significant digits at most, in the player's number format. */
const figure = (v: number) => Number(v.toPrecision(4)).toLocaleString(language() === 'ko' ? 'ko-KR' : 'en-US', { maximumFractionDigits: 4 });

function DesignColumn({ which, proof }: { which: 'reference' | 'naive'; proof: DesignProof }) {
  return h(
    'div',
    { class: `proof-design ${proof.primaryMet ? 'won' : 'lost'}`, 'data-design': which },
    h('h3', {}, t(`levelEditor.${which}`)),
    h('p', { class: 'verdict' }, proof.primaryMet ? `✓ ${t('levelEditor.proofWins')}` : `✗ ${t('levelEditor.proofLoses', { missed: proof.missed.join(', ') })}`),
    h(
      'dl',
      { class: 'facts' },
      h('dt', {}, t('levelEditor.metric.availability')),
      h('dd', { 'data-figure': 'availability' }, percent(proof.availability)),
      h('dt', {}, t('levelEditor.metric.latencyP95')),
      h('dd', { 'data-figure': 'p95' }, `${formatNumber(Math.round(proof.latencyP95Ms))} ms`),
      h('dt', {}, t('levelEditor.metric.cost')),
      h('dd', { 'data-figure': 'cost' }, `$${proof.costUsd.toFixed(2)}`),
      h('dt', {}, t('levelEditor.score')),
      h('dd', { 'data-figure': 'score' }, String(Math.round(proof.score))),
      h('dt', {}, t('levelEditor.starsEarned')),
      h('dd', { 'data-figure': 'stars', 'data-stars': proof.stars }, h(Stars, { earned: proof.stars })),
    ),
    h(
      'ul',
      { class: 'proof-objectives' },
      proof.objectives.map((o) =>
        h(
          'li',
          { key: o.id, class: o.met ? 'met' : 'missed', 'data-objective': o.id },
          `${o.met ? '✓' : '✗'} ${o.id}${o.primary ? ` (${t('levelEditor.primaryShort')})` : ''}: ${metricName(o.metric)} ${figure(o.value)} / ${figure(o.target)} — ${o.met ? t('levelEditor.met') : t('levelEditor.missed')}`,
        ),
      ),
    ),
  );
}

export function ProofPanel({ answer, stale, busy, canProve, onProve }: { answer: LevelDocumentProof | null; stale: boolean; busy: boolean; canProve: boolean; onProve: () => void }) {
  return h(
    'section',
    { class: 'editor-section proof', 'aria-labelledby': 'level-proof-head', 'aria-busy': busy ? 'true' : 'false' },
    h('h2', { id: 'level-proof-head' }, t('levelEditor.proof')),
    h('p', { class: 'explain' }, t('levelEditor.proofHint')),
    h('button', { type: 'button', class: 'primary', id: 'level-prove', disabled: busy || !canProve, onClick: onProve }, busy ? t('levelEditor.proving') : t('levelEditor.prove')),
    !canProve ? h('p', { class: 'muted' }, t('levelEditor.fixFirst')) : null,
    h(
      'div',
      { role: 'status', 'aria-live': 'polite', id: 'level-proof' },
      answer && !answer.ok ? h('p', { class: 'field-error' }, `⚠ ${answer.message}`) : null,
      answer && answer.ok
        ? h(
            'div',
            {},
            stale ? h('p', { class: 'warn' }, `⚠ ${t('levelEditor.proofStale')}`) : null,
            h('div', { class: 'proof-columns' }, h(DesignColumn, { which: 'reference', proof: answer.proof.reference }), h(DesignColumn, { which: 'naive', proof: answer.proof.naive })),
            stale ? null : answer.proof.publishable ? h('p', { class: 'ok', id: 'level-publishable' }, `✓ ${t('levelEditor.publishable')}`) : h('p', { class: 'field-error' }, `⚠ ${t('levelEditor.notPublishable')}`),
            !stale && answer.proof.naiveWins ? h('p', { class: 'warn', id: 'level-naive-wins' }, `⚠ ${t('levelEditor.naiveWins')}`) : null,
            answer.warnings.length ? h('ul', { class: 'muted' }, answer.warnings.slice(0, 5).map((w, i) => h('li', { key: i }, `${w.path}: ${w.message}`))) : null,
          )
        : null,
    ),
  );
}
