import { isNcbiArticleUrl } from './messages';

/** The parts of `runtime.MessageSender` the background checks. */
export interface SenderInfo {
  id?: string;
  url?: string;
  tab?: { id?: number; url?: string };
}

/**
 * Whether a message comes from this extension: one of its own pages (URL under the extension's origin)
 * or its content script in a tab on a site JAK Lens annotates. Other extensions and web pages are refused.
 */
export function isTrustedSender(
  sender: SenderInfo,
  runtimeId: string,
  extensionOrigin: string,
): boolean {
  if (sender.id !== runtimeId) return false;
  if (sender.url?.startsWith(extensionOrigin)) return true;
  return sender.tab?.url !== undefined && isNcbiArticleUrl(sender.tab.url);
}
