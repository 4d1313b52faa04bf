import { expect, it } from 'vitest';
import { eventually, type E2EBrowser, type E2EPage } from '../drivers/types';
import { SEED_URL, UNRELATED_URL } from '../pages';

const PANEL = 'jak-lens-panel';
const inPanel = (inner: string) => ({ host: PANEL, inner });

/** Marks the content script added, by term id, counted in the page. */
function markTerms(page: E2EPage): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('jl-mark')].map((m) => m.getAttribute('data-jl-term') ?? ''),
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
      'target:JAK1',
      'target:TYK2',
    ]) {
      expect(terms).toContain(id);
    }
    expect(terms.some((t) => t.startsWith('disease:'))).toBe(true);
    // Highlighting is idempotent on a real page: no mark inside another.
    expect(await page.evaluate(() => document.querySelectorAll('jl-mark jl-mark').length)).toBe(0);
    await page.close();
  });

  it('shows the summary panel with a card per inhibitor and the type I interferon pathway', async () => {
    const page = await openSeed(getBrowser());
    const drugs = await page.evaluate(() =>
      [
        ...(document.querySelector('jak-lens-panel')?.shadowRoot?.querySelectorAll('.jl-card') ??
          []),
      ].map((card) => card.getAttribute('data-drug')),
    );
    expect([...drugs].sort()).toEqual(['drug:baricitinib', 'drug:ruxolitinib', 'drug:tofacitinib']);
    const verdict = (await page.texts(inPanel('.jl-relevance'))).join(' ');
    expect(verdict).toMatch(/JDM|juvenile/i);
    const panelText = await page.evaluate(
      () => document.querySelector('jak-lens-panel')?.shadowRoot?.textContent ?? '',
    );
    expect(panelText).toMatch(/Type I interferon/);
    await page.close();
  });

  it('shows no panel and no drug highlights on an unrelated real article', async () => {
    const page = await getBrowser().newPage();
    await page.goto(UNRELATED_URL);
    // Wait until the content script has run (its stylesheet for marks is installed on article pages).
    await eventually(
      () => page.evaluate(() => !!document.getElementById('jl-highlight-style')),
      15_000,
      'content script',
    );
    expect(await page.count(PANEL)).toBe(0);
    expect((await markTerms(page)).filter((t) => t.startsWith('drug:'))).toEqual([]);
    await page.close();
  });

  it('keeps a note written in the panel across a reload and a browser restart', async () => {
    const note = 'Baricitinib case series: check dose in children <img src=x onerror=alert(1)>';
    let page = await openSeed(getBrowser());
    await page.type(inPanel('textarea'), note);
    await eventually(
      async () => (await page.texts(inPanel('.jak-save-state'))).join('') === 'Saved',
      15_000,
      'saved',
    );

    await page.reload();
    await eventually(
      async () => {
        const values = await page.evaluate(
          () =>
            (
              document
                .querySelector('jak-lens-panel')
                ?.shadowRoot?.querySelector('textarea') as HTMLTextAreaElement | null
            )?.value,
        );
        return values === note;
      },
      20_000,
      'note after reload',
    );
    await page.close();

    await getBrowser().restart();
    page = await openSeed(getBrowser());
    await eventually(
      async () => {
        const value = await page.evaluate(
          () =>
            (
              document
                .querySelector('jak-lens-panel')
                ?.shadowRoot?.querySelector('textarea') as HTMLTextAreaElement | null
            )?.value,
        );
        return value === note;
      },
      20_000,
      'note after restart',
    );
    // The note's markup stays text: no image element appears anywhere in the panel.
    expect(await page.count(inPanel('img'))).toBe(0);
    await page.close();
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
}
