import type { ElementHandle, Frame, KeyInput, Page } from 'puppeteer-core';
import {
  launchFirefoxWithAddon,
  removeFirefoxProfile,
  type FirefoxSession,
} from '../../support/firefox';
import { DB_TABLES } from '../../support/db-dump';
import {
  DUMP_DATABASE_SCRIPT,
  eventually,
  lookupRoute,
  parseDatabaseDump,
  type ContentScriptAnswer,
  type E2EBrowser,
  type E2EPage,
  type Routes,
  type Target,
} from './types';
import { hitTest } from './hit-test';
import { inShadowRoots, shadowRootsOf } from '../support/firefox-ui';

/** How a target is named in an error message. */
function describeTarget(target: Target): string {
  return typeof target === 'string'
    ? target
    : `${target.host} (shadow root) ${target.frame ? `${target.frame} (frame) ` : ''}${target.inner}`;
}

/**
 * Clicks `handle` with the real mouse at the point hitTest found, or fails saying why a person could
 * not. Inside an extension iframe the point is moved into the page's viewport and hit-tested there too
 * (the iframe must not be covered either). Puppeteer's own click() would click whatever covers the
 * control; there is deliberately no fallback to the element's click() or focus().
 */
async function clickLikeAPerson(
  page: Page,
  root: Page | Frame,
  handle: ElementHandle,
  selector: string,
): Promise<void> {
  const fail = (refusal: string) => new Error(`Cannot click ${selector} like a person: ${refusal}`);
  const inner = await handle.evaluate(hitTest, null);
  if ('refusal' in inner) throw fail(inner.refusal);
  let point = inner;
  if (root !== page) {
    const frameElement = await (root as Frame).frameElement();
    if (!frameElement) throw fail('its frame has no element in the page');
    // Scrolling inside the frame does not scroll the page (or our panel) around the frame: bring the
    // frame's top into view, where the note editor's fields are.
    await frameElement.evaluate((iframe) =>
      iframe.scrollIntoView({ block: 'start', behavior: 'instant' }),
    );
    const outer = await frameElement.evaluate((iframe, p) => {
      const box = iframe.getBoundingClientRect();
      const style = getComputedStyle(iframe);
      return {
        x: box.left + parseFloat(style.borderLeftWidth) + parseFloat(style.paddingLeft) + p.x,
        y: box.top + parseFloat(style.borderTopWidth) + parseFloat(style.paddingTop) + p.y,
      };
    }, point);
    const checked = await frameElement.evaluate(hitTest, outer);
    if ('refusal' in checked) throw fail(`in the page, ${checked.refusal}`);
    point = checked;
  }
  await page.mouse.click(point.x, point.y);
}

export class FirefoxPage implements E2EPage {
  constructor(
    readonly page: Page,
    private readonly routes: Routes,
  ) {}

  /**
   * Every element `target` names: in the page; inside the (closed) shadow root of one of our hosts,
   * reached over BiDi (support/firefox-ui.ts); or in the document of an extension iframe in such a
   * root (a child browsing context Puppeteer drives directly). Also where a click is hit-tested.
   */
  private async find(target: Target): Promise<{ root: Page | Frame; handles: ElementHandle[] }> {
    if (typeof target === 'string') return { root: this.page, handles: await this.page.$$(target) };
    if (!target.frame) {
      return {
        root: this.page,
        handles: await inShadowRoots(this.page, target.host, target.inner),
      };
    }
    const [iframe] = await inShadowRoots(this.page, target.host, target.frame);
    const frame = await iframe?.contentFrame();
    if (!frame) return { root: this.page, handles: [] };
    return { root: frame, handles: await frame.$$(target.inner) };
  }

  /** The first element `target` names, waited for (like waitForSelector). */
  private async first(target: Target): Promise<{ root: Page | Frame; handle: ElementHandle }> {
    const found = await eventually(
      async () => {
        const { root, handles } = await this.find(target);
        return handles[0] ? { root, handle: handles[0] } : null;
      },
      30_000,
      describeTarget(target),
    );
    return found;
  }

