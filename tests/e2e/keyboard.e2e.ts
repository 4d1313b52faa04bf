import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  launchWithExtension,
  removeProfile,
  type ExtensionContext,
} from '../support/chromium-extension';
import { routePages } from '../support/routes';
import { buildRoutes, SEED_URL } from './pages';
import { pressCommandShortcut, requireBuild, tabIdFor, waitFor } from './support/extension';
import { chromiumUi } from './support/chromium-ui';
import { chromiumPanel, expectFullWalkBothWays, PanelKeyboard } from './support/panel-keyboard';
import { selectInAbstract } from './support/select-in-abstract';

/**
 * Keyboard alone, in real Chromium: on the popup, the library and its settings, and in the panel and the
 * mark card on an article (closed shadow roots, read over the protocol), Tab (real key events) reaches
 * every visible control, each shows a focus ring when reached, and the controls work with Enter, Space
 * and Escape. A control Tab skips, or one focused without a visible ring, fails with its name.
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

  // The article's tests come first: the settings test below switches PubMed off and on again for
  // open pages, which restarts the seed page's session while later tests would be using it.
  /** The card host's focused control, described (its root is closed: read over the protocol). */
  async function cardFocus(page: Page): Promise<{ name: string; ring: boolean } | null> {
    const [inCard] = await chromiumUi(page).inRoots('jl-mark-card', (root) => {
      const el = root.activeElement as HTMLElement | null;
      if (!el) return null;
      const style = getComputedStyle(el);
      return {
        name: `${el.localName} "${(el.textContent ?? '').trim().slice(0, 40)}"`,
        ring:
          (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) ||
          style.boxShadow !== 'none',
      };
    });
    return inCard ?? null;
  }
  const focusedTerm = (page: Page) =>
    page.evaluate(() => document.activeElement?.getAttribute('data-jl-term') ?? null);

  it('the panel: the command puts focus in it, Tab and Shift+Tab reach every control in order with a ring, keys work them', async () => {
    const page = seed;
    const ui = chromiumUi(page);
    // A highlight made with its keyboard command, so the highlight list's controls are in the walk.
    await page.bringToFront();
    // The command itself is proven in controls.e2e.ts; here it is only the way in, so a press the
    // browser did not deliver to this window (or a selection lost meanwhile) is made again.
    for (let press = 0; ; press++) {
      await page.evaluate(selectInAbstract, { text: 'proximal muscle weakness', scroll: true });
      await pressCommandShortcut(ext, page, 'K');
      const made = await ui
        .waitFor('jak-lens-panel', '.jl-hl-swatch', 5_000)
        .then(() => true)
        .catch((error: unknown) => (press < 2 ? false : Promise.reject(error)));
      if (made) break;
    }

    // The starting place (set by the driver): a drug mark, whose card Escape closes, focus staying on it.
    await page.evaluate(() =>
      document.querySelector<HTMLElement>('jl-mark[data-jl-term="drug:baricitinib"]')?.focus(),
    );
    await page.keyboard.press('Escape');
    await waitFor(async () => (await page.locator('jl-mark-card').count()) === 0);
    // Alt+Shift+J hides the panel, and again shows it with keyboard focus on the panel's landmark.
    await pressCommandShortcut(ext, page, 'J');
    await waitFor(async () => (await page.locator('jak-lens-panel').count()) === 0);
    await pressCommandShortcut(ext, page, 'J');
    const note = await ui.frame('jak-lens-panel', 'iframe.jl-note-frame');
    await note.locator('textarea').first().waitFor();
    await ui.waitFor('jak-lens-panel', '.jl-hl-swatch');
    const keys = new PanelKeyboard(chromiumPanel(page, ui, note));
    await waitFor(() => keys.focusedIs('aside.jl-panel'));

    // Forward and back: every control of the panel and of the note frame, in order, each with a ring.
    await expectFullWalkBothWays(keys);

    // Operable: from the page just before the panel, Tab in and work each kind of control.
    await keys.tabTo('button.jl-icon:not([aria-controls])'); // "Move left"
    await page.keyboard.press('Enter');
    await waitFor(async () => (await ui.count('jak-lens-panel', 'aside[data-side="left"]')) === 1);
    await page.keyboard.press('Space');
    await waitFor(async () => (await ui.count('jak-lens-panel', 'aside[data-side="right"]')) === 1);
    await keys.tabTo('button[aria-controls="jl-body"]'); // "Collapse"
    await page.keyboard.press('Enter');
    await waitFor(() => keys.focusedIs('button.jl-tab'));
    await page.keyboard.press('Enter');
    await waitFor(() => keys.focusedIs('button[aria-controls="jl-body"]'));
    await keys.tabTo('details.jl-details > summary');
    await page.keyboard.press('Enter');
    await waitFor(async () => (await ui.count('jak-lens-panel', 'details.jl-details[open]')) === 1);
    await page.keyboard.press('Tab');
    expect(
      await keys.focusedIs('details.jl-details[open] a[href]'),
      'Tab into the open Details',
    ).toBe(true);
    await keys.tabTo('.jl-hl-swatch[aria-pressed="false"]');
    const [colour] = await ui.inRoots('jak-lens-panel', (root) =>
      root.activeElement?.getAttribute('aria-label'),
    );
    await page.keyboard.press('Space');
    await waitFor(async () =>
      (
        await ui.each('jak-lens-panel', '.jl-hl-swatch[aria-pressed="true"]', (el) =>
          el.getAttribute('aria-label'),
        )
      ).includes(colour ?? 'none'),
    );

    // The command hides the panel from inside it, and focus goes back where it was: the mark.
    await pressCommandShortcut(ext, page, 'J');
    await waitFor(async () => (await page.locator('jak-lens-panel').count()) === 0);
    expect(await focusedTerm(page)).toBe('drug:baricitinib');
    await pressCommandShortcut(ext, page, 'J');
    await waitFor(() => keys.focusedIs('aside.jl-panel'));
    // "Next mention" by keyboard: the status says which, and focus moves to that mention in the text.
    await keys.tabTo('button.jl-next');
    await page.keyboard.press('Enter');
    await waitFor(async () =>
      (await ui.texts('jak-lens-panel', '[role="status"]'))[0]?.startsWith('Mention 1 of'),
    );
    expect(await focusedTerm(page)).toBe('drug:baricitinib');
  });

  it('the mark card: Tab enters it from its mark, reaches every control with a ring, Escape returns to the mark', async () => {
    const page = seed;
    await page.bringToFront();
    await page.evaluate(() => {
      const mark = document.querySelector<HTMLElement>('jl-mark[data-jl-term="drug:baricitinib"]');
      mark?.scrollIntoView({ block: 'center' });
      mark?.focus();
    });
    await chromiumUi(page).waitFor('jl-mark-card', '.jl-mc');
    const [names] = await chromiumUi(page).inRoots('jl-mark-card', (root) =>
      [...root.querySelectorAll<HTMLElement>('a[href], button, summary')]
        .filter((el) => el.checkVisibility())
        .map((el) => `${el.localName} "${(el.textContent ?? '').trim().slice(0, 40)}"`),
    );
    expect(names?.length).toBeGreaterThanOrEqual(2);
    const stops: { name: string; ring: boolean }[] = [];
    for (let i = 0; i < 20; i++) {
      await page.keyboard.press('Tab');
      const stop = await cardFocus(page);
      if (!stop || (await page.locator('jl-mark-card').count()) === 0) break;
      stops.push(stop);
    }
    expect(stops.map((s) => s.name)).toEqual(names);
    expect(
      stops.filter((s) => !s.ring).map((s) => s.name),
      'card controls without a ring',
    ).toEqual([]);
    // Tab past the last control leaves for the page's next stop after the mark (often the next mark,
    // whose own card then opens).
    expect(await page.evaluate(() => document.activeElement?.localName)).not.toBe('jl-mark-card');
    expect(await focusedTerm(page)).not.toBe('drug:baricitinib');

    // Shift+Tab back to the mark, Tab into its card, Escape: closed, focus on the mark; Tab now moves on.
    await page.keyboard.press('Shift+Tab');
    await waitFor(async () => (await focusedTerm(page)) === 'drug:baricitinib');
    await page.keyboard.press('Tab');
    await waitFor(async () => (await cardFocus(page)) !== null);
    await page.keyboard.press('Escape');
    await waitFor(async () => (await page.locator('jl-mark-card').count()) === 0);
    expect(await focusedTerm(page)).toBe('drug:baricitinib');

    // The interferon card's button, by keyboard: Enter opens the panel's pathway view at the path.
    await page.evaluate(() => {
      const mark = document.querySelector<HTMLElement>('jl-mark[data-jl-term="ifn:pathway"]');
      mark?.scrollIntoView({ block: 'center' });
      mark?.focus();
    });
    await chromiumUi(page).waitFor('jl-mark-card', 'button.jl-mc-pathway');
    for (let i = 0; i < 10 && !(await cardFocus(page))?.name.startsWith('button'); i++) {
      await page.keyboard.press('Tab');
    }
    await page.keyboard.press('Enter');
    await waitFor(async () => {
      const [on] = await chromiumUi(page).inRoots('jak-lens-panel', (root) =>
        root.activeElement?.classList.contains('jl-ifn1'),
      );
      return on;
    });
  });

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
