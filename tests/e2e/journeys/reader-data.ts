import { expect, it } from 'vitest';
import { eventually, type E2EBrowser, type E2EPage, type Target } from '../drivers/types';
import { SEED_URL } from '../pages';
import { inNote } from './note-target';

/**
 * The reader's data (issue 14), for every driver: every keystroke survives the tab closing, the browser
 * quitting and (where the driver can) a renderer being killed, 0 ms after the last key; and a page
 * script can neither read nor change the reader's highlights, comments, note, tags or status.
 */

const PANEL = 'jak-lens-panel';
const inPanel = (inner: string): Target => ({ host: PANEL, inner });
const inComment = (inner: string): Target => ({ host: PANEL, frame: 'comment', inner });

/** Median and 95th percentile of `values`, in ms, rounded to 0.01. */
function summary(values: number[]): { median: number; p95: number; n: number } {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  const round = (x: number) => Math.round(x * 100) / 100;
  return { median: round(at(0.5)), p95: round(at(0.95)), n: sorted.length };
}

async function openSeed(browser: E2EBrowser): Promise<E2EPage> {
  const page = await browser.newPage();
  await page.goto(SEED_URL);
  await eventually(async () => (await page.count(inNote('textarea'))) === 1, 30_000, 'note frame');
  return page;
}

const noteText = async (page: E2EPage) => (await page.values(inNote('textarea'))).join('');

/** Selects `phrase` in the abstract as a reader would (a Range, then the mouse released). */
function selectInAbstract(page: E2EPage, phrase: string): Promise<string> {
  return page.evaluate((text) => {
    const root = document.querySelector('#abstract')!;
    const start = (root.textContent ?? '').indexOf(text);
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    let offset = 0;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const length = (node as Text).data.length;
      if (start >= offset && start < offset + length) range.setStart(node, start - offset);
      if (start + text.length <= offset + length) {
        range.setEnd(node, start + text.length - offset);
        break;
      }
      offset += length;
    }
    const selection = getSelection()!;
    selection.removeAllRanges();
    selection.addRange(range);
    root.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
    return selection.toString();
  }, phrase);
}

/** What can end a session right after the last key, and how each driver does it. */
export type Ending =
  'close the tab' | 'quit the browser' | 'kill the page renderer' | 'kill the extension renderer';

async function end(browser: E2EBrowser, page: E2EPage, how: Ending): Promise<void> {
  if (how === 'close the tab') return page.close();
  if (how === 'quit the browser') return browser.restart();
  await browser.crash!(page, how === 'kill the page renderer' ? 'page' : 'extension');
  await page.close().catch(() => undefined);
}

export function readerDataJourneys(getBrowser: () => E2EBrowser, endings: readonly Ending[]): void {
  it('measures the time from a keystroke to the journal and to the database (printed, not asserted)', async () => {
    const browser = getBrowser();
    const page = await openSeed(browser);
    // Test-side instruments in the note frame: when each input event starts, when each journal write
    // returns, and when the save state next reads "Saved" (the background answers after the IndexedDB
    // transaction has committed).
    await page.evaluateInFrame('note', () => {
      const t = { inputs: [] as number[], writes: [] as number[], saved: [] as number[] };
      (window as unknown as { __t: typeof t }).__t = t;
      addEventListener('input', () => t.inputs.push(performance.now()), true);
      const setItem = Storage.prototype.setItem;
      Storage.prototype.setItem = function (key: string, value: string) {
        setItem.call(this, key, value);
        if (key.startsWith('jak-lens/draft/')) t.writes.push(performance.now());
      };
      const state = document.querySelector('.jak-save-state')!;
      new MutationObserver(() => {
        if (state.textContent === 'Saved') t.saved.push(performance.now());
      }).observe(state, { childList: true, characterData: true, subtree: true });
    });
    type Timings = { inputs: number[]; writes: number[]; saved: number[] };
    const read = () =>
      page.evaluateInFrame('note', () => (window as unknown as { __t: Timings }).__t);
    const lastKeys: number[] = [];
    for (let i = 0; i < 12; i++) {
      await page.type(inNote('textarea'), ` w${i}x`);
      const last = (await read()).inputs.at(-1)!;
      lastKeys.push(last);
      await eventually(async () => (await read()).saved.some((s) => s > last), 20_000, `save ${i}`);
    }
    const t = await read();
    expect(t.writes.length).toBe(t.inputs.length);
    const journal = t.inputs.map((input, i) => t.writes[i]! - input);
    const database = lastKeys.map((key) => t.saved.find((s) => s > key)! - key);
    const figures = {
      browser: browser.name,
      journal: summary(journal),
      database: summary(database),
    };
    console.log(`[keystroke→durable] ${JSON.stringify(figures)}`);
    await page.close();
  });

  for (const how of endings) {
    it(`keeps every character typed in the note when we ${how} 0 ms after the last key`, async () => {
      const browser = getBrowser();
      const page = await openSeed(browser);
      const before = await noteText(page);
      // A sentence typed without a pause (no debounce gap), then the session ends at once.
      const typed = ` ${how}: baricitinib 4 mg, CK 112 U/L, MMT-8 142/150 (${Date.now()})`;
      await page.type(inNote('textarea'), typed);
      await end(browser, page, how);

      const again = await openSeed(getBrowser());
      await eventually(
        async () => (await noteText(again)) === before + typed,
        30_000,
        `every character after we ${how}`,
      );
      await again.close();
    });
  }

  it('keeps every character of a highlight comment when the tab closes 0 ms after the last key', async () => {
    const browser = getBrowser();
    const page = await openSeed(browser);
    const phrase = 'refractory Juvenile Dermatomyositis';
    expect(await selectInAbstract(page, phrase)).toBe(phrase);
    // "Comment…" highlights and opens the comment editor, an extension frame in the panel.
    await page.click({ host: 'jl-selection-action', inner: '.jl-sel-comment' });
    await eventually(
      async () => (await page.count(inComment('textarea'))) === 1,
      20_000,
      'comment frame',
    );
    const comment = `Compare with the MDA5 cohort (${Date.now()})`;
    await page.type(inComment('textarea'), comment);
    await page.close();

    const again = await openSeed(getBrowser());
    await eventually(
      async () => (await again.texts(inPanel('.jl-hl-comment'))).includes(comment),
      30_000,
      'the comment on the next visit',
    );
    await again.close();
  });
}

