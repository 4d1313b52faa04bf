import * as v from 'valibot';
import { renderResultBadge } from '@/components/overlays/result-badge';
import { mountResultsStrip, type ResultsStrip } from '@/components/overlays/results-strip';
import { articleKey } from '@/utils/article/article-key';
import type { Verdict } from '@/utils/classify';
import { fromCompactRecord } from '@/utils/article/compact-record';
import {
  MAX_RECORDS_PER_MESSAGE,
  RecordsReplySchema,
  type RecordsReply,
} from '@/utils/messaging/messages';
import { parseSearchResult, type SearchResult } from '@/utils/page/parse-search-results';
import { SEARCH_RESULT_SNIPPET, SEARCH_RESULT_TITLE, SEARCH_RESULTS } from '@/utils/page/selectors';
import {
  classifySearchResult,
  isRelevant,
  summariseResults,
  type VerdictBasis,
} from '@/utils/classify/search-verdicts';
import { SEARCH_RESULTS_CSS } from './search-results-style';
import { resultsIn, watchResults } from './watch-results';
import { DONE_ATTR, HIDDEN_ATTR, UI_ATTR } from '@/utils/page/markup';

export { DONE_ATTR, HIDDEN_ATTR, UI_ATTR };

/** The part of WXT's ContentScriptContext used here (tests pass a plain AbortController-based one). */
export interface ScriptContext {
  readonly signal: AbortSignal;
  onInvalidated(cb: () => void): unknown;
}

export interface SearchResultsDeps {
  doc: Document;
  /** Sends 'records/get' (≤ 200 PMIDs); the reply is validated here, a rejection is ignored. */
  requestRecords(pmids: string[]): Promise<unknown>;
  /** Which of these article keys ("pmid:123") have a note or highlights. */
  hasNotes(keys: string[]): Promise<Iterable<string>>;
  settings: { fetchRecords: boolean };
  /** Saves the page's query as a PubMed watch ("Watch this search"); absent: no button. */
  watchSearch?: () => Promise<string>;
  /** Marks terms inside `root` (a title link or a snippet); may return an undo function. */
  markTerms(root: Element): void | (() => void);
}

export interface SearchResultsController {
  /** Re-reads the page after an in-page navigation: drops gone results, handles new ones. */
  rescan(): void;
  setFilter(on: boolean): void;
}

interface Entry {
  result: SearchResult;
  verdict: Verdict;
  basis: VerdictBasis;
  hasNotes: boolean;
  host: HTMLElement;
  undo: (() => void)[];
}

/**
 * Annotates PubMed search results: a verdict badge per result (upgraded when its PubMed record
 * arrives), the summary strip with its filter, and a watch for results added later (infinite scroll,
 * "Show more"). Everything it adds is removed when `ctx` is invalidated. Never throws.
 */
