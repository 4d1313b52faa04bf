import { ContentScriptContext } from '#imports';
import { findMentions } from '@/utils/match/find-mentions';
import { applyTermMarks } from '@/utils/term-marks/mark-terms';
import { installTermMarkStyle } from '@/utils/term-marks/style';
import type { MessageClient } from '@/utils/messaging/client';
import type { TabState } from '@/utils/messaging/messages';
import { checkSelectors, warnMissing } from '@/utils/page/selector-health';
import type { Settings, WatchTerm } from '@/utils/settings/settings';
import { compileWatchFinder, composeFinders } from '@/utils/match/watch-finder';
import { initArticlePage, type ArticleController } from './article-page';
import { whenMarkFirstUsed } from './term-marks/mark-first-use';
import { loadUi } from './ui-loader';
import { getSegment } from '@/utils/term-marks/wrap';
import type { PathwayFocus } from '@/utils/panel/pathways';
import { readPage } from './read-page';
import { initSearchResults } from './search/search-results';
import { watchThisSearch } from './search/watch-this-search';

/** What JAK Lens does on one page while its site is switched on. */
export interface Session {
  readonly state: TabState;
  /** The article's controller once it is set up (null on other pages, and until then). */
  readonly article: ArticleController | null;
  /**
   * Marks the new watch list. False when this page cannot redo its marks in place (search
   * results): the caller restarts the session instead.
   */
  setWatchList(list: readonly WatchTerm[]): Promise<boolean>;
  /** Undoes everything the session did to the page (marks, panel, badges, listeners). */
  stop(): void;
}

/**
 * Starts JAK Lens on the page: reads it once; on an article it classifies, marks terms and shows
 * the summary panel with the reader's note; on search results it badges each result. Everything runs
 * in a context of its own, tied to the script's, so the popup's site switch can stop it (undoing every
 * mark) and start it again without a reload.
 */
export function startSession(
  parent: ContentScriptContext,
  settings: Settings,
  request: MessageClient,
  /** The reader's current term-mark kinds (they change live, without restarting the session). */
  currentKinds: () => Settings['termMarkKinds'],
): Session {
  const ctx = new ContentScriptContext('pubmed-session', { noScriptStartedPostMessage: true });
  const unlink = parent.onInvalidated(() => ctx.notifyInvalidated());
  ctx.onInvalidated(unlink);

  let state: TabState = { pageType: 'other' };
  let article: ArticleController | null = null;
  let watchList: readonly WatchTerm[] = settings.watchList;
  const page = readPage(document, location.href, {
    includeReferences: settings.markReferences,
  });
  // A PubMed redesign shows up as a console warning naming the selector, not as a broken page.
  warnMissing(checkSelectors(document, page.pageType), console);
  state = { pageType: page.pageType, article: page.seen };

  // The info card on each mark: one pair of listeners until a mark is first hovered or focused,
  // which loads the card (and the knowledge facts it shows) with the on-demand script. A kind the
  // reader switched off shows no colour, so hovering it shows no card either (focus still does).
  const startMarkCards = (onShowPathway?: (focus: PathwayFocus) => void) => {
    const isKindEnabled = (kind: string) =>
      currentKinds()[kind as keyof Settings['termMarkKinds']]?.enabled ?? true;
    const stop = whenMarkFirstUsed(document, isKindEnabled, (initial) => {
      loadUi()
        .then((ui) => {
          if (ctx.isInvalid) return;
          const stopCards = ui.watchMarkCards({
            doc: document,
            isKindEnabled,
            isOurMark: (mark) => getSegment(mark) !== undefined,
            initial,
            ...(onShowPathway ? { onShowPathway } : {}),
          });
          ctx.onInvalidated(stopCards);
        })
        .catch((error: unknown) => console.warn('[JAK Lens] mark card', error));
    });
    ctx.onInvalidated(stop);
  };

  if (page.article) {
    // On an article a card's "Show in the pathway view" opens the panel there.
    startMarkCards((focus) => void article?.showPathway(focus));
    void initArticlePage(ctx, { ...page, article: page.article }, request, settings.watchList)
      .then((controller) => {
        if (ctx.isInvalid) return;
        article = controller;
        state = { ...state, verdict: controller.verdict };
        // The list changed while the article was being set up.
        if (watchList !== settings.watchList) return controller.setWatchList(watchList);
      })
      .catch((error: unknown) => {
        // Stopped midway (site switched off, script replaced): nothing went wrong.
        if (!ctx.isInvalid) console.warn('[JAK Lens] article page', error);
      });
  } else if (page.pageType === 'pubmed-search') {
    request({ type: 'page/state', pageType: page.pageType }).catch(() => undefined);
    ctx.onInvalidated(installTermMarkStyle(document));
    startMarkCards();
    const find = composeFinders(
      (text) => findMentions(text),
      compileWatchFinder(settings.watchList),
    );
    const results = initSearchResults(ctx, {
      doc: document,
      settings,
      requestRecords: (pmids) => request({ type: 'records/get', pmids }),
      hasNotes: (keys) => request({ type: 'notes/which', keys }),
      markTerms: (root) => applyTermMarks(root, find).undo,
      watchSearch: () => watchThisSearch(location.href),
    });
    // PubMed moves between result pages in place; re-read the results when the URL changes.
    ctx.addEventListener(window, 'wxt:locationchange', () => results.rescan());
  } else {
    request({ type: 'page/state', pageType: page.pageType }).catch(() => undefined);
  }

  return {
    get state() {
      return state;
    },
    get article() {
      return article;
    },
    async setWatchList(list) {
      if (!page.article) return page.pageType !== 'pubmed-search';
      watchList = list;
      await article?.setWatchList(list);
      return true;
    },
    stop() {
      ctx.notifyInvalidated();
    },
  };
}