/** Everything the reader has on the seed article, read through the driver (never by the page). */
async function readerView(page: E2EPage) {
  return {
    note: await noteText(page),
    quotes: await page.texts(inPanel('.jl-hl-quote')),
    comments: await page.texts(inPanel('.jl-hl-comment')),
    marks: await page.evaluate(() =>
      [...document.querySelectorAll('jl-note-mark')].map((m) => [
        m.getAttribute('data-jl-highlight'),
        m.getAttribute('data-jl-color'),
        m.textContent,
      ]),
    ),
  };
}

/** What the attacking page script did and found (see `attack`). */
interface Attack {
  ourHosts: string[];
  openRoots: number;
  attachThrew: number;
  dispatched: number;
  focused: number;
  frames: number;
  frameReads: number;
  readable: string;
}

/**
 * The hostile page script, run in the page's main world: it looks for every shadow root, tries to read
 * ours, and clicks, focuses, types into and dispatches events on everything of ours it can reach — the
 * hosts, and whatever is under every point of a grid over the viewport — and forges our frames'
 * messages. It returns all the text it could read.
 */
function attack(page: E2EPage): Promise<Attack> {
  return page.evaluate(async () => {
    const ours = (el: Element) =>
      el.localName === 'jak-lens-panel' ||
      el.localName.startsWith('jl-') ||
      el.hasAttribute('data-jl-ui');
    const log = {
      ourHosts: [] as string[],
      openRoots: 0,
      attachThrew: 0,
      dispatched: 0,
      focused: 0,
      frames: window.frames.length,
      frameReads: 0,
      readable: '',
    };
    const targets = new Set<Element>();
    for (const el of document.querySelectorAll('*')) {
      if (el.shadowRoot) {
        log.openRoots += 1;
        log.readable += el.shadowRoot.textContent ?? '';
        for (const f of el.shadowRoot.querySelectorAll('input, textarea'))
          log.readable += (f as HTMLInputElement).value;
      }
      // Our UI hosts (the marks over the page's text are ours too, but hold no shadow root).
      if (ours(el) && !['jl-mark', 'jl-note-mark'].includes(el.localName)) {
        log.ourHosts.push(el.localName);
        targets.add(el);
        try {
          el.attachShadow({ mode: 'open' });
        } catch {
          log.attachThrew += 1;
        }
      }
    }
    // Everything under a 40-px grid: what a script "clicking where the buttons are" reaches.
    for (let y = 5; y < innerHeight; y += 40)
      for (let x = 5; x < innerWidth; x += 40)
        for (const el of document.elementsFromPoint(x, y)) if (ours(el)) targets.add(el);
    const fire = (el: Element, event: Event) => {
      el.dispatchEvent(event);
      log.dispatched += 1;
    };
    for (const el of targets) {
      const box = el.getBoundingClientRect();
      const at = {
        bubbles: true,
        composed: true,
        cancelable: true,
        clientX: box.x + 5,
        clientY: box.y + 5,
      };
      for (const type of ['pointerdown', 'mousedown', 'pointerup', 'mouseup', 'click', 'dblclick'])
        fire(el, new MouseEvent(type, at));
      (el as HTMLElement).click?.();
      (el as HTMLElement).focus?.();
      if (document.activeElement === el) log.focused += 1;
      for (const key of ['Delete', 'Backspace', 'Enter', ' ', 'x']) {
        for (const type of ['keydown', 'keypress', 'keyup'])
          fire(
            el,
            new KeyboardEvent(type, { key, bubbles: true, composed: true, cancelable: true }),
          );
        fire(el, new InputEvent('input', { data: key, bubbles: true, composed: true }));
      }
      document.execCommand('insertText', false, 'pwned');
      for (const type of ['change', 'submit', 'contextmenu'])
        fire(el, new Event(type, { bubbles: true, composed: true }));
      log.readable += `${el.textContent ?? ''}${(el as HTMLElement).innerText ?? ''}`;
      for (const attr of el.getAttributeNames()) log.readable += el.getAttribute(attr) ?? '';
    }
    // Our frames are listed in window.frames: forge their messages, try to read them.
    for (let i = 0; i < window.frames.length; i++) {
      const frame = window.frames[i]!;
      for (const data of [
        { type: 'jak-lens/comments-changed' },
        { type: 'jak-lens/note-frame-height', height: 1 },
        {
          type: 'note/save',
          articleKey: 'pmid:34563217',
          body: 'pwned',
          tags: [],
          status: 'read',
          baseRevision: 99,
        },
      ]) {
        frame.postMessage(data, '*');
        window.postMessage(data, '*');
      }
      try {
        log.readable += frame.document.body.innerText;
        log.frameReads += 1;
      } catch {
        // Cross-origin: the note and comment frames are the extension's.
      }
    }
    log.readable += document.body.innerText + document.documentElement.outerHTML;
    await new Promise((r) => setTimeout(r, 1500));
    return log;
  });
}

