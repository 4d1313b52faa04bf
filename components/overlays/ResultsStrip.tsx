import { summarySentence } from '@/utils/classify/search-verdicts';

type Props = {
  relevant: number;
  total: number;
  /** Whether only the relevant results are shown. */
  filterOn: boolean;
  onToggleFilter: (on: boolean) => void;
};

/** The strip above PubMed's results: how many concern JDM/myositis and JAK inhibition, and a filter. */
export function ResultsStrip({ relevant, total, filterOn, onToggleFilter }: Props) {
  return (
    <div class="jl-strip" role="region" aria-label="JAK Lens summary of these results">
      <span class="jl-strip-text" role="status">
        {summarySentence({ relevant, total })}
      </span>
      <button
        type="button"
        class="jl-strip-filter"
        aria-pressed={filterOn}
        // Turning the filter on with nothing to show would blank the page; turning it off stays possible.
        disabled={!filterOn && relevant === 0}
        onClick={() => onToggleFilter(!filterOn)}
      >
        Show only these
      </button>
    </div>
  );
}
