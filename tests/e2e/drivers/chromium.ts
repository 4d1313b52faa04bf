import type { Locator, Page } from 'playwright-core';
import {
  launchWithExtension,
  removeProfile,
  type ExtensionContext,
} from '../../support/chromium-extension';
import { routePages } from '../../support/routes';
import type { E2EBrowser, E2EPage, Routes, Target } from './types';

/** Playwright's CSS engine pierces open shadow roots, so host + inner is a descendant selector. */
function css(target: Target): string {
  return typeof target === 'string' ? target : `${target.host} ${target.inner}`;
}

class ChromiumPage implements E2EPage {
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
    const element = this.locate(target).first();
    // As in type(): on a very long page the fixed panel may never count as "stable"; then the
    // element is activated by its own click().
    await element
      .click({ timeout: 10_000 })
      .catch(() => element.evaluate((el) => (el as HTMLElement).click()));
  }
  async type(target: Target, text: string) {
    const field = this.locate(target).first();
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
