import type { Relevance } from '../classify/verdict-terms';

/**
 * Whether the summary panel opens by itself on an article with this relevance. A module of its
 * own, apart from the view model: the always-on content script decides with it whether to load
 * the panel at all, without the knowledge facts the model needs.
 */
export function showsPanel(relevance: Relevance): boolean {
  return relevance !== 'none';
}
