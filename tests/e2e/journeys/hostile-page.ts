import { expect, it } from 'vitest';
import { eventually, type E2EBrowser, type E2EPage } from '../drivers/types';
import { SEED_URL } from '../pages';
import { inNote } from './note-target';
import { drawnHighlights, letters, scrollToText } from '../support/drawn-highlights';

const PANEL = 'jak-lens-panel';
const BAR = 'jl-selection-action';
const COMMENT = 'Ocelot comment: compare with the Zanzibar cohort';
const NOTE = 'Narwhal note: taper plan per Dr Vantablack';
const TAG = 'pangolin-tag';
/** What the reader adds to the comment after the attack (see the end of the journey). */
const EDIT = ' (re-read)';

/** Selects ~40 characters of the abstract's plain text (outside any mark) and releases the mouse. */
function selectPlainText(page: E2EPage, skip: number): Promise<string> {
  return page.evaluate((skipNodes) => {
    const root = document.querySelector('#abstract')!;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    let seen = 0;
    for (
      let node = walker.nextNode() as Text | null;
      node;
      node = walker.nextNode() as Text | null
    ) {
      if (node.parentElement?.closest('jl-mark')) continue;
      const words = node.data.match(/[A-Za-z]{4,}(?: [A-Za-z]{2,}){4}/);
      if (!words || words.index === undefined || seen++ < skipNodes) continue;
      const range = document.createRange();
      range.setStart(node, words.index);
      range.setEnd(node, words.index + words[0].length);
      const selection = getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
      root.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
      return selection.toString();
    }
    return '';
  }, skip);
}

const HOSTS = 'jak-lens-panel, jl-mark-card, jl-selection-action, jl-reader-layer';

/** What a page script sees of JAK Lens: our hosts, and any trace of a highlight around the text. */
function pageView(page: E2EPage) {
  return page.evaluate(
    (hosts) => ({
      traces: [
        ...document.querySelectorAll('jl-highlight, [data-jl-highlight], [data-jl-color]'),
      ].map((el) => el.outerHTML),
      hosts: [...document.querySelectorAll(hosts)].map((h) => h.tagName.toLowerCase()),
    }),
    HOSTS,
  );
}

/** The page's own DOM, serialised, with our hosts (panel, card, bar, highlight layer) left out. */
function pageDom(page: E2EPage): Promise<string> {
  return page.evaluate((hosts) => {
    const copy = document.body.cloneNode(true) as HTMLElement;
    for (const el of copy.querySelectorAll(hosts)) el.remove();
    return copy.outerHTML;
  }, HOSTS);
}

/**
 * The hostile page script: everything a PubMed script (NCBI's, a third party's, an injected one) can
 * try against the reader's data once the reader has worked. Runs in the page's main world.
 */
