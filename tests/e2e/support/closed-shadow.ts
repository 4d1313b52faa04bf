import type { CDPSession, Frame, Page } from 'playwright-core';
import { emptyResult, isFrameOf, SHADOW_QUERY, type ShadowOp } from '../drivers/shadow-query';

type DomNode = {
  localName?: string;
  backendNodeId: number;
  children?: DomNode[];
  shadowRoots?: DomNode[];
};

function findHost(node: DomNode, name: string): DomNode | undefined {
  if (node.localName === name && node.shadowRoots?.length) return node;
  for (const child of [...(node.children ?? []), ...(node.shadowRoots ?? [])]) {
    const found = findHost(child, name);
    if (found) return found;
  }
  return undefined;
}

const sessions = new WeakMap<Page, Promise<CDPSession>>();

/**
 * Chromium: runs SHADOW_QUERY (drivers/shadow-query.ts) in the closed shadow root of the first `host`
 * element, reached over the DevTools protocol (which pierces closed roots, as DevTools does) and
 * resolved into the main world for this one call. Test-side only: the page's scripts have no such way.
 */
export async function queryClosedShadow<T>(
  page: Page,
  host: string,
  selector: string,
  op: ShadowOp,
): Promise<T> {
  if (!sessions.has(page)) sessions.set(page, page.context().newCDPSession(page));
  const cdp = await sessions.get(page)!;
  const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as {
    root: DomNode;
  };
  const shadowRoot = findHost(root, host)?.shadowRoots?.[0];
  if (!shadowRoot) return emptyResult(op) as T;
  const { object } = await cdp.send('DOM.resolveNode', { backendNodeId: shadowRoot.backendNodeId });
  const objectId = object.objectId!;
  try {
    const { result, exceptionDetails } = await cdp.send('Runtime.callFunctionOn', {
      objectId,
      functionDeclaration: SHADOW_QUERY,
      arguments: [{ value: selector }, { value: op }],
      returnByValue: true,
    });
    if (exceptionDetails) throw new Error(exceptionDetails.text);
    return result.value as T;
  } finally {
    await cdp.send('Runtime.releaseObject', { objectId });
  }
}

/**
 * Chromium: one of our extension frames (the note's, or a highlight comment's) in `page`. They sit in
 * the panel's closed shadow root, so no selector reaches their iframe; Playwright lists them as
 * frames, told apart by their URL. Waits up to `timeoutMs` for the frame to appear.
 */
export async function extensionFrame(
  page: Page,
  kind: 'note' | 'comment' = 'note',
  timeoutMs = 20_000,
): Promise<Frame> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const frame = page.frames().find((f) => isFrameOf(kind, f.url()));
    if (frame) return frame;
    if (Date.now() > deadline) throw new Error(`No ${kind} frame in ${page.url()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
