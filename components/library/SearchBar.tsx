type Props = {
  value: string;
  /** How many rows match, and how many there are, for the status line. */
  shown: number;
  total: number;
  /**
   * The search the shown rows answer (the library searches in a worker, so the rows can lag the
   * field by a moment); absent before the first answer. Written to `data-query`, which
   * `npm run bench` reads.
   */
  resultsFor?: string;
  /**
   * While the library is still being read: how many articles it is expected to hold. The rows shown
   * are then the matches among the `total` read so far, and the line says so; `aria-busy` stays on
   * until the answer covers the whole library.
   */
  reading?: { expected: number };
  onInput: (value: string) => void;
};

/** The library's search field; searches as the reader types. */
export function SearchBar({ value, shown, total, resultsFor, reading, onInput }: Props) {
  const n = (x: number) => x.toLocaleString('en-US');
  return (
    <div class="search-bar" role="search">
      <input
        type="search"
        aria-label="Search notes, titles, highlights and tags"
        placeholder="Search notes, titles, highlights, tags…"
        value={value}
        onInput={(e) => onInput(e.currentTarget.value)}
      />
      <span
        class="search-count"
        aria-live="polite"
        aria-busy={reading || resultsFor !== value ? 'true' : undefined}
        data-query={resultsFor}
      >
        {resultsFor === undefined
          ? 'Reading the library…'
          : reading
            ? `${n(shown)} found so far, searching ${n(total)} of ${n(reading.expected)} articles…`
            : shown === total
              ? `${total} articles`
              : `${shown} of ${total} articles`}
      </span>
    </div>
  );
}
