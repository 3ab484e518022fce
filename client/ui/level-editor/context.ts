// What every part of the editor reads: the form, the way to change it, and the problems placed on its fields.
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { LevelForm, Path, PlacedIssues } from '../../../shared/scenario/editor-model.ts';

export interface Editing {
  form: LevelForm;
  /** Sets one value of the level document (undefined removes it). */
  set(path: Path, value: unknown): void;
  /** Changes the form as a whole (the boards, a list). */
  update(change: (form: LevelForm) => LevelForm): void;
  placed: PlacedIssues;
}

export const EditorContext = createContext<Editing | null>(null);

export function useEditing(): Editing {
  const editing = useContext(EditorContext);
  if (!editing) throw new Error('an editor field outside the editor');
  return editing;
}
