import type { Frame } from 'puppeteer-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { FirefoxPage } from './drivers/firefox';
import { eventually } from './drivers/types';
import { SEED_URL } from './pages';
import { firefoxForSuite } from './support/firefox-suite';
import { inShadowRoots } from './support/firefox-ui';
import { expectFullWalkBothWays, firefoxPanel, PanelKeyboard } from './support/panel-keyboard';
import { selectInAbstract } from './support/select-in-abstract';

/**
 * Keyboard alone in Firefox ESR, as keyboard.e2e.ts does in Chromium: real key presses walk the panel
 * (its closed root read over WebDriver BiDi) and the note frame in it, and the mark card. Tab and
 * Shift+Tab reach every control in order with a focus ring; Enter, Space and Escape work them. Tab,
 * Enter, Space and Escape are BiDi key actions (trusted key events in the page); the extension's
 * commands (Alt+Shift+J, Alt+Shift+K) are pressed in the browser window's parent process
 * (FirefoxDriver.pressInWindow), since BiDi's keys never reach the browser's shortcut matching.
 */

const PANEL = 'jak-lens-panel';

describe('keyboard alone in Firefox ESR', () => {
  const browser = firefoxForSuite();
  let page: FirefoxPage;

  beforeAll(async () => {
    console.info(
      'Firefox keyboard walk: Alt+Shift+J and Alt+Shift+K are pressed in the browser window (nsITextInputProcessor in the parent process, over the debugging protocol); WebDriver BiDi key actions are dispatched in the page and never reach Firefox’s add-on shortcuts.',
    );
    page = (await browser().newPage()) as FirefoxPage;
    await page.goto(SEED_URL);
    await browser().contentScriptDone(SEED_URL);
  });

  /** An add-on command's chord, pressed in the front window with the article's tab selected. */
  async function command(chord: 'Alt+Shift+J' | 'Alt+Shift+K'): Promise<void> {
    await page.page.bringToFront();
    await browser().pressInWindow(chord);
  }
  /** The note frame's document: its iframe is in the panel's closed root, reached over BiDi. */
  async function noteFrame(): Promise<Frame> {
    return eventually(
      async () => {
        const [iframe] = await inShadowRoots(page.page, PANEL, 'iframe.jl-note-frame');
        const frame = await iframe?.contentFrame();
        const ready = await frame?.evaluate(() => !!document.querySelector('textarea'));
        return ready ? frame : null;
      },
      20_000,
      'the note frame with its editor',
    );
  }
  const panelCount = (inner: string) => page.count({ host: PANEL, inner });
  const focusedTerm = () =>
    page.evaluate(() => document.activeElement?.getAttribute('data-jl-term') ?? null);
  /** The starting place, set by the driver as keyboard.e2e.ts does: a mark, scrolled into view. */
  const focusMark = (term: string) =>
    page.evaluate((t) => {
      const mark = document.querySelector<HTMLElement>(`jl-mark[data-jl-term="${t}"]`);
      mark?.scrollIntoView({ block: 'center' });
      mark?.focus();
      return document.activeElement === mark;
    }, term);
  /** The mark card's focused control, described (its root is closed: read over BiDi). */
  const cardFocus = () =>
    page.inUi(
      'jl-mark-card',
      (root) => {
        const el = root.activeElement as HTMLElement | null;
        if (!el) return null;
        const style = getComputedStyle(el);
        return {
          name: `${el.localName} "${(el.textContent ?? '').trim().slice(0, 40)}"`,
          ring:
            (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) ||
            style.boxShadow !== 'none',
        };
      },
      undefined,
    );

  it('the panel: the command puts focus in it, Tab and Shift+Tab reach every control in order with a ring, keys work them', async () => {
    // A highlight made with its keyboard command, so the highlight list's controls are in the walk.
    await page.evaluate(selectInAbstract, { text: 'proximal muscle weakness', scroll: true });
    await command('Alt+Shift+K');
    await eventually(
      async () => (await panelCount('.jl-hl-swatch')) > 0,
      10_000,
      'the highlight made by Alt+Shift+K in the panel',
    );

    // The starting place: a drug mark, whose card Escape closes, focus staying on it.
    expect(await focusMark('drug:baricitinib'), 'the mark takes focus').toBe(true);
    await eventually(async () => (await page.count({ host: 'jl-mark-card', inner: '.jl-mc' })) > 0);
    await page.press('Escape');
    await eventually(async () => (await page.count('jl-mark-card')) === 0, 5_000, 'card closed');
    expect(await focusedTerm()).toBe('drug:baricitinib');

    // Alt+Shift+J hides the panel, and again shows it with keyboard focus on the panel's landmark.
    await command('Alt+Shift+J');
    await eventually(async () => (await page.count(PANEL)) === 0, 10_000, 'panel hidden by J');
    await command('Alt+Shift+J');
    const keys = new PanelKeyboard(firefoxPanel(browser(), page, await noteFrame()));
    await eventually(async () => (await panelCount('.jl-hl-swatch')) > 0);
    await eventually(() => keys.focusedIs('aside.jl-panel'), 10_000, 'focus on the panel');

    // Forward and back: every control of the panel and of the note frame, in order, each with a ring.
    await expectFullWalkBothWays(keys);

    // Operable: from the page just before the panel, Tab in and work each kind of control.
    await keys.tabTo('button.jl-icon:not([aria-controls])'); // "Move left"
    await page.press('Enter');
    await eventually(async () => (await panelCount('aside[data-side="left"]')) === 1);
    await page.press(' ');
    await eventually(async () => (await panelCount('aside[data-side="right"]')) === 1);
    await keys.tabTo('button[aria-controls="jl-body"]'); // "Collapse"
    await page.press('Enter');
    await eventually(() => keys.focusedIs('button.jl-tab'));
    await page.press('Enter');
    await eventually(() => keys.focusedIs('button[aria-controls="jl-body"]'));
    await keys.tabTo('details.jl-details > summary');
    await page.press('Enter');
    await eventually(async () => (await panelCount('details.jl-details[open]')) === 1);
    await page.press('Tab');
    expect(
      await keys.focusedIs('details.jl-details[open] a[href]'),
      'Tab into the open Details',
    ).toBe(true);
    await keys.tabTo('.jl-hl-swatch[aria-pressed="false"]');
    const colour = await page.inUi(
      PANEL,
      (root) => root.activeElement?.getAttribute('aria-label') ?? null,
      undefined,
    );
    expect(colour).toBeTruthy();
    await page.press(' ');
    await eventually(async () =>
      page.inUi(
        PANEL,
        (root, c) =>
          [...root.querySelectorAll('.jl-hl-swatch[aria-pressed="true"]')].some(
            (el) => el.getAttribute('aria-label') === c,
          ),
        colour,
      ),
    );

    // The command hides the panel from inside it, and focus goes back where it was: the mark.
    await command('Alt+Shift+J');
    await eventually(async () => (await page.count(PANEL)) === 0, 10_000, 'panel hidden by J');
    expect(await focusedTerm()).toBe('drug:baricitinib');
    await command('Alt+Shift+J');
    await eventually(() => keys.focusedIs('aside.jl-panel'), 10_000, 'focus on the panel');
    // "Next mention" by keyboard: the status says which, and focus moves to that mention in the text.
    await keys.tabTo('button.jl-next');
    await page.press('Enter');
    await eventually(async () =>
      (await page.texts({ host: PANEL, inner: '[role="status"]' }))[0]?.startsWith('Mention 1 of'),
    );
    expect(await focusedTerm()).toBe('drug:baricitinib');
  });

  it('the mark card: Tab enters it from its mark, reaches every control with a ring, Escape returns to the mark', async () => {
    expect(await focusMark('drug:baricitinib'), 'the mark takes focus').toBe(true);
    await eventually(async () => (await page.count({ host: 'jl-mark-card', inner: '.jl-mc' })) > 0);
    const names = await page.inUi(
      'jl-mark-card',
      (root) =>
        [...root.querySelectorAll<HTMLElement>('a[href], button, summary')]
          .filter((el) => el.checkVisibility())
          .map((el) => `${el.localName} "${(el.textContent ?? '').trim().slice(0, 40)}"`),
      undefined,
    );
    expect(names?.length).toBeGreaterThanOrEqual(2);
    const stops: { name: string; ring: boolean }[] = [];
    for (let i = 0; i < 20; i++) {
      await page.press('Tab');
      const stop = await cardFocus();
      if (!stop || (await page.count('jl-mark-card')) === 0) break;
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
    expect(await focusedTerm()).not.toBe('drug:baricitinib');

    // Shift+Tab back to the mark, Tab into its card, Escape: closed, focus on the mark.
    await page.press('Shift+Tab');
    await eventually(async () => (await focusedTerm()) === 'drug:baricitinib');
    await page.press('Tab');
    await eventually(async () => (await cardFocus()) !== null);
    await page.press('Escape');
    await eventually(async () => (await page.count('jl-mark-card')) === 0);
    expect(await focusedTerm()).toBe('drug:baricitinib');

    // The interferon card's button, by keyboard: Enter opens the panel's pathway view at the path.
    expect(await focusMark('ifn:pathway'), 'the mark takes focus').toBe(true);
    await eventually(
      async () => (await page.count({ host: 'jl-mark-card', inner: 'button.jl-mc-pathway' })) > 0,
    );
    for (let i = 0; i < 10 && !(await cardFocus())?.name.startsWith('button'); i++) {
      await page.press('Tab');
    }
    await page.press('Enter');
    await eventually(() =>
      page.inUi(
        PANEL,
        (root) => root.activeElement?.classList.contains('jl-ifn1') ?? false,
        undefined,
      ),
    );
  });
});