export function pageCannotTouchJourneys(getBrowser: () => E2EBrowser): void {
  it("lets a page script neither read nor change the reader's highlights, comment, note, tags or status", async () => {
    const stamp = Date.now();
    const secrets = {
      comment: `Sealed comment ${stamp}`,
      note: `Sealed note ${stamp}`,
      tag: `sealed-tag-${stamp}`,
    };
    const page = await openSeed(getBrowser());
    // The reader: a highlight with a comment, a note, a tag and a reading status.
    const phrase = 'Baricitinib, Tofacitinib and Ruxolitinib';
    expect(await selectInAbstract(page, phrase)).toBe(phrase);
    await page.click({ host: 'jl-selection-action', inner: '.jl-sel-comment' });
    await eventually(
      async () => (await page.count(inComment('textarea'))) === 1,
      20_000,
      'comment frame',
    );
    await page.type(inComment('textarea'), secrets.comment);
    await eventually(
      async () => (await page.texts(inComment('.jak-save-state'))).join('') === 'Saved',
      20_000,
      'comment saved',
    );
    await page.type(inNote('textarea'), ` ${secrets.note}`);
    await page.type(inNote('input[aria-label="Add a tag"]'), `${secrets.tag}\n`);
    await eventually(
      async () => (await page.texts(inNote('.jak-save-state'))).join('') === 'Saved',
      20_000,
      'note saved',
    );

    await page.reload();
    await eventually(
      async () => (await page.texts(inPanel('.jl-hl-comment'))).includes(secrets.comment),
      30_000,
      'the reader data after a reload',
    );
    const before = await readerView(page);
    expect(before.note).toContain(secrets.note);
    expect((await page.texts(inNote('ul[aria-label="Tags"] li'))).join(' ')).toContain(secrets.tag);

    // The page makes our selection bar and a mark card appear (it can select text and focus a mark),
    // so that they are there to be attacked too.
    await selectInAbstract(page, 'Janus kinase');
    await eventually(async () => (await page.count('jl-selection-action')) === 1, 10_000, 'bar');
    await page.evaluate(() => document.querySelector<HTMLElement>('jl-mark')?.focus());
    await eventually(async () => (await page.count('jl-mark-card')) === 1, 10_000, 'card');

    const found = await attack(page);
    expect(new Set(found.ourHosts)).toEqual(
      new Set(['jak-lens-panel', 'jl-selection-action', 'jl-mark-card']),
    );
    expect(found.openRoots).toBe(0);
    expect(found.attachThrew).toBe(3);
    expect(found.dispatched).toBeGreaterThan(100);
    expect(found.frameReads).toBe(0);
    for (const secret of Object.values(secrets)) expect(found.readable).not.toContain(secret);
    // The page's view of the reader's highlight is only the marks over its own text.
    expect(found.readable).not.toContain('Sealed');

    await page.reload();
    await eventually(
      async () => (await page.texts(inPanel('.jl-hl-comment'))).includes(secrets.comment),
      30_000,
      'the reader data after the attack',
    );
    expect(await readerView(page)).toEqual(before);
    await page.close();
  });
}
