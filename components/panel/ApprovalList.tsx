import type { ApprovalFact } from '@/utils/panel/drug-card';
import { SourceLink } from '../SourceLink';

type Props = {
  approvals: readonly ApprovalFact[];
};

/** Verified approvals: regulator, year, indications, each with its source. */
export function ApprovalList({ approvals }: Props) {
  if (approvals.length === 0) {
    return <p class="jl-muted">No verified approval in the reference.</p>;
  }
  return (
    <ul class="jl-approvals">
      {approvals.map((a) => (
        <li key={`${a.region}-${a.year}`}>
          <strong>
            {a.region}, {a.year}
          </strong>
          : {a.indications.join('; ')} <SourceLink source={a.source} />
          {a.note && <p class="jl-muted">{a.note}</p>}
        </li>
      ))}
    </ul>
  );
}
