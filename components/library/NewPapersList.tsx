import { relevanceLabel } from '@/utils/classify/relevance-label';
import type { PaperStatus, WatchPaper } from '@/utils/topic-watch/model';
import { formatWhen, pubmedUrl } from './format';

type Props = {
  papers: WatchPaper[];
  /** Watch id → name, to say which watch found a paper. */
  watchNames: ReadonlyMap<string, string>;
  onStatus: (pmids: string[], status: PaperStatus) => void;
  now?: number;
};

const STATUS_WORDS: Record<PaperStatus, string> = {
  new: 'New',
  seen: 'Seen',
  'not-relevant': 'Not relevant',
};

/**
 * Papers the PubMed watches found: title, journal, year, the classifier's verdict, inhibitors and antibodies,
 * with "Seen" / "Not relevant" / "Open in PubMed". All text is rendered as text (it comes from NCBI).
 */
export function NewPapersList({ papers, watchNames, onStatus, now }: Props) {
  const fresh = papers.filter((p) => p.status === 'new');
  if (papers.length === 0) {
    return (
      <p class="empty">
        No papers yet. Watches are checked on their schedule, or now with “Check now”.
      </p>
    );
  }
  return (
    <>
      <p class="new-papers-summary" aria-live="polite">
        {fresh.length} new of {papers.length} found.{' '}
        {fresh.length > 0 && (
          <button
            type="button"
            onClick={() =>
              onStatus(
                fresh.map((p) => p.pmid),
                'seen',
              )
            }
          >
            Mark all as seen
          </button>
        )}
      </p>
      <ol class="new-papers" aria-label="Papers found by your PubMed watches">
        {papers.map((paper) => (
          <li key={paper.pmid} class={`new-paper status-${paper.status}`} data-pmid={paper.pmid}>
            <div class="new-paper-head">
              <span class={`verdict verdict-${paper.relevance}`}>
                {relevanceLabel(paper.relevance, paper.disease)}
              </span>
              {paper.status !== 'new' && (
                <span class="paper-status">{STATUS_WORDS[paper.status]}</span>
              )}
            </div>
            <a
              class="new-paper-title"
              href={pubmedUrl(paper.pmid)}
              target="_blank"
              rel="noopener noreferrer"
            >
              {paper.title || `PMID ${paper.pmid}`}
            </a>
            <div class="new-paper-meta">
              {[paper.journal, paper.year, `PMID ${paper.pmid}`].filter(Boolean).join(' · ')}
              {' · found '}
              {formatWhen(paper.foundAt, now)}
              {paper.watchIds.length > 0 &&
                ` by ${paper.watchIds.map((id) => watchNames.get(id) ?? 'a deleted watch').join(', ')}`}
            </div>
            {paper.inhibitors.length > 0 && (
              <div class="new-paper-drugs">Inhibitors: {paper.inhibitors.join(', ')}</div>
            )}
            {(paper.antibodies?.length ?? 0) > 0 && (
              <div class="new-paper-drugs">Antibodies: {paper.antibodies!.join(', ')}</div>
            )}
            <div class="new-paper-actions">
              {paper.status === 'new' ? (
                <>
                  <button type="button" onClick={() => onStatus([paper.pmid], 'seen')}>
                    Seen
                  </button>
                  <button type="button" onClick={() => onStatus([paper.pmid], 'not-relevant')}>
                    Not relevant
                  </button>
                </>
              ) : (
                <button type="button" onClick={() => onStatus([paper.pmid], 'new')}>
                  Mark as new
                </button>
              )}
              <a href={pubmedUrl(paper.pmid)} target="_blank" rel="noopener noreferrer">
                Open in PubMed
              </a>
            </div>
          </li>
        ))}
      </ol>
    </>
  );
}
