import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  launchWithExtension,
  removeProfile,
  type ExtensionContext,
} from '../support/chromium-extension';
import { derivePubmedPage } from '../support/derive-pubmed-page';
import { loadDevRecord } from '../support/dev-set';
import { routePages } from '../support/routes';
import { SEED_URL } from './pages';
import { chromiumUi } from './support/chromium-ui';
import { readTable, requireBuild } from './support/extension';

/**
 * The note being typed stays out of reach of PubMed's scripts, in real Chromium, on the page derived
 * from the real capture. A hostile page script (installed before any of the page's own) records every
 * key and input event on the window in the capture phase, and reads every field of every
 * shadow root it can find, open ones directly and closed ones through a patched attachShadow, and every
 * frame document of the window. The reader types a secret note in the panel's note editor (an extension
 * frame): the page sees none of it, and the note is saved.
 */

/** What the spy collected; kept on the page's window. */
interface Spy {
  events: { type: string; key: string; data: string }[];
  /** Field values read from shadow roots and from any frame document the page could open. */
  fieldValues: string[];
  /** Shadow roots the spy managed to read (none of ours: they are closed, and made in our own world). */
  rootsRead: number;
  /** Errors thrown when the page tried to read the note frame's document. */
  frameReadErrors: string[];
  /** Read cycles completed: each one reads every root and frame the page can get, in one task. */
  reads: number;
}

/** Runs in the page's main world before its scripts; only in the page's origin, as its scripts do. */
function installSpy() {
  if (location.origin !== 'https://pubmed.ncbi.nlm.nih.gov') return;
  const spy: Spy = { events: [], fieldValues: [], rootsRead: 0, frameReadErrors: [], reads: 0 };
  (window as unknown as { __spy: Spy }).__spy = spy;
  const types = ['keydown', 'keypress', 'keyup', 'beforeinput', 'input', 'textInput', 'change'];
  const record = (event: Event) =>
    spy.events.push({
      type: event.type,
      key: (event as KeyboardEvent).key ?? '',
      data: (event as InputEvent).data ?? '',
    });
  // On the window, capture phase: the first listener of any event dispatched in the page's documents.
  for (const type of types) window.addEventListener(type, record, true);
  // Closed roots created by page-world code would be caught here (the content script's are not: it runs
  // in its own world, whose attachShadow the page cannot patch).
  const closed: ShadowRoot[] = [];
  const attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init: ShadowRootInit) {
    const root = attach.call(this, init);
    closed.push(root);
    return root;
  };
  const read = () => {
    const roots = [
      ...closed,
      ...[...document.querySelectorAll('*')].flatMap((el) =>
        el.shadowRoot ? [el.shadowRoot] : [],
      ),
    ];
    spy.rootsRead = Math.max(spy.rootsRead, roots.length);
    for (const root of roots) {
      for (const field of root.querySelectorAll('textarea, input')) {
        const value = (field as HTMLTextAreaElement).value;
        if (value) spy.fieldValues.push(value);
      }
    }
    // Any frame the window lists (a frame inside a closed root is not listed).
    for (let i = 0; i < window.frames.length; i++) {
      try {
        for (const field of window.frames[i]!.document.querySelectorAll('textarea, input')) {
          spy.fieldValues.push((field as HTMLTextAreaElement).value);
        }
      } catch (error) {
        const message = String(error);
        if (!spy.frameReadErrors.includes(message)) spy.frameReadErrors.push(message);
      }
    }
    spy.reads += 1;
  };
  setInterval(read, 50);
}

const SECRET = 'Quokka dose 0.37 mg/kg: ask Dr Xylander';
const PANEL = 'jak-lens-panel';

