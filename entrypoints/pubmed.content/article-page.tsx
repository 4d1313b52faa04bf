import type { ContentScriptContext } from '#imports';
import type { Article } from '@/utils/article';
import { classifyArticle, type Verdict } from '@/utils/classify';
import { findMentions } from '@/utils/match/find-mentions';
import { applyTermMarksChunked, type TermMarkResult } from '@/utils/term-marks/mark-terms';
import { installTermMarkStyle } from '@/utils/term-marks/style';
import type { MessageClient } from '@/utils/messaging/client';
import type { SeenArticleMessage } from '@/utils/messaging/messages';
import type { PageType } from '@/utils/page/page-type';
import { buildPanelModel } from '@/utils/panel/model';
import type { WatchTerm } from '@/utils/settings/settings';
import { compileWatchFinder, composeFinders } from '@/utils/match/watch-finder';
import { yieldToMain } from '@/utils/yield-to-main';
import { ArticleNotes } from './article-notes';
import { countDrugMarks } from './next-mention';
import { NoteFrame } from './note-frame';
import { mountPanel, type MountedPanel } from './panel';
import { startReaderHighlights, type ReaderHighlights } from './reader-highlights';
import { rangeMembers } from '@/utils/knowledge/ranges';
import type { PathwayFocus } from '@/utils/panel/pathways';
import type { PathwayFocusRequest } from '@/components/panel/PathwaySection';

export interface ArticlePage {
  pageType: PageType;
  article: Article;
  seen?: SeenArticleMessage;
  /** Where to highlight, and what to skip inside (see read-page.ts). */
  roots: Element[];
  exclude: string;
}

export interface ArticleController {
  verdict: Verdict;
  /** Shows the panel if hidden (also on articles JAK Lens finds unrelated), hides it if shown. */
  togglePanel(): Promise<void>;
  /** Highlights the reader's current selection (keyboard command, context menu). */
  highlightSelection(): Promise<void>;
  /** Redoes the term marks with a new watch list; the reader's own highlights are drawn again on top. */
  setWatchList(list: readonly WatchTerm[]): Promise<void>;
  /** Shows the panel (opening it if hidden or collapsed) at a part of its pathway view. */
  showPathway(focus: PathwayFocus): Promise<void>;
}

/**
 * An article page (PubMed abstract or PMC full text): classify it, report it to the background (badge,
 * recent list), highlight drugs, targets and disease terms in its text, and show the summary panel with
 * the reader's note when the article is relevant. Every step degrades on its own: a failure in one
 * leaves the page and the other steps alone.
 */
export async function initArticlePage(
  ctx: ContentScriptContext,
  page: ArticlePage,
  request: MessageClient,
  watchList: readonly WatchTerm[] = [],
): Promise<ArticleController> {
  const { article, seen } = page;
  const verdict = classifyArticle(article);
  const summary = {
    relevance: verdict.relevance,
    disease: verdict.disease,
    drugs: verdict.drugs.map((d) => d.drugId).slice(0, 50),
  };
  request({
    type: 'page/state',
    pageType: page.pageType,
    ...(seen ? { article: { ...seen, verdict: summary } } : {}),
  }).catch((error: unknown) => console.warn('[JAK Lens] could not record this article', error));

  let readerHighlights: ReaderHighlights | undefined;
  // Registered before the term highlighter's cleanup: the reader's marks wrap pieces of the term
  // marks' text, so they must come off first for the page's text nodes to be restored exactly.
  ctx.onInvalidated(() => readerHighlights?.destroy());
  // Reading and classifying the page ran in the script's first task; the highlighting starts in a
  // task of its own, so the two never add up to one long task on PubMed's main thread.
  await yieldToMain();
  const highlighter = await markArticleTerms(ctx, article, page.roots, page.exclude, watchList);
  const highlights = highlighter.results;
  if (seen) {
    readerHighlights = await startReaderHighlights(ctx, {
      articleKey: seen.key,
      roots: page.roots,
      request,
    });
  }
  const model = buildPanelModel(verdict, article);
  let panel: MountedPanel | null = null;
  const tags = entityTags(verdict, highlights);

  let pathwayFocus: PathwayFocusRequest | undefined;
  const props = () => ({
    model,
    ...(pathwayFocus ? { pathwayFocus } : {}),
    mentionCounts: countDrugMarks(document),
    notesSlot: seen ? (
      <ArticleNotes
        // The note is edited in an extension frame: the page never holds its text.
        note={<NoteFrame articleKey={seen.key} entityTags={tags} />}
        {...(readerHighlights ? { highlights: readerHighlights } : {})}
      />
    ) : undefined,
  });
  const show = async () => {
    panel = await mountPanel(ctx, props());
  };
  if (model.show && !ctx.isInvalid)
    await show().catch((error: unknown) => console.warn('[JAK Lens] panel', error));

  return {
    verdict,
    async togglePanel() {
      const shown = panel?.isAttached() ?? false;
      // A host the page removed still counts as mounted until we remove it ourselves.
      panel?.remove();
      panel = null;
      if (!shown) await show();
    },
    async showPathway(focus) {
      pathwayFocus = { focus, seq: (pathwayFocus?.seq ?? 0) + 1 };
      if (panel?.isAttached()) panel.update(props());
      else {
        panel?.remove();
        await show();
      }
    },
    async highlightSelection() {
      await readerHighlights?.createFromSelection();
    },
    async setWatchList(list) {
      // The reader's marks nest inside the term marks: off first, back on once the terms are redone.
      readerHighlights?.suspend();
      try {
        await highlighter.redo(list);
      } finally {
        if (!ctx.isInvalid) readerHighlights?.resume();
      }
    },
  };
}

