import type { Frame, Page } from 'playwright-core';
import type { Frame as PuppeteerFrame } from 'puppeteer-core';
import type { FirefoxDriver, FirefoxPage } from '../drivers/firefox';
import { eventually } from '../drivers/types';
import type { ChromiumUi } from './chromium-ui';
import { expect } from 'vitest';

/**
 * Where keyboard focus is, for a walk with real key presses through the panel, whose root is closed:
 * read over the browser's protocol (CDP in Chromium, BiDi in Firefox), and inside the note frame (an
 * extension page framed in that root) from the frame itself.
 */
export interface FocusStop {
  /** 'panel' in the panel's root, 'frame' in the note frame, 'page' anywhere else. */
  where: 'panel' | 'frame' | 'page';
  /** The data-kb number `numberPanelControls` gave the focused control, if any. */
  kb: string | null;
  name: string;
  /** A ring the reader can see: an outline or a box shadow on the focused control. */
  ring: boolean;
}

/** What a person can Tab to: links, buttons, fields, summaries, frames and tabindex ≥ 0. */
export const TAB_CONTROLS =
  'a[href], button, input:not([type="hidden"]), select, textarea, summary, iframe, [tabindex]:not([tabindex="-1"])';

type Described = Omit<FocusStop, 'where'> & { frame: boolean };

/**
 * Runs in the browser: the focused element of `root` (a shadow root; the document when not given, so a
 * frame's `evaluate` can call it as it is), described.
 */
function describeFocus(root?: DocumentOrShadowRoot): Described | null {
  const el = (root ?? document).activeElement as HTMLElement | null;
  if (!el || el === document.body) return null;
  const style = getComputedStyle(el);
  const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
  const label = el.getAttribute('aria-label') ?? el.textContent ?? '';
  return {
    kb: el.dataset.kb ?? null,
    frame: el.localName === 'iframe',
    name: `${el.localName} "${label.trim().replace(/\s+/g, ' ').slice(0, 40)}"`,
    ring: outline || style.boxShadow !== 'none',
  };
}

/**
 * Numbers (data-kb) every control Tab can reach in `root` now, and returns their names in order. Called
 * with the selector alone (a frame's `evaluate`), it numbers the document's.
 */
function numberIn(rootOrSelector: ParentNode | string, selector?: string): string[] {
  const root = typeof rootOrSelector === 'string' ? document : rootOrSelector;
  const controls = [
    ...root.querySelectorAll<HTMLElement>(selector ?? String(rootOrSelector)),
  ].filter((el) => el.checkVisibility() && !(el as HTMLButtonElement).disabled);
  return controls.map((el, i) => {
    el.dataset.kb = String(i);
    const label = el.getAttribute('aria-label') ?? el.textContent ?? '';
    return `${el.localName} "${label.trim().replace(/\s+/g, ' ').slice(0, 40)}"`;
  });
}

/** What a walk needs of a browser: real key presses, and reads in the panel's root and note frame. */
export interface PanelSurface {
  /** A real key press (Shift+Tab: Tab with Shift held) on whatever has the focus. */
  press(key: string): Promise<void>;
  /** Runs `fn` (sent as source) on the panel's closed root, in the driver's world; null without one. */
  inPanel<T, A>(fn: (root: ShadowRoot, arg: A) => T, arg: A): Promise<T | null>;
  /** Runs `fn` (sent as source) in the note frame's document. */
  inFrame<T, A>(fn: (arg: A) => T, arg: A): Promise<T>;
  /** The local name of the page's focused element. */
  pageFocus(): Promise<string>;
}

/** The panel of a Playwright page in Chromium, its root read over CDP (ChromiumUi). */
export function chromiumPanel(page: Page, ui: ChromiumUi, noteFrame: Frame): PanelSurface {
  return {
    press: (key) => page.keyboard.press(key),
    async inPanel<T, A>(fn: (root: ShadowRoot, arg: A) => T, arg: A) {
      return (await ui.inRoots('jak-lens-panel', fn, arg))[0] ?? null;
    },
    inFrame<T, A>(fn: (arg: A) => T, arg: A) {
      // eslint-disable-next-line @typescript-eslint/no-explicit-any -- Playwright types page functions its own way
      return noteFrame.evaluate(fn as any, arg) as Promise<T>;
    },
    pageFocus: () => page.evaluate(() => document.activeElement?.localName ?? 'none'),
  };
}

/**
 * The panel of a page in Firefox, its closed root reached over WebDriver BiDi (firefox-ui.ts); keys are
 * BiDi input actions, which Firefox dispatches as trusted key events in the page. Tab past the page's
 * last control moves focus to Firefox's toolbar, where the next key is pressed in the browser window
 * (`pressInWindow`), as a real key goes; the press counts once focus has moved from that control.
 */
