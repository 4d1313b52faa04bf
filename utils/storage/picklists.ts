/**
 * The fixed choices stored in notes, highlights and articles. Kept apart from utils/db.ts so the
 * message schemas (bundled into the content script) can use them without pulling in Dexie.
 */

/** The reader's reading status for an article. */
export const READING_STATUSES = ['to-read', 'reading', 'read', 'key-paper'] as const;
export type ReadingStatus = (typeof READING_STATUSES)[number];

export const HIGHLIGHT_COLORS = ['yellow', 'green', 'blue', 'pink', 'purple'] as const;
export type HighlightColor = (typeof HIGHLIGHT_COLORS)[number];

// The two below mirror utils/classify.ts (`Relevance`) and utils/classify-disease.ts (`DiseaseKind`) on
// main; when the branches meet, import those types here instead of repeating them.

/** 'core' = myositis AND JAK inhibition; 'disease' or 'jak' = only one of them. */
export const RELEVANCES = ['core', 'disease', 'jak', 'none'] as const;
export type Relevance = (typeof RELEVANCES)[number];

export const DISEASE_KINDS = ['jdm', 'dm', 'iim'] as const;
export type DiseaseKind = (typeof DISEASE_KINDS)[number];
