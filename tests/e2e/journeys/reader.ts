import { expect, it } from 'vitest';
import { eventually, type E2EBrowser, type E2EPage } from '../drivers/types';
import { ANTIBODY_URL, SEED_URL, UNRELATED_URL } from '../pages';
import { inNote } from './note-target';
import { selectInAbstract } from '../support/select-in-abstract';
import { drawnHighlights, letters, scrollToText } from '../support/drawn-highlights';

const PANEL = 'jak-lens-panel';
const inPanel = (inner: string) => ({ host: PANEL, inner });

/** Marks the content script added, by term id, counted in the page. */
function markTerms(page: E2EPage): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('jl-mark')].map((m) => m.getAttribute('data-jl-term') ?? ''),
  );
}

/**
 * The reader's highlights as drawn over the page (the overlay's closed root, read by the driver) with
 * the text under them, after bringing `phrase` into view; and whether the page's DOM holds any trace.
 */
async function noteMarks(
  page: E2EPage,
  phrase: string,
): Promise<{ text: string; ids: string[]; traces: number }> {
  await scrollToText(page, '#abstract', phrase);
  const drawn = await drawnHighlights(page);
  const traces = await page.evaluate(
    () => document.querySelectorAll('jl-highlight, [data-jl-highlight], [data-jl-color]').length,
  );
  return { text: drawn.map((d) => d.text).join(''), ids: drawn.map((d) => d.id), traces };
}

const CARD = 'jl-mark-card';

/** The page's text with our own UI (panel, card, selection bar, styles) left out. */
function pageText(page: E2EPage): Promise<string> {
  return page.evaluate(() => {
    const copy = document.body.cloneNode(true) as HTMLElement;
    for (const el of copy.querySelectorAll('jak-lens-panel, jl-mark-card, [data-jl-ui]'))
      el.remove();
    return copy.textContent ?? '';
  });
}

/**
 * What the mark card shows, read from its closed shadow root by the driver (the page cannot); null
 * when no card is in the page.
 */
function shownCard(page: E2EPage): Promise<{
  term: string;
  chips: string[];
  drugs: string[];
  members: string[];
  text: string;
  links: string[][];
} | null> {
  return page.inUi(CARD, (root) => {
    const card = root.querySelector('.jl-mc');
    if (!card) return null;
    return {
      term: card.getAttribute('data-term') ?? '',
      chips: [...card.querySelectorAll('.jl-chip-jak')].map((c) => c.textContent ?? ''),
      drugs: [...card.querySelectorAll('.jl-mc-inhibitors li')].map(
        (li) => li.getAttribute('data-drug') ?? '',
      ),
      members: [...card.querySelectorAll('.jl-mc-members li')].map((li) => li.textContent ?? ''),
      text: card.textContent ?? '',
      links: [...card.querySelectorAll('a')].map((a) => [
        a.getAttribute('href') ?? '',
        a.getAttribute('target') ?? '',
        a.getAttribute('rel') ?? '',
      ]),
    };
  });
}

/** Focuses the first mark of `term` (as Tab would) and waits for its card. */
async function focusCard(page: E2EPage, term: string) {
  await page.evaluate((id) => {
    const mark = document.querySelector<HTMLElement>(`jl-mark[data-jl-term="${id}"]`);
    mark?.scrollIntoView({ block: 'center' });
    mark?.focus();
  }, term);
  return eventually(
    async () => {
      const shown = await shownCard(page);
      return shown?.term === term ? shown : null;
    },
    10_000,
    `card on the ${term} mark`,
  );
}

async function openSeed(browser: E2EBrowser): Promise<E2EPage> {
  const page = await browser.newPage();
  await page.goto(SEED_URL);
  await eventually(async () => (await page.count(inPanel('.jl-card'))) >= 3, 20_000, 'drug cards');
  return page;
}

/**
 * The reader's main journeys, written once and run by every driver (Chromium and Firefox). `getBrowser`
 * returns the suite's browser (it may be restarted by a journey).
 */
