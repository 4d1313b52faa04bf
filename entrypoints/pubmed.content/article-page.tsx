import type { ContentScriptContext } from '#imports';
import type { Article } from '@/utils/article';
import type { Verdict } from '@/utils/classify';
import {
  analyseArticleSliced,
  analysedFinder,
  articleMentionFinder,
} from '@/utils/classify/analyse-article';
import type { MentionFinder } from '@/utils/match/mention';
import {
  applyTermMarksChunked,
  markableTexts,
  type TermMarkResult,
} from '@/utils/term-marks/mark-terms';
import { installTermMarkStyle } from '@/utils/term-marks/style';
import type { MessageClient } from '@/utils/messaging/client';
import type { SeenArticleMessage } from '@/utils/messaging/messages';
import type { PageType } from '@/utils/page/page-type';
import { showsPanel } from '@/utils/panel/visibility';
import { preloadPanelPrefs, type PanelPrefs } from '@/utils/settings/panel-prefs';
import type { WatchTerm } from '@/utils/settings/settings';
import { yieldToMain } from '@/utils/yield-to-main';
import type { ArticlePanel, ArticlePanelInput } from './panel/article-panel';
import type { ReaderHighlights } from './reader-highlights/page-highlights';
import type { PathwayFocus } from '@/utils/panel/pathways';
import type { Highlight } from '@/utils/storage/entities';
import { hasPendingHighlight } from '@/utils/storage/journals/journal-keys';
import { browser } from 'wxt/browser';
import { loadUi } from './ui-loader';
import { whenArticleTextFirstSelected } from './reader-highlights/selection-first-use';

