import type { CDPSession, Frame, Page } from 'playwright-core';
import { hitTest } from '../drivers/hit-test';

/**
 * The extension's own UI in Chromium, reached the way the page cannot. The panel, the mark card and the
 * selection bar live in CLOSED shadow roots: `host.shadowRoot` is null in every JavaScript world, and
 * Playwright's selectors (which pierce open roots only) see nothing inside. Over the DevTools protocol
 * the driver still can: DOM.describeNode({ pierce: true }) lists a host's closed root, DOM.resolveNode
 * turns it into an object in the driver's own isolated world (like a content script's, so no page script
 * can patch what runs there or be handed the root), and Runtime.callFunctionOn runs code on it.
 * Clicks stay real: the point comes from the same hit test the Firefox driver uses (refusing a covered,
 * off-screen or zero-size control) and the click is Playwright's mouse, i.e. trusted input events.
 */
export class ChromiumUi {
  private static readonly sessions = new WeakMap<Page, Promise<CDPSession>>();

  constructor(private readonly page: Page) {}

  private session(): Promise<CDPSession> {
    let session = ChromiumUi.sessions.get(this.page);
    if (!session) {
      session = this.page
        .context()
        .newCDPSession(this.page)
        .then(async (cdp) => {
          await cdp.send('DOM.enable');
          return cdp;
        });
      ChromiumUi.sessions.set(this.page, session);
    }
    return session;
  }

  /** A fresh isolated world in the page's main frame (a navigation discards the old one). */
  private async world(cdp: CDPSession): Promise<number> {
    const { frameTree } = await cdp.send('Page.getFrameTree');
    const { executionContextId } = await cdp.send('Page.createIsolatedWorld', {
      frameId: frameTree.frame.id,
      worldName: 'jak-lens-e2e-driver',
    });
    return executionContextId;
  }

  /** The shadow roots (closed or open) of every element matching `host`, as objects in the driver's world. */
  private async roots(host: string, setup?: string): Promise<{ cdp: CDPSession; roots: string[] }> {
    const cdp = await this.session();
    const contextId = await this.world(cdp);
    if (setup) {
      const { exceptionDetails } = await cdp.send('Runtime.evaluate', {
        expression: setup,
        contextId,
      });
      if (exceptionDetails) throw new Error(`Setup failed: ${exceptionDetails.text}`);
    }
    const { result } = await cdp.send('Runtime.evaluate', {
      expression: `[...document.querySelectorAll(${JSON.stringify(host)})]`,
      contextId,
    });
    if (!result.objectId) return { cdp, roots: [] };
    const { result: items } = await cdp.send('Runtime.getProperties', {
      objectId: result.objectId,
      ownProperties: true,
    });
    const roots: string[] = [];
    for (const item of items) {
      if (!/^\d+$/.test(item.name) || !item.value?.objectId) continue;
      const { node } = await cdp.send('DOM.describeNode', {
        objectId: item.value.objectId,
        depth: 0,
        pierce: true,
      });
      const shadow = node.shadowRoots?.[0];
      if (!shadow) continue;
      const { object } = await cdp.send('DOM.resolveNode', {
        backendNodeId: shadow.backendNodeId,
        executionContextId: contextId,
      });
      if (object.objectId) roots.push(object.objectId);
    }
    return { cdp, roots };
  }

  /**
   * Runs `fn(root, arg)` on the shadow root of each `host` in the page (in document order) and returns
   * the JSON results. `fn` is sent as source: it may use only its arguments and the page's globals.
   * `setup` (a script, e.g. a library's source) runs first in the same world.
   */
  inRoots<T, A>(
    host: string,
    fn: (root: ShadowRoot, arg: A) => T | Promise<T>,
    arg?: A,
    setup?: string,
  ): Promise<T[]> {
    return this.call(host, `function (arg) { return (${fn.toString()})(this, arg); }`, arg, setup);
  }

  /** `fn(el, arg)` for every element matching `inner` inside the shadow roots of `host`. */
  async each<T, A>(
    host: string,
    inner: string,
    fn: (el: Element, arg: A) => T,
    arg?: A,
  ): Promise<T[]> {
    const lists = await this.call<T[]>(
      host,
      `function (arg) {
        const fn = (${fn.toString()});
        return [...this.querySelectorAll(${JSON.stringify(inner)})].map((el) => fn(el, arg));
      }`,
      arg,
    );
    return lists.flat();
  }

  /** Calls `declaration` (a function source) with `this` = each root of `host`; JSON results. */
  private async call<T>(
    host: string,
    declaration: string,
    arg: unknown,
    setup?: string,
  ): Promise<T[]> {
    const { cdp, roots } = await this.roots(host, setup);
    const results: T[] = [];
    for (const objectId of roots) {
      const { result, exceptionDetails } = await cdp.send('Runtime.callFunctionOn', {
        objectId,
        functionDeclaration: declaration,
        arguments: [{ value: arg }],
        returnByValue: true,
        awaitPromise: true,
      });
      if (exceptionDetails) {
        throw new Error(
          `In the shadow root of ${host}: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`,
        );
      }
      results.push(result.value as T);
    }
    return results;
  }

