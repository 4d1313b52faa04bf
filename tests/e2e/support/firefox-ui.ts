import type { ElementHandle, Frame, Page } from 'puppeteer-core';

/**
 * The extension's own UI in Firefox, reached the way the page cannot. The panel, the mark card and the
 * selection bar live in CLOSED shadow roots: `host.shadowRoot` is null in every JavaScript world and
 * Puppeteer's `>>>` (which pierces open roots only) finds nothing inside. WebDriver BiDi can: a
 * script.callFunction with serializationOptions.includeShadowTree 'all' serialises a host together
 * with its closed shadow root as a shared reference, usable as an argument of later calls. The call runs
 * in Puppeteer's own sandbox of the page (an Xray view, like a content script's), so no page script can
 * patch what runs there or be handed the root. The root is then wrapped as a Puppeteer ElementHandle, so
 * `$$`, `evaluate` and the driver's real-mouse click work on it as on any element.
 */

/** Puppeteer's BiDi internals this helper relies on (not in its public types). */
interface BidiRealmInternals {
  realm: {
    callFunction(
      declaration: string,
      awaitPromise: boolean,
      options: Record<string, unknown>,
    ): Promise<{ type: string; value?: unknown; exceptionDetails?: { text: string } }>;
  };
}
interface BidiFrameInternals {
  isolatedRealm(): BidiRealmInternals;
}
interface BidiElementInternals {
  remoteValue(): { sharedId?: string };
  constructor: { from(value: unknown, realm: unknown): ElementHandle };
}

/** A BiDi node value as serialised with includeShadowTree 'all'. */
interface NodeValue {
  type: 'node';
  sharedId: string;
  value?: { shadowRoot?: NodeValue | null; mode?: string };
}

/**
 * The shadow roots (closed or open) of every element matching `host` in `root`'s document, as
 * Puppeteer handles in the driver's sandbox, in document order.
 */
export async function shadowRootsOf(root: Page | Frame, host: string): Promise<ElementHandle[]> {
  const frame = ('mainFrame' in root ? root.mainFrame() : root) as unknown as BidiFrameInternals;
  const realm = frame.isolatedRealm();
  const hosts = await root.$$(host);
  const roots: ElementHandle[] = [];
  for (const handle of hosts) {
    const { sharedId } = (handle as unknown as BidiElementInternals).remoteValue();
    if (!sharedId) continue;
    const result = await realm.realm.callFunction('(host) => host', false, {
      arguments: [{ sharedId }],
      serializationOptions: { maxDomDepth: 1, includeShadowTree: 'all' },
      resultOwnership: 'none',
    });
    if (result.type === 'exception') throw new Error(result.exceptionDetails?.text ?? 'failed');
    const shadow = (result as { result?: NodeValue }).result?.value?.shadowRoot;
    if (shadow?.sharedId) {
      const ElementHandleClass = (handle as unknown as BidiElementInternals).constructor;
      roots.push(ElementHandleClass.from({ type: 'node', sharedId: shadow.sharedId }, realm));
    }
    await handle.dispose();
  }
  return roots;
}

/** Every element matching `inner` inside the shadow roots of `host`, as Puppeteer handles. */
export async function inShadowRoots(
  root: Page | Frame,
  host: string,
  inner: string,
): Promise<ElementHandle[]> {
  const found: ElementHandle[] = [];
  for (const shadow of await shadowRootsOf(root, host)) found.push(...(await shadow.$$(inner)));
  return found;
}
