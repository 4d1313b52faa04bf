import { describe, expect, it } from 'vitest';
import { markdownZip } from '@/utils/library/export-markdown';
import { findMentions } from '@/utils/match/find-mentions';
import { buildLibraryRows } from '@/utils/library/query';
import { MAX_WATCH_TERMS } from '@/utils/settings/settings';
import { compileWatchFinder, composeFinders } from '@/utils/match/watch-finder';
import { readFixture } from '../support/fixtures';
import { generateLibrary } from '../support/library-data';

/**
 * `npm run bench`: the watch list's costs in Node. Compiling the reader's list (done once per page and
 * per change), the extra scan it adds to the knowledge-base pass over a real PMC article's text, and
 * the per-article Markdown zip. Prints figures; asserts only that things ran.
 */

const ROUNDS = 7;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
const time = (run: () => unknown) => {
  const xs: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const t = performance.now();
    run();
    xs.push(performance.now() - t);
  }
  return median(xs);
};

/** The visible text of the PMC capture (an NLP paper: the first watch term occurs in it), split as a page's text nodes roughly are (by line). */
const lines = readFixture('pmc-article/PMC8885717.html')
  .replace(/<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>/gi, ' ')
  .replace(/<[^>]+>/g, '\n')
  .split('\n')
  .filter((l) => l.trim());

const list = (n: number) =>
  Array.from({ length: n }, (_, i) => ({
    term: i === 0 ? 'natural language processing' : `watch term ${i}`,
    label: `Label ${i}`,
  }));

describe('watch-list bench', () => {
  it('compiles the list and scans a real article with and without it', () => {
    const scan = (find: (t: string) => unknown[]) => () => {
      for (const line of lines) find(line);
    };
    const known = (t: string) => findMentions(t);
    scan(known)();
    const rows: string[] = [];
    for (const n of [10, MAX_WATCH_TERMS]) {
      // First compile and first scan include the RegExp engine's own compile.
      const t = performance.now();
      const finder = compileWatchFinder(list(n));
      finder('warm-up');
      const firstMs = performance.now() - t;
      const composed = composeFinders(known, finder);
      const found = lines.reduce(
        (sum, line) => sum + composed(line).filter((m) => m.kind === 'watch').length,
        0,
      );
      expect(found).toBeGreaterThan(0);
      rows.push(
        `  ${String(n).padStart(3)} terms: compile+first ${firstMs.toFixed(2)} ms; scan ${lines.length} lines: knowledge base ${time(scan(known)).toFixed(2)} ms, with watch list ${time(scan(composed)).toFixed(2)} ms`,
      );
    }
    console.log(`\nWatch list (PMC8885717 text, median of ${ROUNDS}):\n${rows.join('\n')}`);
  });

  it('zips one Markdown file per article', () => {
    for (const size of [100, 1_000]) {
      const data = generateLibrary(size);
      const rows = buildLibraryRows(data.articles, data.notes, data.highlights);
      let bytes = 0;
      const ms = time(() => (bytes = markdownZip(rows, 0).length));
      expect(bytes).toBeGreaterThan(0);
      console.log(
        `Markdown zip, ${size} articles: ${ms.toFixed(1)} ms, ${(bytes / 1024).toFixed(0)} KB`,
      );
    }
  });
});