  count(host: string, inner: string): Promise<number> {
    return this.each(host, inner, () => 1).then((ones) => ones.length);
  }

  texts(host: string, inner: string): Promise<string[]> {
    return this.each(host, inner, (el) => (el.textContent ?? '').trim());
  }

  values(host: string, inner: string): Promise<string[]> {
    return this.each(host, inner, (el) => (el as HTMLInputElement | HTMLTextAreaElement).value);
  }

  /** The first match's box in the viewport, or null when there is none. */
  async box(
    host: string,
    inner: string,
  ): Promise<{ x: number; y: number; width: number; height: number } | null> {
    const [box] = await this.each(host, inner, (el) => {
      const r = el.getBoundingClientRect();
      return { x: r.x, y: r.y, width: r.width, height: r.height };
    });
    return box ?? null;
  }

  /** Whether the first match is rendered (checkVisibility: not display:none, nor inside closed <details>). */
  async visible(host: string, inner: string): Promise<boolean> {
    const [shown] = await this.each(host, inner, (el) => el.checkVisibility());
    return shown ?? false;
  }

  /**
   * A picture of the first match, scrolled into view first. Like Playwright's element screenshot, an
   * element taller than the viewport is taken in a viewport made tall enough, then the size is restored.
   */
  async screenshot(host: string, inner: string, path: string): Promise<void> {
    const viewport = this.page.viewportSize();
    const measure = async () => {
      await this.each(host, inner, (el) => el.scrollIntoView({ block: 'nearest' }));
      const box = await this.box(host, inner);
      if (!box || box.width < 1 || box.height < 1) throw new Error(`${host} ${inner} has no box`);
      return box;
    };
    let box = await measure();
    const tall = viewport !== null && box.y + box.height > viewport.height;
    // A docked panel grows with the window, moving the element: measure again until it fits.
    for (
      let i = 0;
      tall && i < 3 && box.y + box.height > (this.page.viewportSize()?.height ?? 0);
      i++
    ) {
      await this.page.setViewportSize({
        width: viewport.width,
        height: Math.ceil(box.y + box.height + 1),
      });
      box = await measure();
    }
    try {
      await this.page.screenshot({ path, clip: box });
    } finally {
      if (tall) await this.page.setViewportSize(viewport);
    }
  }

  /** Waits until `inner` matches in a root of `host`. */
  async waitFor(host: string, inner: string, timeoutMs = 15_000): Promise<void> {
    await this.retry(`${host} ${inner} to appear`, timeoutMs, async () =>
      (await this.count(host, inner)) > 0 ? true : 'no match yet',
    );
  }

  /** Where a person would click the first match: the shared hit test, retried while it refuses. */
  private point(host: string, inner: string, timeoutMs: number): Promise<{ x: number; y: number }> {
    return this.retry(`a real click on ${host} ${inner}`, timeoutMs, async () => {
      const [first] = await this.call<ReturnType<typeof hitTest> | null>(
        host,
        `function () {
          const el = this.querySelector(${JSON.stringify(inner)});
          return el ? (${hitTest.toString()})(el, null) : null;
        }`,
        null,
      );
      if (!first) return 'it is not in the page';
      return 'refusal' in first ? first.refusal : first;
    });
  }

  async click(host: string, inner: string, timeoutMs = 15_000): Promise<void> {
    const { x, y } = await this.point(host, inner, timeoutMs);
    await this.page.mouse.click(x, y);
  }

  async hover(host: string, inner: string, timeoutMs = 15_000): Promise<void> {
    const { x, y } = await this.point(host, inner, timeoutMs);
    await this.page.mouse.move(x, y);
  }

  /** Focuses the field by a real click, then types with real key events. */
  async type(host: string, inner: string, text: string): Promise<void> {
    await this.click(host, inner);
    await this.page.keyboard.type(text);
  }

  /**
   * The frame of the iframe matching `selector` inside `host`'s root (the note frame): found by the
   * iframe's URL among the page's frames, since the iframe element itself is out of Playwright's reach.
   */
  async frame(host: string, selector: string, timeoutMs = 20_000): Promise<Frame> {
    return this.retry(`the frame of ${host} ${selector}`, timeoutMs, async () => {
      const [src] = await this.each(host, selector, (el) => (el as HTMLIFrameElement).src);
      if (!src) return 'no iframe yet';
      const found = this.page.frames().find((f) => f.url() === src);
      return found ?? `no frame loaded at ${src.split('#')[0]}`;
    });
  }

  private async retry<T>(
    what: string,
    timeoutMs: number,
    attempt: () => Promise<T | string>,
  ): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    let last: string;
    for (;;) {
      try {
        const result = await attempt();
        if (typeof result !== 'string') return result;
        last = result;
      } catch (error) {
        // The page navigated between two protocol calls: try again on the new document.
        last = String(error);
      }
      if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}: ${last}`);
      await new Promise((r) => setTimeout(r, 150));
    }
  }
}

/** The extension UI helper for `page` (one protocol session per page). */
export function chromiumUi(page: Page): ChromiumUi {
  return new ChromiumUi(page);
}
