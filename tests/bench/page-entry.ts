/**
 * The in-page half of `npm run bench`, bundled by tests/bench/run.mjs and injected into the PMC
 * capture. It exposes `window.__jlBench`; each call does one measured thing so Node can alternate
 * the contenders and restore a fresh DOM between runs.
 */

import { applyTermMarks, applyTermMarksChunked } from '../../utils/term-marks/mark-terms';
import type { MentionFinder } from '../../utils/match/mention';
// The finder under test. After the knowledge base lands, switch with this one line:
//   import { findMentions as benchFinder } from '../../utils/match/find-mentions';
import { benchFinder } from './bench-finder';
import { BENCH_REGEXP, BENCH_TERMS } from './bench-finder';
import { findMentions, getDefaultMatcher } from '../../utils/match/find-mentions';

const find: MentionFinder = benchFinder;

/** The part of mark.js 8.11 the bench calls (its global build is injected separately). */
interface MarkInstance {
  markRegExp(re: RegExp, options?: object): void;
  mark(terms: string[], options?: object): void;
}
type MarkConstructor = new (context: Element) => MarkInstance;

/** The part of a PerformanceLongAnimationFrameTiming entry we read (not in TypeScript's DOM lib). */
interface LongAnimationFrame extends PerformanceEntry {
  renderStart: number;
  blockingDuration: number;
}

export type Contender =
  'floor' | 'writeFloor' | 'jaklens' | 'markRegExp' | 'markTerms' | 'realFloor' | 'realJaklens';

/** The knowledge base's own combined RegExp, for the floor of the real-finder rows. */
const REAL_REGEXP = new RegExp(getDefaultMatcher().source, 'gi');
/** The real knowledge-base matcher, as the content script calls it (without article context). */
const realFind: MentionFinder = (text) => findMentions(text);

const original = document.body.cloneNode(true) as HTMLElement;
let pristine = original;

/** (a) The floor: walk every text node and run the combined RegExp over it; no DOM change. */
function runFloor(root: Element, re: RegExp = BENCH_REGEXP): number {
  // The RegExp is compiled once, at load, as a finder's is: compiling the knowledge base's
  // alternation on every run would cost more than the scan.
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  let count = 0;
  for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
    const data = (node as Text).data;
    re.lastIndex = 0;
    while (re.exec(data) !== null) count++;
  }
  return count;
}

/**
 * (a2) The write floor: the same walk and scan, then the least DOM writing any wrapping
 * highlighter must do (one element per match, one replaceWith per node), with no exclusion
 * checks and no undo records. Shows how much of (b) is the browser's DOM insertion itself.
 */
function runWriteFloor(root: Element): number {
  const re = BENCH_REGEXP;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const hits: [Text, RegExpExecArray[]][] = [];
  for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
    const data = (node as Text).data;
    const found: RegExpExecArray[] = [];
    re.lastIndex = 0;
    for (let m = re.exec(data); m !== null; m = re.exec(data)) found.push(m);
    if (found.length > 0) hits.push([node as Text, found]);
  }
  let count = 0;
  for (const [node, found] of hits) {
    const data = node.data;
    const items: (string | Element)[] = [];
    let pos = 0;
    for (const m of found) {
      if (m.index > pos) items.push(data.slice(pos, m.index));
      const mark = document.createElement('jl-mark');
      mark.textContent = m[0];
      items.push(mark);
      pos = m.index + m[0].length;
      count++;
    }
    if (pos < data.length) items.push(data.slice(pos));
    node.replaceWith(...items);
  }
  return count;
}

function runMark(root: Element, how: 'markRegExp' | 'markTerms'): number {
  const Mark = (window as unknown as { Mark: MarkConstructor }).Mark;
  let count = 0;
  const options = { element: 'mark', each: () => count++ };
  const instance = new Mark(root);
  if (how === 'markRegExp') {
    instance.markRegExp(new RegExp(BENCH_REGEXP.source, BENCH_REGEXP.flags), options);
  } else {
    instance.mark(BENCH_TERMS, {
      ...options,
      separateWordSearch: false,
      accuracy: 'exactly',
      diacritics: false,
      caseSensitive: false,
    });
  }
  return count;
}

const api = {
  /** Makes the page `scale` copies of the captured body, built by cloning in the DOM. */
  setScale(scale: number): number {
    pristine = original.cloneNode(false) as HTMLElement;
    for (let i = 0; i < scale; i++) {
      for (const child of original.childNodes) pristine.appendChild(child.cloneNode(true));
    }
    api.restore();
    return document.body.getElementsByTagName('*').length;
  },
  /** Swaps in a fresh copy of the page and lays it out, so runs are independent. */
  restore(): void {
    document.body.replaceWith(pristine.cloneNode(true));
    void document.body.offsetHeight;
    (window as unknown as { gc?: () => void }).gc?.();
  },
  /** One synchronous run on the current (fresh) DOM: elapsed ms and matches or marks. */
  measure(contender: Contender): { ms: number; count: number } {
    const root = document.body;
    const t0 = performance.now();
    let count: number;
    if (contender === 'floor') count = runFloor(root);
    else if (contender === 'writeFloor') count = runWriteFloor(root);
    else if (contender === 'jaklens') count = applyTermMarks(root, find).count;
    else if (contender === 'realFloor') count = runFloor(root, REAL_REGEXP);
    else if (contender === 'realJaklens') count = applyTermMarks(root, realFind).count;
    else count = runMark(root, contender);
    return { ms: performance.now() - t0, count };
  },
  /**
   * The time-sliced pass, watched by a long-task observer and a long-animation-frame observer
   * (the second also sees the rendering work that follows a chunk, which the first does not
   * always attribute); returns chunk, task and frame figures.
   */
  async measureChunked(budgetMs?: number) {
    const longTasks: number[] = [];
    const longFrames: { blockingMs: number; renderMs: number }[] = [];
    const observers = [
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) longTasks.push(entry.duration);
      }),
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as LongAnimationFrame[]) {
          const end = entry.startTime + entry.duration;
          // The frame's own duration can span many short tasks; what blocks is its long tasks
          // and its rendering step.
          longFrames.push({
            blockingMs: entry.blockingDuration,
            renderMs: entry.renderStart ? end - entry.renderStart : 0,
          });
        }
      }),
    ];
    observers[0]!.observe({ type: 'longtask' });
    // Long animation frames exist in Chromium 123+; elsewhere this observer sees nothing.
    if (PerformanceObserver.supportedEntryTypes.includes('long-animation-frame')) {
      observers[1]!.observe({ type: 'long-animation-frame' });
    }
    const chunks: number[] = [];
    const t0 = performance.now();
    const result = await applyTermMarksChunked(document.body, find, {
      budgetMs,
      onChunk: (ms) => chunks.push(ms),
    });
    const wallMs = performance.now() - t0;
    // Entries are delivered after the task or frame; give the observers a moment.
    await new Promise((resolve) => setTimeout(resolve, 200));
    for (const observer of observers) observer.disconnect();
    return { count: result.count, wallMs, chunks, longTasks, longFrames };
  },
};

(window as unknown as { __jlBench: typeof api }).__jlBench = api;