interface ArticleTermMarks {
  /** The current marks, one result per root (the same array, refilled by `redo`). */
  results: TermMarkResult[];
  /** Undoes the term marks and marks the page again with `watchList`; calls run one after another. */
  redo(watchList: readonly WatchTerm[]): Promise<void>;
}

/**
 * Marks knowledge-base terms and the reader's watch-list terms in one pass (the knowledge base wins
 * where they overlap, see utils/match/watch-finder.ts). Only the marks see the watch list: the verdict and
 * the panel come from the classifier, which never does.
 */
async function markArticleTerms(
  ctx: ContentScriptContext,
  article: Article,
  roots: Element[],
  exclude: string,
  watchList: readonly WatchTerm[],
): Promise<ArticleTermMarks> {
  const results: TermMarkResult[] = [];
  if (roots.length === 0) return { results, redo: () => Promise.resolve() };
  const removeStyle = installTermMarkStyle(document);
  // Ambiguous abbreviations (DM, PM, IIM) are judged against the whole article, not one text node.
  const context = [article.title, article.abstract, article.keywords.join('; ')].join('\n');
  const known = (text: string) => findMentions(text, context);
  const apply = async (list: readonly WatchTerm[]) => {
    const find = composeFinders(known, compileWatchFinder(list));
    for (const root of roots) {
      try {
        results.push(await applyTermMarksChunked(root, find, { exclude, signal: ctx.signal }));
      } catch (error) {
        if (!ctx.isInvalid) console.warn('[JAK Lens] highlighting stopped', error);
      }
    }
  };
  const undo = () => {
    for (const result of results.splice(0)) result.undo();
  };
  await apply(watchList);
  ctx.onInvalidated(() => {
    undo();
    removeStyle();
  });
  let queue = Promise.resolve();
  return {
    results,
    redo(list) {
      queue = queue.then(async () => {
        if (ctx.isInvalid) return;
        undo();
        await apply(list);
      });
      return queue;
    },
  };
}

/** Entity tags the note editor suggests: the inhibitors, targets and antibodies marked on this page. */
function entityTags(verdict: Verdict, highlights: TermMarkResult[]): string[] {
  const tags = new Set(verdict.drugs.map((d) => `drug:${d.name}`));
  for (const result of highlights) {
    for (const mark of result.marks) {
      const term = mark.getAttribute('data-jl-term') ?? '';
      if (term.startsWith('target:') || term.startsWith('antibody:')) tags.add(term);
      for (const member of rangeMembers(term) ?? []) tags.add(member);
    }
  }
  return [...tags];
}
