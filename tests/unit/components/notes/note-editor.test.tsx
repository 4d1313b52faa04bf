// @vitest-environment happy-dom
import { act, fireEvent, render, renderHook, screen } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MarkdownPreview } from '@/components/notes/MarkdownPreview';
import { NoteEditor } from '@/components/notes/NoteEditor';
import { useAutosave, type SaveOutcome } from '@/components/notes/use-autosave';
import { parseInline } from '@/utils/markdown';

describe('MarkdownPreview', () => {
  it('renders paragraphs, line breaks, bold, italic, code and lists as elements', () => {
    const { container } = render(
      <MarkdownPreview
        source={
          'Dose **4 mg** daily, *not* 2.\nSee `CXCL10`.\n\n- skin\n- muscle\n\n1. first\n2. second'
        }
      />,
    );
    expect(container.querySelectorAll('p')).toHaveLength(1);
    expect(container.querySelector('p br')).not.toBeNull();
    expect(container.querySelector('strong')?.textContent).toBe('4 mg');
    expect(container.querySelector('em')?.textContent).toBe('not');
    expect(container.querySelector('code')?.textContent).toBe('CXCL10');
    expect([...container.querySelectorAll('ul li')].map((li) => li.textContent)).toEqual([
      'skin',
      'muscle',
    ]);
    expect(container.querySelectorAll('ol li')).toHaveLength(2);
  });

  it('links http(s) URLs only, opening safely', () => {
    const { container } = render(
      <MarkdownPreview
        source={
          '[trial](https://clinicaltrials.gov/x) [bad](javascript:alert(1)) [d](data:text/html,x)'
        }
      />,
    );
    const links = container.querySelectorAll('a');
    expect(links).toHaveLength(1);
    expect(links[0]?.getAttribute('href')).toBe('https://clinicaltrials.gov/x');
    expect(links[0]?.getAttribute('rel')).toBe('noopener noreferrer');
    expect(container.textContent).toContain('[bad](javascript:alert(1))');
  });

  it.each([
    '<img src=x onerror="alert(1)">',
    '<script>alert(1)</script>',
    '**<b onmouseover=alert(1)>x</b>**',
    '[<img src=x>](https://example.org)',
  ])('renders hostile note text as text: %s', (source) => {
    const { container } = render(<MarkdownPreview source={source} />);
    expect(container.querySelector('img, script, b')).toBeNull();
    expect(container.textContent).toContain('<');
  });

  it('leaves unmatched markers as text', () => {
    expect(parseInline('2 * 3 and snake_case_name and **open')).toEqual([
      { type: 'text', text: '2 * 3 and snake_case_name and **open' },
    ]);
  });
});

