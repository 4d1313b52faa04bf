// @vitest-environment happy-dom
import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { App } from '@/entrypoints/dashboard/App';
import type { JakLensDB } from '@/utils/storage/db';
import { readBackup } from '@/utils/library/export-json';
import { saveNote } from '@/utils/storage/notes-repository';
import { loadLastExportAt, loadSettings, saveSettings } from '@/utils/settings/store';
import { readFixture } from '../../../support/fixtures';
import { generateLibrary, seedLibrary } from '../../../support/library-data';
import { freshDatabase } from '../../../support/fresh-database';
import { InProcessLibraryWorker } from '../../../support/in-process-worker';

// The page's search worker, run in the test's thread (happy-dom has no Worker).
vi.stubGlobal('Worker', InProcessLibraryWorker);

describe('library page', () => {
  let db: JakLensDB;
  beforeEach(async () => {
    fakeBrowser.reset();
    db = freshDatabase();
    const data = generateLibrary(3);
    data.notes[1]!.body = 'The Gottron papules (xylophage sign) improved';
    await seedLibrary(db, data);
    globalThis.confirm = () => true;
  });
  afterEach(() => db.delete());

  const rowTitles = () =>
    [...document.querySelectorAll('.library-row .library-title')].map((a) => a.textContent);

  it('lists annotated articles and narrows them as the reader types', async () => {
    render(<App db={db} />);
    await waitFor(() => expect(rowTitles()).toHaveLength(3));
    fireEvent.input(screen.getByRole('searchbox'), { target: { value: 'XYLOPH' } });
    await waitFor(() => expect(rowTitles()).toEqual([expect.stringMatching(/^Article 1:/)]));
    // The count waits for the whole library (the first screen is only the latest notes).
    await waitFor(() => expect(screen.getByText('1 of 3 articles')).toBeTruthy());
  });

  it('updates live when a note is saved elsewhere', async () => {
    render(<App db={db} />);
    await waitFor(() => expect(rowTitles()).toHaveLength(3));
    await saveNote(db, {
      articleKey: 'pmid:42',
      body: 'written in a PubMed tab',
      tags: [],
      status: 'reading',
      baseRevision: 0,
    });
    await waitFor(() => expect(rowTitles()).toContain('pmid:42'));
  });

  it('opens an article, edits its note inline, deletes it and undoes the delete', async () => {
    render(<App db={db} />);
    const open = await screen.findByRole('button', { name: /^Open Article 0:/ });
    fireEvent.click(open);
    const editor = await screen.findByRole('textbox', { name: /note/i });
    fireEvent.input(editor, { target: { value: 'Edited in the library' } });
    await waitFor(() => expect(screen.getByText('Saved')).toBeTruthy(), { timeout: 5000 });
    await waitFor(async () =>
      expect((await db.notes.get('pmid:10000000'))?.body).toBe('Edited in the library'),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Delete note and highlights' }));
    await waitFor(() => expect(rowTitles()).toHaveLength(2));
    expect(await db.highlights.where('articleKey').equals('pmid:10000000').count()).toBe(0);
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    await waitFor(() => expect(rowTitles()).toHaveLength(3));
    expect(await db.highlights.where('articleKey').equals('pmid:10000000').count()).toBe(2);
  });

  it('imports a backup after a preview, and refuses a bad file with an alert and no write', async () => {
    render(<App db={db} />);
    await waitFor(() => expect(rowTitles()).toHaveLength(3));
    const before = await readBackup(db, undefined, 0);
    const input = screen.getByLabelText('Backup file to import') as HTMLInputElement;
    const choose = (name: string) => {
      const file = new File([readFixture(`imports/${name}`)], name, { type: 'application/json' });
      Object.defineProperty(input, 'files', { value: [file], configurable: true });
      fireEvent.change(input);
    };
    choose('wrong-type.json');
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('record notes[1], field body');
    expect(await readBackup(db, undefined, 0)).toEqual(before);

    choose('valid-v1.json');
    await screen.findByText(/adds 2 articles/);
    fireEvent.click(screen.getByRole('button', { name: 'Import' }));
    await screen.findByText(/^Imported:/);
    await waitFor(() => expect(rowTitles()).toHaveLength(5));
  });

  it('adds a tag to the selection and filters by it', async () => {
    render(<App db={db} />);
    await waitFor(() => expect(rowTitles()).toHaveLength(3));
    fireEvent.click(screen.getByRole('checkbox', { name: /^Select Article 2:/ }));
    const bar = screen.getByRole('group', { name: 'Selected articles' });
    fireEvent.input(within(bar).getByRole('textbox'), { target: { value: 'to cite' } });
    fireEvent.click(within(bar).getByRole('button', { name: 'Add tag' }));
    await waitFor(async () =>
      expect((await db.notes.get('pmid:10000002'))?.tags).toContain('to cite'),
    );
    await waitFor(() => expect(screen.getAllByRole('option', { name: 'to cite' }).length).toBe(2));
    fireEvent.change(screen.getByRole('combobox', { name: /^Tag/ }), {
      target: { value: 'to cite' },
    });
    await waitFor(() => expect(rowTitles()).toEqual([expect.stringMatching(/^Article 2:/)]));
  });

  it('saves settings to extension storage and empties the trash', async () => {
    render(<App db={db} />);
    fireEvent.click(screen.getByRole('button', { name: 'Settings' }));
    fireEvent.click(await screen.findByRole('checkbox', { name: 'PubMed' }));
    await waitFor(async () => expect((await loadSettings()).sites.pubmed).toBe(false));
    await db.trash.add({
      id: 't1',
      articleKey: 'pmid:1',
      body: 'old',
      tags: [],
      status: 'read',
      revision: 1,
      createdAt: 0,
      updatedAt: 0,
      deletedAt: 0,
      reason: 'deleted',
    });
    fireEvent.click(screen.getByRole('button', { name: 'Trash' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Empty trash' }));
    await waitFor(async () => expect(await db.trash.count()).toBe(0));
  });

  it('reminds the reader to back up after N new notes, until an export', async () => {
    await saveSettings({ backupReminderAfter: 2 });
    const created = vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:test');
    const clicked = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    render(<App db={db} />);
    await screen.findByText(/3 new notes since your last backup/);
    fireEvent.click(screen.getByRole('button', { name: 'Download' }));
    await waitFor(() => expect(clicked).toHaveBeenCalled());
    expect(created.mock.lastCall?.[0]).toBeInstanceOf(Blob);
    await waitFor(() => expect(screen.queryByText(/since your last backup/)).toBeNull());
    expect(await loadLastExportAt()).toBeGreaterThan(0);
    created.mockRestore();
    clicked.mockRestore();
  });

  it('edits a highlight comment inline and downloads the article as Markdown', async () => {
    const created = vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:test');
    const clicked = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    render(<App db={db} />);
    fireEvent.click(await screen.findByRole('button', { name: /^Open Article 0:/ }));
    const comments = await screen.findAllByRole('textbox', { name: 'Comment' });
    fireEvent.input(comments[0]!, { target: { value: 'check the dose' } });
    // Journaled from the input itself, before the box is left (a closed tab keeps it).
    const key = 'jak-lens:comment-draft:h-0-0';
    await waitFor(async () =>
      expect((await fakeBrowser.storage.local.get(key))[key]).toMatchObject({
        highlightId: 'h-0-0',
        comment: 'check the dose',
      }),
    );
    fireEvent.blur(comments[0]!);
    await waitFor(async () =>
      expect((await db.highlights.get('h-0-0'))?.comment).toBe('check the dose'),
    );
    // Saved: the journal entry is gone.
    await waitFor(async () => expect(await fakeBrowser.storage.local.get(key)).toEqual({}));
    fireEvent.click(screen.getByRole('button', { name: 'Download as Markdown' }));
    const blob = created.mock.lastCall?.[0] as Blob;
    const markdown = await blob.text();
    expect(markdown).toMatch(/^---\npmid: "10000000"/);
    expect(markdown).toContain('check the dose');
    expect(clicked).toHaveBeenCalled();
    created.mockRestore();
    clicked.mockRestore();
  });
});
