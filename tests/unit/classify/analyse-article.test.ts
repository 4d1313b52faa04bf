// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { readPage } from '@/entrypoints/pubmed.content/read-page';
import { classifyArticle } from '@/utils/classify';
import {
  analyseArticle,
  analyseArticleSliced,
  analysedFinder,
  articleMentionFinder,
} from '@/utils/classify/analyse-article';
import { scanArticle } from '@/utils/classify/scan';
import { KIND_ATTR, TERM_ATTR, TERM_MARK_TAG } from '@/utils/page/markup';
import { buildPanelModel } from '@/utils/panel/model';
import type { WatchTerm } from '@/utils/settings/settings';
import { applyTermMarks, markableTexts } from '@/utils/term-marks/mark-terms';
import { derivePmcPage } from '../../support/derive-other-pages';
import { derivePubmedPage } from '../../support/derive-pubmed-page';
import { loadDevRecord, loadRound2Record } from '../../support/dev-set';
import { scannedTermIds } from '../../support/scanned-term-ids';
import { loadHtmlFixture, parseHtml, PMC_PAGES, PUBMED_ARTICLE } from '../../support/fixtures';

const seed = loadDevRecord('dev-seed');
/** The pages the e2e suites serve: derived JDM pages (PubMed, PMC), the antibody page, captures. */
const PAGES = [
  {
    name: 'derived seed PubMed',
    url: 'https://pubmed.ncbi.nlm.nih.gov/34563217/',
    html: () => derivePubmedPage(seed),
  },
  {
    name: 'derived anti-MDA5 PubMed',
    url: 'https://pubmed.ncbi.nlm.nih.gov/38456909/',
    html: () => derivePubmedPage(loadRound2Record('r2-009')),
  },
  {
    name: 'derived seed PMC',
    url: 'https://pmc.ncbi.nlm.nih.gov/articles/PMC8885717/?derived=seed',
    html: () => derivePmcPage({ ...seed, pmid: seed.pmid ?? '' }),
  },
  { name: 'PMC capture', url: PMC_PAGES[0].url, html: () => loadHtmlFixture(PMC_PAGES[0].path) },
  {
    name: 'unrelated capture',
    url: PUBMED_ARTICLE.url,
    html: () => loadHtmlFixture(PUBMED_ARTICLE.path),
  },
];
const WATCH: WatchTerm[] = [
  { term: 'interstitial lung disease', label: 'ILD' },
  // Also a knowledge-base term: the knowledge base wins, so drug counts stay as they are.
  { term: 'baricitinib', label: 'mine' },
];

function load(page: (typeof PAGES)[number]) {
  const html = page.html();
  const doc = typeof html === 'string' ? parseHtml(html) : html;
  const read = readPage(doc, page.url, { includeReferences: false });
  const rootTexts = read.roots.map((r) => markableTexts(r, read.exclude).map((t) => t.data));
  return { doc, read, article: read.article!, rootTexts };
}

/** Marks the page the way the article page does, and reads back what the marks say. */
function markAndRead(loaded: ReturnType<typeof load>, watch: readonly WatchTerm[]) {
  const find = articleMentionFinder(loaded.article, watch);
  const results = loaded.read.roots.map((r) =>
    applyTermMarks(r, find, { exclude: loaded.read.exclude }),
  );
  const perRoot = results.map((r) => r.marks.map((m) => m.getAttribute(TERM_ATTR)));
  const drugCounts: Record<string, number> = {};
  for (const mark of loaded.doc.querySelectorAll(`${TERM_MARK_TAG}[${KIND_ATTR}="drug"]`)) {
    const id = mark.getAttribute(TERM_ATTR)!;
    drugCounts[id] = (drugCounts[id] ?? 0) + 1;
  }
  return { perRoot, drugCounts, undo: () => results.forEach((r) => r.undo()) };
}

