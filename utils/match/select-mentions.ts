/**
 * Which of a finder's mentions in one string become marks: the same selection for the analysis
 * (utils/classify/analyse-article.ts, before any DOM write) and for the marks themselves, so the
 * counts the panel shows are the marks the page gets. Pure: strings and offsets.
 */
import type { Mention, MentionKind } from './mention';

/**
 * Cleans a finder's output for one string: keeps the wanted kinds, drops empty, out-of-range and
 * overlapping mentions (first start wins, then the longest), and sorts by start.
 */
export function selectMentions(
  mentions: readonly Mention[],
  length: number,
  kinds: ReadonlySet<MentionKind> | undefined,
): readonly Mention[] {
  if (isClean(mentions, length, kinds)) return mentions;
  const usable = mentions.filter(
    (m) => m.start >= 0 && m.end > m.start && m.end <= length && (!kinds || kinds.has(m.kind)),
  );
  usable.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Mention[] = [];
  let end = 0;
  for (const m of usable) {
    if (m.start < end) continue;
    out.push(m);
    end = m.end;
  }
  return out;
}

/** The usual case, checked without allocating: sorted, non-overlapping, in range, wanted kinds. */
function isClean(
  mentions: readonly Mention[],
  length: number,
  kinds: ReadonlySet<MentionKind> | undefined,
): boolean {
  let end = 0;
  for (const m of mentions) {
    if (m.start < end || m.end <= m.start || m.end > length) return false;
    if (kinds && !kinds.has(m.kind)) return false;
    end = m.end;
  }
  return true;
}
