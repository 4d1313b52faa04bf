import { useState } from 'preact/hooks';

type Props = {
  tags: string[];
  onRename: (from: string, to: string) => void;
};

/** Rename a tag on every note; renaming to a tag that exists merges the two. */
export function TagRename({ tags, onRename }: Props) {
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const merges = tags.some((t) => t.toLowerCase() === to.trim().toLowerCase() && t !== from);
  return (
    <form
      class="tag-rename"
      onSubmit={(e) => {
        e.preventDefault();
        if (from && to.trim()) onRename(from, to.trim());
        setTo('');
      }}
    >
      <label>
        Rename tag{' '}
        <select value={from} onChange={(e) => setFrom(e.currentTarget.value)}>
          <option value="">Choose…</option>
          {tags.map((t) => (
            <option key={t} value={t}>
              {t}
            </option>
          ))}
        </select>
      </label>{' '}
      <label>
        to <input value={to} onInput={(e) => setTo(e.currentTarget.value)} maxLength={64} />
      </label>{' '}
      <button type="submit" disabled={!from || !to.trim()}>
        {merges ? 'Merge' : 'Rename'}
      </button>
    </form>
  );
}
