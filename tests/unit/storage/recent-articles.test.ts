import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type JakLensDB } from '@/utils/storage/db';
import {
  clearRecent,
  listRecent,
  recordVisit,
  type SeenArticle,
} from '@/utils/storage/recent-articles';

const article = (pmid: string, title = `Article ${pmid}`): SeenArticle => ({
  key: `pmid:${pmid}`,
  pmid,
  title,
  journal: 'Pediatr Rheumatol Online J',
  year: 2021,
  url: `https://pubmed.ncbi.nlm.nih.gov/${pmid}/`,
});

describe('recent articles', () => {
  let db: JakLensDB;
  beforeEach(() => {
    db = openDatabase(`test-${crypto.randomUUID()}`);
  });
  afterEach(async () => {
    await db.delete();
  });

  it('lists visits newest first, one entry per article', async () => {
    await recordVisit(db, article('1'), 1000);
    await recordVisit(db, article('2'), 2000);
    await recordVisit(db, article('1'), 3000);
    const list = await listRecent(db);
    expect(list.map((e) => [e.pmid, e.seenAt])).toEqual([
      ['1', 3000],
      ['2', 2000],
    ]);
  });

  it('keeps the first-seen time of an article and updates its last visit', async () => {
    await recordVisit(db, article('1', 'Old title'), 1000);
    await recordVisit(db, article('1', 'New title'), 5000);
    expect(await db.articles.get('pmid:1')).toMatchObject({
      title: 'New title',
      firstSeen: 1000,
      lastSeen: 5000,
    });
  });

  it('drops the oldest entries beyond the cap', async () => {
    for (let i = 1; i <= 7; i++) await recordVisit(db, article(String(i)), i * 1000, 5);
    const list = await listRecent(db);
    expect(list.map((e) => e.pmid)).toEqual(['7', '6', '5', '4', '3']);
    // The articles themselves are kept: the cap trims the list, not what the reader has seen.
    expect(await db.articles.count()).toBe(7);
  });

  it('clears the list but keeps the articles', async () => {
    await recordVisit(db, article('1'), 1000);
    await clearRecent(db);
    expect(await listRecent(db)).toEqual([]);
    expect(await db.articles.count()).toBe(1);
  });
});
