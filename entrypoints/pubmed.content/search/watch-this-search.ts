import { browser } from 'wxt/browser';
import type { TopicWatchMessage } from '@/utils/topic-watch/messages';

/**
 * "Watch this search" on a PubMed results page: asks the background to save the page's query
 * (`term` in the URL) as a PubMed watch. The background runs it past NCBI first; NCBI's error, if
 * any, comes back in words. Returns the sentence to show beside the button.
 */
export async function watchThisSearch(pageUrl: string): Promise<string> {
  const query = (new URL(pageUrl).searchParams.get('term') ?? '').trim();
  if (!query) throw new Error('This page has no search to watch.');
  const message: TopicWatchMessage = {
    type: 'topic-watch/save',
    name: query.slice(0, 80),
    query: query.slice(0, 4000),
  };
  const reply = (await browser.runtime.sendMessage(message)) as
    { ok: true; data: { warnings: string[] } } | { ok: false; error: string } | undefined;
  if (!reply) throw new Error('JAK Lens could not reach its background page.');
  if (!reply.ok) throw new Error(reply.error);
  const notes = reply.data.warnings.length ? ` ${reply.data.warnings.join('; ')}` : '';
  return `Watching this search: new papers will appear in the library's "New papers".${notes}`;
}