export function firefoxPanel(
  browser: FirefoxDriver,
  page: FirefoxPage,
  noteFrame: PuppeteerFrame,
): PanelSurface {
  return {
    async press(key) {
      const focus = await browser.windowFocus();
      if (focus === 'page') return page.press(key);
      await browser.pressInWindow(key);
      await eventually(
        async () => (await browser.windowFocus()) !== focus,
        5_000,
        `${key} to move focus from the browser's ${focus}`,
      );
    },
    inPanel: (fn, arg) => page.inUi('jak-lens-panel', fn, arg),
    inFrame<T, A>(fn: (arg: A) => T, arg: A) {
      // eslint-disable-next-line @typescript-eslint/no-explicit-any -- Puppeteer types page functions its own way
      return noteFrame.evaluate(fn as any, arg) as Promise<T>;
    },
    pageFocus: () => page.evaluate(() => document.activeElement?.localName ?? 'none'),
  };
}

export class PanelKeyboard {
  constructor(private readonly surface: PanelSurface) {}

  /** Numbers the panel's and the note frame's reachable controls. */
  async number(): Promise<{ panel: string[]; frame: string[] }> {
    const panel = await this.surface.inPanel(numberIn, TAB_CONTROLS);
    const frame = await this.surface.inFrame(numberIn, TAB_CONTROLS);
    return { panel: panel ?? [], frame };
  }

  /** Where focus is now. */
  async where(): Promise<FocusStop> {
    const inPanel = await this.surface.inPanel(describeFocus, undefined);
    if (!inPanel) {
      return { where: 'page', kb: null, name: await this.surface.pageFocus(), ring: false };
    }
    if (!inPanel.frame) return { where: 'panel', ...inPanel };
    const inFrame = await this.surface.inFrame(describeFocus, undefined);
    return inFrame
      ? { where: 'frame', ...inFrame }
      : { where: 'frame', kb: null, name: 'the frame itself', ring: false };
  }

  /** Presses `key` until focus leaves the panel (at most `max` times), recording every stop in it. */
  async walk(key: 'Tab' | 'Shift+Tab', max = 80): Promise<FocusStop[]> {
    const stops: FocusStop[] = [];
    for (let i = 0; i < max; i++) {
      await this.surface.press(key);
      const stop = await this.where();
      if (stop.where === 'page') return stops;
      stops.push(stop);
    }
    throw new Error(
      `${key} ${max} times did not leave the panel; last stops: ${JSON.stringify(stops.slice(-3))}`,
    );
  }

  /** Presses Tab until the focused control in the panel's root matches `selector`. */
  async tabTo(selector: string, max = 60): Promise<void> {
    for (let i = 0; i < max; i++) {
      await this.surface.press('Tab');
      if (await this.focusedIs(selector)) return;
    }
    throw new Error(`Tab ${max} times never reached ${selector} in the panel`);
  }

  /** Whether the panel's focused control matches `selector`. */
  async focusedIs(selector: string): Promise<boolean> {
    const hit = await this.surface.inPanel(
      (root, s: string) => root.activeElement?.matches(s) ?? false,
      selector,
    );
    return hit ?? false;
  }
}

/**
 * The walk both browsers make, from focus on the panel's landmark: Tab reaches every control of the
 * panel and of the note frame in document order, each with a ring, until focus leaves the panel;
 * Shift+Tab then makes the same stops in reverse. Fails naming each control missed or without a ring.
 */
export async function expectFullWalkBothWays(keys: PanelKeyboard): Promise<void> {
  const controls = await keys.number();
  expect(controls.panel.length).toBeGreaterThanOrEqual(15);
  expect(controls.frame.length).toBeGreaterThanOrEqual(3);
  const forward = await keys.walk('Tab');
  const reached = (where: 'panel' | 'frame') =>
    new Set(forward.filter((s) => s.where === where && s.kb !== null).map((s) => s.kb));
  const missed = (where: 'panel' | 'frame') =>
    controls[where].filter(
      (name, i) => !reached(where).has(String(i)) && !name.startsWith('iframe'),
    );
  expect(missed('panel'), 'panel controls Tab never reached').toEqual([]);
  expect(missed('frame'), 'note-frame controls Tab never reached').toEqual([]);
  // A stop on no numbered control (Firefox stops on a scrolling box, for one) is a stop too many.
  const stray = forward.filter((s) => s.kb === null).map((s) => `${s.where}: ${s.name}`);
  expect(stray, 'Tab stops on something that is not a control').toEqual([]);
  const noRing = forward.filter((s) => !s.ring).map((s) => `${s.where}: ${s.name}`);
  expect(noRing, 'controls focused without a visible ring').toEqual([]);
  const order = (stops: FocusStop[], where: 'panel' | 'frame') =>
    stops.filter((s) => s.where === where).map((s) => Number(s.kb));
  expect(order(forward, 'panel')).toEqual([...order(forward, 'panel')].sort((a, b) => a - b));
  expect(order(forward, 'frame')).toEqual([...order(forward, 'frame')].sort((a, b) => a - b));
  // Backward: the same stops in reverse.
  const backward = await keys.walk('Shift+Tab');
  console.info(
    `keyboard walk: ${controls.panel.length} panel and ${controls.frame.length} note-frame controls; ${forward.length} stops forward, ${backward.length} back`,
  );
  const key = (s: FocusStop) => `${s.where}:${s.kb}`;
  expect(backward.map(key)).toEqual(forward.map(key).reverse());
}
