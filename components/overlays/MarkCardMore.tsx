import type { AntibodyMarkCard, IfnMarkCard, RangeMarkCard } from '@/utils/term-marks/mark-card';
import { SourceLink } from '../SourceLink';

/** An antibody: its family and target, and what it is associated with — only with a source. */
export function AntibodyCard({ card }: { card: AntibodyMarkCard }) {
  return (
    <>
      <p class="jl-mc-kind">{card.family}</p>
      <h2 class="jl-mc-title">{card.title}</h2>
      <p>Antibody to {card.antigen}</p>
      {card.phenotype ? (
        <p class="jl-mc-phenotype">
          Associated with: {card.phenotype.text} <SourceLink source={card.phenotype.source} />{' '}
          <span class="jl-muted">(source checked {card.checked})</span>
        </p>
      ) : (
        <p class="jl-muted">No sourced phenotype in JAK Lens yet (none is stated).</p>
      )}
      <p class="jl-muted">Tag: {card.tag}</p>
    </>
  );
}

/** "JAK1–3": the members the token stands for. */
export function RangeCard({ card }: { card: RangeMarkCard }) {
  return (
    <>
      <p class="jl-mc-kind">Targets (range)</p>
      <h2 class="jl-mc-title">{card.title}</h2>
      <p>Stands for {card.members.length} members, each counted:</p>
      <ul class="jl-mc-members" aria-label="Members">
        {card.members.map((m) => (
          <li key={m}>{m}</li>
        ))}
      </ul>
    </>
  );
}

/** An interferon marker and the type I IFN → JAK1/TYK2 path it reads out. */
export function IfnMarkerCard({ card }: { card: IfnMarkCard }) {
  return (
    <>
      <p class="jl-mc-kind">Interferon signature</p>
      <h2 class="jl-mc-title">{card.title}</h2>
      <p>
        {card.text} <SourceLink source={card.source} />
      </p>
      <p class="jl-mc-path" aria-label="Type I interferon path">
        {card.path.join(' → ')} <SourceLink source={card.pathSource} />
      </p>
      {card.pathBlockers.length > 0 && (
        <p>Acting on JAK1 or TYK2 (reference): {card.pathBlockers.join(', ')}</p>
      )}
      <p class="jl-muted">Sources checked {card.checked}</p>
    </>
  );
}
