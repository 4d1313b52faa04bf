import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { PubmedUi } from '@/entrypoints/pubmed.content/ui-loader';
import { UI_LOAD_MESSAGE } from '@/utils/messaging/ui-load';

const UI_KEY = Symbol.for('jak-lens.pubmed-ui');
const READY_KEY = Symbol.for('jak-lens.pubmed-ui.ready');
type World = Record<symbol, unknown>;
const world = globalThis as unknown as World;

/** What the injected script does when it runs (entrypoints/pubmed-ui.ts). */
function runInjectedScript(ui: PubmedUi): void {
  world[UI_KEY] = ui;
  (world[READY_KEY] as ((ui: PubmedUi) => void) | undefined)?.(ui);
}

const fakeUi = { startArticlePanel: vi.fn() } as unknown as PubmedUi;

/** The background's side of the message, as this test plays it. */
const spySend = () =>
  vi.spyOn(fakeBrowser.runtime, 'sendMessage') as unknown as MockInstance<
    (message: unknown) => Promise<unknown>
  >;

/** A fresh copy of the loader: its in-flight load is module state. */
async function freshLoader() {
  vi.resetModules();
  return import('@/entrypoints/pubmed.content/ui-loader');
}

describe('loadUi', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    delete world[UI_KEY];
    delete world[READY_KEY];
  });
  afterEach(() => {
    vi.restoreAllMocks();
    delete world[UI_KEY];
    delete world[READY_KEY];
  });

  it('starts as soon as the injected script has run, before the background replies', async () => {
    const { loadUi } = await freshLoader();
    let reply: (value: unknown) => void = () => undefined;
    const send = spySend().mockImplementation(() => new Promise((resolve) => (reply = resolve)));
    const loaded = loadUi();
    expect(send).toHaveBeenCalledWith({ type: UI_LOAD_MESSAGE });
    runInjectedScript(fakeUi);
    // The reply never comes in this test until after the load has resolved.
    await expect(loaded).resolves.toBe(fakeUi);
    expect(world[READY_KEY]).toBeUndefined();
    reply({ ok: true, data: null });
    // Later calls use the script already there, without asking again.
    await expect(loadUi()).resolves.toBe(fakeUi);
    expect(send).toHaveBeenCalledTimes(1);
  });

  it("fails with the background's reason when no script ran, and asks again next time", async () => {
    const { loadUi } = await freshLoader();
    const send = spySend()
      .mockResolvedValueOnce({ ok: false, error: 'Cannot access contents of the page' })
      .mockImplementationOnce(() => {
        runInjectedScript(fakeUi);
        return Promise.resolve({ ok: true, data: null });
      });
    await expect(loadUi()).rejects.toThrow(
      'JAK Lens could not load its panel: Cannot access contents of the page',
    );
    expect(world[READY_KEY]).toBeUndefined();
    await expect(loadUi()).resolves.toBe(fakeUi);
    expect(send).toHaveBeenCalledTimes(2);
  });

  it('shares one load between callers while it is in flight', async () => {
    const { loadUi } = await freshLoader();
    const send = spySend().mockImplementation(() => {
      runInjectedScript(fakeUi);
      return Promise.resolve({ ok: true, data: null });
    });
    const [a, b] = await Promise.all([loadUi(), loadUi()]);
    expect(a).toBe(fakeUi);
    expect(b).toBe(fakeUi);
    expect(send).toHaveBeenCalledTimes(1);
  });
});
