/**
 * The finder and term list the bench measures. The PMC capture is an NLP paper, so it uses the
 * stand-in terms that really occur there (~500 marks per copy of the page); the floor and mark.js
 * get exactly the same terms.
 */

import { buildTermRegExp, createSimpleFinder, FIXTURE_TERMS } from '../support/simple-finder';

/** Terms as plain strings, for mark.js's term-array API. */
export const BENCH_TERMS: string[] = FIXTURE_TERMS.map((t) => t.term);

/** One combined, global, case-insensitive RegExp over BENCH_TERMS (floor and mark.js). */
export const BENCH_REGEXP: RegExp = buildTermRegExp(BENCH_TERMS);

/** The finder JAK Lens is benchmarked with. */
export const benchFinder = createSimpleFinder(FIXTURE_TERMS);
