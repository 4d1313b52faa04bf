import type { Locator, Page } from 'playwright-core';
import {
  launchWithExtension,
  removeProfile,
  type ExtensionContext,
} from '../../support/chromium-extension';
import { routePages } from '../../support/routes';
import { ChromiumUi } from '../support/chromium-ui';
import { contentScriptDone } from '../support/extension';
import { DB_TABLES } from '../../support/db-dump';
import {
  DUMP_DATABASE_SCRIPT,
  parseDatabaseDump,
  type E2EBrowser,
  type E2EPage,
  type Routes,
  type Target,
} from './types';

export class ChromiumPage implements E2EPage {
  /** Our hosts' shadow roots are closed: reached over the DevTools protocol (support/chromium-ui.ts). */
  private readonly ui: ChromiumUi;
  constructor(readonly page: Page) {
    this.ui = new ChromiumUi(page);
  }
  /** A page selector, or an element of an extension iframe in one of our roots (the note frame). */
  private async locate(
    target: string | { host: string; inner: string; frame: string },
  ): Promise<Locator> {
    if (typeof target === 'string') return this.page.locator(target);
    const frame = await this.ui.frame(target.host, target.frame);
    return frame.locator(target.inner);
  }
  inUi<T, A>(host: string, fn: (root: ShadowRoot, arg: A) => T, arg?: A): Promise<T | null> {
    return this.ui.inRoots(host, fn, arg).then((results) => results[0] ?? null);
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
  async count(target: Target) {
    if (inRoot(target)) return this.ui.count(target.host, target.inner);
    return (await this.locate(target)).count();
  }
  async texts(target: Target) {
    if (inRoot(target)) return this.ui.texts(target.host, target.inner);
    return (await (await this.locate(target)).allTextContents()).map((t) => t.trim());
  }
  async values(target: Target) {
    if (inRoot(target)) return this.ui.values(target.host, target.inner);
    return (await this.locate(target)).evaluateAll((fields) =>
      fields.map((field) => (field as HTMLInputElement | HTMLTextAreaElement).value),
    );
  }
  async click(target: Target) {
    // A real click or a failure: a covered, off-screen or zero-size control is refused (Playwright's
    // checks, or in our roots the shared hit test) and the error says why. There is deliberately no
    // fallback to the element's own click().
    if (inRoot(target)) return this.ui.click(target.host, target.inner);
    await (await this.locate(target)).first().click({ timeout: 15_000 });
  }
  async type(target: Target, text: string) {
    if (inRoot(target)) return this.ui.type(target.host, target.inner, text);
    const field = (await this.locate(target)).first();
    // Focused by a real click (no focus() fallback), then real key events.
    await field.click({ timeout: 15_000 });
    await field.pressSequentially(text);
  }
  async hover(target: Target) {
    if (inRoot(target)) return this.ui.hover(target.host, target.inner);
    await (await this.locate(target)).first().hover();
  }
  async press(key: string) {
    await this.page.keyboard.press(key);
  }
  async close() {
    await this.page.close();
  }
}

/** A target inside one of our shadow roots (not in a frame there). */
function inRoot(target: Target): target is { host: string; inner: string } {
  return typeof target !== 'string' && !target.frame;
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

  async dumpDatabase() {
    const json = (await this.ext.worker.evaluate(DUMP_DATABASE_SCRIPT)) as string;
    return parseDatabaseDump(json, DB_TABLES);
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
