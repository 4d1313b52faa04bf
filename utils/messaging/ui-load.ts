/**
 * The content script's one request that is not about data: "load the rest of JAK Lens into this
 * frame". The always-on script (entrypoints/pubmed.content/) is small; the summary panel, the mark
 * card and their knowledge facts are a second script (entrypoints/pubmed-ui.ts) that the background
 * injects into the asking tab's frame on a relevant article, a first hover of a mark or a keyboard
 * command. Nothing else is ever injected, and only into a frame of an annotated site.
 */

/** The message, and the file the background injects for it (WXT's unlisted-script output). */
export const UI_LOAD_MESSAGE = 'ui/load';
export const UI_SCRIPT_FILE = '/pubmed-ui.js';

export function isUiLoadMessage(raw: unknown): boolean {
  return (
    typeof raw === 'object' &&
    raw !== null &&
    (raw as { type?: unknown }).type === UI_LOAD_MESSAGE &&
    Object.keys(raw).length === 1
  );
}
