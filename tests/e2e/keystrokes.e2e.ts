import type { Frame } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChromiumDriver, ChromiumPage } from './drivers/chromium';
import { expectEveryCharacter, keystrokeJourneys, openNote, sentence } from './journeys/keystrokes';
import { inNote } from './journeys/note-target';
import { buildRoutes } from './pages';
import { requireBuild } from './support/extension';

/** The note frame (an out-of-process extension frame) of a Chromium page. */
function noteFrame(page: ChromiumPage): Frame {
  const frame = page.page
    .frames()
    .find((f) => /^chrome-extension:\/\/[^/]+\/note-frame\.html/.test(f.url()));
  if (!frame) throw new Error('No note frame in the page');
  return frame;
}

/** Crashes a renderer through CDP `Page.crash`; the command never answers (its process is gone). */
async function crash(page: ChromiumPage, target: ChromiumPage['page'] | Frame): Promise<void> {
  const session = await page.page.context().newCDPSession(target);
  void session.send('Page.crash').catch(() => {});
}

describe('every keystroke survives, in Chromium (issue 14)', () => {
  let browser: ChromiumDriver;
  beforeAll(async () => {
    browser = await ChromiumDriver.launch(requireBuild(), buildRoutes());
  });
  afterAll(async () => {
    await browser?.close();
  });

  keystrokeJourneys(() => browser);

  it("keeps every character typed into the note when the note frame's renderer crashes 0 ms after the last key", async () => {
    const { page, before } = await openNote(browser);
    const chromiumPage = page as ChromiumPage;
    const frame = noteFrame(chromiumPage);
    const typed = sentence('a renderer crash');
    await page.type(inNote('textarea'), typed);
    await crash(chromiumPage, frame);
    // `Page.crash` is sent, not awaited (it never answers), and the frame may still answer for a
    // moment: wait until its document stops answering (the process is gone); fail if it never does.
    await expect
      .poll(
        () =>
          frame
            .evaluate(() => document.title)
            .then(
              () => 'answers',
              () => 'gone',
            ),
        { timeout: 5_000, interval: 50 },
      )
      .toBe('gone');
    await page.close();
    const next = await expectEveryCharacter(browser, before, typed);
    await next.close();
  });

  it("keeps every character typed into the note when the tab's renderer crashes 0 ms after the last key", async () => {
    const { page, before } = await openNote(browser);
    const chromiumPage = page as ChromiumPage;
    const typed = sentence('a tab crash');
    await page.type(inNote('textarea'), typed);
    const crashed = new Promise<void>((resolve) =>
      chromiumPage.page.once('crash', () => resolve()),
    );
    await crash(chromiumPage, chromiumPage.page);
    await crashed;
    await page.close();
    const next = await expectEveryCharacter(browser, before, typed);
    await next.close();
  });
});
