import type { RecentEntry } from '@/utils/storage/entities';
import { formatWhen, pubmedUrl } from './format';

type Props = {
  entries: RecentEntry[];
  now?: number;
};

/** The recent-articles list: title (links to PubMed), PMID, journal, year and when it was seen. */
export function RecentList({ entries, now }: Props) {
  if (entries.length === 0) {
    return <p class="empty">No articles yet. Open an article on PubMed and it will appear here.</p>;
  }
  return (
    <ol class="recent-list" aria-label="Recently opened articles">
      {entries.map((entry) => (
        <li key={entry.key} class="recent-item">
          <a
            class="recent-title"
            href={entry.pmid ? pubmedUrl(entry.pmid) : entry.url}
            target="_blank"
            rel="noopener noreferrer"
          >
            {entry.title || '(untitled)'}
          </a>
          <div class="recent-meta">
            {entry.pmid && <span class="pmid">PMID {entry.pmid}</span>}
            {entry.journal && <span class="journal">{entry.journal}</span>}
            {entry.year !== undefined && <span class="year">{entry.year}</span>}
            <time dateTime={new Date(entry.seenAt).toISOString()}>
              {formatWhen(entry.seenAt, now)}
            </time>
          </div>
        </li>
      ))}
    </ol>
  );
}
