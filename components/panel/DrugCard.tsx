import type { DrugCardModel, LabelItem } from '@/utils/panel/drug-card';
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

/**
 * One inhibitor: names, targets, selectivity, route, approvals, boxed warning, DM / JDM evidence,
 * the cytokine families it reaches, its mentions in this article and the sources of every fact.
 */
export function DrugCard({ card, mentions, onNextMention }: Props) {
  const headingId = `jl-card-${card.name.replace(/[^a-z0-9]+/gi, '-')}`;
  return (
    <article class="jl-card" aria-labelledby={headingId} data-drug={card.drugId}>
      <header class="jl-card-head">
        <h4 id={headingId}>{card.name}</h4>
        <button
          type="button"
          class="jl-next"
          disabled={mentions === 0}
          onClick={() => onNextMention(card.drugId)}
          aria-label={`Next mention of ${card.name} (${mentions} in this article)`}
        >
          {mentions}× · next ↓
        </button>
      </header>
      {card.brandNames.length > 0 && <p>Brand: {names(card.brandNames)}</p>}
      {card.codeNames.length > 0 && <p>Code: {names(card.codeNames)}</p>}
      <TargetChips
        jak={card.jakTargets}
        other={card.otherTargets}
        unverified={card.unverifiedTargets}
      />
      {card.selectivity && <p>{card.selectivity}</p>}
      {card.route.length > 0 && <p>Route: {card.route.join(', ')}</p>}
      <h5>Approvals</h5>
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
        Sources for names, targets, route and warning:{' '}
        {card.sources.map((s) => (
          <SourceLink key={s.url} source={s} />
        ))}
      </p>
      {card.unverified.length > 0 && (
        <details class="jl-unverified">
          <summary>Unverified in the reference ({card.unverified.length}): not facts</summary>
          <ul>
            {card.unverified.map((text) => (
              <li key={text}>{text}</li>
            ))}
          </ul>
        </details>
      )}
    </article>
  );
}
