/**
 * Everything the article page shows about an article, worked out before the page is touched: the
 * verdict, the mentions the term marks will wrap in each root, the panel's per-drug mention counts
 * and the entity tags the note editor suggests. Pure: the article and the text of the page's
 * markable text nodes in (utils/term-marks/mark-terms.ts `markableTexts`), plain data out. The page
 * then only applies the result, so nothing has to be read back off the marks.
 */
import type { Article } from '../article';
import { classifyScanned, type Verdict } from '../classify';
import { rangeMembers } from '../knowledge/ranges';
import { findMentions } from '../match/find-mentions';
import type { Mention, MentionFinder } from '../match/mention';
import { selectMentions } from '../match/select-mentions';
import { compileWatchFinder, composeFinders } from '../match/watch-finder';
import type { WatchTerm } from '../settings/settings';
import { hitTermIds, scanArticle } from './scan';

export interface ArticleAnalysis {
  verdict: Verdict;
  /** Per root, per markable text (in the order given), the mentions that become marks. */
  mentions: (readonly Mention[])[][];
  /** Marks per drug term id ("drug:baricitinib" → 3), for the panel's mention counts. */
  drugCounts: Record<string, number>;
  /** The note editor's suggestions: the inhibitors found, and the targets and antibodies marked. */
  entityTags: string[];
  /**
   * The term id of every hit the classifier's scan found in the article record, in scan order
   * (repeats kept): the panel counts antibodies and JAKs from it (utils/panel/model.ts).
   */
  scannedTermIds: string[];
}

/**
 * The finder the article's term marks use: knowledge-base terms, with ambiguous abbreviations (DM,
 * PM, IIM) judged against the whole article rather than one text node, and the reader's watch-list
 * terms where they overlap none (utils/match/watch-finder.ts). Only the marks see the watch list:
 * the verdict comes from the classifier, which never does.
 */
export function articleMentionFinder(
  article: Article,
  watchList: readonly WatchTerm[],
): MentionFinder {
  const context = [article.title, article.abstract, article.keywords.join('; ')].join('\n');
  return composeFinders((text) => findMentions(text, context), compileWatchFinder(watchList));
}

/**
 * Analyses an article and the text it will be marked in. `rootTexts` holds, per root, the data of
 * each markable text node; the mentions come back in the same shape, selected exactly as the
 * marking pass selects them, so the counts and tags match the marks the page gets.
 */
export function analyseArticle(
  article: Article,
  rootTexts: readonly (readonly string[])[],
  watchList: readonly WatchTerm[] = [],
): ArticleAnalysis {
  const steps = analysisSteps(article, rootTexts, watchList);
  let step = steps.next();
  while (!step.done) step = steps.next();
  return step.value;
}

export interface SlicedAnalysisOptions {
  /** Resolves once the browser has had the main thread (utils/yield-to-main.ts `yieldToMain`). */
  yieldFn: () => Promise<unknown>;
  /** Work per slice before yielding, in ms (default 8): far from a 50 ms long task. */
  budgetMs?: number;
  /** Stops between slices: the promise rejects with the signal's reason. */
  signal?: AbortSignal;
  /** The clock (default performance.now). */
  now?: () => number;
  /**
   * Called with the verdict as soon as the classifier has given it, before the mentions are
   * searched: a relevant article can start fetching its panel while the rest is analysed.
   */
  onVerdict?: (verdict: Verdict) => void;
}

/**
 * `analyseArticle` in slices of about `budgetMs` of work, yielding to the page between them: on a
 * long full text the search of every text node is tens of milliseconds, which in one piece is a
 * long task on PubMed's main thread. Same steps, same order, so the same result.
 */
export async function analyseArticleSliced(
  article: Article,
  rootTexts: readonly (readonly string[])[],
  watchList: readonly WatchTerm[],
  {
    yieldFn,
    budgetMs = 8,
    signal,
    now = () => performance.now(),
    onVerdict,
  }: SlicedAnalysisOptions,
): Promise<ArticleAnalysis> {
  const steps = analysisSteps(article, rootTexts, watchList);
  let sliceStart = now();
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (step.value) onVerdict?.(step.value);
    if (now() - sliceStart < budgetMs) continue;
    await yieldFn();
    signal?.throwIfAborted();
    sliceStart = now();
  }
}

/**
 * The analysis as a sequence of steps, pausable after the classifier (that step yields the
 * verdict) and after each text: the same code serves the whole-at-once and the sliced runs, so
 * they cannot differ.
 */
function* analysisSteps(
  article: Article,
  rootTexts: readonly (readonly string[])[],
  watchList: readonly WatchTerm[],
): Generator<Verdict | undefined, ArticleAnalysis, void> {
  const hits = scanArticle(article);
  const verdict = classifyScanned(article, hits);
  yield verdict;
  const find = articleMentionFinder(article, watchList);
  const mentions: (readonly Mention[])[][] = [];
  for (const texts of rootTexts) {
    const forRoot: (readonly Mention[])[] = [];
    mentions.push(forRoot);
    for (const text of texts) {
      forRoot.push(selectMentions(find(text), text.length, undefined));
      yield;
    }
  }
  const drugCounts: Record<string, number> = {};
  const tags = new Set(verdict.drugs.map((d) => `drug:${d.name}`));
  for (const root of mentions) {
    for (const text of root) {
      for (const { termId } of text) {
        if (termId.startsWith('drug:')) drugCounts[termId] = (drugCounts[termId] ?? 0) + 1;
        if (termId.startsWith('target:') || termId.startsWith('antibody:')) tags.add(termId);
        for (const member of rangeMembers(termId) ?? []) tags.add(member);
      }
    }
  }
  return { verdict, mentions, drugCounts, entityTags: [...tags], scannedTermIds: hitTermIds(hits) };
}

/**
 * A finder that answers from an analysis for the texts it covered (so the marking pass does not
 * search them again) and asks `fallback` for any text the page added since.
 */
export function analysedFinder(
  rootTexts: readonly (readonly string[])[],
  analysis: Pick<ArticleAnalysis, 'mentions'>,
  fallback: MentionFinder,
): MentionFinder {
  const known = new Map<string, readonly Mention[]>();
  rootTexts.forEach((texts, r) =>
    texts.forEach((text, t) => known.set(text, analysis.mentions[r]![t]!)),
  );
  return (text) => (known.get(text) as Mention[] | undefined) ?? fallback(text);
}
