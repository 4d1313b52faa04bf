/**
 * Tag normalisation, shared by the repository (what is stored) and the editor (what is suggested).
 * Pure: no storage, no DOM.
 */

export const MAX_TAGS = 50;
export const MAX_TAG_LENGTH = 64;

/** Prefixes of tags that name a knowledge-base entity, e.g. "drug:baricitinib", "target:JAK1". */
export const ENTITY_TAG_PREFIXES = ['drug', 'target', 'disease'] as const;

const ENTITY_TAG = new RegExp(`^(${ENTITY_TAG_PREFIXES.join('|')})\\s*:\\s*(.+)$`, 'i');

/**
 * One tag as stored: trimmed, inner whitespace collapsed, an entity prefix lower-cased and joined to
 * its name ("Drug : Baricitinib" → "drug:Baricitinib"; the name keeps its case so "target:JAK1" stays
 * readable). Returns '' for a tag that is empty after trimming.
 */
export function normalizeTag(raw: string): string {
  const tag = raw.trim().replace(/\s+/g, ' ');
  const entity = ENTITY_TAG.exec(tag);
  if (entity?.[1] && entity[2]) return `${entity[1].toLowerCase()}:${entity[2]}`;
  return tag;
}

/**
 * Normalises a list of tags and removes duplicates that differ only in case, keeping the first
 * spelling and the reader's order. Empty tags are dropped.
 */
export function normalizeTags(raw: readonly string[]): string[] {
  const seen = new Set<string>();
  const tags: string[] = [];
  for (const value of raw) {
    const tag = normalizeTag(value);
    const folded = tag.toLowerCase();
    if (!tag || seen.has(folded)) continue;
    seen.add(folded);
    tags.push(tag);
  }
  return tags;
}

/**
 * Tag suggestions for the editor: `known` (the reader's tags, then entities found on the page), minus
 * those already on the note, filtered by what the reader is typing (case-insensitive substring).
 */
export function suggestTags(
  known: readonly string[],
  current: readonly string[],
  typed = '',
  limit = 10,
): string[] {
  const taken = new Set(current.map((t) => t.toLowerCase()));
  const query = normalizeTag(typed).toLowerCase();
  return normalizeTags(known)
    .filter((t) => !taken.has(t.toLowerCase()) && t.toLowerCase().includes(query))
    .slice(0, limit);
}
