// What executing a change set does to a running resource in the game, beside AWS's Replacement column: the
// room's decision (ResourceChange.physical, decided in shared/template/update-behaviour.ts) put into words, and
// why, with AWS's own wording for each deciding property. Nothing is decided here: an absent decision is a dash.
import type { ResourceChange } from '../../../shared/template/change-set.ts';
import { t } from '../../i18n/index.ts';

export interface PhysicalCell {
  /** "Stop and start", "New physical resource", "In place", or '-' (an Add or Remove). */
  label: string;
  /** A class for the cell's colour: the stronger, the louder. */
  tone: 'physical-replacement' | 'physical-interruption' | 'physical-none' | '';
  /** The reasons, one line per deciding property; shown where AWS's column alone would not tell (Conditional, or an interruption). */
  why: string[];
}

export function physicalCell(change: ResourceChange): PhysicalCell {
  const physical = change.physical;
  if (physical === undefined) return { label: '-', tone: '', why: [] };
  const label = t(`cfn.changeSet.physicals.${physical}`);
  const explain = change.replacement === 'Conditional' || physical === 'interruption';
  const why = explain
    ? (change.physicalBecause ?? []).map((r) =>
        r.via ? t('cfn.changeSet.whyVia', { property: r.property, via: r.via, aws: r.aws }) : t('cfn.changeSet.why', { property: r.property, aws: r.aws }),
      )
    : [];
  return { label, tone: `physical-${physical}`, why };
}
