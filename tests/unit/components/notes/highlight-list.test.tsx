import { act, fireEvent, render, screen, within } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { HighlightList, type HighlightListItem } from '@/components/notes/HighlightList';
import { SelectionAction } from '@/components/overlays/SelectionAction';
import { ArticleNotes, toListItem } from '@/entrypoints/pubmed.content/article-notes';
import type { PageHighlight, UserHighlights } from '@/entrypoints/pubmed.content/user-highlights';
import type { Highlight } from '@/utils/storage/db';
import { readerClick } from '../../../support/trusted-events';

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

/** Stands in for the comment frame (an extension iframe in the product). */
const editorFor = (item: HighlightListItem) => (
  <p data-testid="comment-editor">editor of {item.id}</p>
);

function renderList(extra: Partial<Parameters<typeof HighlightList>[0]> = {}) {
  const onDelete = vi.fn();
  const onReveal = vi.fn();
  render(
    <HighlightList
      items={items}
      renderCommentEditor={editorFor}
      onDelete={onDelete}
      onReveal={onReveal}
      {...extra}
    />,
  );
  return { onDelete, onReveal };
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

  it("shows comments as text and opens the comment editor only on the reader's click", () => {
    renderList();
    expect(within(itemEl('b')).getByText('check the assay').tagName).toBe('P');
    // No text field in the list: comments are typed in the editor the caller renders (a frame).
    expect(document.querySelector('textarea, input')).toBeNull();
    const edit = within(itemEl('b')).getByText('Edit comment');
    fireEvent.click(edit);
    expect(screen.queryByTestId('comment-editor')).toBeNull();
    act(() => readerClick(edit));
    expect(screen.getByTestId('comment-editor').textContent).toBe('editor of b');
    act(() => readerClick(within(itemEl('b')).getByText('Done')));
    expect(screen.queryByTestId('comment-editor')).toBeNull();
    expect(within(itemEl('a')).getByText('Comment')).toBeTruthy();
  });

  it('opens the editor of the highlight the selection bar asks for', () => {
    renderList({ commentingId: 'a' });
    expect(screen.getByTestId('comment-editor').textContent).toBe('editor of a');
  });

  it("deletes by id on the reader's click, never on a synthetic one; reveals by id", () => {
    const { onDelete, onReveal } = renderList();
    fireEvent.click(within(itemEl('c')).getByText('Delete'));
    within(itemEl('c'))
      .getByText('Delete')
      .dispatchEvent(new MouseEvent('click', { bubbles: true }));
    expect(onDelete).not.toHaveBeenCalled();
    readerClick(within(itemEl('c')).getByText('Delete'));
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
    expect(onColorChange).not.toHaveBeenCalled();
    readerClick(within(itemEl('b')).getByLabelText('Colour purple'));
    expect(onColorChange).toHaveBeenCalledWith('b', 'purple');
  });

  it('renders quotes and comments as text, never as markup', () => {
    render(
      <HighlightList
        items={[
          {
            id: 'x',
            quote: '<img src=x onerror=alert(1)>',
            comment: '<script>alert(2)</script>',
            color: 'blue',
            orphaned: true,
          },
        ]}
        renderCommentEditor={editorFor}
        onDelete={() => undefined}
      />,
    );
    expect(document.querySelector('img, script')).toBeNull();
    expect(screen.getByText('<img src=x onerror=alert(1)>')).toBeTruthy();
    expect(screen.getByText('<script>alert(2)</script>')).toBeTruthy();
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
      onCommentRequest: () => () => undefined,
      setColor: vi.fn(async () => undefined),
      remove: vi.fn(async () => {
        throw new Error('No highlight a: it may have been deleted.');
      }),
      reveal: vi.fn(() => true),
    } as unknown as UserHighlights;
    render(<ArticleNotes articleKey="pmid:1" note={<p>note editor</p>} highlights={controller} />);
    expect(screen.getByText('note editor')).toBeTruthy();
    expect(screen.getByText('first')).toBeTruthy();

    listener!([
      { highlight: stored('b', 'second'), state: 'anchored', at: { root: 0, start: 0, end: 6 } },
    ]);
    expect(await screen.findByText('second')).toBeTruthy();
    expect(screen.queryByText('first')).toBeNull();

    readerClick(screen.getByText('Delete'));
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
  it("highlights in the chosen colour, or highlights to comment, on the reader's clicks only", () => {
    const onHighlight = vi.fn();
    const onComment = vi.fn();
    render(<SelectionAction onHighlight={onHighlight} onComment={onComment} />);
    // A page script's synthetic clicks do nothing.
    fireEvent.click(screen.getByText('Highlight'));
    fireEvent.click(screen.getByText('Comment…'));
    expect(onHighlight).not.toHaveBeenCalled();
    expect(onComment).not.toHaveBeenCalled();
    readerClick(screen.getByText('Highlight'));
    expect(onHighlight).toHaveBeenLastCalledWith('yellow');
    readerClick(screen.getByLabelText('Highlight blue'));
    expect(onHighlight).toHaveBeenLastCalledWith('blue');
    readerClick(screen.getByText('Comment…'));
    expect(onComment).toHaveBeenCalledOnce();
    // No text field: comments are typed in the panel's comment frame.
    expect(document.querySelector('textarea, input')).toBeNull();
  });
});
