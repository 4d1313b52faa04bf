import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { NewPapersList } from '@/components/library/NewPapersList';
import { TopicWatchList } from '@/components/library/TopicWatchList';
import { useLiveQuery } from '@/components/library/use-live-query';
import type { JakLensDB } from '@/utils/storage/db';
import type { TopicWatchMessage } from '@/utils/topic-watch/messages';
import type { PaperStatus, TopicWatch } from '@/utils/topic-watch/model';
import { DEFAULT_PREFS, type TopicWatchPrefs } from '@/utils/topic-watch/prefs';
import {
  loadTopicWatchPrefs,
  saveTopicWatchPrefs,
  watchTopicWatchPrefs,
} from '@/utils/settings/topic-watch-prefs';
import type { SaveResult } from '@/utils/topic-watch/service';
import { CHECK_EVERY_CHOICES } from '@/utils/topic-watch/schedule';
import { listPapers, listWatches } from '@/utils/topic-watch/store';

/** Sends a topic-watch message to the background (which owns NCBI access); throws its error. */
async function send<T>(message: TopicWatchMessage): Promise<T> {
  const reply = (await browser.runtime.sendMessage(message)) as
    { ok: true; data: T } | { ok: false; error: string } | undefined;
  if (!reply) throw new Error('JAK Lens could not reach its background page.');
  if (!reply.ok) throw new Error(reply.error);
  return reply.data;
}

/**
 * "New papers": what the reader's PubMed watches found, and the watches themselves. Reads the
 * database live; every change goes through the background, which updates the toolbar badge.
 */
export function NewPapersView({ db }: { db: JakLensDB }) {
  const { value: papers, error } = useLiveQuery(() => listPapers(db), [db]);
  const { value: watches } = useLiveQuery(() => listWatches(db), [db]);
  const [checking, setChecking] = useState(false);
  const [problem, setProblem] = useState<string>();
  const names = new Map((watches ?? []).map((w) => [w.id, w.name]));

  const act = async (work: () => Promise<unknown>) => {
    setProblem(undefined);
    try {
      await work();
    } catch (e) {
      setProblem(e instanceof Error ? e.message : String(e));
    }
  };
  const checkNow = (watch?: TopicWatch) =>
    void act(async () => {
      setChecking(true);
      try {
        await send({ type: 'topic-watch/check-now', ...(watch ? { id: watch.id } : {}) });
      } finally {
        setChecking(false);
      }
    });
  const setStatus = (pmids: string[], status: PaperStatus) =>
    void act(() => send({ type: 'topic-watch/set-status', pmids, status }));

  return (
    <>
      <section aria-labelledby="new-papers-heading">
        <h2 id="new-papers-heading">New papers</h2>
        {problem && <p role="alert">{problem}</p>}
        {error !== undefined && <p role="alert">Could not read the papers: {String(error)}</p>}
        {papers === undefined ? (
          <p>Loading…</p>
        ) : (
          <NewPapersList papers={papers} watchNames={names} onStatus={setStatus} />
        )}
      </section>
      <section aria-labelledby="topic-watches-heading">
        <h2 id="topic-watches-heading">PubMed watches</h2>
        <p class="hint">
          Each watch is a PubMed query, sent to NCBI (and nowhere else) when it is checked. Not the
          watch list of highlighted terms in Settings.
        </p>
        <TopicWatchList
          watches={watches ?? []}
          checking={checking}
          onCheckNow={checkNow}
          onDelete={(watch) => {
            if (confirm(`Delete the watch “${watch.name}”? The papers it found are kept.`)) {
              void act(() => send({ type: 'topic-watch/delete', id: watch.id }));
            }
          }}
          onSave={async (input) =>
            (await send<SaveResult>({ type: 'topic-watch/save', ...input })).warnings
          }
        />
        <AccessForm />
      </section>
    </>
  );
}

/** How often to check, and the reader's optional NCBI API key and e-mail (extension storage). */
function AccessForm() {
  const [prefs, setPrefs] = useState<TopicWatchPrefs>(DEFAULT_PREFS);
  const [draft, setDraft] = useState({ apiKey: '', email: '' });
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    void loadTopicWatchPrefs().then((p) => {
      setPrefs(p);
      setDraft({ apiKey: p.apiKey ?? '', email: p.email ?? '' });
    });
    return watchTopicWatchPrefs(setPrefs);
  }, []);
  const rejected =
    (draft.apiKey.trim() !== '' && draft.apiKey.trim() !== (prefs.apiKey ?? '')) ||
    (draft.email.trim() !== '' && draft.email.trim() !== (prefs.email ?? ''));
  return (
    <form
      class="topic-watch-form"
      onSubmit={(e) => {
        e.preventDefault();
        void saveTopicWatchPrefs({ apiKey: draft.apiKey, email: draft.email }).then((p) => {
          setPrefs(p);
          setSaved(true);
        });
      }}
    >
      <label>
        Check watches every
        <select
          value={String(prefs.checkEveryHours)}
          onChange={(e) =>
            void saveTopicWatchPrefs({ checkEveryHours: Number(e.currentTarget.value) })
          }
        >
          {CHECK_EVERY_CHOICES.map((h) => (
            <option key={h} value={String(h)}>
              {h < 24 ? `${h} hours` : h === 24 ? 'day' : `${h / 24} days`}
            </option>
          ))}
        </select>
      </label>
      <label>
        NCBI API key (optional: 10 requests a second instead of 3; sent only to NCBI)
        <input
          value={draft.apiKey}
          autoComplete="off"
          onInput={(e) => (setSaved(false), setDraft({ ...draft, apiKey: e.currentTarget.value }))}
        />
      </label>
      <label>
        Your e-mail for NCBI (optional: NCBI may write before blocking a misbehaving tool)
        <input
          type="email"
          value={draft.email}
          onInput={(e) => (setSaved(false), setDraft({ ...draft, email: e.currentTarget.value }))}
        />
      </label>
      {saved && rejected && (
        <p role="alert" class="topic-watch-failure">
          Not kept: an API key is 8–64 letters and digits, an e-mail has an @.
        </p>
      )}
      <button type="submit">Save NCBI access</button>
    </form>
  );
}
