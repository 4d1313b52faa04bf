import type { SourceRef } from '@/utils/knowledge/types';
import { sourceLinkParts } from '@/utils/panel/links';

type Props = {
  source: SourceRef;
  /** Visible text; defaults to the source's host name. */
  label?: string;
};

/**
 * A link to the source of a fact, showing what kind of source it is (regulator, registry,
 * pubmed…). Opens in a new tab without giving the target page a handle on ours. Anything that is
 * not an http(s) URL is shown as plain text, never as a link.
 */
export function SourceLink({ source, label }: Props) {
  const { href, host } = sourceLinkParts(source.url);
  const text = label ?? host;
  const kind = <span class="jl-kind">{source.sourceKind}</span>;
  if (!href) {
    return (
      <span class="jl-source jl-source-text">
        {text} {kind}
      </span>
    );
  }
  return (
    <a class="jl-source" href={href} target="_blank" rel="noopener noreferrer" title={href}>
      {text} {kind}
      <span class="jl-sr"> (opens in a new tab)</span>
    </a>
  );
}
