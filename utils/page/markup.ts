/**
 * Every element name and attribute JAK Lens adds to a PubMed or PMC page, defined once. The page's
 * own markup is read through ./selectors.ts; this is the other direction: what we write into it.
 */

/** The custom element wrapped around a recognised term (a term mark). */
export const TERM_MARK_TAG = 'jl-mark';

/** The summary panel's shadow host; one per page. */
export const PANEL_HOST = 'jak-lens-panel';
/** The mark card's shadow host (tag and id); one per page. */
export const MARK_CARD_HOST = 'jl-mark-card';
/**
 * The shadow host the reader's highlights are drawn in (utils/reader-highlights/overlay.ts): one per
 * article page, present whether or not the reader highlighted anything, and never around the text.
 */
export const READER_HIGHLIGHT_LAYER_HOST = 'jl-reader-layer';
/** The floating "Highlight" bar's shadow host, shown over the reader's selection. */
export const SELECTION_ACTION_HOST = 'jl-selection-action';

/** On every element JAK Lens adds (shadow hosts, panels, cards, styles): never marked, never read. */
export const UI_ATTR = 'data-jl-ui';
/** A term mark's kind: drug, target, disease or watch. */
export const KIND_ATTR = 'data-jl-kind';
/** A term mark's term id ("drug:baricitinib"). */
export const TERM_ATTR = 'data-jl-term';
/** A watch-list mark's label, as the reader typed it. */
export const LABEL_ATTR = 'data-jl-label';
/** Set for about a second on the mark next-mention just reached (the stylesheet animates it). */
export const FLASH_ATTR = 'data-jl-flash';
/** On a search result once handled, so it is never annotated twice. */
export const DONE_ATTR = 'data-jl-done';
/** On search results the "Show only these" filter hides (a style rule does the hiding). */
export const HIDDEN_ATTR = 'data-jl-hidden';
