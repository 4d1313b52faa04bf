import type { Frame, KeyInput, Page } from 'puppeteer-core';
import {
  launchFirefoxWithAddon,
  removeFirefoxProfile,
  type FirefoxSession,
} from '../../support/firefox';
import { emptyResult, pickFrame, SHADOW_QUERY, type ShadowOp } from './shadow-query';
import { lookupRoute, type E2EBrowser, type E2EPage, type Routes, type Target } from './types';

/** The raw WebDriver BiDi connection under Puppeteer (for closed shadow roots, see shadow()). */
type BidiSend = (method: string, params: object) => Promise<{ result: BidiResult }>;
type BidiValue = { type: string; value?: unknown; sharedId?: string };
type BidiResult = {
  type: 'success' | 'exception';
  result?: BidiValue & { value?: { shadowRoot?: BidiValue | null } };
  exceptionDetails?: { text: string };
};

/** A BiDi serialised value as plain JSON (strings, numbers, arrays, objects, null). */
function fromBidi(value: BidiValue | undefined): unknown {
  if (!value) return undefined;
  switch (value.type) {
    case 'array':
      return (value.value as BidiValue[]).map(fromBidi);
    case 'object':
      return Object.fromEntries(
        (value.value as [string, BidiValue][]).map(([k, v]) => [k, fromBidi(v)]),
      );
    case 'null':
    case 'undefined':
      return null;
    default:
      return value.value;
  }
}

class FirefoxPage implements E2EPage {
  constructor(
    readonly page: Page,
    private readonly routes: Routes,
  ) {}

  /**
   * Where to look for `target`: the page, or the document of one of our extension frames (Puppeteer
   * reaches them as child browsing contexts over BiDi; they are told apart by their URL).
   */
  private async scope(target: Target): Promise<{ root: Page | Frame; selector: string }> {
    if (typeof target === 'string') return { root: this.page, selector: target };
    if (!target.frame) throw new Error('shadow targets go through shadow()');
    for (let i = 0; i < 100; i++) {
      const frame = await pickFrame(this.page.frames(), target.frame, (f) =>
        f.evaluate(() => location.hash),
      );
      if (frame) return { root: frame, selector: target.inner };
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`No ${target.frame} frame in the page`);
  }

  private inShadow(target: Target): target is { host: string; inner: string } {
    return typeof target !== 'string' && !target.frame;
  }

  /**
   * Runs SHADOW_QUERY on the closed shadow root of `target.host`: BiDi serialises closed roots when
   * asked (`includeShadowTree: 'all'`) and the root's shared id is then passed as `this`.
   */
  private async shadow<T>(target: { host: string; inner: string }, op: ShadowOp): Promise<T> {
    const browser = this.page.browser() as unknown as { connection: { send: BidiSend } };
    const send: BidiSend = (method, params) => browser.connection.send(method, params);
    const context = (this.page.mainFrame() as unknown as { _id: string })._id;
    const host = await send('script.callFunction', {
      functionDeclaration: '(name) => document.querySelector(name)',
      arguments: [{ type: 'string', value: target.host }],
      target: { context },
      awaitPromise: false,
      resultOwnership: 'none',
      serializationOptions: { maxDomDepth: 1, includeShadowTree: 'all' },
    });
    const sharedId = host.result.result?.value?.shadowRoot?.sharedId;
    if (!sharedId) return emptyResult(op) as T;
    const { result } = await send('script.callFunction', {
      functionDeclaration: SHADOW_QUERY,
      this: { sharedId },
      arguments: [
        { type: 'string', value: target.inner },
        { type: 'string', value: op },
      ],
      target: { context },
      awaitPromise: true,
      resultOwnership: 'none',
    });
    if (result.type === 'exception') throw new Error(result.exceptionDetails?.text);
    return fromBidi(result.result) as T;
  }

