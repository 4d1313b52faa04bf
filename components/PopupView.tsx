import type { TabState } from '@/utils/messages';
import { pubmedUrl } from './format';

type Props = {
  /** The current tab's state, `null` when JAK Lens does not run there, `undefined` while asking. */
  state: TabState | null | undefined;
  onOpenLibrary: () => void;
};

/** The toolbar popup: what JAK Lens sees in the current tab, and the way to the library. */
export function PopupView({ state, onOpenLibrary }: Props) {
  return (
    <main class="popup">
      <h1>JAK Lens</h1>
      <section aria-live="polite">{describe(state)}</section>
      <button type="button" onClick={onOpenLibrary}>
        Open library
      </button>
    </main>
  );
}

function describe(state: TabState | null | undefined) {
  if (state === undefined) return <p>Looking at this tab…</p>;
  if (state === null) {
    return (
      <p class="not-here">
        JAK Lens works on PubMed pages (pubmed.ncbi.nlm.nih.gov). Open an article there.
      </p>
    );
  }
  if (state.pageType === 'pubmed-article' && state.article) {
    const { article } = state;
    return (
      <div class="article">
        <p class="kind">PubMed article</p>
        <p class="title">{article.title}</p>
        {article.pmid && (
          <p class="pmid">
            PMID{' '}
            <a href={pubmedUrl(article.pmid)} target="_blank" rel="noopener noreferrer">
              {article.pmid}
            </a>
          </p>
        )}
      </div>
    );
  }
  if (state.pageType === 'pubmed-search')
    return <p>PubMed search results. Open an article to see it here.</p>;
  return <p>This PubMed page is not an article. Open an article to see it here.</p>;
}
