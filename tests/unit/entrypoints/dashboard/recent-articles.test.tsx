// @vitest-environment happy-dom
import { render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '@/entrypoints/dashboard/App';
import type { JakLensDB } from '@/utils/storage/db';
import { recordVisit } from '@/utils/storage/recent-articles';
import { freshDatabase } from '../../../support/fresh-database';
import { InProcessLibraryWorker } from '../../../support/in-process-worker';

// The page's search worker, run in the test's thread (happy-dom has no Worker).
vi.stubGlobal('Worker', InProcessLibraryWorker);

describe('library page', () => {
  let db: JakLensDB;
  beforeEach(() => {
    db = freshDatabase();
  });
  afterEach(async () => {
    await db.delete();
  });

  it('updates live when the background records a visit', async () => {
    render(<App db={db} />);
    await screen.findByText(/No articles yet/);
    await recordVisit(db, {
      key: 'pmid:9',
      pmid: '9',
      title: 'A JDM paper',
      url: 'https://pubmed.ncbi.nlm.nih.gov/9/',
    });
    await screen.findByText('A JDM paper');
  });

  it('clears the list after confirmation', async () => {
    await recordVisit(db, {
      key: 'pmid:9',
      pmid: '9',
      title: 'A JDM paper',
      url: 'https://pubmed.ncbi.nlm.nih.gov/9/',
    });
    globalThis.confirm = () => true;
    render(<App db={db} />);
    await screen.findByText('A JDM paper');
    screen.getByRole('button', { name: 'Clear list' }).click();
    await waitFor(() => expect(screen.queryByText('A JDM paper')).toBeNull());
    expect(await db.recent.count()).toBe(0);
  });
});