  /** A real (trusted) click at the middle of the first match in a shadow root. */
  private async clickInShadow(target: { host: string; inner: string }) {
    let point: { x: number; y: number } | null = null;
    for (let i = 0; i < 100 && !point; i++) {
      point = await this.shadow<{ x: number; y: number } | null>(target, 'point');
      if (!point) await new Promise((r) => setTimeout(r, 100));
    }
    if (!point) throw new Error(`Nothing to click at ${target.host} ${target.inner}`);
    await this.page.mouse.click(point.x, point.y);
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
  async evaluateInFrame<T, A>(
    kind: 'note' | 'comment',
    fn: (arg: A) => T | Promise<T>,
    arg?: A,
  ): Promise<T> {
    const { root } = await this.scope({ host: 'jak-lens-panel', frame: kind, inner: 'body' });
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the two drivers type page functions differently
    return root.evaluate(fn as any, arg) as Promise<T>;
  }
  async count(target: Target) {
    if (this.inShadow(target)) return this.shadow<number>(target, 'count');
    const { root, selector } = await this.scope(target);
    return (await root.$$(selector)).length;
  }
  async texts(target: Target) {
    if (this.inShadow(target)) return this.shadow<string[]>(target, 'texts');
    const { root, selector } = await this.scope(target);
    const handles = await root.$$(selector);
    return Promise.all(handles.map((h) => h.evaluate((el) => (el.textContent ?? '').trim())));
  }
  async values(target: Target) {
    if (this.inShadow(target)) return this.shadow<string[]>(target, 'values');
    const { root, selector } = await this.scope(target);
    const handles = await root.$$(selector);
    return Promise.all(
      handles.map((h) => h.evaluate((el) => (el as HTMLInputElement | HTMLTextAreaElement).value)),
    );
  }
  async attributes(target: Target, name: string) {
    if (this.inShadow(target)) return this.shadow<(string | null)[]>(target, `attr:${name}`);
    const { root, selector } = await this.scope(target);
    const handles = await root.$$(selector);
    return Promise.all(handles.map((h) => h.evaluate((el, attr) => el.getAttribute(attr), name)));
  }
  async click(target: Target) {
    if (this.inShadow(target)) return this.clickInShadow(target);
    const { root, selector } = await this.scope(target);
    const handle = await root.waitForSelector(selector);
    try {
      await handle!.click();
    } catch {
      // As in type(): no clickable point on a very long page; the element's own click() then.
      await handle!.evaluate((el) => (el as HTMLElement).click());
    }
  }
  async type(target: Target, text: string) {
    if (this.inShadow(target)) {
      await this.clickInShadow(target);
      return this.page.keyboard.type(text);
    }
    const { root, selector } = await this.scope(target);
    const handle = await root.waitForSelector(selector);
    try {
      await handle!.click();
    } catch {
      // Puppeteer finds no clickable point in some fields of our fixed panel on a very long page:
      // focus it as a click would, caret at the end.
      await handle!.evaluate((el) => {
        (el as HTMLElement).focus();
        if ('setSelectionRange' in el) {
          const field = el as HTMLTextAreaElement;
          field.setSelectionRange(field.value.length, field.value.length);
        }
      });
    }
    await this.page.keyboard.type(text);
  }
  async hover(target: Target) {
    if (typeof target !== 'string') throw new Error('hover takes a page selector');
    const handle = await this.page.waitForSelector(target);
    await handle!.hover();
  }
  async press(key: string) {
    await this.page.keyboard.press(key as KeyInput);
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
  ) {}

  static async launch(build: string, routes: Routes): Promise<FirefoxDriver> {
    return new FirefoxDriver(await launchFirefoxWithAddon(build), build, routes);
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

  async restart() {
    await this.session.browser.close();
    this.session = await launchFirefoxWithAddon(this.build, this.session.profileDir);
  }

  async close() {
    await this.session.browser.close();
    removeFirefoxProfile(this.session.profileDir);
  }
}