describe.each(PAGES)('analyseArticle on the $name page', (page) => {
  it('predicts exactly the marks the page then gets, per root, with and without a watch list', () => {
    for (const watch of [[], WATCH]) {
      const loaded = load(page);
      const analysis = analyseArticle(loaded.article, loaded.rootTexts, watch);
      const marks = markAndRead(loaded, watch);
      expect(analysis.mentions.map((root) => root.flat().map((m) => m.termId))).toEqual(
        marks.perRoot,
      );
      expect(analysis.drugCounts).toEqual(marks.drugCounts);
    }
  });

  it('gives the classifier verdict, unchanged by the watch list, and tags for every finding', () => {
    const { article, rootTexts } = load(page);
    const plain = analyseArticle(article, rootTexts);
    const watched = analyseArticle(article, rootTexts, WATCH);
    expect(plain.verdict).toEqual(classifyArticle(article));
    expect(watched.verdict).toEqual(plain.verdict);
    expect(watched.drugCounts).toEqual(plain.drugCounts);
    for (const drug of plain.verdict.drugs) expect(plain.entityTags).toContain(`drug:${drug.name}`);
    for (const m of plain.mentions.flat(2)) {
      if (/^(target|antibody):/.test(m.termId)) expect(plain.entityTags).toContain(m.termId);
    }
    expect(new Set(plain.entityTags).size).toBe(plain.entityTags.length);
  });

  it("keeps the classifier's scan, so the panel model needs no second scan of the article", () => {
    const { article, rootTexts } = load(page);
    const analysis = analyseArticle(article, rootTexts, WATCH);
    expect(analysis.scannedTermIds).toEqual(scanArticle(article).map((h) => h.termId));
    expect(buildPanelModel(analysis.verdict, analysis.scannedTermIds)).toEqual(
      buildPanelModel(classifyArticle(article), scannedTermIds(article)),
    );
  });

  it('gives the same analysis in slices, yielding between them, as in one piece', async () => {
    const { article, rootTexts } = load(page);
    for (const watch of [[], WATCH]) {
      let yields = 0;
      // A clock that moves 1 ms per reading: every budget of 2 ms ends after a step or two.
      let t = 0;
      const sliced = await analyseArticleSliced(article, rootTexts, watch, {
        yieldFn: () => {
          yields += 1;
          return Promise.resolve();
        },
        budgetMs: 2,
        now: () => t++,
      });
      expect(sliced).toEqual(analyseArticle(article, rootTexts, watch));
      // At least one pause per text searched, after the classifier's.
      expect(yields).toBeGreaterThanOrEqual(Math.floor(rootTexts.flat().length / 2));
    }
  });

  it('hands over the verdict once, before any text is searched', async () => {
    const { article, rootTexts } = load(page);
    const events: string[] = [];
    const verdicts: unknown[] = [];
    let t = 0;
    const sliced = await analyseArticleSliced(article, rootTexts, [], {
      yieldFn: () => {
        events.push('yield');
        return Promise.resolve();
      },
      budgetMs: 1,
      now: () => t++,
      onVerdict: (verdict) => {
        events.push('verdict');
        verdicts.push(verdict);
      },
    });
    expect(verdicts).toEqual([sliced.verdict]);
    // The classifier is the first step: nothing yields (no text is searched) before the verdict.
    expect(events[0]).toBe('verdict');
  });

  it('stops between slices once its signal is aborted', async () => {
    const { article, rootTexts } = load(page);
    const stop = new AbortController();
    let t = 0;
    const run = analyseArticleSliced(article, rootTexts, [], {
      yieldFn: () => {
        stop.abort(new Error('page left'));
        return Promise.resolve();
      },
      budgetMs: 1,
      now: () => t++,
      signal: stop.signal,
    });
    await expect(run).rejects.toThrow('page left');
  });

  it('finds nothing more once the page is marked: marks and their pieces are not markable text', () => {
    const loaded = load(page);
    const marks = markAndRead(loaded, []);
    const again = loaded.read.roots.map((r) =>
      markableTexts(r, loaded.read.exclude).map((t) => t.data),
    );
    expect(analyseArticle(loaded.article, again).mentions.flat(2)).toEqual([]);
    marks.undo();
    expect(
      loaded.read.roots.map((r) => markableTexts(r, loaded.read.exclude).map((t) => t.data)),
    ).toEqual(loaded.rootTexts);
  });
});

describe('analyseArticle on the real pages', () => {
  it('counts the inhibitors of the JDM review and tags its targets; finds nothing off topic', () => {
    const seedPage = load(PAGES[0]!);
    const analysis = analyseArticle(seedPage.article, seedPage.rootTexts);
    expect(analysis.verdict.relevance).not.toBe('none');
    expect(Object.keys(analysis.drugCounts).length).toBeGreaterThan(0);
    expect(analysis.entityTags.some((t) => t.startsWith('target:JAK'))).toBe(true);

    const antibody = load(PAGES[1]!);
    expect(analyseArticle(antibody.article, antibody.rootTexts).entityTags).toContain(
      'antibody:mda5',
    );

    const unrelated = load(PAGES[4]!);
    const none = analyseArticle(unrelated.article, unrelated.rootTexts);
    expect([none.verdict.relevance, none.drugCounts, none.entityTags]).toEqual(['none', {}, []]);
  });

  it('watch terms are marked as watch mentions, with the reader label', () => {
    const { article, rootTexts } = load(PAGES[1]!);
    const watch = analyseArticle(article, rootTexts, WATCH)
      .mentions.flat(2)
      .filter((m) => m.kind === 'watch');
    expect(watch.length).toBeGreaterThan(0);
    expect(new Set(watch.map((m) => `${m.termId} ${m.label}`))).toEqual(
      new Set(['watch:interstitial lung disease ILD']),
    );
  });
});

describe('markableTexts', () => {
  it('leaves out our UI, the caller’s exclusions, controls and blank text', () => {
    const doc = parseHtml(
      '<main><p>baricitinib one</p><div data-jl-ui="x">baricitinib two</div>' +
        '<button>baricitinib three</button><textarea>baricitinib four</textarea>' +
        '<aside class="skip">baricitinib five</aside><p>  </p></main>',
    );
    const texts = markableTexts(doc.querySelector('main')!, '.skip').map((t) => t.data);
    expect(texts).toEqual(['baricitinib one']);
  });
});

describe('analysedFinder', () => {
  it('answers from the analysis for the texts it covered and asks the fallback for new ones', () => {
    const { article, rootTexts } = load(PAGES[0]!);
    const analysis = analyseArticle(article, rootTexts);
    const fallback = vi.fn(articleMentionFinder(article, []));
    const find = analysedFinder(rootTexts, analysis, fallback);
    rootTexts.forEach((texts, r) =>
      texts.forEach((text, t) => expect(find(text)).toEqual(analysis.mentions[r]![t])),
    );
    expect(fallback).not.toHaveBeenCalled();
    expect(find('tofacitinib, added later').map((m) => m.termId)).toEqual(['drug:tofacitinib']);
    expect(fallback).toHaveBeenCalledTimes(1);
  });
});
