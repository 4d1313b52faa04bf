import type { ApprovalFact } from '@/utils/panel/drug-card';
import { SourceLink } from '../SourceLink';

type Props = {
  approvals: readonly ApprovalFact[];
};

const STATUS_WORD: Record<ApprovalFact['status'], string> = {
  approved: 'approved',
  'not-approved': 'not approved',
  investigational: 'investigational',
};

/** Verified regulatory decisions, refusals included: regulator, date, indications, source. */
export function ApprovalList({ approvals }: Props) {
  if (approvals.length === 0) {
    return <p class="jl-muted">No verified approval in the reference.</p>;
  }
  return (
    <ul class="jl-approvals">
      {approvals.map((a) => (
        <li key={`${a.region}-${a.year}`} data-status={a.status}>
          <strong>
            {a.region}
            {a.year !== null && `, ${a.date ?? a.year}`}
          </strong>{' '}
          ({STATUS_WORD[a.status]}): {a.indications.join('; ')} <SourceLink source={a.source} />
          <span class="jl-muted"> · checked {a.checked}</span>
          {a.note && <p class="jl-muted">{a.note}</p>}
        </li>
      ))}
    </ul>
  );
}
