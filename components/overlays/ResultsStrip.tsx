import { useState } from 'preact/hooks';
import { summarySentence } from '@/utils/classify/search-verdicts';

type Props = {
  relevant: number;
  total: number;
  /** Whether only the relevant results are shown. */
  filterOn: boolean;
  onToggleFilter: (on: boolean) => void;
  /** Saves this search as a PubMed watch; resolves with what to tell the reader (or rejects). */
  onWatchSearch?: () => Promise<string>;
};

/** The strip above PubMed's results: how many concern JDM/myositis and JAK inhibition, and a filter. */
export function ResultsStrip({ relevant, total, filterOn, onToggleFilter, onWatchSearch }: Props) {
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
      {onWatchSearch && <WatchSearchButton onWatchSearch={onWatchSearch} />}
    </div>
  );
}

/** "Watch this search": a PubMed watch (checked on a schedule) for the query of this page. */
function WatchSearchButton({ onWatchSearch }: { onWatchSearch: () => Promise<string> }) {
  const [said, setSaid] = useState<string>();
  const [busy, setBusy] = useState(false);
  const click = () => {
    setBusy(true);
    onWatchSearch()
      .then(setSaid, (error: unknown) =>
        setSaid(error instanceof Error ? error.message : String(error)),
      )
      .finally(() => setBusy(false));
  };
  return (
    <>
      <button type="button" class="jl-strip-watch" disabled={busy} onClick={click}>
        Watch this search
      </button>
      {said && (
        <span class="jl-strip-watch-said" role="status">
          {said}
        </span>
      )}
    </>
  );
}
