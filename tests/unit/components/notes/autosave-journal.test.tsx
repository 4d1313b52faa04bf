// @vitest-environment happy-dom
import { act, renderHook } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useAutosave, type SaveOutcome } from '@/components/notes/use-autosave';

async function tick(ms: number) {
  await vi.advanceTimersByTimeAsync(ms);
}

/** A journal that records what it was told, in order. */
function recordingJournal() {
  const log: string[] = [];
  let held: string | null = null;
  return {
    log,
    held: () => held,
    write: (value: string) => {
      held = value;
      log.push(`write ${value}`);
    },
    clear: () => {
      held = null;
      log.push('clear');
    },
  };
}

describe('useAutosave with a journal and a maximum wait', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  function setup(save: (value: string) => Promise<SaveOutcome>, journal = recordingJournal()) {
    const win = new EventTarget();
    const doc = Object.assign(new EventTarget(), {
      visibilityState: 'visible' as DocumentVisibilityState,
    });
    const hook = renderHook(() =>
      useAutosave({ initial: 'stored', save, delay: 800, maxWait: 3000, journal, win, doc }),
    );
    return { hook, journal };
  }

  it('journals every change synchronously, before any save starts', () => {
    const save = vi.fn(async () => 'saved' as const);
    const { hook, journal } = setup(save);
    act(() => hook.result.current.setValue('a'));
    expect(journal.held()).toBe('a');
    act(() => hook.result.current.setValue('ab'));
    expect(journal.held()).toBe('ab');
    expect(save).not.toHaveBeenCalled();
    expect(journal.log).toEqual(['write a', 'write ab']);
  });

  it('clears the journal once the database confirms the latest text', async () => {
    const save = vi.fn(async () => 'saved' as const);
    const { hook, journal } = setup(save);
    act(() => hook.result.current.setValue('final'));
    await act(() => tick(800));
    expect(save).toHaveBeenCalledWith('final');
    expect(journal.held()).toBeNull();
  });

  it('keeps the journal when the save fails (the text waits there for the retry)', async () => {
    const save = vi.fn(async (): Promise<SaveOutcome> => {
      throw new Error('DatabaseClosedError');
    });
    const { hook, journal } = setup(save);
    act(() => hook.result.current.setValue('precious'));
    await act(() => tick(800));
    expect(save).toHaveBeenCalled();
    expect(journal.held()).toBe('precious');
  });

  it('writes the newer text again, not clears, when typing went on during the save', async () => {
    let finish: (outcome: SaveOutcome) => void = () => {};
    const save = vi.fn(() => new Promise<SaveOutcome>((resolve) => (finish = resolve)));
    const { hook, journal } = setup(save);
    act(() => hook.result.current.setValue('one'));
    await act(() => tick(800));
    act(() => hook.result.current.setValue('one two'));
    await act(async () => finish('saved'));
    expect(journal.held()).toBe('one two');
    expect(journal.log.at(-1)).toBe('write one two');
  });

  it('saves continuous typing at least every maxWait, not only after a pause', async () => {
    const save = vi.fn(async () => 'saved' as const);
    const { hook } = setup(save);
    let text = '';
    // A key every 200 ms for 10 s: never the 800 ms pause a pure debounce waits for.
    for (let i = 0; i < 50; i++) {
      text += 'x';
      act(() => hook.result.current.setValue(text));
      await act(() => tick(200));
    }
    const lengths = save.mock.calls.map((call) => (call as unknown as [string])[0].length);
    expect(lengths.length).toBeGreaterThanOrEqual(3);
    // Each save came no later than maxWait (3 s = 15 keys) after the text it missed began.
    for (let i = 1; i < lengths.length; i++)
      expect(lengths[i]! - lengths[i - 1]!).toBeLessThanOrEqual(16);
    expect(lengths[0]).toBeLessThanOrEqual(16);
  });

  it('a reset to stored text (a newer note loaded) clears the journal', () => {
    const save = vi.fn(async () => 'saved' as const);
    const { hook, journal } = setup(save);
    act(() => hook.result.current.setValue('draft'));
    act(() => hook.result.current.reset('newer stored'));
    expect(journal.held()).toBeNull();
  });
});