  inUi<T, A>(host: string, fn: (root: ShadowRoot, arg: A) => T, arg?: A): Promise<T | null> {
    return shadowRootsOf(this.page, host).then(async ([root]) =>
      root
        ? // eslint-disable-next-line @typescript-eslint/no-explicit-any -- Puppeteer types page functions its own way
          ((await root.evaluate(fn as any, arg)) as T)
        : null,
    );
  }

  async serve() {
    await this.page.setRequestInterception(true);
    this.page.on('request', (request) => {
      const url = request.url().split('#')[0]!;
      if (!url.startsWith('http')) return void request.continue();
      const routed = lookupRoute(this.routes, url);
      if (!routed) return void request.abort();
      void request.respond({
        status: 200,
        contentType: routed.contentType ?? 'text/html; charset=utf-8',
        body: routed.body,
      });
    });
  }
  async goto(url: string) {
    await this.page.goto(url);
  }
  async reload() {
    await this.page.reload();
  }
  evaluate<T, A>(fn: (arg: A) => T | Promise<T>, arg?: A): Promise<T> {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the two drivers type page functions differently
    return this.page.evaluate(fn as any, arg) as Promise<T>;
  }
  async count(target: Target) {
    return (await this.find(target)).handles.length;
  }
  async texts(target: Target) {
    const { handles } = await this.find(target);
    return Promise.all(handles.map((h) => h.evaluate((el) => (el.textContent ?? '').trim())));
  }
  async values(target: Target) {
    const { handles } = await this.find(target);
    return Promise.all(
      handles.map((h) => h.evaluate((el) => (el as HTMLInputElement | HTMLTextAreaElement).value)),
    );
  }
  async click(target: Target) {
    const { root, handle } = await this.first(target);
    await clickLikeAPerson(this.page, root, handle, describeTarget(target));
  }
  async type(target: Target, text: string) {
    const { root, handle } = await this.first(target);
    await clickLikeAPerson(this.page, root, handle, describeTarget(target));
    await this.page.keyboard.type(text);
  }
  /** Chooses `path` in a file input, as the reader does in the file picker (BiDi input.setFiles). */
  async chooseFile(selector: string, path: string) {
    const input = await this.page.waitForSelector(selector);
    await (input as ElementHandle<HTMLInputElement>).uploadFile(path);
  }
  async hover(target: Target) {
    const { handle } = await this.first(target);
    await handle.hover();
  }
  /** One key, or a chord written as Playwright writes it ("Shift+Tab"): modifiers held around the key. */
  async press(key: string) {
    const parts = key.length > 1 ? key.split('+') : [key];
    const main = parts.pop() as KeyInput;
    for (const modifier of parts) await this.page.keyboard.down(modifier as KeyInput);
    await this.page.keyboard.press(main);
    for (const modifier of parts.reverse()) await this.page.keyboard.up(modifier as KeyInput);
  }
  /** A real right-click at a point of the viewport (CSS pixels). */
  async rightClickAt(x: number, y: number) {
    await this.page.mouse.click(x, y, { button: 'right' });
  }
  async close() {
    await this.page.close();
  }
}

/** The built Firefox add-on in Debian's headless Firefox ESR, driven by Puppeteer over WebDriver BiDi. */
export class FirefoxDriver implements E2EBrowser {
  readonly name = 'firefox';
  private constructor(
    private session: FirefoxSession,
    private readonly build: string,
    private readonly routes: Routes,
    private readonly prefs: Record<string, string | number | boolean>,
  ) {}

  /** `prefs`: more Firefox prefs for this suite, kept across restart(). */
  static async launch(
    build: string,
    routes: Routes,
    prefs: Record<string, string | number | boolean> = {},
  ): Promise<FirefoxDriver> {
    return new FirefoxDriver(
      await launchFirefoxWithAddon(build, undefined, prefs),
      build,
      routes,
      prefs,
    );
  }

  /** The fixed gecko id of wxt.config.ts. */
  get extensionId(): string {
    return this.session.addonId;
  }