describe('the note typed in the panel, against a hostile page in real Chromium', () => {
  let ext: ExtensionContext;

  beforeAll(async () => {
    ext = await launchWithExtension(requireBuild());
    await routePages(ext.context, {
      [SEED_URL]: { body: derivePubmedPage(loadDevRecord('dev-seed')) },
    });
    await ext.context.addInitScript(installSpy);
  });
  afterAll(async () => {
    await ext?.close();
    if (ext) removeProfile(ext.userDataDir);
  });

  const spyOf = (page: Page) => page.evaluate(() => (window as unknown as { __spy: Spy }).__spy);
  /** The note frame: its iframe is in the panel's closed root, so found over the protocol. */
  const note = (page: Page) => chromiumUi(page).frame(PANEL, 'iframe.jl-note-frame');

  it('shows the page no key, no input event and no field value of the secret note, and saves it', async () => {
    const page = await ext.context.newPage();
    await page.goto(SEED_URL);
    await expect
      .poll(() => chromiumUi(page).count(PANEL, '.jl-card'), { timeout: 30_000 })
      .toBeGreaterThan(0);

    // The spy works: it hears keys typed into the page's own search box.
    const search = page.locator('#id_term').first();
    await search.click();
    await search.pressSequentially('jdm');
    await expect
      .poll(async () =>
        (await spyOf(page)).events.filter((e) => e.type === 'keydown').map((e) => e.key),
      )
      .toEqual(['j', 'd', 'm']);
    await search.fill('');
    // Leaving the box fires its 'change' now, not while the note is being typed.
    await search.blur();
    await expect
      .poll(async () => (await spyOf(page)).events.some((e) => e.type === 'change'))
      .toBe(true);

    const before = (await spyOf(page)).events.length;
    const field = (await note(page)).locator('.jak-note-editor textarea');
    await field.click();
    await field.pressSequentially(SECRET);
    await expect
      .poll(async () => (await note(page)).locator('.jak-save-state').textContent(), {
        timeout: 20_000,
      })
      .toBe('Saved');
    // Not a pause: a whole read cycle of the spy that began after the note was typed and saved (a
    // cycle runs in one task, so one that completes after this count was taken also began after it).
    // Had the field been in a root or frame the page can open, that cycle read the whole note, and the
    // checks below fail; key and input events are recorded as they are dispatched, before "Saved".
    const readsBefore = (await spyOf(page)).reads;
    await expect.poll(async () => (await spyOf(page)).reads).toBeGreaterThan(readsBefore);

    const spy = await spyOf(page);
    // It got none of our (closed) shadow roots, and not even the note frame's window: a frame inside
    // a closed root is not listed in window.frames (had it been, its document would be refused).
    expect(spy.rootsRead).toBe(0);
    expect(spy.frameReadErrors).toEqual([]);
    expect(spy.events.slice(before)).toEqual([]);
    const seen = JSON.stringify(spy);
    for (const word of SECRET.split(/\s+/)) expect(seen).not.toContain(word);

    // The note is saved in the extension's database, and is there again after a reload.
    const bodies = ((await readTable(ext.worker, 'notes')) as { body: string }[]).map(
      (n) => n.body,
    );
    expect(bodies).toContain(SECRET);
    await page.reload();
    await expect
      .poll(
        async () =>
          (await note(page))
            .locator('.jak-note-editor textarea')
            .inputValue({ timeout: 1_000 })
            .catch(() => undefined),
        { timeout: 20_000 },
      )
      .toBe(SECRET);
    await page.close();
  });
  it('saves a note typed just before the page removes the panel (the frame flushes as it unloads)', async () => {
    const page = await ext.context.newPage();
    await page.goto(SEED_URL);
    const field = (await note(page)).locator('.jak-note-editor textarea');
    await field.waitFor({ timeout: 30_000 });
    await expect.poll(() => field.inputValue()).toBe(SECRET);
    await field.press('End');
    await field.pressSequentially(' Last words.');
    // Within the autosave's quiet time: nothing is saved yet when the frame goes.
    await page.evaluate(() => document.querySelector('jak-lens-panel')?.remove());
    await expect
      .poll(
        async () =>
          ((await readTable(ext.worker, 'notes')) as { body: string }[]).map((n) => n.body),
        { timeout: 15_000 },
      )
      .toContain(`${SECRET} Last words.`);
    await page.close();
  });
});
