import { useState } from 'preact/hooks';
import type { TopicWatch, WatchInput } from '@/utils/topic-watch/model';
import { formatWhen } from './format';

type Props = {
  watches: TopicWatch[];
  /** Resolves with NCBI's warnings, or rejects with the reason the watch was not saved. */
  onSave: (input: WatchInput & { id?: string }) => Promise<string[]>;
  onDelete: (watch: TopicWatch) => void;
  onCheckNow: (watch?: TopicWatch) => void;
  checking: boolean;
  now?: number;
};

/** The reader's PubMed watches (saved queries checked on a schedule), with add / edit / pause / delete. */
export function TopicWatchList({ watches, onSave, onDelete, onCheckNow, checking, now }: Props) {
  const [editing, setEditing] = useState<string | 'new' | null>(null);
  return (
    <div class="topic-watches">
      <ul aria-label="PubMed watches">
        {watches.map((watch) =>
          editing === watch.id ? (
            <li key={watch.id}>
              <WatchForm watch={watch} onSave={onSave} onDone={() => setEditing(null)} />
            </li>
          ) : (
            <li key={watch.id} class="topic-watch" data-watch-id={watch.id}>
              <strong>{watch.name}</strong>
              {watch.paused && <span class="paper-status">Paused</span>}
              <code class="topic-watch-query">{watch.query}</code>
              <WatchState watch={watch} now={now} />
              <div class="new-paper-actions">
                <button type="button" onClick={() => onCheckNow(watch)} disabled={checking}>
                  Check now
                </button>
                <button type="button" onClick={() => setEditing(watch.id)}>
                  Edit
                </button>
                <button
                  type="button"
                  onClick={() =>
                    void onSave({
                      id: watch.id,
                      name: watch.name,
                      query: watch.query,
                      paused: !watch.paused,
                    })
                  }
                >
                  {!watch.paused
                    ? 'Pause'
                    : watch.lastCheckedAt === undefined
                      ? 'Start watching'
                      : 'Resume'}
                </button>
                <button type="button" onClick={() => onDelete(watch)}>
                  Delete
                </button>
              </div>
            </li>
          ),
        )}
      </ul>
      {editing === 'new' ? (
        <WatchForm onSave={onSave} onDone={() => setEditing(null)} />
      ) : (
        <div class="new-paper-actions">
          <button type="button" onClick={() => setEditing('new')}>
            Add a watch
          </button>
          <button
            type="button"
            onClick={() => onCheckNow()}
            disabled={checking || watches.length === 0}
          >
            {checking ? 'Checking…' : 'Check all now'}
          </button>
        </div>
      )}
    </div>
  );
}

/** When the watch was last checked, why the last check failed, or that it matches too much. */
function WatchState({ watch, now }: { watch: TopicWatch; now?: number }) {
  return (
    <div class="topic-watch-state">
      {watch.lastCheckedAt !== undefined
        ? `Last checked ${formatWhen(watch.lastCheckedAt, now)}.`
        : watch.paused
          ? 'Not started: nothing is sent to NCBI until you start it.'
          : 'Not checked yet.'}
      {watch.lastFailure && (
        <p role="alert" class="topic-watch-failure">
          The last check failed ({formatWhen(watch.lastFailure.at, now)}):{' '}
          {watch.lastFailure.reason} It will be retried.
        </p>
      )}
      {watch.tooBroad && (
        <p role="alert" class="topic-watch-failure">
          This query matched {watch.tooBroad.count.toLocaleString('en')} records added in{' '}
          {watch.tooBroad.days} days (about{' '}
          {Math.round(watch.tooBroad.count / watch.tooBroad.days).toLocaleString('en')} a day).
          Nothing was fetched: please narrow it.
        </p>
      )}
    </div>
  );
}

function WatchForm({
  watch,
  onSave,
  onDone,
}: {
  watch?: TopicWatch;
  onSave: Props['onSave'];
  onDone: () => void;
}) {
  const [name, setName] = useState(watch?.name ?? '');
  const [query, setQuery] = useState(watch?.query ?? '');
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    try {
      const warnings = await onSave({ id: watch?.id, name, query, paused: watch?.paused ?? false });
      if (warnings.length === 0) onDone();
      else setMessage({ error: false, text: `Saved. ${warnings.join('; ')}` });
    } catch (error) {
      // The reader's text stays in the form.
      setMessage({ error: true, text: error instanceof Error ? error.message : String(error) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="topic-watch-form" onSubmit={(e) => void submit(e)}>
      <label>
        Name
        <input value={name} onInput={(e) => setName(e.currentTarget.value)} maxLength={200} />
      </label>
      <label>
        PubMed query
        <textarea
          value={query}
          onInput={(e) => setQuery(e.currentTarget.value)}
          rows={4}
          maxLength={4000}
          required
        />
      </label>
      {message && (
        <p
          role={message.error ? 'alert' : 'status'}
          class={message.error ? 'topic-watch-failure' : ''}
        >
          {message.text}
        </p>
      )}
      <div class="new-paper-actions">
        <button type="submit" disabled={busy}>
          {busy ? 'Asking NCBI…' : 'Save watch'}
        </button>
        <button type="button" onClick={onDone}>
          {message && !message.error ? 'Close' : 'Cancel'}
        </button>
      </div>
    </form>
  );
}