  /** Pages read `routes` on every request, so added pages are served at once. */
  addRoutes(routes: Routes) {
    Object.assign(this.routes, routes);
  }

  async newPage(): Promise<E2EPage> {
    const page = new FirefoxPage(await this.session.browser.newPage(), this.routes);
    await page.serve();
    return page;
  }

  /** Where the browser saves downloads, without a dialog. */
  get downloadsDir(): string {
    return this.session.downloadsDir;
  }

  /**
   * Opens one of the add-on's own pages (`/dashboard.html`, `/popup.html?tab=…`) in a new tab and
   * returns it. BiDi will not navigate to moz-extension:// URLs, but it drives a tab the add-on opened
   * itself: the background page opens it (over the debugging protocol) and the driver attaches to the
   * tab that appeared. BiDi reports such a tab's URL as about:blank, so the tab is told apart as the
   * new one, and its own location is checked.
   */
  async openExtensionPage(path: string): Promise<FirefoxPage> {
    const before = new Set(await this.session.browser.pages());
    await this.inBackground(
      `browser.tabs.create({ url: browser.runtime.getURL(${JSON.stringify(path)}) }).then(() => 'opened')`,
    );
    const page = await eventually(
      async () => (await this.session.browser.pages()).find((p) => !before.has(p)),
      15_000,
      `the new tab of ${path}`,
    );
    const wanted = path.split(/[?#]/)[0]!;
    await eventually(
      () =>
        page.evaluate(
          (name) => document.readyState === 'complete' && location.pathname === name,
          wanted,
        ),
      15_000,
      `${path} loaded in the new tab`,
    );
    return new FirefoxPage(page, this.routes);
  }

  /** The id of the tab showing `url`, from the background page. */
  async tabIdOf(url: string): Promise<number> {
    const id = await this.inBackground(
      `browser.tabs.query({ url: ${JSON.stringify(url)} }).then((tabs) => String(tabs[0]?.id ?? ''))`,
    );
    if (!id) throw new Error(`No tab shows ${url}`);
    return Number(id);
  }

  /** Asked from the add-on's background page over Firefox's debugging protocol (BiDi cannot go there). */
  async contentScriptDone(url: string, timeoutMs = 20_000): Promise<ContentScriptAnswer> {
    return eventually(
      async () => {
        const answer = await this.askContentScript(url);
        if (answer.kind === 'no-session') return answer;
        const isArticle = answer.kind === 'state' && answer.state.pageType.endsWith('-article');
        if (answer.kind === 'state' && (answer.state.verdict || !isArticle)) return answer;
        return null;
      },
      timeoutMs,
      `the content script's finished state on ${url}`,
    );
  }

  /** Evaluates `expression` (which must produce a string) in the add-on's background page. */
  inBackground(expression: string): Promise<string> {
    return this.session.debugger.evaluateInBackground(this.session.addonId, expression);
  }

  /** Evaluates in Firefox's parent process (the browser window and its menus); see FirefoxDebugger. */
  inParent(expression: string): Promise<string> {
    return this.session.debugger.evaluateInParent(expression);
  }

  /**
   * Presses a key or chord ("Alt+Shift+J", "Shift+Tab") as the keyboard does, in the browser window:
   * Firefox's nsITextInputProcessor (the key source of its own tests' synthesizeKey), driven in the
   * parent process, feeds it to the window's key handling, which matches it against the browser's
   * shortcuts and menu access keys (add-on commands among them) and then hands it to what has focus,
   * the tab or the browser's own toolbar. BiDi's key actions are dispatched in the page's process,
   * past all that: no command ever fires from them, and once Tab has moved focus out of the page to the
   * toolbar, a BiDi Shift+Tab still moves focus inside the page. The key goes to the front window, as a
   * real key would: bring the page to the front first.
   */
  async pressInWindow(chord: string): Promise<void> {
    const keys = chord.split('+').map((key) => {
      const modifier = ({ Alt: 18, Shift: 16, Control: 17 } as Record<string, number>)[key];
      if (modifier) return { key, code: `${key}Left`, keyCode: modifier };
      if (key === 'Tab') return { key, code: key, keyCode: 9 };
      if (!/^[A-Z]$/.test(key))
        throw new Error(`pressInWindow: ${key} is not a modifier, Tab or a letter`);
      return { key, code: `Key${key}`, keyCode: key.charCodeAt(0) };
    });
    const reply = await this.inParent(`(() => {
      const win = Services.wm.getMostRecentWindow('navigator:browser');
      const tip = Cc['@mozilla.org/text-input-processor;1'].createInstance(Ci.nsITextInputProcessor);
      if (!tip.beginInputTransactionForTests(win)) return 'no input transaction on the browser window';
      const keys = ${JSON.stringify(keys)}.map((k) => new win.KeyboardEvent('', k));
      for (const key of keys) tip.keydown(key);
      for (const key of [...keys].reverse()) tip.keyup(key);
      return 'pressed';
    })()`);
    if (reply !== 'pressed') throw new Error(`${chord} not pressed: ${reply}`);
  }

  /**
   * What has keyboard focus in the front browser window: 'page' when a tab's content has it, else the
   * browser's own control (say `toolbarbutton#firefox-view-button`, where Tab goes past a page's end).
   */
  async windowFocus(): Promise<string> {
    return this.inParent(`(() => {
      const el = Services.focus.focusedElement;
      if (!el) return 'nothing';
      return el.localName === 'browser' ? 'page' : el.localName + '#' + el.id;
    })()`);
  }

  /**
   * Chooses `label` in the page's context menu, which a real right-click (BiDi input actions) opened:
   * headless Firefox builds the browser's own menu, with the add-on's items in it, and the item is
   * activated as a click on it would be. Fails naming the items shown when the menu is closed or lacks
   * the item.
   */
  async chooseContextMenuItem(label: string): Promise<void> {
    const found = await eventually(
      async () => {
        const reply = JSON.parse(
          await this.inParent(`(() => {
            const win = Services.wm.getMostRecentWindow('navigator:browser');
            const menu = win.document.getElementById('contentAreaContextMenu');
            const items = [...menu.querySelectorAll('menuitem')].filter((i) => !i.hidden && i.label);
            const item = items.find((i) => i.label === ${JSON.stringify(label)});
            if (menu.state === 'open' && item) menu.activateItem(item);
            return JSON.stringify({ state: menu.state, chosen: !!item, items: items.map((i) => i.label) });
          })()`),
        ) as { state: string; chosen: boolean; items: string[] };
        return reply.state === 'open' ? reply : undefined;
      },
      5_000,
      'the context menu open',
    );
    if (!found.chosen)
      throw new Error(`No "${label}" in the context menu: ${found.items.join(', ')}`);
  }

  private async askContentScript(url: string): Promise<ContentScriptAnswer> {
    const json = await this.inBackground(
      `(async () => {
        const [tab] = await browser.tabs.query({ url: ${JSON.stringify(url)} });
        if (tab?.id === undefined) return JSON.stringify({ kind: 'absent' });
        try {
          const state = await browser.tabs.sendMessage(tab.id, { type: 'tab/get-state' });
          return JSON.stringify(state ? { kind: 'state', state } : { kind: 'no-session' });
        } catch (error) {
          if (/Receiving end does not exist/i.test(String(error))) return JSON.stringify({ kind: 'absent' });
          throw error;
        }
      })()`,
    );
    return JSON.parse(json) as ContentScriptAnswer;
  }

  async dumpDatabase() {
    return parseDatabaseDump(await this.inBackground(DUMP_DATABASE_SCRIPT), DB_TABLES);
  }

  async restart() {
    this.session.debugger.close();
    await this.session.browser.close();
    this.session = await launchFirefoxWithAddon(this.build, this.session.profileDir, this.prefs);
  }

  async close() {
    this.session.debugger.close();
    await this.session.browser.close();
    removeFirefoxProfile(this.session.profileDir);
  }
}