async function attack({ secrets, hosts }: { secrets: string[]; hosts: string }) {
  const report = {
    shadowRoots: 0,
    reattached: [] as string[],
    capturedRoots: 0,
    pointHits: [] as string[],
    dispatched: 0,
    found: [] as string[],
    frames: window.frames.length,
    customHighlights:
      typeof CSS !== 'undefined' && 'highlights' in CSS
        ? (CSS as unknown as { highlights: Map<string, unknown> }).highlights.size
        : 0,
  };
  // Navigation and form submission would end the page (and the test); a page can stop its own.
  const stop = (event: Event) => event.preventDefault();
  window.addEventListener('click', stop, true);
  window.addEventListener('submit', stop, true);

  const elements = () => [...document.querySelectorAll('*')];
  // 1. Every element's shadow root.
  const roots: ShadowRoot[] = [];
  for (const el of elements()) if (el.shadowRoot) roots.push(el.shadowRoot);
  report.shadowRoots = roots.length;
  // 2. attachShadow patched now (the content script's own copy is not the page's to patch), and a
  //    second root forced onto our hosts.
  const attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init: ShadowRootInit) {
    const root = attach.call(this, { ...init, mode: 'open' });
    roots.push(root);
    return root;
  };
  for (const host of document.querySelectorAll(hosts)) {
    try {
      roots.push(attach.call(host, { mode: 'open' }));
    } catch (error) {
      report.reattached.push(`${host.tagName.toLowerCase()}: ${(error as Error).name}`);
    }
  }
  // 3. Hit-testing over each host: what is at every point of the panel, card and bar.
  const hits = new Set<string>();
  for (const host of document.querySelectorAll(hosts)) {
    const box = host.getBoundingClientRect();
    // The highlight layer covers the viewport: a coarser grid there (still every line of text).
    const step = host.localName === 'jl-reader-layer' ? 16 : 12;
    for (let x = box.left + 2; x < box.right; x += step) {
      for (let y = box.top + 2; y < box.bottom; y += step) {
        for (const el of document.elementsFromPoint(x, y)) {
          if (el.shadowRoot) roots.push(el.shadowRoot);
          if (host.contains(el) && el !== host) hits.add(el.tagName.toLowerCase());
        }
      }
    }
  }
  report.pointHits = [...hits];
  // 4. Every event a script can make, on every element it can find (ours included), then focus and
  //    type into whatever took the focus.
  const targets = [...elements(), ...roots.flatMap((r) => [...r.querySelectorAll('*')])];
  for (const el of targets) {
    const html = el as HTMLElement;
    for (const type of ['pointerdown', 'mousedown', 'mouseup', 'click', 'dblclick']) {
      el.dispatchEvent(new MouseEvent(type, { bubbles: true, composed: true, cancelable: true }));
    }
    for (const key of ['Enter', ' ', 'Delete', 'Backspace', 'Escape']) {
      el.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true }));
    }
    el.dispatchEvent(new FocusEvent('focus'));
    el.dispatchEvent(new FocusEvent('focusin', { bubbles: true, composed: true }));
    el.dispatchEvent(new InputEvent('input', { data: 'x', bubbles: true, composed: true }));
    el.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
    if (typeof html.click === 'function' && !el.closest('a[href], form')) html.click();
    if (typeof html.focus === 'function') html.focus();
    report.dispatched += 1;
  }
  document.execCommand('insertText', false, 'typed by the page');
  // 5. Read every text the page can get: the document with attributes, each root it captured, the
  //    selection, storage, the CSS Custom Highlight registry (shared with the page's world). None may
  //    hold the reader's comment, note or tag, nor the panel's text.
  const texts = [
    document.documentElement.outerHTML,
    document.body.innerText,
    ...roots.map((r) => r.textContent ?? ''),
    ...targets.map((el) => (el as HTMLInputElement).value ?? ''),
    getSelection()?.toString() ?? '',
    JSON.stringify({ ...localStorage }),
    JSON.stringify({ ...sessionStorage }),
    ...(typeof CSS !== 'undefined' && 'highlights' in CSS
      ? [...(CSS as unknown as { highlights: Map<string, Iterable<Range>> }).highlights.values()]
          .flatMap((h) => [...h])
          .map((r) => r.toString())
      : []),
  ];
  for (let i = 0; i < window.frames.length; i++) {
    try {
      texts.push(window.frames[i]!.document.documentElement.outerHTML);
    } catch {
      // Another origin: refused.
    }
  }
  const all = texts.join('\n');
  report.found = secrets.filter((s) => all.includes(s));
  report.capturedRoots = roots.length;
  Element.prototype.attachShadow = attach;
  return report;
}

/**
 * A hostile page after the reader worked: a highlight with a comment, a note with a tag. The page's
 * script walks every element for shadow roots, patches attachShadow and forces a second root on our
 * hosts, hit-tests every point of our UI, dispatches click/key/focus/input/change on every element it
 * found and focuses and types, then reads everything it can (the CSS Custom Highlight registry too).
 * It finds no root, none of the reader's words, no trace of which passage is highlighted (the page's
 * DOM is byte for byte what it was before the reader highlighted), and nothing changed: the database
 * (dumped through the extension) and the highlight as the overlay draws it are as before.
 */
