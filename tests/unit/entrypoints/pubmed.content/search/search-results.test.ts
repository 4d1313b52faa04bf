// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  DONE_ATTR,
  HIDDEN_ATTR,
  initSearchResults,
  UI_ATTR,
  type SearchResultsDeps,
} from '@/entrypoints/pubmed.content/search/search-results';
import { toCompactRecord } from '@/utils/article/compact-record';
import { parsePubmedXml } from '@/utils/article/parse-pubmed-xml';
import {
  SEARCH_RESULT,
  SEARCH_RESULT_CHECKBOX,
  SEARCH_RESULT_PMID,
  SEARCH_RESULT_TITLE,
  SEARCH_RESULTS,
  SEARCH_RESULTS_CHUNK,
} from '@/utils/page/selectors';
import { loadDevSet } from '../../../../eval/dev-set';
import { loadHtmlFixture, PUBMED_SEARCH, readFixture } from '../../../../support/fixtures';

const JDM_PMID = '38909159'; // a real efetch record: JDM, no JAK inhibitor ('disease')
const JDM_RECORD = toCompactRecord(
  parsePubmedXml(readFixture(`eutils-xml/PMID-${JDM_PMID}.xml`))[0]!,
);
const SEED_PMID = '34563217'; // the JDM + JAK-inhibitor review of the dev set ('core')
const SEED_RECORD = toCompactRecord(loadDevSet().find((r) => r.id === 'dev-seed')!.article);

// An untouched parse, source of "new" chunks. Each test parses its own page: happy-dom's
// cloned Documents report their nodes as disconnected, so a deep copy would not do.
const PRISTINE = loadHtmlFixture(PUBMED_SEARCH.path);

/** Gives a result of the capture another PMID everywhere PubMed prints it. */
function setPmid(result: Element, pmid: string) {
  result.querySelector(SEARCH_RESULT_TITLE)?.setAttribute('data-article-id', pmid);
  result.querySelector(SEARCH_RESULT_CHECKBOX)?.setAttribute('value', pmid);
  const shown = result.querySelector(SEARCH_RESULT_PMID);
  if (shown) shown.textContent = pmid;
}

function fakeContext() {
  const controller = new AbortController();
  const callbacks: (() => void)[] = [];
  return {
    ctx: { signal: controller.signal, onInvalidated: (cb: () => void) => callbacks.push(cb) },
    invalidate() {
      controller.abort();
      callbacks.forEach((cb) => cb());
    },
  };
}

