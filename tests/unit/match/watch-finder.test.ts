// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { findMentions } from '@/utils/match/find-mentions';
import { applyTermMarks } from '@/utils/term-marks/mark-terms';
import { termMarkSettingsCss } from '@/utils/term-marks/settings-css';
import type { Mention } from '@/utils/match/mention';
import { DEFAULT_SETTINGS, MAX_WATCH_TERMS, type WatchTerm } from '@/utils/settings/settings';
import { compileWatchFinder, composeFinders, watchTermId } from '@/utils/match/watch-finder';

const watch = (...terms: [term: string, label: string][]): WatchTerm[] =>
  terms.map(([term, label]) => ({ term, label }));

/** The matched texts and labels, in order. */
function found(list: WatchTerm[], text: string): [string, string | undefined][] {
  return compileWatchFinder(list)(text).map((m) => [text.slice(m.start, m.end), m.label]);
}

describe('watch-list finder', () => {
  it('finds nothing for an empty list, or one with only invalid items', () => {
    expect(compileWatchFinder([])('anti-MDA5 antibodies')).toEqual([]);
    expect(compileWatchFinder(watch(['x', 'too short'], ['  ', 'blank']))('x x x')).toEqual([]);
  });

  it('matches regular-expression metacharacters literally', () => {
    const list = watch(['C3 (low)', 'C'], ['a.b', 'dot'], ['[x]*', 'brackets'], ['IL-6+', 'IL']);
    expect(found(list, 'axb, a.b; C3 (low) and C3 low; [x]* not [x]]; IL-6+ cells, IL-6')).toEqual([
      ['a.b', 'dot'],
      ['C3 (low)', 'C'],
      ['[x]*', 'brackets'],
      ['IL-6+', 'IL'],
    ]);
  });

  it('survives a term that would be a catastrophic pattern if it were not escaped', () => {
    const finder = compileWatchFinder(watch(['(a+)+$', 'evil']));
    expect(finder(`${'a'.repeat(40)}!`)).toEqual([]);
    expect(finder('x (a+)+$ y')).toHaveLength(1);
  });

  it('matches whole words only, case-insensitively, across any white space', () => {
    const list = watch(['MDA5', 'antibody'], ['interferon signature', 'IFN']);
    expect(found(list, 'MDA5 mda5 xMDA5 MDA56 MDA5-positive Interferon\n  SIGNATURE')).toEqual([
      ['MDA5', 'antibody'],
      ['mda5', 'antibody'],
      ['MDA5', 'antibody'],
      ['Interferon\n  SIGNATURE', 'IFN'],
    ]);
  });

  it('takes the longest of overlapping terms, and the leftmost', () => {
    const list = watch(['MDA5', 'short'], ['anti-MDA5 antibody', 'long'], ['antibody titre', 'x']);
    expect(found(list, 'anti-MDA5 antibody titre; MDA5')).toEqual([
      ['anti-MDA5 antibody', 'long'],
      ['MDA5', 'short'],
    ]);
  });

  it('handles Unicode: case folding beyond ASCII, letters as boundaries, UTF-16 offsets', () => {
    const list = watch(['Sjögren', 'SS'], ['naïve', 'n'], ['Ärzte', 'a']);
    const text = '🧪 SJÖGREN syndrome, naïveté, naïve T cells, ärzte';
    const mentions = compileWatchFinder(list)(text);
    expect(mentions.map((m) => text.slice(m.start, m.end))).toEqual(['SJÖGREN', 'naïve', 'ärzte']);
    // The emoji is two UTF-16 code units: offsets count them, as the DOM's do.
    expect(mentions[0]!.start).toBe(3);
  });

  it('gives each term a stable id and keeps the first label of a repeated term', () => {
    const mentions = compileWatchFinder(watch(['Anti  MDA5', 'first'], ['anti mda5', 'second']))(
      'ANTI MDA5',
    );
    expect(mentions).toEqual([
      { start: 0, end: 9, kind: 'watch', termId: 'watch:anti mda5', label: 'first' },
    ]);
    expect(watchTermId(' Anti\tMDA5 ')).toBe('watch:anti mda5');
  });

  it('caps the list as the settings schema does', () => {
    const list = Array.from({ length: MAX_WATCH_TERMS + 20 }, (_, i) => ({
      term: `term${i}`,
      label: `L${i}`,
    }));
    const finder = compileWatchFinder(list);
    expect(finder('term0')).toHaveLength(1);
    expect(finder(`term${MAX_WATCH_TERMS - 1}`)).toHaveLength(1);
    expect(finder(`term${MAX_WATCH_TERMS}`)).toEqual([]);
  });
});

describe('knowledge base and watch list in one finder', () => {
  const text = 'Baricitinib therapy in juvenile dermatomyositis with calcinosis.';
  const finder = composeFinders(
    (t) => findMentions(t),
    compileWatchFinder(watch(['baricitinib therapy', 'overlaps'], ['calcinosis', 'skin'])),
  );

  it('gives the knowledge base precedence on overlap and keeps the rest in text order', () => {
    const mentions = finder(text);
    const kinds = mentions.map((m: Mention) => [text.slice(m.start, m.end), m.kind]);
    expect(kinds).toContainEqual(['Baricitinib', 'drug']);
    expect(kinds).toContainEqual(['calcinosis', 'watch']);
    expect(kinds.filter(([, kind]) => kind === 'watch')).toEqual([['calcinosis', 'watch']]);
    const starts = mentions.map((m) => m.start);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
  });

  it('never gives the knowledge-base finder (the classifier’s) a watch mention', () => {
    expect(findMentions(text).every((m) => m.kind !== 'watch')).toBe(true);
  });

  it('marks a watch term with its kind and label as attributes, never as markup', () => {
    document.body.innerHTML = '<p>Treated for calcinosis; baricitinib.</p>';
    const hostile = composeFinders(
      (t) => findMentions(t),
      compileWatchFinder(watch(['calcinosis', '<img src=x onerror=alert(1)>'])),
    );
    const result = applyTermMarks(document.body, hostile);
    const mark = document.querySelector("jl-mark[data-jl-kind='watch']")!;
    expect(mark.textContent).toBe('calcinosis');
    expect(mark.getAttribute('data-jl-term')).toBe('watch:calcinosis');
    expect(mark.getAttribute('data-jl-label')).toBe('<img src=x onerror=alert(1)>');
    expect(document.querySelector('img')).toBeNull();
    expect(
      document.querySelector("jl-mark[data-jl-kind='drug']")?.hasAttribute('data-jl-label'),
    ).toBe(false);
    result.undo();
    expect(document.body.innerHTML).toBe('<p>Treated for calcinosis; baricitinib.</p>');
  });

  it('has its own highlight switch and colour in the settings CSS', () => {
    const kinds = DEFAULT_SETTINGS.termMarkKinds;
    const css = termMarkSettingsCss({ ...kinds, watch: { ...kinds.watch, enabled: false } });
    expect(css).toMatch(/jl-mark\[data-jl-kind='watch'\] \{ background-color: transparent;/);
    expect(termMarkSettingsCss(kinds)).toBe('');
  });
});
