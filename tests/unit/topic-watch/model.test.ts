import { describe, expect, it } from 'vitest';
import {
  comparePapers,
  DEFAULT_WATCH,
  validateWatchInput,
  type WatchPaper,
} from '../../../utils/topic-watch/model';
import { normalizePrefs } from '../../../utils/topic-watch/prefs';

const paper = (pmid: string, over: Partial<WatchPaper>): WatchPaper => ({
  pmid,
  title: pmid,
  relevance: 'none',
  disease: null,
  inhibitors: [],
  watchIds: [],
  status: 'new',
  foundAt: 0,
  ...over,
});

describe('the default watch', () => {
  it('asks for myositis (MeSH and text words) AND JAK inhibition (MeSH action and inhibitors by name)', () => {
    const [disease, jak] = DEFAULT_WATCH.query.split(') AND (');
    expect(disease).toContain('myositis[MeSH Terms]');
    expect(disease).toContain('dermatomyositis[Title/Abstract]');
    expect(jak).toContain('"Janus Kinase Inhibitors"[Pharmacological Action]');
    for (const drug of ['baricitinib', 'tofacitinib', 'ruxolitinib', 'upadacitinib']) {
      expect(jak).toContain(`${drug}[Title/Abstract]`);
    }
  });
});

describe('validateWatchInput', () => {
  it('trims, names an unnamed watch after its query, and refuses empty or over-long queries', () => {
    expect(validateWatchInput({ name: '  ', query: '  jdm AND tofacitinib ' })).toEqual({
      ok: true,
      value: { name: 'jdm AND tofacitinib', query: 'jdm AND tofacitinib', paused: false },
    });
    expect(validateWatchInput({ name: 'x', query: ' ' })).toMatchObject({ ok: false });
    expect(validateWatchInput({ name: 'x', query: 'a'.repeat(4001) })).toEqual({
      ok: false,
      error: 'The query is longer than 4000 characters.',
    });
  });
});

describe('comparePapers', () => {
  it('puts unseen first, then core articles, then the newest', () => {
    const list = [
      paper('1', { status: 'seen', relevance: 'core', foundAt: 9 }),
      paper('2', { foundAt: 5 }),
      paper('3', { relevance: 'core', foundAt: 1 }),
      paper('4', { foundAt: 5, year: 2026 }),
      paper('5', { foundAt: 7 }),
    ];
    expect(list.sort(comparePapers).map((p) => p.pmid)).toEqual(['3', '5', '4', '2', '1']);
  });
});

describe('normalizePrefs', () => {
  it('keeps valid values and drops damaged ones', () => {
    expect(normalizePrefs(undefined)).toEqual({ checkEveryHours: 24 });
    expect(
      normalizePrefs({ checkEveryHours: 6, apiKey: ' abcdef0123456789 ', email: 'a@b.org' }),
    ).toEqual({ checkEveryHours: 6, apiKey: 'abcdef0123456789', email: 'a@b.org' });
    expect(normalizePrefs({ checkEveryHours: 0.5, apiKey: 'x&y=1', email: 'nobody' })).toEqual({
      checkEveryHours: 24,
    });
  });
});
