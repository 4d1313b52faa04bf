/**
 * utils/match/: finding terms in text: the knowledge-base matcher, term RegExp pieces, abbreviation
 * guards, the mention type and the reader's watch list as a finder. Strings in, offsets out; may import
 * utils/knowledge/ and settings types, never the DOM.
 */
/**
 * The matcher: one pass of one combined RegExp over a string finds every knowledge-base term
 * (longest match wins, ASCII word boundaries, per-form case rules, tolerant code names).
 * Pure: strings in, offsets out; the DOM highlighter and the classifier both use it.
 */
import type { KnowledgeKind, Mention } from './mention';
import { DEFAULT_TERMS } from '../knowledge/terms';
import type { Term, TermGroup } from '../knowledge/types';
import { termKey, formTexts, spellingSource, combineSources } from './term-regex';
import { compileGuard, passesGuard, type AbbreviationGuard } from './abbreviation-guards';

/** What a term id stands for. */
export interface TermInfo {
  id: string;
  label: string;
  kind: KnowledgeKind;
  group: TermGroup;
}

/** How far around an abbreviation a definition is looked for ("long form … (ABBR)"). */
const DEFINITION_REACH = 90;

const MEMO_LIMIT = 5000;

interface Entry {
  term: Term;
  guard: AbbreviationGuard | null;
}

/** A compiled matcher: a MentionFinder that also accepts a wider context for abbreviations. */
export interface Matcher {
  /**
   * Finds mentions in `text`. Ambiguous abbreviations are judged against `context` when given
   * (e.g. the whole article while highlighting one paragraph), otherwise against `text`.
   */
  find: (text: string, context?: string) => Mention[];
  /** Source of the combined RegExp (flags "gi"), e.g. for benchmarking a bare scan. */
  source: string;
  info: (termId: string) => TermInfo | undefined;
}

/** Compiles terms into one matcher. Compile once and reuse: building the RegExp is the costly part. */
export function compileMatcher(terms: readonly Term[]): Matcher {
  const exact = new Map<string, Entry>();
  const anyCase = new Map<string, Entry>();
  const infos = new Map<string, TermInfo>();
  const spellings: { source: string; length: number }[] = [];
  for (const term of terms) {
    if (!term.silent) {
      infos.set(term.id, { id: term.id, label: term.label, kind: term.kind, group: term.group });
    }
    for (const form of term.forms) {
      for (const text of formTexts(form)) {
        const guard = form.guard ? compileGuard(term, text, form.guard) : null;
        const key = termKey(text);
        if (form.rule === 'exact-case') exact.set(key, { term, guard });
        else if (!anyCase.has(key.toLowerCase())) anyCase.set(key.toLowerCase(), { term, guard });
        spellings.push({ source: spellingSource(text, form.rule), length: key.length });
      }
    }
  }
  const source = combineSources(spellings);
  const pattern = new RegExp(source, 'gi');

  // The same few spellings recur on a page; remembering their entries skips the key work.
  const memo = new Map<string, Entry | null>();
  function lookup(matched: string): Entry | null {
    let entry = memo.get(matched);
    if (entry === undefined) {
      const key = termKey(matched);
      entry = exact.get(key) ?? anyCase.get(key.toLowerCase()) ?? null;
      if (memo.size > MEMO_LIMIT) memo.clear();
      memo.set(matched, entry);
    }
    return entry;
  }

  function scan(text: string): { mention: Mention; entry: Entry }[] {
    const found: { mention: Mention; entry: Entry }[] = [];
    // Shared RegExp: resetting lastIndex keeps calls independent (the scan never yields midway).
    pattern.lastIndex = 0;
    let match: RegExpExecArray | null;
    while ((match = pattern.exec(text)) !== null) {
      const entry = lookup(match[0]);
      if (!entry) {
        // Right letters, wrong case ("Jak", "dm"): retry from the next character.
        pattern.lastIndex = match.index + 1;
        continue;
      }
      if (entry.term.silent) continue;
      const { id, kind } = entry.term;
      found.push({
        mention: { start: match.index, end: match.index + match[0].length, termId: id, kind },
        entry,
      });
    }
    return found;
  }

  type Hit = { mention: Mention; entry: Entry };
  let lastContext: string | undefined;
  let lastContextHits: Hit[] = [];

  function unguardedGroups(hits: Hit[]): Set<TermGroup> {
    return new Set(hits.filter((h) => !h.entry.guard).map((h) => h.entry.term.group));
  }

  /**
   * A definition ("dermatomyositis (DM)") sits around one of the abbreviation's own occurrences,
   * so only short windows around those are tested, never the whole page.
   */
  function isDefined(guard: AbbreviationGuard, text: string, hits: Hit[]): boolean {
    return hits.some(
      (h) =>
        h.entry.guard === guard &&
        guard.definition.test(
          text.slice(
            Math.max(0, h.mention.start - DEFINITION_REACH),
            h.mention.end + DEFINITION_REACH,
          ),
        ),
    );
  }

  function find(text: string, context?: string): Mention[] {
    const hits = scan(text);
    if (!hits.some((h) => h.entry.guard)) return hits.map((h) => h.mention);
    const ctx = context ?? text;
    let ctxHits = hits;
    if (context !== undefined && context !== text) {
      if (context !== lastContext) {
        lastContext = context;
        lastContextHits = scan(context);
      }
      ctxHits = lastContextHits;
    }
    const groups = new Set([...unguardedGroups(ctxHits), ...unguardedGroups(hits)]);
    const verdicts = new Map<AbbreviationGuard, boolean>();
    return hits
      .filter(({ entry: { guard } }) => {
        if (!guard) return true;
        let ok = verdicts.get(guard);
        if (ok === undefined) {
          const defined =
            isDefined(guard, text, hits) || (ctxHits !== hits && isDefined(guard, ctx, ctxHits));
          ok = passesGuard(
            guard,
            ctx,
            defined,
            guard.groups.some((g) => groups.has(g)),
          );
          verdicts.set(guard, ok);
        }
        return ok;
      })
      .map((h) => h.mention);
  }

  return { find, source, info: (termId) => infos.get(termId) };
}

let defaultMatcher: Matcher | undefined;

/** The matcher over the default knowledge base, compiled on first use. */
export function getDefaultMatcher(): Matcher {
  defaultMatcher ??= compileMatcher(DEFAULT_TERMS);
  return defaultMatcher;
}

/**
 * Finds every knowledge-base term in `text` with the default matcher.
 * @param context wider text used to judge ambiguous abbreviations such as "DM"
 */
export function findMentions(text: string, context?: string): Mention[] {
  return getDefaultMatcher().find(text, context);
}

/** Label, kind and classifier group of a default term id, e.g. "target:JAK1". */
export function termInfo(termId: string): TermInfo | undefined {
  return getDefaultMatcher().info(termId);
}
