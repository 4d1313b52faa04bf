import type { Frame, Page } from 'playwright-core';
import type { ChromiumUi } from './chromium-ui';

/**
 * Where keyboard focus is, for a walk with real key presses through the panel, whose root is closed:
 * read over the protocol (ChromiumUi.inRoots), and inside the note frame (an extension page framed in
 * that root) from the frame itself.
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

export class PanelKeyboard {
  constructor(
    private readonly page: Page,
    private readonly ui: ChromiumUi,
    private readonly noteFrame: Frame,
  ) {}

  /** Numbers the panel's and the note frame's reachable controls. */
  async number(): Promise<{ panel: string[]; frame: string[] }> {
    const [panel] = await this.ui.inRoots('jak-lens-panel', numberIn, TAB_CONTROLS);
    const frame = await this.noteFrame.evaluate(numberIn, TAB_CONTROLS);
    return { panel: panel ?? [], frame };
  }

  /** Where focus is now. */
  async where(): Promise<FocusStop> {
    const [inPanel] = await this.ui.inRoots('jak-lens-panel', describeFocus);
    if (!inPanel) {
      const name = await this.page.evaluate(() => document.activeElement?.localName ?? 'none');
      return { where: 'page', kb: null, name, ring: false };
    }
    if (!inPanel.frame) return { where: 'panel', ...inPanel };
    const inFrame = await this.noteFrame.evaluate(describeFocus, undefined);
    return inFrame
      ? { where: 'frame', ...inFrame }
      : { where: 'frame', kb: null, name: 'the frame itself', ring: false };
  }

  /** Presses `key` until focus leaves the panel (at most `max` times), recording every stop in it. */
  async walk(key: 'Tab' | 'Shift+Tab', max = 80): Promise<FocusStop[]> {
    const stops: FocusStop[] = [];
    for (let i = 0; i < max; i++) {
      await this.page.keyboard.press(key);
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
      await this.page.keyboard.press('Tab');
      const [hit] = await this.ui.inRoots(
        'jak-lens-panel',
        (root, s: string) => root.activeElement?.matches(s) ?? false,
        selector,
      );
      if (hit) return;
    }
    throw new Error(`Tab ${max} times never reached ${selector} in the panel`);
  }

  /** Whether the panel's focused control matches `selector`. */
  async focusedIs(selector: string): Promise<boolean> {
    const [hit] = await this.ui.inRoots(
      'jak-lens-panel',
      (root, s: string) => root.activeElement?.matches(s) ?? false,
      selector,
    );
    return hit ?? false;
  }
}
