import type { Locator, Page } from 'playwright-core';
import {
  launchWithExtension,
  removeProfile,
  type ExtensionContext,
} from '../../support/chromium-extension';
import { routePages } from '../../support/routes';
import { contentScriptDone } from '../support/extension';
import type { E2EBrowser, E2EPage, Routes, Target } from './types';

/** Playwright's CSS engine pierces open shadow roots, so host + inner is a descendant selector. */
function css(target: Target): string {
  return typeof target === 'string' ? target : `${target.host} ${target.inner}`;
}

export class ChromiumPage implements E2EPage {
  constructor(readonly page: Page) {}
  /** Playwright reaches into out-of-process (extension) iframes through frame locators. */
  private locate(target: Target): Locator {
    if (typeof target !== 'string' && target.frame) {
      return this.page
        .locator(`${target.host} ${target.frame}`)
        .first()
        .contentFrame()
        .locator(target.inner);
    }
    return this.page.locator(css(target));
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
  count(target: Target) {
    return this.locate(target).count();
  }
  async texts(target: Target) {
    return (await this.locate(target).allTextContents()).map((t) => t.trim());
  }
  values(target: Target) {
    return this.locate(target).evaluateAll((fields) =>
      fields.map((field) => (field as HTMLInputElement | HTMLTextAreaElement).value),
    );
  }
  async click(target: Target) {
    // A real click or a failure: Playwright refuses a covered, off-screen, zero-size or moving control
    // and its error says which. There is deliberately no fallback to the element's own click().
    await this.locate(target).first().click({ timeout: 15_000 });
  }
  async type(target: Target, text: string) {
    const field = this.locate(target).first();
    // Focused by a real click (no focus() fallback), then real key events.
    await field.click({ timeout: 15_000 });
    await field.pressSequentially(text);
  }
  async hover(target: Target) {
    await this.page.locator(css(target)).first().hover();
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

  contentScriptDone(url: string, timeoutMs?: number) {
    return contentScriptDone(this.ext.worker, url, timeoutMs);
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