export interface ArticlePage {
  pageType: PageType;
  article: Article;
  seen?: SeenArticleMessage;
  /** Where to mark terms, and what to skip inside (see read-page.ts). */
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
 * An article page (PubMed abstract or PMC full text): analyse it (verdict, the mentions to mark,
 * drug counts, tag suggestions; utils/classify/analyse-article.ts), report it to the background
 * (badge, recent list), then apply the analysis: mark drugs, targets and disease terms in its text
 * and show the summary panel with the reader's note when the article is relevant. Every step
 * degrades on its own: a failure in one leaves the page and the other steps alone.
 */
export async function initArticlePage(
  ctx: ContentScriptContext,
  page: ArticlePage,
  request: MessageClient,
  watchList: readonly WatchTerm[] = [],
): Promise<ArticleController> {
  const { article, seen } = page;
  let readerHighlights: ReaderHighlights | undefined;
  // Registered before the term marks' cleanup, so the overlay stops following the roots before the
  // term marks' undo changes them.
  ctx.onInvalidated(() => readerHighlights?.destroy());
  // Reading the page ran in the script's first task; the analysis and then the marks run in tasks
  // of their own, so no two add up to one long task on PubMed's main thread. The analysis itself
  // yields every few ms: on a long full text, searching every text node is tens of ms.
  await yieldToMain();
  const rootTexts = page.roots.map((root) =>
    markableTexts(root, page.exclude).map((node) => node.data),
  );
  // A relevant article shows the panel: its code is fetched (ui-loader.ts) and its remembered
  // layout read from the moment the verdict is known, while the mentions are searched and the
  // terms marked, not after.
  let prefs: Promise<PanelPrefs> | undefined;
  const analysis = await analyseArticleSliced(article, rootTexts, watchList, {
    yieldFn: yieldToMain,
    signal: ctx.signal,
    onVerdict: ({ relevance }) => {
      if (!showsPanel(relevance)) return;
      prefs = preloadPanelPrefs();
      loadUi().catch(() => undefined); // reported where the panel awaits it (startPanel)
    },
  });
  const { verdict } = analysis;
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
  const wantsPanel = showsPanel(verdict.relevance);
  const panelInput: ArticlePanelInput = {
    verdict,
    scannedTermIds: analysis.scannedTermIds,
    ...(seen ? { seen } : {}),
    drugCounts: analysis.drugCounts,
    entityTags: analysis.entityTags,
  };
  let panelStarting: Promise<ArticlePanel> | null = null;
  const startPanel = () =>
    (panelStarting ??= loadUi().then((ui) => {
      const panel = ui.startArticlePanel(ctx, panelInput);
      if (readerHighlights) panel.setHighlights(readerHighlights);
      return panel;
    }));
  // The reader's highlights (overlay, selection bar) are in the on-demand script too: started when
  // the article has some, when the panel (which lists them) starts, or on a first selection.
  let highlightsStarting: Promise<ReaderHighlights | undefined> | null = null;
  let stopFirstSelection: (() => void) | undefined;
  ctx.onInvalidated(() => stopFirstSelection?.());
  const startHighlights = (stored?: readonly Highlight[]) => {
    if (!seen || page.roots.length === 0 || ctx.isInvalid) return Promise.resolve(undefined);
    stopFirstSelection?.();
    return (highlightsStarting ??= loadUi()
      .then((ui) =>
        ui.startReaderHighlights(ctx, {
          articleKey: seen.key,
          roots: page.roots,
          request,
          ...(stored ? { stored } : {}),
        }),
      )
      .then((highlights) => {
        readerHighlights = highlights;
        // The panel may be starting (or up) by now; if not, it takes them when it starts.
        const starting = panelStarting as Promise<ArticlePanel> | null;
        if (highlights && starting) {
          starting.then((p) => p.setHighlights(highlights)).catch(() => undefined);
        }
        return highlights;
      })
      .catch((error: unknown) => {
        if (!ctx.isInvalid) console.warn('[JAK Lens] your highlights could not be shown', error);
        highlightsStarting = null; // the next need tries again
        return undefined;
      }));
  };
  const panelReady = wantsPanel ? startPanel() : null;
  panelReady?.catch(() => undefined); // reported where it is awaited
  await yieldToMain();

  const find = analysedFinder(rootTexts, analysis, articleMentionFinder(article, watchList));
  const termMarks = await markArticleTerms(ctx, article, page.roots, page.exclude, find);

  // The panel goes up as soon as the terms are marked; the reader's highlights (a round trip to
  // the background, then anchoring) join its list once they are drawn.
  if (panelReady && !ctx.isInvalid) {
    await panelReady
      .then((panel) => panel.show(prefs))
      .catch((error: unknown) => console.warn('[JAK Lens] panel', error));
  }
  if (seen && page.roots.length > 0 && !ctx.isInvalid) {
    // One question to the background (and one storage read) decides whether this page needs the
    // highlight code now: it has highlights, a comment a closed tab left in the selection bar, or
    // the panel. Otherwise it waits for the reader's first selection of article text.
    const [stored, pending] = await Promise.all([
      request({ type: 'highlight/list', articleKey: seen.key }).catch(() => undefined),
      hasPendingHighlight(browser.storage.local, seen.key).catch(() => false),
    ]);
    if (ctx.isInvalid) {
      // Stopped meanwhile: nothing to draw.
    } else if (panelStarting || stored === undefined || stored.length > 0 || pending) {
      // A failed list is asked again (and reported) by the highlights themselves.
      await startHighlights(stored);
    } else {
      stopFirstSelection = whenArticleTextFirstSelected(
        document,
        page.roots,
        () => void startHighlights(),
      );
    }
  }

  return {
    verdict,
    async togglePanel() {
      const panel = await startPanel();
      void startHighlights();
      await panel.toggle();
    },
    async showPathway(focus: PathwayFocus) {
      const panel = await startPanel();
      void startHighlights();
      await panel.showPathway(focus);
    },
    async highlightSelection() {
      await (await startHighlights())?.createFromSelection();
    },
    async setWatchList(list) {
      // The overlay's Ranges lie in the term marks' text nodes: paused, then drawn on the new ones.
      readerHighlights?.suspend();
      try {
        await termMarks.redo(list);
      } finally {
        if (!ctx.isInvalid) readerHighlights?.resume();
      }
    },
  };
}

interface ArticleTermMarks {
  /** Undoes the term marks and marks the page again with `watchList`; calls run one after another. */
  redo(watchList: readonly WatchTerm[]): Promise<void>;
}

/**
 * Marks the roots with `find` (at first the analysis's own mentions), and again with a new watch
 * list on `redo`. The knowledge base wins where a watch term overlaps one of its terms, so the drug
 * counts the panel shows do not depend on the watch list.
 */
async function markArticleTerms(
  ctx: ContentScriptContext,
  article: Article,
  roots: Element[],
  exclude: string,
  find: MentionFinder,
): Promise<ArticleTermMarks> {
  const results: TermMarkResult[] = [];
  if (roots.length === 0) return { redo: () => Promise.resolve() };
  const removeStyle = installTermMarkStyle(document);
  const apply = async (finder: MentionFinder) => {
    for (const root of roots) {
      try {
        results.push(await applyTermMarksChunked(root, finder, { exclude, signal: ctx.signal }));
      } catch (error) {
        if (!ctx.isInvalid) console.warn('[JAK Lens] term marking stopped', error);
      }
    }
  };
  const undo = () => {
    for (const result of results.splice(0)) result.undo();
  };
  await apply(find);
  ctx.onInvalidated(() => {
    undo();
    removeStyle();
  });
  let queue = Promise.resolve();
  return {
    redo(list) {
      queue = queue.then(async () => {
        if (ctx.isInvalid) return;
        undo();
        await apply(articleMentionFinder(article, list));
      });
      return queue;
    },
  };
}
