import type { BrowserContext } from 'playwright-core';
import { lookupRoute, type Routed } from '../e2e/drivers/types';

export type RoutedPage = Routed;

/**
 * Serves saved pages at their real URLs (a key ending in `*` matches by prefix) and aborts every other request, so tests never touch the network
 * and the content script sees the same origin as on the live site.
 */
export async function routePages(
  context: BrowserContext,
  pages: Record<string, RoutedPage>,
): Promise<void> {
  await context.route('**/*', async (route) => {
    const url = route.request().url().split('#')[0]!;
    // The extension's own pages and scripts load as usual; only the web is replaced.
    if (!url.startsWith('http')) return route.continue();
    const page = lookupRoute(pages, url);
    if (page) {
      await route.fulfill({
        status: 200,
        body: page.body,
        contentType: page.contentType ?? 'text/html; charset=utf-8',
      });
    } else {
      await route.abort();
    }
  });
}
