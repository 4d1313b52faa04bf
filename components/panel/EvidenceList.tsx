import type { EvidenceFact } from '@/utils/panel/drug-card';
import { safeHttpUrl } from '@/utils/panel/links';
import { SourceLink } from '../SourceLink';

type Props = {
  evidence: readonly EvidenceFact[];
};

function EvidenceId({ item }: { item: EvidenceFact }) {
  const href = item.idUrl ? safeHttpUrl(item.idUrl) : null;
  if (!href) return <>{item.id}</>;
  return (
    <a href={href} target="_blank" rel="noopener noreferrer">
      {item.id}
      <span class="jl-sr"> (opens in a new tab)</span>
    </a>
  );
}

/**
 * Verified DM / JDM evidence: trials link to ClinicalTrials.gov by NCT number, publications to
 * PubMed by PMID; each item also links to the page the reference read.
 */
export function EvidenceList({ evidence }: Props) {
  if (evidence.length === 0) {
    return <p class="jl-muted">No verified dermatomyositis evidence in the reference.</p>;
  }
  return (
    <ul class="jl-evidence">
      {evidence.map((e) => (
        <li key={`${e.kind}-${e.id}-${e.source.url}`}>
          <strong>
            {e.kind}
            {e.id !== 'n/a' && (
              <>
                {' '}
                <EvidenceId item={e} />
              </>
            )}
          </strong>
          {e.phase !== 'n/a' && <span class="jl-muted"> · {e.phase}</span>}
          <p>
            {e.note} <SourceLink source={e.source} />
          </p>
        </li>
      ))}
    </ul>
  );
}
