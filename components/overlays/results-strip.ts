import { summarySentence } from '@/utils/classify/search-verdicts';
import { el } from './dom';

export type ResultsStripProps = {
  relevant: number;
  total: number;
  /** Whether only the relevant results are shown. */
  filterOn: boolean;
  onToggleFilter: (on: boolean) => void;
  /** Saves this search as a PubMed watch; resolves with what to tell the reader (or rejects). */
  onWatchSearch?: () => Promise<string>;
};

export interface ResultsStrip {
  /** Redraws the strip in place (same elements, so a focused button keeps focus). */
  update(props: ResultsStripProps): void;
}

/**
 * The strip above PubMed's results: how many concern JDM/myositis and JAK inhibition, a filter and
 * "Watch this search". Plain DOM, not Preact: it runs on every search page, in the always-on script
 * (issue 17). Built once into `host`; `update` changes only what the new figures change.
 */
export function mountResultsStrip(host: Element, initial: ResultsStripProps): ResultsStrip {
  const doc = host.ownerDocument;
  let props = initial;
  const text = el(doc, 'span', { class: 'jl-strip-text', role: 'status' });
  const filter = el(doc, 'button', {
    type: 'button',
    class: 'jl-strip-filter',
  }) as HTMLButtonElement;
  filter.textContent = 'Show only these';
  filter.addEventListener('click', () => props.onToggleFilter(!props.filterOn));
  const strip = el(
    doc,
    'div',
    { class: 'jl-strip', role: 'region', 'aria-label': 'JAK Lens summary of these results' },
    text,
    filter,
  );

  // "Watch this search": a PubMed watch (checked on a schedule) for the query of this page.
  const watch = el(doc, 'button', { type: 'button', class: 'jl-strip-watch' }) as HTMLButtonElement;
  watch.textContent = 'Watch this search';
  let said: HTMLElement | null = null;
  watch.addEventListener('click', () => {
    const onWatchSearch = props.onWatchSearch;
    if (!onWatchSearch) return;
    watch.disabled = true;
    const say = (sentence: string) => {
      said ??= el(doc, 'span', { class: 'jl-strip-watch-said', role: 'status' });
      said.textContent = sentence;
      if (watch.isConnected) watch.after(said);
    };
    onWatchSearch()
      .then(say, (error: unknown) => say(error instanceof Error ? error.message : String(error)))
      .finally(() => {
        watch.disabled = false;
      });
  });

  const update = (next: ResultsStripProps) => {
    props = next;
    text.textContent = summarySentence(next);
    filter.setAttribute('aria-pressed', String(next.filterOn));
    // Turning the filter on with nothing to show would blank the page; turning it off stays possible.
    filter.disabled = !next.filterOn && next.relevant === 0;
    if (next.onWatchSearch && !watch.isConnected) strip.append(watch, ...(said ? [said] : []));
    if (!next.onWatchSearch && watch.isConnected) {
      watch.remove();
      said?.remove();
    }
  };
  update(initial);
  host.replaceChildren(strip);
  return { update };
}
