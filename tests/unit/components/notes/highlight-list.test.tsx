import { fireEvent, render, screen, within } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { HighlightList, type HighlightListItem } from '@/components/notes/HighlightList';
import { SelectionAction } from '@/components/overlays/SelectionAction';
import { ArticleNotes, toListItem } from '@/entrypoints/pubmed.content/article-notes';
import type { PageHighlight, UserHighlights } from '@/entrypoints/pubmed.content/user-highlights';
import type { Highlight } from '@/utils/storage/db';

const items: HighlightListItem[] = [
  { id: 'a', quote: 'baricitinib improved skin disease', color: 'yellow', orphaned: false },
  {
    id: 'b',
    quote: 'interferon score fell',
    color: 'green',
    comment: 'check the assay',
    orphaned: false,
  },
  { id: 'c', quote: 'a sentence the authors later removed', color: 'pink', orphaned: true },
];

function renderList(extra: Partial<Parameters<typeof HighlightList>[0]> = {}) {
  const onCommentChange = vi.fn();
  const onDelete = vi.fn();
  const onReveal = vi.fn();
  render(
    <HighlightList
      items={items}
      onCommentChange={onCommentChange}
      onDelete={onDelete}
      onReveal={onReveal}
      {...extra}
    />,
  );
  return { onCommentChange, onDelete, onReveal };
}

const itemEl = (id: string) => document.querySelector<HTMLElement>(`[data-jl-highlight="${id}"]`)!;

describe('HighlightList', () => {
  it('lists an orphan apart, with its text', () => {
    renderList();
    const orphans = screen.getByText(/Orphaned — text not found on this page/).parentElement!;
    expect(within(orphans).getByText('a sentence the authors later removed')).toBeTruthy();
    expect(within(orphans).queryByText('baricitinib improved skin disease')).toBeNull();
    expect(itemEl('c').getAttribute('data-orphaned')).toBe('true');
    // Only anchored highlights offer "show on the page".
    expect(within(itemEl('c')).queryByTitle('Show on the page')).toBeNull();
  });

  it('calls back with the edited comment when the box is left, and not when unchanged', () => {
    const { onCommentChange } = renderList();
    const box = within(itemEl('b')).getByLabelText<HTMLTextAreaElement>(
      'Comment on this highlight',
    );
    expect(box.value).toBe('check the assay');
    fireEvent.change(box, { target: { value: 'check the assay' } });
    expect(onCommentChange).not.toHaveBeenCalled();
    fireEvent.change(box, { target: { value: 'assay differs from the trial' } });
    expect(onCommentChange).toHaveBeenCalledWith('b', 'assay differs from the trial');
  });

  it('deletes and reveals by id', () => {
    const { onDelete, onReveal } = renderList();
    fireEvent.click(within(itemEl('c')).getByText('Delete'));
    expect(onDelete).toHaveBeenCalledWith('c');
    fireEvent.click(within(itemEl('a')).getByTitle('Show on the page'));
    expect(onReveal).toHaveBeenCalledWith('a');
  });

  it('changes colour through the swatches when offered', () => {
    const onColorChange = vi.fn();
    renderList({ onColorChange });
    const pressed = within(itemEl('b')).getByLabelText('Colour green');
    expect(pressed.getAttribute('aria-pressed')).toBe('true');
    fireEvent.click(within(itemEl('b')).getByLabelText('Colour purple'));
    expect(onColorChange).toHaveBeenCalledWith('b', 'purple');
  });

  it('renders quotes and comments as text, never as markup', () => {
    render(
      <HighlightList
        items={[{ id: 'x', quote: '<img src=x onerror=alert(1)>', color: 'blue', orphaned: true }]}
        onCommentChange={() => undefined}
        onDelete={() => undefined}
      />,
    );
    expect(document.querySelector('img')).toBeNull();
    expect(screen.getByText('<img src=x onerror=alert(1)>')).toBeTruthy();
  });
});

describe('ArticleNotes', () => {
  const stored = (id: string, exact: string): Highlight => ({
    id,
    articleKey: 'pmid:1',
    textQuote: { exact, prefix: '', suffix: '' },
    textPosition: { start: 0, end: exact.length },
    color: 'yellow',
    createdAt: 1,
    updatedAt: 1,
  });

  it('follows the page controller and routes edits to it', async () => {
    let listener: ((list: readonly PageHighlight[]) => void) | undefined;
    const controller = {
      highlights: [{ highlight: stored('a', 'first'), state: 'orphaned' }] as PageHighlight[],
      subscribe: (l: typeof listener) => {
        listener = l;
        return () => undefined;
      },
      setComment: vi.fn(async () => undefined),
      setColor: vi.fn(async () => undefined),
      remove: vi.fn(async () => {
        throw new Error('No highlight a: it may have been deleted.');
      }),
      reveal: vi.fn(() => true),
    } as unknown as UserHighlights;
    render(<ArticleNotes note={<p>note editor</p>} highlights={controller} />);
    expect(screen.getByText('note editor')).toBeTruthy();
    expect(screen.getByText('first')).toBeTruthy();

    listener!([
      { highlight: stored('b', 'second'), state: 'anchored', at: { root: 0, start: 0, end: 6 } },
    ]);
    expect(await screen.findByText('second')).toBeTruthy();
    expect(screen.queryByText('first')).toBeNull();

    fireEvent.change(screen.getByLabelText('Comment on this highlight'), {
      target: { value: 'why?' },
    });
    expect(controller.setComment).toHaveBeenCalledWith('b', 'why?');
    fireEvent.click(screen.getByText('Delete'));
    expect(await screen.findByRole('alert')).toHaveProperty(
      'textContent',
      'No highlight a: it may have been deleted.',
    );
  });

  it('maps a page highlight to a list item', () => {
    const item = toListItem({
      highlight: { ...stored('a', 'q'), comment: 'c' },
      state: 'orphaned',
    });
    expect(item).toEqual({ id: 'a', quote: 'q', color: 'yellow', comment: 'c', orphaned: true });
  });
});

describe('SelectionAction', () => {
  it('highlights in the chosen colour, or with a comment', () => {
    const onHighlight = vi.fn();
    const onStartComment = vi.fn();
    const { rerender } = render(
      <SelectionAction
        commenting={false}
        onHighlight={onHighlight}
        onStartComment={onStartComment}
        onCancel={() => undefined}
      />,
    );
    fireEvent.click(screen.getByText('Highlight'));
    expect(onHighlight).toHaveBeenLastCalledWith('yellow');
    fireEvent.click(screen.getByLabelText('Highlight blue'));
    expect(onHighlight).toHaveBeenLastCalledWith('blue');
    fireEvent.click(screen.getByText('Comment…'));
    expect(onStartComment).toHaveBeenCalled();

    rerender(
      <SelectionAction
        commenting
        onHighlight={onHighlight}
        onStartComment={onStartComment}
        onCancel={() => undefined}
      />,
    );
    fireEvent.input(screen.getByLabelText('Comment for the highlight'), {
      target: { value: 'compare with MDA5 cohort' },
    });
    fireEvent.click(screen.getByText('Highlight with comment'));
    expect(onHighlight).toHaveBeenLastCalledWith('yellow', 'compare with MDA5 cohort');
  });
});