export function readerJourneys(getBrowser: () => E2EBrowser): void {
  it('recognises the JDM review, highlights its inhibitors, targets and disease terms', async () => {
    const page = await openSeed(getBrowser());
    const terms = await markTerms(page);
    for (const id of [
      'drug:baricitinib',
      'drug:tofacitinib',
      'drug:ruxolitinib',
      // "JAK1–3" and "STAT1–6" are one mark each, counted as their members.
      'range:JAK1–3',
      'range:STAT1–6',
      'target:TYK2',
    ]) {
      expect(terms).toContain(id);
    }
    expect(terms.some((t) => t.startsWith('disease:'))).toBe(true);
    // Highlighting is idempotent on a real page: no mark inside another.
    expect(await page.evaluate(() => document.querySelectorAll('jl-mark jl-mark').length)).toBe(0);
    await page.close();
  });

  it('marks a myositis antibody in its own kind, with a card that names its phenotype and source', async () => {
    const page = await getBrowser().newPage();
    await page.goto(ANTIBODY_URL);
    await eventually(async () => (await page.count(inPanel('.jl-card'))) >= 1, 20_000, 'panel');
    // The header names the subtype as readers do.
    expect((await page.texts(inPanel('.jl-subtype'))).join(' ')).toMatch(/anti-MDA5 DM/);
    const kinds = await page.evaluate(() =>
      [...document.querySelectorAll('jl-mark[data-jl-term="antibody:mda5"]')].map((m) =>
        m.getAttribute('data-jl-kind'),
      ),
    );
    expect(kinds.length).toBeGreaterThan(0);
    expect(new Set(kinds)).toEqual(new Set(['antibody']));
    // Its own underline: wavy, unlike every other kind.
    expect(
      await page.evaluate(() => {
        const mark = document.querySelector('jl-mark[data-jl-term="antibody:mda5"]');
        return mark ? getComputedStyle(mark).textDecorationStyle : '';
      }),
    ).toBe('wavy');
    const card = await focusCard(page, 'antibody:mda5');
    expect(card.text).toMatch(/rapidly progressive interstitial lung disease/);
    expect(card.text).toMatch(/antibody:mda5/);
    expect(card.links.map(([href]) => href)).toContain('https://pubmed.ncbi.nlm.nih.gov/33774723/');
    await page.close();
  });

  it('shows the summary panel with a card per inhibitor and the type I interferon pathway', async () => {
    const page = await openSeed(getBrowser());
    const drugs =
      (await page.inUi(PANEL, (root) =>
        [...root.querySelectorAll('.jl-card')].map((card) => card.getAttribute('data-drug')),
      )) ?? [];
    expect([...drugs].sort()).toEqual(['drug:baricitinib', 'drug:ruxolitinib', 'drug:tofacitinib']);
    const verdict = (await page.texts(inPanel('.jl-relevance'))).join(' ');
    expect(verdict).toMatch(/JDM|juvenile/i);
    const panelText = (await page.inUi(PANEL, (root) => root.textContent)) ?? '';
    expect(panelText).toMatch(/Type I interferon/);
    await page.close();
  });

  it('links "the IFN pathway" to the panel: the card opens the collapsed panel at the type I IFN path', async () => {
    const page = await openSeed(getBrowser());
    await page.click(inPanel('.jl-header button.jl-icon[aria-controls="jl-body"]'));
    await eventually(async () => (await page.count(inPanel('.jl-tab'))) === 1, 10_000, 'collapsed');
    // The seed review: "There are multiple components of the IFN pathway that could be targeted".
    const card = await focusCard(page, 'ifn:pathway');
    expect(card.text).toMatch(/type I IFN → IFNAR → JAK1 \+ TYK2/);
    await page.click({ host: CARD, inner: 'button.jl-mc-pathway' });
    const focused = await eventually(
      () => page.inUi(PANEL, (root) => root.activeElement?.getAttribute('data-family') ?? null),
      10_000,
      'type I IFN family focused in the panel',
    );
    expect(focused).toBe('ifn-1');
    expect(await page.count(inPanel('.jl-tab'))).toBe(0);
    expect(await page.count(CARD)).toBe(0);
    await page.close();
  });

  it('shows no panel and no drug highlights on an unrelated real article', async () => {
    const page = await getBrowser().newPage();
    await page.goto(UNRELATED_URL);
    // Wait for the content script to say it finished its pass (its verdict is set only after the
    // highlighting and the panel decision); only then can "no panel" not pass by being early.
    const answer = await getBrowser().contentScriptDone(UNRELATED_URL);
    expect(answer.kind === 'state' && answer.state.verdict?.relevance).toBe('none');
    expect(await page.count(PANEL)).toBe(0);
    expect((await markTerms(page)).filter((t) => t.startsWith('drug:'))).toEqual([]);
    await page.close();
  });

  it('keeps a note written in the panel across a reload and a browser restart', async () => {
    const note = 'Baricitinib case series: check dose in children <img src=x onerror=alert(1)>';
    let page = await openSeed(getBrowser());
    await page.type(inNote('textarea'), note);
    await eventually(
      async () => (await page.texts(inNote('.jak-save-state'))).join('') === 'Saved',
      15_000,
      'saved',
    );

    await page.reload();
    await eventually(
      async () => {
        const values = await page.values(inNote('textarea'));
        return values.join('') === note;
      },
      20_000,
      'note after reload',
    );
    await page.close();

    await getBrowser().restart();
    page = await openSeed(getBrowser());
    await eventually(
      async () => {
        const values = await page.values(inNote('textarea'));
        return values.join('') === note;
      },
      20_000,
      'note after restart',
    );
    // The note's markup stays text: no image element appears anywhere in the panel or its note frame.
    expect(await page.count(inPanel('img'))).toBe(0);
    expect(await page.count(inNote('img'))).toBe(0);
    await page.close();
  });

  it('steps to the next mention of an inhibitor, and remembers the panel collapsed after a reload', async () => {
    const page = await openSeed(getBrowser());
    await page.click(inPanel('.jl-card[data-drug="drug:baricitinib"] .jl-next'));
    // The first baricitinib mark in the page is focused and flashed.
    await eventually(
      () =>
        page.evaluate(() => {
          const active = document.activeElement;
          return (
            active?.tagName.toLowerCase() === 'jl-mark' &&
            active.getAttribute('data-jl-term') === 'drug:baricitinib' &&
            active.hasAttribute('data-jl-flash')
          );
        }),
      10_000,
      'focused, flashed baricitinib mark',
    );

    await page.click(inPanel('.jl-header button.jl-icon[aria-controls="jl-body"]'));
    await eventually(async () => (await page.count(inPanel('.jl-tab'))) === 1, 10_000, 'collapsed');
    await page.reload();
    await eventually(
      async () => (await page.count(inPanel('.jl-tab'))) === 1,
      20_000,
      'still collapsed',
    );
    expect(await page.count(inPanel('.jl-card'))).toBe(0);
    // Expanding again is remembered too, so later journeys see the whole panel.
    await page.click(inPanel('.jl-tab'));
    await eventually(async () => (await page.count(inPanel('.jl-card'))) >= 3, 10_000, 'expanded');
    await page.close();
  });

  it('shows a note saved in one tab in another tab of the same article', async () => {
    const first = await openSeed(getBrowser());
    const second = await openSeed(getBrowser());
    const addition = ' Seen in two tabs.';
    await first.type(inNote('textarea'), addition);
    await eventually(
      async () => (await first.texts(inNote('.jak-save-state'))).join('') === 'Saved',
      15_000,
      'saved in the first tab',
    );
    await eventually(
      async () => (await second.values(inNote('textarea'))).join('').includes(addition.trim()),
      20_000,
      'the note in the second tab',
    );
    await first.close();
    await second.close();
  });

  it('leaves nothing of ours in the PubMed origin (IndexedDB, localStorage, cookies)', async () => {
    const page = await openSeed(getBrowser());
    const origin = await page.evaluate(async () => ({
      databases: (await indexedDB.databases()).map((d) => d.name),
      localStorage: Object.keys(localStorage),
      cookie: document.cookie,
    }));
    expect(origin).toEqual({ databases: [], localStorage: [], cookie: '' });
    await page.close();
  });

  it('re-anchors a highlight made from a selection at the same text after a reload', async () => {
    // Runs across three drug marks: the overlay draws over the term marks without touching them.
    const phrase = 'Baricitinib, Tofacitinib and Ruxolitinib in the treatment';
    const page = await openSeed(getBrowser());
    const abstractBefore = await page.evaluate(
      () => document.querySelector('#abstract')!.outerHTML,
    );
    // Select the phrase as a reader would (a Range over the page's text), then release the mouse.
    const { text: selected } = await page.evaluate(selectInAbstract, { text: phrase });
    await page.evaluate(() =>
      document
        .querySelector('#abstract')!
        .dispatchEvent(new MouseEvent('mouseup', { bubbles: true })),
    );
    expect(selected).toBe(phrase);

    await page.click({ host: 'jl-selection-action', inner: '.jl-sel-highlight' });
    const created = await eventually(
      async () => {
        const drawn = await noteMarks(page, phrase);
        return letters(drawn.text) === letters(phrase) ? drawn : null;
      },
      15_000,
      'highlight drawn',
    );
    expect(created.ids).toHaveLength(1);
    expect(created.traces).toBe(0);
    // Drawn over the page, not in it: the abstract's DOM is as the page made it.
    expect(await page.evaluate(() => document.querySelector('#abstract')!.outerHTML)).toBe(
      abstractBefore,
    );
    await eventually(
      async () => (await page.texts(inPanel('.jl-hl-quote'))).includes(phrase),
      10_000,
      'highlight listed in the panel',
    );

    await page.reload();
    const again = await eventually(
      async () => {
        const drawn = await noteMarks(page, phrase);
        return letters(drawn.text) === letters(phrase) ? drawn : null;
      },
      20_000,
      'highlight re-anchored after reload',
    );
    expect(again).toEqual({ ...created, text: again.text });
    // The abstract, its three drug marks under the highlight included, is as the page and the term
    // highlighter made it on the first visit.
    expect(await page.evaluate(() => document.querySelector('#abstract')!.outerHTML)).toBe(
      abstractBefore,
    );
    expect(await page.texts(inPanel('.jl-hl-orphans'))).toEqual([]);
    await page.close();
  });

  it('shows an info card on a mark: on keyboard focus, closed by Escape, and on hover', async () => {
    const page = await openSeed(getBrowser());
    const before = await pageText(page);
    expect(await page.count(CARD)).toBe(0);

    // Keyboard: focus the first baricitinib mark; the card opens at once with its targets.
    await page.evaluate(() => {
      const mark = document.querySelector<HTMLElement>('jl-mark[data-jl-term="drug:baricitinib"]');
      mark?.scrollIntoView({ block: 'center' });
      mark?.focus();
    });
    const drug = await eventually(() => shownCard(page), 10_000, 'card on the focused mark');
    expect(drug.term).toBe('drug:baricitinib');
    expect(drug.chips).toEqual(['JAK1', 'JAK2']);
    expect(drug.links.length).toBeGreaterThan(0);
    for (const [href, target, rel] of drug.links) {
      expect(href).toMatch(/^https?:\/\//);
      expect([target, rel]).toEqual(['_blank', 'noopener noreferrer']);
    }
    expect(
      await page.evaluate(() => document.activeElement?.getAttribute('aria-describedby')),
    ).toBe('jl-mark-card');

    await page.press('Escape');
    await eventually(async () => (await page.count(CARD)) === 0, 10_000, 'card closed by Escape');
    expect(
      await page.evaluate(() => ({
        term: document.activeElement?.getAttribute('data-jl-term'),
        described: document.querySelectorAll('jl-mark[aria-describedby]').length,
      })),
    ).toEqual({ term: 'drug:baricitinib', described: 0 });

    // Pointer, with the panel collapsed (the card does not need it, and the docked panel may cover the
    // mark): hover the "JAK1–3" mark; the card lists the three kinases it stands for.
    await page.click(inPanel('.jl-header button.jl-icon[aria-controls="jl-body"]'));
    await eventually(async () => (await page.count(inPanel('.jl-tab'))) === 1, 10_000, 'collapsed');
    await page.hover('jl-mark[data-jl-term="range:JAK1–3"]');
    const target = await eventually(
      async () => {
        const card = await shownCard(page);
        return card?.term === 'range:JAK1–3' ? card : null;
      },
      10_000,
      'card on the hovered range mark',
    );
    expect(target.members).toEqual(['JAK1', 'JAK2', 'JAK3']);

    // Moving away closes it (after its grace period), and the page's text is as it was.
    await page.hover('#full-view-identifiers');
    await eventually(async () => (await page.count(CARD)) === 0, 10_000, 'card closed on leave');
    expect(
      await page.evaluate(() => document.querySelectorAll('jl-mark[aria-describedby]').length),
    ).toBe(0);
    expect(await pageText(page)).toBe(before);
    // Expanded again (the layout is remembered), so later journeys see the whole panel.
    await page.click(inPanel('.jl-tab'));
    await eventually(async () => (await page.count(inPanel('.jl-card'))) >= 3, 10_000, 'expanded');
    await page.close();
  });
}
