import type { Frame, KeyInput, Page } from 'puppeteer-core';
import {
  launchFirefoxWithAddon,
  removeFirefoxProfile,
  type FirefoxSession,
} from '../../support/firefox';
import { lookupRoute, type E2EBrowser, type E2EPage, type Routes, type Target } from './types';

/** Puppeteer's `>>>` combinator pierces shadow roots. */
function css(target: Target): string {
  return typeof target === 'string' ? target : `${target.host} >>> ${target.inner}`;
}

class FirefoxPage implements E2EPage {
  constructor(
    readonly page: Page,
    private readonly routes: Routes,
  ) {}

  /**
   * Where to look for `target`: the page, or the document of an iframe in one of our shadow roots
   * (an extension frame: Puppeteer reaches it as a child browsing context over BiDi).
   */
  private async scope(target: Target): Promise<{ root: Page | Frame; selector: string }> {
    if (typeof target === 'string' || !target.frame)
      return { root: this.page, selector: css(target) };
    const iframe = await this.page.waitForSelector(`${target.host} >>> ${target.frame}`);
    const frame = await iframe!.contentFrame();
    if (!frame) throw new Error(`No frame behind ${target.host} >>> ${target.frame}`);
    return { root: frame, selector: target.inner };
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
    const { root, selector } = await this.scope(target);
    return (await root.$$(selector)).length;
  }
  async texts(target: Target) {
    const { root, selector } = await this.scope(target);
    const handles = await root.$$(selector);
    return Promise.all(handles.map((h) => h.evaluate((el) => (el.textContent ?? '').trim())));
  }
  async values(target: Target) {
    const { root, selector } = await this.scope(target);
    const handles = await root.$$(selector);
    return Promise.all(
      handles.map((h) => h.evaluate((el) => (el as HTMLInputElement | HTMLTextAreaElement).value)),
    );
  }
  async click(target: Target) {
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
    const handle = await this.page.waitForSelector(css(target));
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
