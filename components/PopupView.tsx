import type { ReadingStatus } from '@/utils/storage/picklists';
import type { TabState } from '@/utils/messaging/messages';
import { summariseEvidence } from '@/utils/classify';
import { relevanceLabel } from '@/utils/classify/relevance-label';
import { pubmedUrl } from './library/format';
import { STATUS_LABELS } from './notes/NoteEditor';

type Props = {
  /** The current tab's state, `null` when JAK Lens does not run there, `undefined` while asking. */
  state: TabState | null | undefined;
  /** The reader's note on the tab's article: its status, `null` for none, `undefined` while asking. */
  noteStatus?: ReadingStatus | null;
  onOpenLibrary: () => void;
  /** Shows or hides the summary panel in the tab (absent where there is no article). */
  onTogglePanel?: () => void;
  /** The tab's site (PubMed or PMC) and whether the reader's switch for it is on; absent elsewhere. */
  site?: { name: string; enabled: boolean };
  /** Turns JAK Lens (its marks, panel and badges) on or off for the tab's site. */
  onToggleSite?: () => void;
};

/** The toolbar popup: what JAK Lens sees in the current tab, and the way to the panel and library. */
export function PopupView(props: Props) {
  const { state, noteStatus, onOpenLibrary, onTogglePanel, site, onToggleSite } = props;
  const off = site && !site.enabled;
  const hasArticle = !off && !!state?.article;
  return (
    <main class="popup">
      <h1>JAK Lens</h1>
      <section aria-live="polite">
        {off ? (
          <p class="site-off">
            Highlighting is off on {site.name}: no marks, panel or badges there. Turn it back on
            here or in the library's settings.
          </p>
        ) : (
          describe(state, noteStatus)
        )}
      </section>
      <div class="actions">
        {site && onToggleSite && (
          <button
            type="button"
            class="site-toggle"
            aria-pressed={site.enabled}
            title={`Marks, panel and badges on every ${site.name} page (the same switch as in the library's settings)`}
            onClick={onToggleSite}
          >
            Highlights on {site.name}
          </button>
        )}
        {hasArticle && onTogglePanel && (
          <button type="button" onClick={onTogglePanel}>
            Show or hide panel
          </button>
        )}
        <button type="button" onClick={onOpenLibrary}>
          Open library
        </button>
      </div>
    </main>
  );
}

function describe(state: TabState | null | undefined, noteStatus?: ReadingStatus | null) {
  if (state === undefined) return <p>Looking at this tab…</p>;
  if (state === null) {
    return (
      <p class="not-here">
        JAK Lens works on PubMed pages (pubmed.ncbi.nlm.nih.gov) and PMC full text. Open an article
        there, or browse your library.
      </p>
    );
  }
  if (state.article) {
    const { article, verdict } = state;
    return (
      <div class="article">
        <p class="kind">{state.pageType === 'pmc-article' ? 'PMC full text' : 'PubMed article'}</p>
        <p class="title">{article.title}</p>
        {article.pmid && (
          <p class="pmid">
            PMID{' '}
            <a href={pubmedUrl(article.pmid)} target="_blank" rel="noopener noreferrer">
              {article.pmid}
            </a>
          </p>
        )}
        {verdict && (
          <div class="verdict" data-relevance={verdict.relevance}>
            <p class="relevance">
              {verdict.relevance === 'none'
                ? 'Not about myositis or JAK inhibition'
                : relevanceLabel(verdict.relevance, verdict.disease)}
            </p>
            {verdict.relevance !== 'none' && <p class="why">{summariseEvidence(verdict)}</p>}
            {verdict.drugs.length > 0 && (
              <p class="drugs">Inhibitors: {verdict.drugs.map((d) => d.name).join(', ')}</p>
            )}
          </div>
        )}
        {noteStatus !== undefined && (
          <p class="note-status">
            {noteStatus ? `Your note: ${STATUS_LABELS[noteStatus]}` : 'No note yet'}
          </p>
        )}
      </div>
    );
  }
  if (state.pageType === 'pubmed-search') {
    return <p>PubMed search results: each result carries a JAK Lens badge.</p>;
  }
  return <p>This page is not an article. Open an article to see it here.</p>;
}
