import type { Target } from '../drivers/types';

/**
 * A selector inside the note editor, which runs in an extension iframe in the panel's shadow root
 * (entrypoints/note-frame/): page scripts cannot reach it, only the test driver can.
 */
export const inNote = (inner: string): Target => ({
  host: 'jak-lens-panel',
  frame: 'iframe.jl-note-frame',
  inner,
});
