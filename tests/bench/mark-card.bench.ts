// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { MARK_CARD_HOST, watchMarkCards } from '@/entrypoints/pubmed.content/term-marks/mark-card';
import { findMentions } from '@/utils/match/find-mentions';
import { applyTermMarks } from '@/utils/term-marks/mark-terms';
import { markCardFor } from '@/utils/term-marks/mark-card';

/**
 * `npm run bench`, mark card: what the card costs at page load (starting its listeners) and when a
 * mark is first focused (model built from the knowledge base, Preact render, placement), cold and
 * warm. In Node with happy-dom, so the figures are the script's own work, not a browser's layout.
 */
const TEXT =
  'Baricitinib, tofacitinib and ruxolitinib block JAK1, JAK2 and the JAK family; deucravacitinib ' +
  'blocks TYK2. Juvenile dermatomyositis with anti-MDA5 shows a type I interferon signature.';
const ROUNDS = 200;

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};
const fmt = (ms: number) => `${(ms * 1000).toFixed(1).padStart(8)} µs`;

describe('mark card bench', () => {
  it('start-up and model, first render and repeat open', () => {
    document.body.innerHTML = '<p id="t"></p>';
    document.getElementById('t')!.textContent = TEXT;
    const { marks } = applyTermMarks(document.body, (text) => findMentions(text));

    const starts: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      const t = performance.now();
      const stop = watchMarkCards({ doc: document });
      starts.push(performance.now() - t);
      stop();
    }

    // The knowledge-base model alone, first call per term (nothing cached yet).
    const model: [string, number][] = [];
    for (const mark of marks) {
      const term = mark.getAttribute('data-jl-term')!;
      if (model.some(([seen]) => seen === term)) continue;
      const t = performance.now();
      markCardFor(mark.getAttribute('data-jl-kind')!, term);
      model.push([term, performance.now() - t]);
    }

    const stop = watchMarkCards({ doc: document });
    const cold: [string, number][] = [];
    for (const mark of marks) {
      const term = mark.getAttribute('data-jl-term')!;
      if (cold.some(([seen]) => seen === term)) continue;
      const t = performance.now();
      mark.focus();
      cold.push([term, performance.now() - t]);
      mark.blur();
    }
    const warm: number[] = [];
    const first = marks[0]!;
    for (let i = 0; i < ROUNDS; i++) {
      const t = performance.now();
      first.focus();
      warm.push(performance.now() - t);
      first.blur();
    }
    first.focus();
    expect(document.querySelector(MARK_CARD_HOST)).not.toBeNull();
    stop();

    console.log(`\nMark card (happy-dom, ${ROUNDS} rounds)`);
    console.log(`  start listeners (page load)   median ${fmt(median(starts))}`);
    for (const [term, ms] of model) console.log(`  model ${term.padEnd(27)} ${fmt(ms)}`);
    for (const [term, ms] of cold) console.log(`  first render ${term.padEnd(20)} ${fmt(ms)}`);
    console.log(`  repeat open (warm)            median ${fmt(median(warm))}`);
  });
});
