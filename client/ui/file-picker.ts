// A hidden file input that a visible button opens (`inputRef.current.click()`): the chosen file is handed on and the
// input cleared, so choosing the same file again (after fixing it) is read again.
import { h } from 'preact';
import type { RefObject } from 'preact';

export function HiddenFileInput({ id, inputRef, accept, onFile }: { id: string; inputRef: RefObject<HTMLInputElement | null>; accept: string; onFile: (file: File) => void }) {
  return h('input', {
    id,
    ref: inputRef,
    type: 'file',
    accept,
    hidden: true,
    onChange: (e: Event) => {
      const input = e.target as HTMLInputElement;
      const file = input.files?.[0];
      input.value = '';
      if (file) onFile(file);
    },
  });
}
