import type { DrugCardModel, EvidenceFact, LabelItem } from '@/utils/panel/drug-card';
import { safeHttpUrl } from '@/utils/panel/links';
import { ApprovalList } from './ApprovalList';
import { EvidenceList } from './EvidenceList';
import { SourceLink } from '../SourceLink';
import { TargetChips } from '../TargetChips';

type Props = {
  card: DrugCardModel;
  /** Highlights of this drug on the page; 0 disables "next mention". */
  mentions: number;
  onNextMention: (drugId: string) => void;
};

function names(items: readonly LabelItem[]): string {
  return items.map((n) => (n.note ? `${n.value} (${n.note})` : n.value)).join(', ');
}

/** One strong DM / JDM item on one line: its record id as a link, then "Phase 3 trial, n=241". */
function TopItem({ item }: { item: EvidenceFact }) {
  const href = item.idUrl ? safeHttpUrl(item.idUrl) : null;
  return (
    <li>
      {href ? (
        <a href={href} target="_blank" rel="noopener noreferrer">
          {item.id}
          <span class="jl-sr"> (opens in a new tab)</span>
        </a>
      ) : (
        <SourceLink source={item.source} />
      )}{' '}
      {item.label}
    </li>
  );
}

/**
 * One inhibitor, clinician first: name and brands, what it is, target chips, one status line, the
 * boxed warning as a flag and the strongest DM / JDM items. Approvals with dates and sources, all
 * evidence, code names, curator remarks and unverified items sit behind "Details".
 */
export function DrugCard({ card, mentions, onNextMention }: Props) {
  const headingId = `jl-card-${card.name.replace(/[^a-z0-9]+/gi, '-')}`;
  return (
    <article class="jl-card" aria-labelledby={headingId} data-drug={card.drugId}>
      <header class="jl-card-head">
        <h4>
          <span id={headingId}>{card.name}</span>
          {card.brandNames.length > 0 && (
            <span class="jl-brands"> ({card.brandNames.map((b) => b.value).join(', ')})</span>
          )}
        </h4>
        <button
          type="button"
          class="jl-next"
          disabled={mentions === 0}
          onClick={() => onNextMention(card.drugId)}
        >
          {/* The name starts with the visible words (WCAG 2.5.3, label in name), then says whose. */}
          {mentions}× · next<span class="jl-sr"> mention of {card.name}</span>{' '}
          <span aria-hidden="true">↓</span>
        </button>
      </header>
      <p class="jl-card-kind">{card.heading}</p>
      <TargetChips jak={card.jakTargets} other={card.otherTargets} />
      {card.status ? (
        <p class="jl-status">{card.status}</p>
      ) : (
        <p class="jl-status jl-muted">No verified approval in the reference</p>
      )}
      {card.boxedFlag && (
        <p class="jl-boxed-flag" role="note">
          <span aria-hidden="true">⚠ </span>
          {card.boxedFlag}
        </p>
      )}
      {card.topEvidence.length > 0 && (
        <ul class="jl-top-evidence" aria-label="Strongest dermatomyositis evidence">
          {card.topEvidence.map((e) => (
            <TopItem key={`${e.id}-${e.source.url}`} item={e} />
          ))}
        </ul>
      )}
      <details class="jl-details">
        <summary>Details</summary>
        {card.codeNames.length > 0 && <p>Code: {names(card.codeNames)}</p>}
        {card.selectivity && <p>{card.selectivity}</p>}
        {card.route.length > 0 && <p>Route: {card.route.join(', ')}</p>}
        <h5>Approvals and refusals</h5>
        <ApprovalList approvals={card.approvals} />
        {card.boxedWarning && (
          <>
            <h5>Boxed warning (as the reference records it; can depend on the product)</h5>
            <p class="jl-boxed">{card.boxedWarning}</p>
          </>
        )}
        <h5>Dermatomyositis / JDM evidence</h5>
        <EvidenceList evidence={card.dmEvidence} />
        {card.families.length > 0 && (
          <p class="jl-reaches">
            Reaches:{' '}
            {card.families.map((f, i) => (
              <span key={f.id} class={f.isTypeOneIfn ? 'jl-ifn1-inline' : undefined}>
                {i > 0 ? ', ' : ''}
                {f.family.split(' (')[0]}
              </span>
            ))}
          </p>
        )}
        <p class="jl-sources">
          Sources for names, targets and warning (checked {card.checked}):{' '}
          {card.sources.map((s) => (
            <SourceLink key={s.url} source={s} />
          ))}
        </p>
        {card.remarks.length > 0 && (
          <ul class="jl-remarks" aria-label="Curator remarks">
            {card.remarks.map((text) => (
              <li key={text}>{text}</li>
            ))}
          </ul>
        )}
        {(card.unverified.length > 0 || card.unverifiedTargets.length > 0) && (
          <details class="jl-unverified">
            <summary>
              Unverified ({card.unverified.length + card.unverifiedTargets.length}): not facts
            </summary>
            {card.unverifiedTargets.length > 0 && (
              <TargetChips jak={[]} other={[]} unverified={card.unverifiedTargets} />
            )}
            <ul>
              {card.unverified.map((text) => (
                <li key={text}>{text}</li>
              ))}
            </ul>
          </details>
        )}
      </details>
    </article>
  );
}
