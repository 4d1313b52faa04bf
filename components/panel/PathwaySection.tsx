import { useEffect, useRef } from 'preact/hooks';
import type { PathwayFocus, PathwayView } from '@/utils/panel/pathways';
import { PathwayFamilies } from './PathwayFamilies';
import { PathwayMatrix } from './PathwayMatrix';

/** A request from a mark card to bring part of the view forward; `seq` makes each click count. */
export interface PathwayFocusRequest {
  focus: PathwayFocus;
  seq: number;
}

type Props = {
  pathways: PathwayView;
  focus?: PathwayFocusRequest | null;
  /** Called once the focus request was carried out, so a later re-render does not repeat it. */
  onFocusDone?: () => void;
};

/**
 * The pathway view: drug × JAK matrix, the families those drugs reach, and, for articles without
 * an inhibitor, the JAKs named or the drugs that would block type I interferon. States its rule.
 * A mark card's "Show in the pathway view" scrolls to the type I IFN path (added here when the
 * view would not show it otherwise) or to the view's heading, and moves keyboard focus there.
 */
export function PathwaySection({ pathways, focus = null, onFocusDone }: Props) {
  const { matrix, families, targets, targetFamilies, typeOneIfnBlockers, typeOneIfn } = pathways;
  const section = useRef<HTMLElement>(null);
  const hasContent =
    matrix.length > 0 || targetFamilies.length > 0 || (typeOneIfnBlockers?.length ?? 0) > 0;
  const ifnShown =
    [...families, ...targetFamilies].some((f) => f.isTypeOneIfn) ||
    (typeOneIfnBlockers?.length ?? 0) > 0;
  const extraIfn =
    focus && typeOneIfn && !ifnShown && (focus.focus === 'type-i-ifn' || !hasContent)
      ? [typeOneIfn]
      : [];

  useEffect(() => {
    if (!focus) return;
    // After the panel's own effects (opening the panel puts focus on its toggle first).
    const timer = setTimeout(() => {
      const root = section.current;
      const target =
        focus.focus === 'type-i-ifn'
          ? root?.querySelector<HTMLElement>('.jl-ifn1')
          : root?.querySelector<HTMLElement>('#jl-pathways-h');
      if (target) {
        for (const old of root?.querySelectorAll('[data-focused]') ?? [])
          old.removeAttribute('data-focused');
        target.tabIndex = -1;
        target.setAttribute('data-focused', '');
        target.scrollIntoView?.({ block: 'nearest' });
        target.focus();
      }
      onFocusDone?.();
    }, 0);
    return () => clearTimeout(timer);
  }, [focus?.seq]);

  if (!hasContent && extraIfn.length === 0) return null;
  return (
    <section ref={section} class="jl-pathways" aria-labelledby="jl-pathways-h">
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
      <PathwayFamilies families={extraIfn} label="The type I interferon path" />
      <p class="jl-rule">
        <strong>How this is derived:</strong> {pathways.rule}
      </p>
      {pathways.jdmNote && <p class="jl-muted">{pathways.jdmNote}</p>}
    </section>
  );
}
