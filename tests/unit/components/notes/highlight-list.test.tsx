// @vitest-environment happy-dom
import { fireEvent, render, screen, within } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { HighlightList, type HighlightListItem } from '@/components/notes/HighlightList';
import { SelectionAction } from '@/components/overlays/SelectionAction';
import { ArticleNotes, toListItem } from '@/entrypoints/pubmed.content/panel/article-notes';
import type {
  PageHighlight,
  ReaderHighlights,
} from '@/entrypoints/pubmed.content/reader-highlights/page-highlights';
import type { Highlight } from '@/utils/storage/db';
import {
  trustedChange,
  trustedClick,
  trustedInput,
  trustedKey,
} from '../../../support/trusted-events';

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
    trustedChange(box, 'check the assay');
    expect(onCommentChange).not.toHaveBeenCalled();
    trustedChange(box, 'assay differs from the trial');
    expect(onCommentChange).toHaveBeenCalledWith('b', 'assay differs from the trial');
  });

  it('deletes and reveals by id', () => {
    const { onDelete, onReveal } = renderList();
    trustedClick(within(itemEl('c')).getByText('Delete'));
    expect(onDelete).toHaveBeenCalledWith('c');
    trustedClick(within(itemEl('a')).getByTitle('Show on the page'));
    expect(onReveal).toHaveBeenCalledWith('a');
  });

  it('changes colour through the swatches when offered', () => {
    const onColorChange = vi.fn();
    renderList({ onColorChange });
    const pressed = within(itemEl('b')).getByLabelText('Colour green');
    expect(pressed.getAttribute('aria-pressed')).toBe('true');
    trustedClick(within(itemEl('b')).getByLabelText('Colour purple'));
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
    } as unknown as ReaderHighlights;
    render(<ArticleNotes note={<p>note editor</p>} highlights={controller} />);
    expect(screen.getByText('note editor')).toBeTruthy();
    expect(screen.getByText('first')).toBeTruthy();

    listener!([
      { highlight: stored('b', 'second'), state: 'anchored', at: { root: 0, start: 0, end: 6 } },
    ]);
    expect(await screen.findByText('second')).toBeTruthy();
    expect(screen.queryByText('first')).toBeNull();

    trustedChange(
      screen.getByLabelText('Comment on this highlight') as HTMLTextAreaElement,
      'why?',
    );
    expect(controller.setComment).toHaveBeenCalledWith('b', 'why?');
    trustedClick(screen.getByText('Delete'));
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
    trustedClick(screen.getByText('Highlight'));
    expect(onHighlight).toHaveBeenLastCalledWith('yellow');
    trustedClick(screen.getByLabelText('Highlight blue'));
    expect(onHighlight).toHaveBeenLastCalledWith('blue');
    trustedClick(screen.getByText('Comment…'));
    expect(onStartComment).toHaveBeenCalled();

    rerender(
      <SelectionAction
        commenting
        onHighlight={onHighlight}
        onStartComment={onStartComment}
        onCancel={() => undefined}
      />,
    );
    trustedInput(
      screen.getByLabelText('Comment for the highlight') as HTMLTextAreaElement,
      'compare with MDA5 cohort',
    );
    trustedClick(screen.getByText('Highlight with comment'));
    expect(onHighlight).toHaveBeenLastCalledWith('yellow', 'compare with MDA5 cohort');
  });
});

describe("a page script's synthetic events change nothing", () => {
  it('HighlightList: untrusted click, change and keys are ignored; the same real input acts', () => {
    const onColorChange = vi.fn();
    const { onCommentChange, onDelete, onReveal } = renderList({ onColorChange });
    const b = itemEl('b');
    const box = within(b).getByLabelText<HTMLTextAreaElement>('Comment on this highlight');
    const controls = [...document.querySelectorAll('button, textarea')];
    expect(controls.length).toBeGreaterThan(8);
    for (const el of controls) {
      fireEvent.click(el);
      (el as HTMLElement).click();
      fireEvent.keyDown(el, { key: 'Enter' });
      fireEvent.keyDown(el, { key: ' ' });
    }
    fireEvent.change(box, { target: { value: 'written by the page' } });
    fireEvent.input(box, { target: { value: 'written by the page' } });
    expect(onDelete).not.toHaveBeenCalled();
    expect(onReveal).not.toHaveBeenCalled();
    expect(onColorChange).not.toHaveBeenCalled();
    expect(onCommentChange).not.toHaveBeenCalled();

    // The reader's own input on the same controls still acts (the guard is not a dead switch).
    trustedClick(within(b).getByText('Delete'));
    trustedChange(box, 'the reader wrote this');
    expect(onDelete).toHaveBeenCalledWith('b');
    expect(onCommentChange).toHaveBeenCalledWith('b', 'the reader wrote this');
  });

  it('SelectionAction: no highlight, comment or save from untrusted events', () => {
    const onHighlight = vi.fn();
    const onStartComment = vi.fn();
    const onCancel = vi.fn();
    const props = { onHighlight, onStartComment, onCancel };
    const { rerender } = render(<SelectionAction commenting={false} {...props} />);
    for (const el of document.querySelectorAll('button')) {
      fireEvent.click(el);
      el.click();
    }
    expect(onHighlight).not.toHaveBeenCalled();
    expect(onStartComment).not.toHaveBeenCalled();

    rerender(<SelectionAction commenting {...props} />);
    const box = screen.getByLabelText<HTMLTextAreaElement>('Comment for the highlight');
    fireEvent.input(box, { target: { value: 'typed by the page' } });
    fireEvent.keyDown(box, { key: 'Enter', ctrlKey: true });
    fireEvent.keyDown(box, { key: 'Escape' });
    fireEvent.click(screen.getByText('Highlight with comment'));
    fireEvent.click(screen.getByText('Cancel'));
    expect(onHighlight).not.toHaveBeenCalled();
    expect(onCancel).not.toHaveBeenCalled();

    // The page's text never entered the box's state: a real save sends the reader's text only.
    trustedInput(box, 'mine');
    trustedKey(box, { key: 'Enter', ctrlKey: true });
    expect(onHighlight).toHaveBeenCalledWith('yellow', 'mine');
  });
});