export function initSearchResults(
  ctx: ScriptContext,
  deps: SearchResultsDeps,
): SearchResultsController {
  const { doc } = deps;
  const entries = new Map<Element, Entry>();
  let filterOn = false;
  let container: Element | null = null;
  let strip: HTMLElement | null = null;
  let stripView: ResultsStrip | null = null;
  let stopWatching = () => {};
  const alive = () => !ctx.signal.aborted;

  const style = doc.createElement('style');
  style.setAttribute(UI_ATTR, 'style');
  style.textContent = SEARCH_RESULTS_CSS;
  (doc.head ?? doc.documentElement).append(style);

  function adopt(el: Element): Entry | null {
    if (el.hasAttribute(DONE_ATTR)) return null;
    el.setAttribute(DONE_ATTR, '');
    try {
      const result = parseSearchResult(el);
      if (!result) return null;
      const host = doc.createElement('span');
      host.setAttribute(UI_ATTR, 'badge');
      const title = el.querySelector(SEARCH_RESULT_TITLE);
      if (title) title.after(host);
      else el.prepend(host);
      const verdict = classifySearchResult(result);
      const entry: Entry = { result, verdict, basis: 'visible', hasNotes: false, host, undo: [] };
      entries.set(el, entry);
      renderBadge(entry);
      applyFilter(entry);
      for (const part of [title, el.querySelector(SEARCH_RESULT_SNIPPET)]) {
        const undo = part ? deps.markTerms(part) : undefined;
        if (typeof undo === 'function') entry.undo.push(undo);
      }
      return entry;
    } catch (error) {
      console.warn('[JAK Lens] could not annotate a search result', error);
      return null;
    }
  }

  function process(roots: Iterable<Node>) {
    const fresh = [...roots].flatMap(resultsIn).flatMap((el) => adopt(el) ?? []);
    if (fresh.length === 0) return;
    updateStrip();
    enrich(fresh);
  }

  /** Asks, in the background, for notes and for PubMed records of freshly handled results. */
  function enrich(fresh: Entry[]) {
    const pmids = [...new Set(fresh.map((e) => e.result.pmid))];
    const keys = pmids.map((pmid) => articleKey({ pmid })!);
    quietly(deps.hasNotes(keys), (found) => {
      const noted = new Set(found);
      for (const e of fresh) {
        if (!noted.has(articleKey({ pmid: e.result.pmid })!)) continue;
        e.hasNotes = true;
        renderBadge(e);
      }
    });
    if (!deps.settings.fetchRecords) return;
    for (let i = 0; i < pmids.length; i += MAX_RECORDS_PER_MESSAGE) {
      quietly(deps.requestRecords(pmids.slice(i, i + MAX_RECORDS_PER_MESSAGE)), (reply) => {
        const parsed = v.safeParse(RecordsReplySchema, reply);
        if (parsed.success) upgrade(parsed.output);
      });
    }
  }

  /** Re-judges results whose record arrived, from MeSH terms and the full abstract. */
  function upgrade(records: RecordsReply) {
    for (const e of entries.values()) {
      const pmid = e.result.pmid;
      const record = Object.hasOwn(records, pmid) ? records[pmid] : undefined;
      if (!record || e.basis === 'record') continue;
      e.verdict = classifySearchResult(e.result, fromCompactRecord(pmid, record));
      e.basis = 'record';
      renderBadge(e);
      applyFilter(e);
    }
    updateStrip();
  }

  /** Runs `then` with the promise's value unless it failed or the script was invalidated meanwhile. */
  function quietly<T>(promise: Promise<T>, then: (value: T) => void) {
    // Offline, a stopped background or a bad reply: the badges from the visible text stay.
    promise.then((value) => alive() && then(value)).catch(() => undefined);
  }

  function renderBadge(e: Entry) {
    const { relevance, disease, drugs } = e.verdict;
    const props = { relevance, disease, drugs, basis: e.basis, hasNotes: e.hasNotes };
    renderResultBadge(e.host, props);
  }

  function applyFilter(e: Entry) {
    e.result.element.toggleAttribute(HIDDEN_ATTR, filterOn && !isRelevant(e.verdict));
  }

  function setFilter(on: boolean) {
    if (!alive()) return;
    filterOn = on;
    entries.forEach(applyFilter);
    updateStrip();
  }

  function updateStrip() {
    const live = [...entries.values()].filter((e) => e.result.element.isConnected);
    if (!container?.isConnected || live.length === 0) return;
    const { relevant, total } = summariseResults(live.map((e) => e.verdict));
    const props = {
      relevant,
      total,
      filterOn,
      onToggleFilter: setFilter,
      onWatchSearch: deps.watchSearch,
    };
    if (strip?.isConnected && stripView) return stripView.update(props);
    strip = doc.createElement('div');
    strip.setAttribute(UI_ATTR, 'strip');
    container.before(strip);
    stripView = mountResultsStrip(strip, props);
  }

  function watch() {
    stopWatching();
    container = doc.querySelector(SEARCH_RESULTS);
    stopWatching = watchResults(doc, container, {
      onAdded: (nodes) => alive() && process(nodes),
      onSwapped: rescan,
    });
  }

  function rescan() {
    if (!alive()) return;
    for (const [el, e] of entries) {
      if (el.isConnected) continue;
      unmount(e);
      entries.delete(el);
    }
    const previous = container;
    watch();
    if (container !== previous && strip) {
      strip.remove();
      strip = null;
      stripView = null;
    }
    process([doc]);
    updateStrip();
  }

  ctx.onInvalidated(() => {
    stopWatching();
    entries.forEach(unmount);
    entries.clear();
    for (const el of Array.from(doc.querySelectorAll(`[${DONE_ATTR}], [${HIDDEN_ATTR}]`))) {
      el.removeAttribute(DONE_ATTR);
      el.removeAttribute(HIDDEN_ATTR);
    }
    strip?.remove();
    style.remove();
  });

  if (alive()) {
    watch();
    process([doc]);
  }
  return { rescan, setFilter };
}

function unmount(e: Entry) {
  e.host.remove();
  for (const undo of e.undo.reverse()) {
    try {
      undo();
    } catch {
      // The page removed what was marked; nothing is left to undo.
    }
  }
}
