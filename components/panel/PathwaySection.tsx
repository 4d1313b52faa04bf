import type { PathwayView } from '@/utils/panel/pathways';
import { PathwayFamilies } from './PathwayFamilies';
import { PathwayMatrix } from './PathwayMatrix';

type Props = {
  pathways: PathwayView;
};

/**
 * The pathway view: drug × JAK matrix, the families those drugs reach, and, for articles without
 * an inhibitor, the JAKs named or the drugs that would block type I interferon. States its rule.
 */
export function PathwaySection({ pathways }: Props) {
  const { matrix, families, targets, targetFamilies, typeOneIfnBlockers } = pathways;
  const hasContent =
    matrix.length > 0 || targetFamilies.length > 0 || (typeOneIfnBlockers?.length ?? 0) > 0;
  if (!hasContent) return null;
  return (
    <section class="jl-pathways" aria-labelledby="jl-pathways-h">
      <h3 id="jl-pathways-h">Pathways</h3>
      <PathwayMatrix rows={matrix} />
      <PathwayFamilies families={families} label="Cytokine families these inhibitors reach" />
      {targets.length > 0 && (
        <>
          <p>
            The article names {targets.join(', ')}. Cytokine families whose receptor needs{' '}
            {targets.length === 1 ? 'it' : 'one of them'}:
          </p>
          <PathwayFamilies families={targetFamilies} label="Cytokine families of the JAKs named" />
        </>
      )}
      {typeOneIfnBlockers && typeOneIfnBlockers.length > 0 && (
        <div class="jl-blockers jl-ifn1">
          <p class="jl-family-name">
            Inhibitors that would block type I interferon signalling
            <strong class="jl-flag">DM/JDM interferon signature</strong>
          </p>
          <ul aria-label="Inhibitors that would block type I interferon">
            {typeOneIfnBlockers.map((b) => (
              <li key={b.drugId}>
                {b.name} <span class="jl-muted">via {b.via.join(', ')}</span>
              </li>
            ))}
          </ul>
        </div>
      )}
      <p class="jl-rule">
        <strong>How this is derived:</strong> {pathways.rule}
      </p>
      {pathways.jdmNote && <p class="jl-muted">{pathways.jdmNote}</p>}
    </section>
  );
}
