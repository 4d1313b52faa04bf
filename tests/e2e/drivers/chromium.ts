import type { Frame, Locator, Page } from 'playwright-core';
import {
  launchWithExtension,
  removeProfile,
  type ExtensionContext,
} from '../../support/chromium-extension';
import { routePages } from '../../support/routes';
import { extensionFrame, queryClosedShadow } from '../support/closed-shadow';
import { isFrameOf, type ShadowOp } from './shadow-query';
import type { E2EBrowser, E2EPage, Routes, Target } from './types';

class ChromiumPage implements E2EPage {
  constructor(readonly page: Page) {}

  /** Playwright lists out-of-process (extension) frames; ours are told apart by their URL. */
  private async frame(kind: 'note' | 'comment'): Promise<Frame> {
    for (let i = 0; i < 100; i++) {
      const found = this.page.frames().find((f) => isFrameOf(kind, f.url()));
      if (found) return found;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`No ${kind} frame in the page`);
  }
  private async locate(target: Target): Promise<Locator> {
    if (typeof target === 'string') return this.page.locator(target);
    if (!target.frame) throw new Error('shadow targets go through shadow()');
    return (await this.frame(target.frame)).locator(target.inner);
  }
  /** Runs SHADOW_QUERY in the closed shadow root of `target.host` (support/closed-shadow.ts). */
  private shadow<T>(target: { host: string; inner: string }, op: ShadowOp): Promise<T> {
    return queryClosedShadow<T>(this.page, target.host, target.inner, op);
  }
  private inShadow(target: Target): target is { host: string; inner: string } {
    return typeof target !== 'string' && !target.frame;
  }
  async goto(url: string) {
    // The hostile record's page (100,000-character strings) can take over 30 s to load on a busy
    // 2-core machine; the journeys then wait on conditions of their own.
    await this.page.goto(url, { timeout: 90_000 });
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
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the two drivers type page functions differently
    return (await this.frame(kind)).evaluate(fn as any, arg) as Promise<T>;
  }
  async count(target: Target) {
    if (this.inShadow(target)) return this.shadow<number>(target, 'count');
    return (await this.locate(target)).count();
  }
  async texts(target: Target) {
    if (this.inShadow(target)) return this.shadow<string[]>(target, 'texts');
    return (await (await this.locate(target)).allTextContents()).map((t) => t.trim());
  }
  async values(target: Target) {
    if (this.inShadow(target)) return this.shadow<string[]>(target, 'values');
    return (await this.locate(target)).evaluateAll((fields) =>
      fields.map((field) => (field as HTMLInputElement | HTMLTextAreaElement).value),
    );
  }
  async attributes(target: Target, name: string) {
    if (this.inShadow(target)) return this.shadow<(string | null)[]>(target, `attr:${name}`);
    return (await this.locate(target)).evaluateAll(
      (els, attr) => els.map((el) => el.getAttribute(attr)),
      name,
    );
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
  async click(target: Target) {
    if (this.inShadow(target)) return this.clickInShadow(target);
    const element = (await this.locate(target)).first();
    // As in type(): on a very long page the fixed panel may never count as "stable"; then the
    // element is activated by its own click().
    await element
      .click({ timeout: 10_000 })
      .catch(() => element.evaluate((el) => (el as HTMLElement).click()));
  }
  async type(target: Target, text: string) {
    if (this.inShadow(target)) {
      await this.clickInShadow(target);
      return this.page.keyboard.type(text);
    }
    const field = (await this.locate(target)).first();
    // On a very long page Playwright may never find our fixed panel "stable" enough to click: then
    // focus the field as a click would, caret at the end.
    await field.click({ timeout: 5_000 }).catch(() =>
      field.evaluate((el) => {
        (el as HTMLElement).focus();
        if ('setSelectionRange' in el) {
          const input = el as HTMLTextAreaElement;
          input.setSelectionRange(input.value.length, input.value.length);
        }
      }),
    );
    await field.pressSequentially(text);
  }
  async hover(target: Target) {
    if (typeof target !== 'string') throw new Error('hover takes a page selector');
    await this.page.locator(target).first().hover();
  }
  async press(key: string) {
    await this.page.keyboard.press(key);
  }
  async close() {
    await this.page.close();
  }
}

/** The built Chrome MV3 extension in Debian's headless Chromium, with saved pages routed in. */
export class ChromiumDriver implements E2EBrowser {
  readonly name = 'chromium';
  private constructor(
    private ext: ExtensionContext,
    private readonly build: string,
    private readonly routes: Routes,
  ) {}

  static async launch(build: string, routes: Routes): Promise<ChromiumDriver> {
    const driver = new ChromiumDriver(await launchWithExtension(build), build, routes);
    await driver.route();
    return driver;
  }

  get extension(): ExtensionContext {
    return this.ext;
  }

  get extensionId(): string {
    return this.ext.extensionId;
  }

  /** The route handler reads `routes` on every request, so added pages are served at once. */
  addRoutes(routes: Routes) {
    Object.assign(this.routes, routes);
  }

  private route() {
    return routePages(this.ext.context, this.routes);
  }

  async newPage(): Promise<E2EPage> {
    return new ChromiumPage(await this.ext.context.newPage());
  }

  /**
   * DevTools' Page.crash, sent to the page's target or to the note frame's (an out-of-process frame in
   * the extension's renderer, which also runs its service worker). The command never answers: the
   * renderer is gone.
   */
  async crash(page: E2EPage, which: 'page' | 'extension') {
    const target = (page as ChromiumPage).page;
    const frame = which === 'page' ? target : await extensionFrame(target, 'note');
    const cdp = await target.context().newCDPSession(frame);
    await Promise.race([
      cdp.send('Page.crash').catch(() => undefined),
      new Promise((r) => setTimeout(r, 2_000)),
    ]);
  }

  async restart() {
    await this.ext.close();
    this.ext = await launchWithExtension(this.build, this.ext.userDataDir);
    await this.route();
  }

  async close() {
    await this.ext.close();
    removeProfile(this.ext.userDataDir);
  }
}