describe('NoteEditor', () => {
  const base = {
    value: 'Some text',
    status: 'reading' as const,
    tags: ['drug:baricitinib'],
    suggestions: ['drug:baricitinib', 'target:JAK1', 'review'],
    saveState: 'saved' as const,
    onChange: () => {},
    onStatusChange: () => {},
    onTagsChange: () => {},
  };

  it('sends text, status and tag changes out through callbacks', () => {
    const onChange = vi.fn();
    const onStatusChange = vi.fn();
    const onTagsChange = vi.fn();
    render(
      <NoteEditor
        {...base}
        onChange={onChange}
        onStatusChange={onStatusChange}
        onTagsChange={onTagsChange}
      />,
    );
    fireEvent.input(screen.getByLabelText('Note text'), { target: { value: 'New text' } });
    expect(onChange).toHaveBeenCalledWith('New text');
    fireEvent.change(screen.getByLabelText('Status'), { target: { value: 'key-paper' } });
    expect(onStatusChange).toHaveBeenCalledWith('key-paper');

    const input = screen.getByLabelText('Add a tag');
    fireEvent.input(input, { target: { value: ' Target : JAK2 ' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(onTagsChange).toHaveBeenLastCalledWith(['drug:baricitinib', 'target:JAK2']);
    fireEvent.click(screen.getByRole('button', { name: 'Remove tag drug:baricitinib' }));
    expect(onTagsChange).toHaveBeenLastCalledWith([]);
  });

  it('suggests existing tags and entities not already on the note, filtered by typing', () => {
    const onTagsChange = vi.fn();
    render(<NoteEditor {...base} onTagsChange={onTagsChange} />);
    const suggested = () =>
      screen
        .queryAllByRole('button')
        .map((b) => b.textContent)
        .filter((t) => t !== 'Preview');
    expect(suggested()).toEqual(expect.arrayContaining(['target:JAK1', 'review']));
    expect(suggested()).not.toContain('drug:baricitinib');
    fireEvent.input(screen.getByLabelText('Add a tag'), { target: { value: 'jak' } });
    fireEvent.click(screen.getByRole('button', { name: 'target:JAK1' }));
    expect(onTagsChange).toHaveBeenCalledWith(['drug:baricitinib', 'target:JAK1']);
  });

  it.each([
    ['saved', undefined, /^Saved$/],
    ['saving', undefined, /Saving/],
    ['error', 'QuotaExceededError: no room left', /Not saved: QuotaExceededError.*kept here/],
    ['conflict', undefined, /Another tab saved this note first.*conflict copy/],
  ] as const)('shows the %s state', (saveState, errorMessage, text) => {
    render(<NoteEditor {...base} saveState={saveState} errorMessage={errorMessage} />);
    expect(screen.getByRole('status').textContent).toMatch(text);
  });

  it('offers to retry now after an error', () => {
    const onRetry = vi.fn();
    render(<NoteEditor {...base} saveState="error" onRetry={onRetry} />);
    fireEvent.click(screen.getByRole('button', { name: 'Retry now' }));
    expect(onRetry).toHaveBeenCalledOnce();
  });

  it('previews the Markdown', () => {
    render(<NoteEditor {...base} value="**bold**" />);
    fireEvent.click(screen.getByRole('button', { name: 'Preview' }));
    expect(screen.getByText('bold').tagName).toBe('STRONG');
  });
});

/** Advances fake time and lets the saves it starts settle (act wants a Promise<void>). */
async function tick(ms: number): Promise<void> {
  await vi.advanceTimersByTimeAsync(ms);
}

describe('useAutosave', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  function setup(save: (value: string) => Promise<SaveOutcome>) {
    const win = new EventTarget();
    const doc = Object.assign(new EventTarget(), {
      visibilityState: 'visible' as DocumentVisibilityState,
    });
    const hook = renderHook(() =>
      useAutosave({ initial: 'stored', save, delay: 500, retryDelays: [1000, 4000], win, doc }),
    );
    return { hook, win, doc };
  }

  it('saves once, after the debounce, with the latest text', async () => {
    const save = vi.fn(async () => 'saved' as const);
    const { hook } = setup(save);
    act(() => hook.result.current.setValue('a'));
    await act(() => tick(300));
    act(() => hook.result.current.setValue('ab'));
    await act(() => tick(300));
    expect(save).not.toHaveBeenCalled();
    await act(() => tick(300));
    expect(save.mock.calls).toEqual([['ab']]);
    expect(hook.result.current.saveState).toBe('saved');
  });

  it('never labels unsaved text "saved", even during the debounce', async () => {
    const save = vi.fn(async () => 'saved' as const);
    const { hook } = setup(save);
    act(() => hook.result.current.setValue('typed'));
    expect(hook.result.current.saveState).toBe('saving');
    await act(() => tick(600));
    expect(hook.result.current.saveState).toBe('saved');
    // Typing and then undoing it leaves nothing unsaved, and nothing to send.
    act(() => hook.result.current.setValue('typed!'));
    act(() => hook.result.current.setValue('typed'));
    await act(() => tick(600));
    expect(hook.result.current.saveState).toBe('saved');
    expect(save).toHaveBeenCalledTimes(1);
  });

  it.each(['pagehide', 'visibilitychange'])('flushes at once on %s', async (event) => {
    const save = vi.fn(async () => 'saved' as const);
    const { hook, win, doc } = setup(save);
    act(() => hook.result.current.setValue('typed'));
    if (event === 'pagehide') win.dispatchEvent(new Event('pagehide'));
    else {
      doc.visibilityState = 'hidden';
      doc.dispatchEvent(new Event('visibilitychange'));
    }
    await act(() => tick(0));
    expect(save).toHaveBeenCalledWith('typed');
  });

  it('keeps the text on failure, shows the error and retries with backoff', async () => {
    const save = vi
      .fn<(value: string) => Promise<SaveOutcome>>()
      .mockRejectedValueOnce(new Error('QuotaExceededError: no room'))
      .mockRejectedValueOnce(new Error('DatabaseClosedError: closed'))
      .mockResolvedValue('saved');
    const { hook } = setup(save);
    act(() => hook.result.current.setValue('precious'));
    await act(() => tick(500));
    expect(hook.result.current).toMatchObject({
      value: 'precious',
      saveState: 'error',
      errorMessage: 'QuotaExceededError: no room',
    });
    await act(() => tick(1000));
    expect(save).toHaveBeenCalledTimes(2);
    expect(hook.result.current.errorMessage).toBe('DatabaseClosedError: closed');
    await act(() => tick(3999));
    expect(save).toHaveBeenCalledTimes(2);
    await act(() => tick(1));
    expect(save.mock.calls.map((c) => c[0])).toEqual(['precious', 'precious', 'precious']);
    expect(hook.result.current).toMatchObject({ saveState: 'saved', errorMessage: undefined });
  });

  it('runs one save at a time and then saves what was typed meanwhile', async () => {
    let finish: (outcome: SaveOutcome) => void = () => {};
    const save = vi.fn(
      (_value: string) => new Promise<SaveOutcome>((resolve) => (finish = resolve)),
    );
    const { hook } = setup(save);
    act(() => hook.result.current.setValue('one'));
    await act(() => tick(500));
    act(() => hook.result.current.setValue('one two'));
    await act(() => tick(500));
    expect(save).toHaveBeenCalledTimes(1); // the second waits for the first
    await act(async () => finish('saved'));
    await act(() => tick(0));
    expect(save.mock.calls.map((c) => c[0])).toEqual(['one', 'one two']);
    await act(async () => finish('saved'));
    expect(hook.result.current.saveState).toBe('saved');
  });

  it('surfaces a conflict, and reset() loads the newer stored text', async () => {
    const save = vi.fn(async () => 'conflict' as const);
    const { hook, win } = setup(save);
    act(() => hook.result.current.setValue('mine'));
    await act(() => tick(500));
    expect(hook.result.current).toMatchObject({ saveState: 'conflict', value: 'mine' });
    // The conflicting text is already kept as a copy: neither a retry nor a flush sends it again.
    win.dispatchEvent(new Event('pagehide'));
    await act(() => tick(60_000));
    expect(save).toHaveBeenCalledOnce();
    act(() => hook.result.current.reset('theirs'));
    expect(hook.result.current).toMatchObject({ saveState: 'saved', value: 'theirs' });
  });

  it('flushes unsaved text when the editor unmounts', async () => {
    const save = vi.fn(async () => 'saved' as const);
    const { hook } = setup(save);
    act(() => hook.result.current.setValue('last words'));
    hook.unmount();
    await vi.advanceTimersByTimeAsync(0);
    expect(save).toHaveBeenCalledWith('last words');
  });
});
