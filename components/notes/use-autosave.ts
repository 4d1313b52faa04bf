import { useCallback, useEffect, useRef, useState } from 'preact/hooks';

/** What the editor shows about its text. */
export type SaveState = 'saved' | 'saving' | 'error' | 'conflict';

/** A save's outcome; a failure is a rejected promise (its message is shown). */
export type SaveOutcome = 'saved' | 'conflict';

export interface AutosaveOptions<T> {
  /** The stored value the editor starts from (counts as saved). */
  initial: T;
  /** Stores a value. Injected so the hook knows nothing of messages or databases. */
  save: (value: T) => Promise<SaveOutcome>;
  /** Quiet time after the last change before saving, in ms. */
  delay?: number;
  /**
   * The longest unsaved text waits, in ms, however fast the reader keeps typing: not a pure debounce,
   * so a minute of typing without a pause is saved every few seconds.
   */
  maxWait?: number;
  /**
   * The synchronous draft journal (utils/storage/journals/draft-journal.ts; the note frame keeps one):
   * `write` runs on every change, before anything asynchronous, and `clear` once the database
   * holds the latest text.
   */
  journal?: { write: (value: T) => void; clear: () => void };
  /** The clock `maxWait` is measured with (tests pass their own). */
  now?: () => number;
  /** Waits before each retry after a failure, in ms; the last one repeats. */
  retryDelays?: readonly number[];
  equals?: (a: T, b: T) => boolean;
  /** Where `pagehide` and `visibilitychange` are listened for (tests pass their own). */
  win?: Pick<Window, 'addEventListener' | 'removeEventListener'>;
  doc?: Pick<Document, 'addEventListener' | 'removeEventListener' | 'visibilityState'>;
}

export interface Autosave<T> {
  value: T;
  setValue: (value: T) => void;
  saveState: SaveState;
  errorMessage?: string;
  /** Saves now (the debounce is skipped); resolves when the latest value is handled. */
  flush: () => Promise<void>;
  /** Replaces the text with a value known to be stored (a newer note loaded after a conflict). */
  reset: (value: T) => void;
}

const jsonEquals = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Debounced autosave (with a maximum wait) that never drops text. Every change is journaled
 * synchronously first when a journal is given. Saves run one at a time, each with the latest value; the
 * page hiding or closing flushes at once; a failed save keeps the text, says why, and retries with
 * backoff; a conflict (another tab saved first) is surfaced, and further edits save again.
 */
export function useAutosave<T>(options: AutosaveOptions<T>): Autosave<T> {
  const { delay = 800, maxWait = 2000, retryDelays = [1000, 2000, 5000, 10_000, 30_000] } = options;
  const [value, setValueState] = useState(options.initial);
  const [saveState, setSaveState] = useState<SaveState>('saved');
  const [errorMessage, setErrorMessage] = useState<string>();
  const latest = useRef(options.initial);
  const stored = useRef(options.initial);
  const inFlight = useRef<Promise<void> | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const failures = useRef(0);
  /** When the oldest change not yet handed to `save` was made; null when there is none. */
  const dirtySince = useRef<number | null>(null);
  const opts = useRef(options);
  opts.current = options;

  const schedule = useCallback((ms: number) => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void run(), ms);
  }, []);

  const run = useCallback((): Promise<void> => {
    clearTimeout(timer.current);
    // One save at a time: the next one must know this one's outcome (and the revision it made).
    if (inFlight.current) return inFlight.current.then(() => run());
    const equals = opts.current.equals ?? jsonEquals;
    const value = latest.current;
    dirtySince.current = null;
    if (equals(value, stored.current)) {
      opts.current.journal?.clear();
      // Typed and then undone: nothing to store, and nothing unsaved either.
      setSaveState((state) => (state === 'saving' ? 'saved' : state));
      return Promise.resolve();
    }
    setSaveState('saving');
    const attempt = (async () => {
      try {
        const outcome = await opts.current.save(value);
        failures.current = 0;
        // Saved, or kept as a conflict copy: either way this text is stored and need not be re-sent.
        stored.current = value;
        // The journal may go once the database holds the latest text; typed meanwhile, it is
        // written again (the caller's base, say a note revision, may have moved with this save).
        if (equals(latest.current, value)) opts.current.journal?.clear();
        else opts.current.journal?.write(latest.current);
        setErrorMessage(undefined);
        if (outcome === 'conflict') setSaveState('conflict');
        else if (equals(latest.current, value)) setSaveState('saved');
      } catch (error) {
        setErrorMessage(error instanceof Error ? error.message : String(error));
        setSaveState('error');
        const wait = retryDelays[Math.min(failures.current, retryDelays.length - 1)] ?? 1000;
        failures.current += 1;
        schedule(wait);
      } finally {
        inFlight.current = null;
      }
    })();
    inFlight.current = attempt;
    return attempt;
  }, []);

  const setValue = useCallback(
    (next: T) => {
      latest.current = next;
      // First, synchronously: this keystroke is on disk before the event handler returns.
      opts.current.journal?.write(next);
      setValueState(next);
      // Unsaved text must never be labelled "Saved", even during the debounce.
      setSaveState((state) => (state === 'saved' ? 'saving' : state));
      const now = (opts.current.now ?? Date.now)();
      dirtySince.current ??= now;
      schedule(Math.max(0, Math.min(delay, dirtySince.current + maxWait - now)));
    },
    [delay, maxWait],
  );

  const reset = useCallback((next: T) => {
    clearTimeout(timer.current);
    dirtySince.current = null;
    opts.current.journal?.clear();
    latest.current = next;
    stored.current = next;
    failures.current = 0;
    setValueState(next);
    setErrorMessage(undefined);
    setSaveState('saved');
  }, []);

  useEffect(() => {
    const win = options.win ?? window;
    const doc = options.doc ?? document;
    const onPageHide = () => void run();
    const onVisibility = () => {
      if (doc.visibilityState === 'hidden') void run();
    };
    win.addEventListener('pagehide', onPageHide);
    doc.addEventListener('visibilitychange', onVisibility);
    return () => {
      win.removeEventListener('pagehide', onPageHide);
      doc.removeEventListener('visibilitychange', onVisibility);
      // The editor closing is a flush too; the save outlives the component.
      void run();
    };
  }, []);

  return { value, setValue, saveState, errorMessage, flush: run, reset };
}