export function hostilePageJourneys(getBrowser: () => E2EBrowser): void {
  it('gives a hostile page script no shadow root, no reader text and no action on the reader data', async () => {
    const browser = getBrowser();
    const page = await browser.newPage();
    await page.goto(SEED_URL);
    await eventually(async () => (await page.count({ host: PANEL, inner: '.jl-card' })) >= 3);

    // The reader: a highlight with a comment, from the selection bar.
    const domBefore = await pageDom(page);
    const passage = await selectPlainText(page, 0);
    expect(passage.length).toBeGreaterThan(20);
    await page.click({ host: BAR, inner: '.jl-sel-comment' });
    await page.type({ host: BAR, inner: 'textarea' }, COMMENT);
    await page.click({ host: BAR, inner: '.jl-sel-save' });
    await eventually(
      async () =>
        (await page.values({ host: PANEL, inner: '.jl-hl-item textarea' })).includes(COMMENT),
      15_000,
      'the commented highlight in the panel',
    );
    // Drawn over the passage (read by the driver in the overlay's closed root)…
    const drawn = await eventually(
      async () => {
        await scrollToText(page, '#abstract', passage);
        // Earlier journeys on this profile may have left highlights of their own on the page.
        const list = await drawnHighlights(page);
        return list.some((d) => letters(d.text) === letters(passage)) ? list : null;
      },
      10_000,
      'the highlight drawn over the passage',
    );
    // …and nothing in the page's DOM says which passage: no element, attribute or class around it,
    // nothing anywhere else; the page's DOM is exactly as before the reader highlighted.
    expect(await pageDom(page)).toBe(domBefore);
    expect((await pageView(page)).traces).toEqual([]);
    // A note and a tag, in the note frame.
    await page.type(inNote('.jak-note-editor textarea'), NOTE);
    // The tag field is next in the Tab order (in Firefox's smaller window it is below the fold).
    await page.press('Tab');
    for (const key of TAG) await page.press(key);
    await page.press('Enter');
    await eventually(
      async () => (await page.texts(inNote('.jak-save-state'))).join('') === 'Saved',
      20_000,
      'the note saved',
    );
    // The selection bar shown again (a second selection) and a mark card open, so all three hosts
    // are in the page while it attacks.
    expect((await selectPlainText(page, 1)).length).toBeGreaterThan(20);
    await eventually(async () => (await page.count({ host: BAR, inner: '.jl-sel' })) === 1);
    await page.evaluate(() =>
      document.querySelector<HTMLElement>('jl-mark[data-jl-term="drug:baricitinib"]')?.focus(),
    );
    await eventually(
      async () => (await page.count({ host: 'jl-mark-card', inner: '.jl-mc' })) === 1,
    );

    const dbBefore = await browser.dumpDatabase();
    const viewBefore = await pageView(page);
    expect(JSON.stringify(dbBefore.highlights)).toContain(COMMENT);
    expect(JSON.stringify(dbBefore.notes)).toContain(TAG);
    expect(viewBefore.hosts.sort()).toEqual([
      'jak-lens-panel',
      'jl-mark-card',
      'jl-reader-layer',
      'jl-selection-action',
    ]);
    expect(viewBefore.traces).toEqual([]);

    const report = await page.evaluate(attack, {
      secrets: [
        COMMENT,
        NOTE,
        TAG,
        // The panel's own text: its highlight list, its note frame's title, the bar's label.
        'Your highlights',
        'Comment on this highlight',
        'JAK Lens highlight',
      ],
      hosts: HOSTS,
    });
    expect(report.shadowRoots).toBe(0);
    expect(report.customHighlights).toBe(0);
    // Our hosts already hold their (closed) roots: a second one is refused.
    expect(report.reattached.sort()).toEqual(
      [...viewBefore.hosts].sort().map((h) => `${h}: NotSupportedError`),
    );
    expect(report.capturedRoots).toBe(0);
    // Hit-testing from the page ends at our hosts: nothing inside them.
    expect(report.pointHits).toEqual([]);
    expect(report.dispatched).toBeGreaterThan(500);
    expect(report.found).toEqual([]);

    // Nothing changed: the database, the reader's highlight as drawn, the panel's list. Not after a
    // pause: the reader then adds to the comment with real keys, and the database must show that
    // edit. Everything the attack could have made the content script send (its events ran
    // synchronously, and every handler sends at once) went to the background before that edit, in
    // the same channel, handled in order, each write a Dexie transaction on the same table, run in
    // order. So once the edit is stored, any change the attack caused is too: a deleted highlight
    // makes the edit fail (never stored), a recoloured or extra one differs below, and a comment the
    // attack typed is in the text the edit stored.
    const row = (dbBefore.highlights as { id: string; comment?: string }[]).find(
      (h) => h.comment === COMMENT,
    )!;
    const commentBox = {
      host: PANEL,
      inner: `.jl-hl-item[data-jl-highlight="${row.id}"] textarea`,
    };
    await page.type(commentBox, EDIT);
    const [edited] = await page.values(commentBox);
    expect(edited?.replace(EDIT, '')).toBe(COMMENT);
    const dbAfter = await eventually(
      async () => {
        const dump = await browser.dumpDatabase();
        const stored = (dump.highlights as { id: string; comment?: string }[]).find(
          (h) => h.id === row.id,
        );
        return stored?.comment === edited ? dump : null;
      },
      10_000,
      "the reader's edit of the comment stored",
    );
    // The edit changed that comment and its time, and nothing else.
    expect({
      ...dbAfter,
      highlights: (dbAfter.highlights as { id: string }[]).map((h) =>
        h.id === row.id
          ? { ...h, comment: COMMENT, updatedAt: (row as { updatedAt?: number }).updatedAt }
          : h,
      ),
    }).toEqual(dbBefore);
    await scrollToText(page, '#abstract', passage);
    await eventually(
      async () => JSON.stringify(await drawnHighlights(page)) === JSON.stringify(drawn),
      5_000,
      'the highlight drawn as before',
    );
    expect((await pageView(page)).traces).toEqual([]);
    expect(await page.values({ host: PANEL, inner: '.jl-hl-item textarea' })).toContain(edited);
    await page.close();
  });
}
