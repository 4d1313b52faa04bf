import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  launchWithExtension,
  removeProfile,
  type ExtensionContext,
} from '../support/chromium-extension';
import { routePages } from '../support/routes';
import { buildRoutes, SEED_URL } from './pages';
import { requireBuild, tabIdFor, waitFor } from './support/extension';
import { chromiumUi } from './support/chromium-ui';

/**
 * Keyboard alone, in real Chromium: on the popup, the library and its settings, Tab (real key events)
 * reaches every visible control, each shows a focus ring when reached, and the controls work with
 * Enter and Space. A control Tab skips, or one focused without a visible ring, fails with its name.
 */

const CONTROLS =
  'a[href], button, input:not([type="hidden"]), select, textarea, summary, [tabindex]:not([tabindex="-1"])';

/** Numbers every visible, enabled control (data-kb) and returns their names, in document order. */
function numberControls(page: Page): Promise<string[]> {
  return page.evaluate((selector) => {
    const visible = (el: Element) => {
      const style = getComputedStyle(el);
      return el.getClientRects().length > 0 && style.visibility !== 'hidden';
    };
    const controls = [...document.querySelectorAll<HTMLElement>(selector)].filter(
      (el) => visible(el) && !(el as HTMLButtonElement).disabled,
    );
    return controls.map((el, i) => {
      el.dataset.kb = String(i);
      const name = (
        el.getAttribute('aria-label') ??
        (el as HTMLInputElement).labels?.[0]?.textContent ??
        el.textContent ??
        ''
      )
        .trim()
        .slice(0, 40);
      return `${el.tagName.toLowerCase()}${el.getAttribute('type') ? `[${el.getAttribute('type')}]` : ''} "${name}"`;
    });
  }, CONTROLS);
}

interface Stop {
  kb: string | null;
  name: string;
  /** A ring the reader can see: an outline or a box shadow on the focused control. */
  ring: boolean;
}

/** Presses Tab until focus has gone round the page once (or `max` presses), recording each stop. */
async function tabThrough(page: Page, max = 80): Promise<Stop[]> {
  const stops: Stop[] = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const stop = await page.evaluate((): Stop => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return { kb: null, name: 'body', ring: false };
      const style = getComputedStyle(el);
      const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
      return {
        kb: el.dataset.kb ?? null,
        name: `${el.tagName.toLowerCase()} "${(el.getAttribute('aria-label') ?? (el as HTMLInputElement).labels?.[0]?.textContent ?? el.textContent ?? '').trim().slice(0, 40)}"`,
        ring: outline || style.boxShadow !== 'none',
      };
    });
    if (stops.some((s) => s.kb !== null && s.kb === stop.kb)) break;
    stops.push(stop);
  }
  return stops;
}

function expectEveryControlReachedWithRing(controls: string[], stops: Stop[]) {
  const reached = new Set(stops.map((s) => s.kb).filter((kb) => kb !== null));
  const missed = controls.filter((_, i) => !reached.has(String(i)));
  expect(missed, 'controls Tab never reached').toEqual([]);
  const noRing = stops.filter((s) => s.kb !== null && !s.ring).map((s) => s.name);
  expect(noRing, 'controls focused without a visible ring').toEqual([]);
}

describe('keyboard alone in real Chromium', () => {
  let ext: ExtensionContext;
  let seed: Page;

  beforeAll(async () => {
    ext = await launchWithExtension(requireBuild());
    await routePages(ext.context, buildRoutes());
    // One annotated article, so the library has a row with its controls.
    seed = await ext.context.newPage();
    await seed.goto(SEED_URL);
    // The note frame's iframe is in the panel's closed root: found over the protocol.
    const note = await chromiumUi(seed).frame('jak-lens-panel', 'iframe.jl-note-frame');
    await note.locator('textarea').first().click();
    await note.locator('textarea').first().pressSequentially('Keyboard check.');
    await waitFor(
      async () => (await note.locator('.jak-save-state').first().textContent()) === 'Saved',
    );
  });
  afterAll(async () => {
    await ext?.close();
    if (ext) removeProfile(ext.userDataDir);
  });

  async function extensionPage(path: string): Promise<Page> {
    const page = await ext.context.newPage();
    await page.goto(`chrome-extension://${ext.extensionId}/${path}`);
    return page;
  }

  it('the popup: every control reached with a ring, and Enter opens the library', async () => {
    const tabId = await waitFor(() => tabIdFor(ext.worker, SEED_URL));
    const popup = await extensionPage(`popup.html?tab=${tabId}`);
    await popup.locator('.article .title').waitFor({ timeout: 15_000 });
    const controls = await numberControls(popup);
    expect(controls.length).toBeGreaterThanOrEqual(3);
    expectEveryControlReachedWithRing(controls, await tabThrough(popup));

    // Enter on the focused library button opens the library in a new tab, and the popup closes itself
    // (so the key press may report the page gone: what counts is the tab it opened).
    await popup.getByRole('button', { name: 'Open library' }).focus();
    const opened = ext.context.waitForEvent('page');
    await popup.keyboard.press('Enter').catch(() => undefined);
    const library = await opened;
    await library.waitForURL(/\/dashboard\.html$/);
    expect(popup.isClosed()).toBe(true);
    await library.close();
  });

  it('the library: every control reached with a ring; Enter opens settings, typing searches', async () => {
    const page = await extensionPage('dashboard.html');
    await page.locator('.library-row').first().waitFor({ timeout: 15_000 });
    const controls = await numberControls(page);
    expect(controls.length).toBeGreaterThanOrEqual(8);
    expectEveryControlReachedWithRing(controls, await tabThrough(page));

    // The search field by keyboard: focus it with Tab from the top, type, and the rows follow.
    await page.getByRole('searchbox').first().focus();
    await page.keyboard.type('no such words anywhere');
    await waitFor(async () => (await page.locator('.library-row').count()) === 0);
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Backspace');
    await page.locator('.library-row').first().waitFor();

    await page.getByRole('button', { name: 'Settings' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('checkbox', { name: 'PubMed', exact: true }).waitFor();
    await page.close();
  });

  it('the settings: every control reached with a ring; Space toggles a switch', async () => {
    const page = await extensionPage('dashboard.html');
    await page.getByRole('button', { name: 'Settings' }).click();
    const pubmed = page.getByRole('checkbox', { name: 'PubMed', exact: true });
    await pubmed.waitFor();
    const controls = await numberControls(page);
    expect(controls.length).toBeGreaterThanOrEqual(5);
    expectEveryControlReachedWithRing(controls, await tabThrough(page));

    const before = await pubmed.isChecked();
    await pubmed.focus();
    await page.keyboard.press('Space');
    await waitFor(async () => (await pubmed.isChecked()) !== before);
    await page.keyboard.press('Space');
    await waitFor(async () => (await pubmed.isChecked()) === before);
    await page.close();
  });
});
