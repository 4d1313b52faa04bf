import type { FamilyView } from '@/utils/panel/pathways';
import { SourceLink } from '../SourceLink';

type Props = {
  families: readonly FamilyView[];
  /** Accessible name of the list, e.g. "Cytokine families reached by these inhibitors". */
  label: string;
};

/**
 * Cytokine-receptor families with the JAKs their receptor needs, the STATs they activate and who
 * reaches them. Type I interferon is marked: it carries the DM / JDM interferon signature.
 */
export function PathwayFamilies({ families, label }: Props) {
  if (families.length === 0) return null;
  return (
    <ul class="jl-families" aria-label={label}>
      {families.map((f) => (
        <li
          key={f.id}
          class={f.isTypeOneIfn ? 'jl-family jl-ifn1' : 'jl-family'}
          data-family={f.id}
        >
          <p class="jl-family-name">
            {f.family}
            {f.isTypeOneIfn && <strong class="jl-flag">DM/JDM interferon signature</strong>}
          </p>
          <p>
            Receptor {f.receptor} needs {f.jaks.join(' + ')}
            {f.via.length > 0 && `; reached via ${f.via.join(', ')}`}
          </p>
          <p>STATs: {f.stats.join('; ')}</p>
          {f.blockedBy.length > 0 && (
            <p>
              Reached by: {f.blockedBy.map((b) => `${b.name} (${b.via.join(', ')})`).join('; ')}
            </p>
          )}
          <p class="jl-sources">
            Sources:{' '}
            {f.sources.map((s) => (
              <SourceLink key={s.url} source={s} />
            ))}
          </p>
        </li>
      ))}
    </ul>
  );
}