/** Lets pending promise callbacks and mutation-observer deliveries run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('initSearchResults on the real search capture', () => {
  let doc: Document;
  let results: Element[];
  let deps: SearchResultsDeps & {
    requestRecords: ReturnType<typeof vi.fn>;
    hasNotes: ReturnType<typeof vi.fn>;
    markTerms: ReturnType<typeof vi.fn>;
  };
  let context: ReturnType<typeof fakeContext>;
  const undo = vi.fn();

  beforeEach(() => {
    doc = loadHtmlFixture(PUBMED_SEARCH.path);
    results = Array.from(doc.querySelectorAll(SEARCH_RESULT));
    undo.mockReset();
    deps = {
      doc,
      requestRecords: vi.fn(async () => ({})),
      hasNotes: vi.fn(async () => []),
      settings: { fetchRecords: true },
      markTerms: vi.fn(() => undo),
    };
    context = fakeContext();
  });
  afterEach(() => context.invalidate());

  const badges = () => Array.from(doc.querySelectorAll(`[${UI_ATTR}="badge"]`));
  const verdictOf = (result: Element) =>
    result.querySelector(`[${UI_ATTR}="badge"] [data-relevance]`);
  const stripText = () => doc.querySelector(`[${UI_ATTR}="strip"] [role="status"]`)?.textContent;
  const filterButton = () =>
    doc.querySelector<HTMLButtonElement>(`[${UI_ATTR}="strip"] button[aria-pressed]`)!;

  it('puts one badge after the title of each of the 10 results, from the visible text', () => {
    initSearchResults(context.ctx, deps);
    expect(results).toHaveLength(10);
    expect(badges()).toHaveLength(10);
    for (const result of results) {
      expect(result.hasAttribute(DONE_ATTR)).toBe(true);
      const host = result.querySelector(`[${UI_ATTR}="badge"]`)!;
      expect(host.previousElementSibling?.matches(SEARCH_RESULT_TITLE)).toBe(true);
      expect(verdictOf(result)?.getAttribute('data-relevance')).toBe('none');
      expect(verdictOf(result)?.getAttribute('data-basis')).toBe('visible');
      expect(host.querySelector('[role="group"]')?.getAttribute('aria-label')).toBe('JAK Lens');
    }
    // Title and snippet of each result are handed to the term marker.
    expect(deps.markTerms).toHaveBeenCalledTimes(20);
    expect(stripText()).toBe(
      '0 of 10 results on this page concern JDM/myositis and JAK inhibition',
    );
    // The strip sits right above the results container.
    expect(doc.querySelector(`[${UI_ATTR}="strip"]`)?.nextElementSibling).toBe(
      doc.querySelector(SEARCH_RESULTS),
    );
  });

  it('asks for the records and notes of the visible PMIDs, once', () => {
    initSearchResults(context.ctx, deps);
    const pmids = results.map((r) =>
      r.querySelector(SEARCH_RESULT_CHECKBOX)!.getAttribute('value'),
    );
    expect(deps.requestRecords).toHaveBeenCalledOnce();
    expect(deps.requestRecords).toHaveBeenCalledWith(pmids);
    expect(deps.hasNotes).toHaveBeenCalledWith(pmids.map((p) => `pmid:${p}`));
  });

  it('fetches nothing when the reader turned record fetching off', () => {
    initSearchResults(context.ctx, { ...deps, settings: { fetchRecords: false } });
    expect(deps.requestRecords).not.toHaveBeenCalled();
    expect(badges()).toHaveLength(10);
  });

  it('upgrades a badge when its efetch record arrives', async () => {
    setPmid(results[0]!, JDM_PMID);
    deps.requestRecords.mockResolvedValue({ [JDM_PMID]: JDM_RECORD });
    initSearchResults(context.ctx, deps);
    expect(verdictOf(results[0]!)?.getAttribute('data-relevance')).toBe('none');
    await settle();
    const badge = verdictOf(results[0]!)!;
    expect(badge.getAttribute('data-relevance')).toBe('disease');
    expect(badge.getAttribute('data-basis')).toBe('record');
    expect(badge.textContent).toContain('JDM');
    // The other results had no record: unchanged.
    expect(verdictOf(results[1]!)?.getAttribute('data-basis')).toBe('visible');
  });

  it('counts a record-upgraded core result in the strip, and the filter hides the rest reversibly', async () => {
    setPmid(results[0]!, JDM_PMID);
    setPmid(results[3]!, SEED_PMID);
    deps.requestRecords.mockResolvedValue({ [JDM_PMID]: JDM_RECORD, [SEED_PMID]: SEED_RECORD });
    initSearchResults(context.ctx, deps);
    expect(filterButton().disabled).toBe(true);
    await settle();
    expect(stripText()).toBe(
      '1 of 10 results on this page concerns JDM/myositis and JAK inhibition',
    );
    const chips = Array.from(results[3]!.querySelectorAll('.jl-chip'), (c) => c.textContent);
    expect(chips.sort()).toEqual(['baricitinib', 'ruxolitinib', 'tofacitinib']);

    filterButton().click();
    await settle();
    expect(filterButton().getAttribute('aria-pressed')).toBe('true');
    const hidden = results.filter((r) => r.hasAttribute(HIDDEN_ATTR));
    expect(hidden).toHaveLength(9);
    expect(results[3]!.hasAttribute(HIDDEN_ATTR)).toBe(false);
    // The hiding itself is a style rule of ours, keyed to the attribute.
    const style = doc.querySelector(`style[${UI_ATTR}]`);
    expect(style?.textContent).toMatch(/\[data-jl-hidden\]\s*\{\s*display:\s*none !important/);

    filterButton().click();
    await settle();
    expect(filterButton().getAttribute('aria-pressed')).toBe('false');
    expect(results.filter((r) => r.hasAttribute(HIDDEN_ATTR))).toEqual([]);
  });

  it('keeps the visible-text badges when the reply is invalid or the request fails', async () => {
    setPmid(results[0]!, JDM_PMID);
    deps.requestRecords.mockResolvedValue({ [JDM_PMID]: { ...JDM_RECORD, title: 42 } });
    initSearchResults(context.ctx, deps);
    await settle();
    expect(verdictOf(results[0]!)?.getAttribute('data-basis')).toBe('visible');

    context.invalidate();
    context = fakeContext();
    deps.requestRecords.mockRejectedValue(new Error('Could not establish connection'));
    deps.hasNotes.mockRejectedValue(new Error('offline'));
    initSearchResults(context.ctx, deps);
    await settle();
    expect(badges()).toHaveLength(10);
    expect(verdictOf(results[0]!)?.getAttribute('data-basis')).toBe('visible');
  });

  it('marks results the reader has notes on', async () => {
    const pmid = results[2]!.querySelector(SEARCH_RESULT_CHECKBOX)!.getAttribute('value')!;
    deps.hasNotes.mockResolvedValue([`pmid:${pmid}`]);
    initSearchResults(context.ctx, deps);
    await settle();
    const markers = doc.querySelectorAll(
      '[aria-label="You have notes or highlights on this article"]',
    );
    expect(markers).toHaveLength(1);
    expect(results[2]!.contains(markers[0]!)).toBe(true);
  });

  it('annotates results appended later (infinite scroll) once, and asks only for their PMIDs', async () => {
    initSearchResults(context.ctx, deps);
    // A pristine chunk from a fresh parse of the capture, as PubMed's next page would be.
    const chunk = doc.importNode(PRISTINE.querySelector(SEARCH_RESULTS_CHUNK)!, true);
    const added = Array.from(chunk.querySelectorAll(SEARCH_RESULT));
    added.forEach((r, i) => setPmid(r, String(90000001 + i)));
    doc.querySelector(SEARCH_RESULTS_CHUNK)!.after(chunk);
    await settle();

    expect(badges()).toHaveLength(20);
    for (const r of [...results, ...added]) {
      expect(r.querySelectorAll(`[${UI_ATTR}="badge"]`)).toHaveLength(1);
    }
    expect(deps.requestRecords).toHaveBeenCalledTimes(2);
    expect(deps.requestRecords.mock.calls[1]![0]).toEqual(
      added.map((_, i) => String(90000001 + i)),
    );
    expect(stripText()).toBe(
      '0 of 20 results on this page concern JDM/myositis and JAK inhibition',
    );

    // Unrelated later mutations do not annotate anything twice.
    doc.querySelector(SEARCH_RESULTS)!.append(doc.createElement('div'));
    await settle();
    expect(badges()).toHaveLength(20);
    expect(deps.requestRecords).toHaveBeenCalledTimes(2);
    expect(deps.markTerms).toHaveBeenCalledTimes(40);
  });

  it('handles an in-page navigation that swaps the results container', async () => {
    const controller = initSearchResults(context.ctx, deps);
    const fresh = doc.importNode(PRISTINE.querySelector(SEARCH_RESULTS)!, true);
    Array.from(fresh.querySelectorAll(SEARCH_RESULT)).forEach((r, i) =>
      setPmid(r, String(80000001 + i)),
    );
    doc.querySelector(SEARCH_RESULTS)!.replaceWith(fresh);
    await settle();
    controller.rescan(); // what the content script does on wxt:locationchange; must be harmless
    await settle();
    expect(badges()).toHaveLength(10);
    expect(doc.querySelectorAll(`[${UI_ATTR}="strip"]`)).toHaveLength(1);
    expect(doc.querySelector(`[${UI_ATTR}="strip"]`)?.nextElementSibling).toBe(fresh);
    expect(stripText()).toMatch(/^0 of 10 results/);
  });

  it('removes everything it added when the content script is invalidated', async () => {
    const pristine = PRISTINE.body.textContent;
    initSearchResults(context.ctx, deps);
    await settle();
    context.invalidate();
    expect(doc.querySelectorAll(`[${UI_ATTR}]`)).toHaveLength(0);
    expect(doc.querySelectorAll(`[${DONE_ATTR}], [${HIDDEN_ATTR}]`)).toHaveLength(0);
    expect(undo).toHaveBeenCalledTimes(20);
    expect(doc.body.textContent).toBe(pristine);

    // The observer is gone: a new chunk gets no badge.
    const chunk = doc.importNode(PRISTINE.querySelector(SEARCH_RESULTS_CHUNK)!, true);
    doc.querySelector(SEARCH_RESULTS_CHUNK)!.after(chunk);
    await settle();
    expect(badges()).toHaveLength(0);
  });

  it('ignores replies that arrive after invalidation', async () => {
    setPmid(results[0]!, JDM_PMID);
    let answer: (value: unknown) => void = () => undefined;
    deps.requestRecords.mockReturnValue(new Promise((resolve) => (answer = resolve)));
    initSearchResults(context.ctx, deps);
    context.invalidate();
    answer({ [JDM_PMID]: JDM_RECORD });
    await settle();
    expect(badges()).toHaveLength(0);
  });
});
