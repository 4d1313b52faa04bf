type Props = {
  value: string;
  /** How many rows match, and how many there are, for the status line. */
  shown: number;
  total: number;
  onInput: (value: string) => void;
};

/** The library's search field; searches as the reader types. */
export function SearchBar({ value, shown, total, onInput }: Props) {
  return (
    <div class="search-bar" role="search">
      <input
        type="search"
        aria-label="Search notes, titles, highlights and tags"
        placeholder="Search notes, titles, highlights, tags…"
        value={value}
        onInput={(e) => onInput(e.currentTarget.value)}
      />
      <span class="search-count" aria-live="polite">
        {shown === total ? `${total} articles` : `${shown} of ${total} articles`}
      </span>
    </div>
  );
}
