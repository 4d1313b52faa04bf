import { expect, it } from 'vitest';
import { eventually, type E2EBrowser } from '../drivers/types';
import { SEED_URL } from '../pages';
import { inNote } from './note-target';

/** What the page's spy collects (see installSpy). */
interface Spy {
  events: { type: string; key: string; data: string }[];
  fieldValues: string[];
  rootsRead: number;
  frameReadErrors: number;
  /** Read cycles completed: each one reads every root and frame the page can get, in one task. */
  reads: number;
}

const SECRET = 'Wombat titration 0.19 mg/kg per Dr Quillfeather';

/**
 * The note typed in the panel against a hostile page, for every driver (the Chromium-only suite
 * security-note-frame.e2e.ts adds a spy installed before the page's scripts). The spy, run in the page's
 * main world, records key and input events on the window in the capture phase, reads every field of
 * every shadow root it can get (`.shadowRoot`: ours are closed, so none) and tries the document of every
 * frame the window lists (`window.frames`).
 */
export function noteSecrecyJourneys(getBrowser: () => E2EBrowser): void {
  it('keeps a note typed in the panel from the page: no key, no input event, no field value', async () => {
    const page = await getBrowser().newPage();
    await page.goto(SEED_URL);
    await eventually(
      async () => (await page.count(inNote('textarea'))) === 1,
      30_000,
      'note frame',
    );
    await page.evaluate(() => {
      const spy: Spy = {
        events: [],
        fieldValues: [],
        rootsRead: 0,
        frameReadErrors: 0,
        reads: 0,
      };
      (window as unknown as { __spy: Spy }).__spy = spy;
      for (const type of ['keydown', 'keypress', 'keyup', 'beforeinput', 'input', 'change']) {
        window.addEventListener(
          type,
          (event) =>
            spy.events.push({
              type: event.type,
              key: (event as KeyboardEvent).key ?? '',
              data: (event as InputEvent).data ?? '',
            }),
          true,
        );
      }
      setInterval(() => {
        const roots = [...document.querySelectorAll('*')].flatMap((el) =>
          el.shadowRoot ? [el.shadowRoot] : [],
        );
        spy.rootsRead = Math.max(spy.rootsRead, roots.length);
        for (const root of roots) {
          for (const field of root.querySelectorAll('textarea, input')) {
            const value = (field as HTMLTextAreaElement).value;
            if (value) spy.fieldValues.push(value);
          }
        }
        for (let i = 0; i < window.frames.length; i++) {
          try {
            const doc = window.frames[i]!.document;
            for (const field of doc.querySelectorAll('textarea, input')) {
              spy.fieldValues.push((field as HTMLTextAreaElement).value);
            }
          } catch {
            spy.frameReadErrors += 1;
          }
        }
        spy.reads += 1;
      }, 50);
    });

    await page.type(inNote('textarea'), ` ${SECRET}`);
    await eventually(
      async () => (await page.texts(inNote('.jak-save-state'))).join('') === 'Saved',
      20_000,
      'saved',
    );
    expect((await page.values(inNote('textarea'))).join('')).toContain(SECRET);
    // Not a pause: a whole read cycle of the spy that began after the note was typed and saved (a
    // cycle runs in one task, so one that completes after this count was taken also began after it).
    // Had the field been in a root or frame the page can open, that cycle read the whole note, and the
    // checks below fail; key and input events are recorded as they are dispatched, before "Saved".
    const readsBefore = await page.evaluate(
      () => (window as unknown as { __spy: Spy }).__spy.reads,
    );
    const spy = await eventually(
      async () => {
        const now = await page.evaluate(() => (window as unknown as { __spy: Spy }).__spy);
        return now.reads > readsBefore ? now : null;
      },
      10_000,
      "a read cycle of the page's spy after the note was saved",
    );
    expect(spy.events).toEqual([]);
    // Our shadow roots are closed: the page got none of them.
    expect(spy.rootsRead).toBe(0);
    // Nor the note frame's window: a frame inside a closed root is not listed in window.frames (had it
    // been, its document would have been refused).
    expect(spy.frameReadErrors).toBe(0);
    const seen = JSON.stringify(spy);
    for (const word of SECRET.split(/\s+/)) expect(seen).not.toContain(word);

    // The spy does hear keys typed into the page itself (its search box). At this window size the
    // docked panel covers that box, so the reader collapses the panel first, then opens it again.
    const panelToggle = {
      host: 'jak-lens-panel',
      inner: '.jl-header button[aria-controls="jl-body"]',
    };
    await page.click(panelToggle);
    await eventually(
      async () => (await page.count({ host: 'jak-lens-panel', inner: '.jl-tab' })) === 1,
      10_000,
      'collapsed',
    );
    await page.type('#id_term', 'jdm');
    const keys = await page.evaluate(() =>
      (window as unknown as { __spy: Spy }).__spy.events
        .filter((e) => e.type === 'keydown')
        .map((e) => e.key),
    );
    expect(keys).toEqual(['j', 'd', 'm']);
    await page.click({ host: 'jak-lens-panel', inner: '.jl-tab' });

    await page.reload();
    await eventually(
      async () => (await page.values(inNote('textarea'))).join('').includes(SECRET),
      20_000,
      'the note after a reload',
    );
    await page.close();
  });
}
