/** What the highlighter and the classifier share: one recognised term at a place in a text. */
export type MentionKind = 'drug' | 'target' | 'disease' | 'watch';

/** The kinds the knowledge base knows; 'watch' is the reader's own list (utils/watch-finder.ts). */
export type KnowledgeKind = Exclude<MentionKind, 'watch'>;

export interface Mention {
  /** Offset of the first character, in UTF-16 code units of the searched string. */
  start: number;
  /** Offset just past the last character. */
  end: number;
  /** Stable id of the knowledge-base term, e.g. "drug:baricitinib", "target:JAK1", "disease:jdm". */
  termId: string;
  kind: MentionKind;
  /** The reader's label for a watch-list term, shown on its mark; absent for knowledge-base terms. */
  label?: string;
}

/** A function that finds mentions in one string; the DOM highlighter takes any such finder. */
export type MentionFinder = (text: string) => Mention[];
