/**
 * The fixed choices stored in notes, highlights and articles. Kept apart from utils/storage/db.ts so the
 * message schemas (bundled into the content script) can use them without pulling in Dexie.
 */

/** The reader's reading status for an article. */
export const READING_STATUSES = ['to-read', 'reading', 'read', 'key-paper'] as const;
export type ReadingStatus = (typeof READING_STATUSES)[number];

export const HIGHLIGHT_COLORS = ['yellow', 'green', 'blue', 'pink', 'purple'] as const;
export type HighlightColor = (typeof HIGHLIGHT_COLORS)[number];

// The classifier's words, stored with each article (defined in utils/classify/verdict-terms.ts).
export {
  RELEVANCES,
  DISEASE_KINDS,
  type Relevance,
  type DiseaseKind,
} from '../classify/verdict-terms';
