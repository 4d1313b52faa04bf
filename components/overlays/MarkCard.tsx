import type { SourceRef } from '@/utils/knowledge/types';
import type { PathwayFocus } from '@/utils/panel/pathways';
import type {
  DiseaseMarkCard,
  DrugMarkCard,
  MarkCardModel,
  TargetMarkCard,
} from '@/utils/term-marks/mark-card';
import { SourceLink } from '../SourceLink';
import { TargetChips } from '../TargetChips';
import { AntibodyCard, IfnMarkerCard, RangeCard } from './MarkCardMore';

type Props = {
  card: MarkCardModel;
  /** Opens the panel at the card's part of the pathway view; without it, no button is shown. */
  onShowPathway?: (focus: PathwayFocus) => void;
};

const PATHWAY_BUTTON: Record<PathwayFocus, string> = {
  'type-i-ifn': 'Show the type I IFN → JAK1/TYK2 path in the panel',
  'jak-stat': 'Show the pathway view in the panel',
};

/** How many of a record's sources the card lists; the summary panel lists them all. */
const MAX_SOURCES = 3;

function Sources({ label, sources }: { label: string; sources: readonly SourceRef[] }) {
  if (sources.length === 0) return null;
  const shown = sources.slice(0, MAX_SOURCES);
  const more = sources.length - shown.length;
  return (
    <p class="jl-sources">
      {label}:{' '}
      {shown.map((s) => (
        <SourceLink key={s.url} source={s} />
      ))}
      {more > 0 && <span class="jl-muted">+{more} more</span>}
    </p>
  );
}

function Drug({ card }: { card: DrugMarkCard }) {
  return (
    <>
      <p class="jl-mc-kind">{card.heading}</p>
      <h2 class="jl-mc-title">{card.title}</h2>
      {card.brandNames.length > 0 && <p>Brand: {card.brandNames.map((b) => b.value).join(', ')}</p>}
      <TargetChips jak={card.jakTargets} other={card.otherTargets} />
      {card.status && <p class="jl-mc-status">{card.status}</p>}
      {card.boxedFlag && (
        <p class="jl-mc-boxed" role="note">
          <span aria-hidden="true">⚠ </span>
          {card.boxedFlag}
        </p>
      )}
      {card.topEvidence.length > 0 && (
        <ul class="jl-mc-evidence" aria-label="Strongest dermatomyositis evidence">
          {card.topEvidence.map((e) => (
            <li key={`${e.id}-${e.source.url}`}>
              <SourceLink source={e.source} label={e.id === 'n/a' ? undefined : e.id} /> {e.label}
            </li>
          ))}
        </ul>
      )}
      <details class="jl-mc-details">
        <summary>Details</summary>
        {card.approvals.length > 0 ? (
          <ul class="jl-mc-approvals" aria-label="Approvals">
            {card.approvals.map((a) => (
              <li key={`${a.region}-${a.year}`}>
                {a.status === 'not-approved' ? 'Not approved' : 'Approved'}: {a.region}
                {a.year !== null && `, ${a.year}`} <SourceLink source={a.source} />
              </li>
            ))}
          </ul>
        ) : (
          <p class="jl-muted">No verified approval in the reference.</p>
        )}
        {card.unverifiedApprovals > 0 && (
          <p class="jl-muted">
            {card.unverifiedApprovals} more approval
            {card.unverifiedApprovals === 1 ? '' : 's'} unverified in the reference (not shown as
            fact).
          </p>
        )}
        {card.unverifiedTargets.length > 0 && (
          <TargetChips jak={[]} other={[]} unverified={card.unverifiedTargets} />
        )}
        <Sources label="Names and targets" sources={card.sources} />
      </details>
      <p class="jl-caution">
        {card.caution} Reference checked {card.checked}.
      </p>
    </>
  );
}

function Target({ card }: { card: TargetMarkCard }) {
  return (
    <>
      <p class="jl-mc-kind">Target</p>
      <h2 class="jl-mc-title">{card.title}</h2>
      {card.fullName && card.fullName.toLowerCase() !== card.title.toLowerCase() && (
        <p>{card.fullName}</p>
      )}
      {card.inhibitors.length > 0 ? (
        <>
          <p>Inhibited by ({card.inhibitors.length}):</p>
          <ul class="jl-mc-inhibitors" aria-label="Known inhibitors">
            {card.inhibitors.map((d) => (
              <li key={d.drugId} data-drug={d.drugId}>
                {d.sources[0] ? <SourceLink source={d.sources[0]} label={d.name} /> : d.name}
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p class="jl-muted">No inhibitor in the reference lists this as its target.</p>
      )}
      {card.unverifiedInhibitors.length > 0 && (
        <p class="jl-muted">
          Listed but unverified in the reference (not facts): {card.unverifiedInhibitors.join(', ')}
        </p>
      )}
      <Sources label="Name" sources={card.sources} />
    </>
  );
}

function Disease({ card }: { card: DiseaseMarkCard }) {
  return (
    <>
      <p class="jl-mc-kind">{card.category}</p>
      <h2 class="jl-mc-title">{card.title}</h2>
      <Sources label="Term list" sources={card.sources} />
    </>
  );
}

/**
 * The small info card next to a highlight mark: a drug's targets and approvals, a target's
 * inhibitors, a disease term's label. Every fact carries its source link.
 */
export function MarkCard({ card, onShowPathway }: Props) {
  const { pathway } = card;
  return (
    <div class="jl-mc" data-kind={card.kind} data-term={card.termId}>
      {card.kind === 'drug' && <Drug card={card} />}
      {card.kind === 'target' && <Target card={card} />}
      {card.kind === 'disease' && <Disease card={card} />}
      {card.kind === 'antibody' && <AntibodyCard card={card} />}
      {card.kind === 'range' && <RangeCard card={card} />}
      {card.kind === 'ifn-marker' && <IfnMarkerCard card={card} />}
      {card.kind === 'drug-class' && (
        <>
          <p class="jl-mc-kind">Drug class</p>
          <h2 class="jl-mc-title">{card.title}</h2>
          <p>{card.inhibitorCount} inhibitors with a verified JAK target in the reference.</p>
          <Sources label="Term list" sources={card.sources} />
        </>
      )}
      {card.kind === 'label' && <h2 class="jl-mc-title">{card.title}</h2>}
      {pathway && onShowPathway && (
        <button type="button" class="jl-mc-pathway" onClick={() => onShowPathway(pathway)}>
          {PATHWAY_BUTTON[pathway]}
        </button>
      )}
    </div>
  );
}
