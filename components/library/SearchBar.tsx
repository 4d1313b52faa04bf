type Props = {
  value: string;
  /** How many rows match, and how many there are, for the status line. */
  shown: number;
  total: number;
  /**
   * The search the shown rows answer, once they are the whole library's answer (the library searches
   * in a worker, so the rows can lag the field by a moment); absent while the library is still being
   * read. Written to `data-query` and `aria-busy`, which `npm run bench` reads.
   */
  resultsFor?: string;
  onInput: (value: string) => void;
};

/** The library's search field; searches as the reader types. */
export function SearchBar({ value, shown, total, resultsFor, onInput }: Props) {
  const loading = resultsFor === undefined;
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
        aria-busy={loading || resultsFor !== value ? 'true' : undefined}
        data-query={resultsFor}
      >
        {loading
          ? 'Reading the library…'
          : shown === total
            ? `${total} articles`
            : `${shown} of ${total} articles`}
      </span>
    </div>
  );
}
