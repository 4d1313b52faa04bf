/**
 * The held-out set (tests/fixtures/eval/heldout-set.jsonl): real records gathered after the round-2
 * rules were written, labelled and committed (labels only) before the classifier was ever run on them.
 * `npm run eval` only reports it. Its first run's misses motivated one rule (checkpoint inhibitors
 * named by drug, utils/classify/induced.ts), so its figures since are not unseen-data figures.
 * Held-out set 2 (heldout2-set.jsonl, 2026-12-06) was gathered and committed the same way.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { labelledFromLine, type LabelledRecord, type RawLabelledLine } from './dev-set';

type RawRecord = RawLabelledLine & { kind: string };

/** Every record of a held-out file (tests/fixtures/eval/<name>.jsonl), in file order. */
export function loadHeldoutSet(name = 'heldout-set'): LabelledRecord[] {
  // Resolved from the project root (where vitest runs).
  return readFileSync(resolve(process.cwd(), `tests/fixtures/eval/${name}.jsonl`), 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as RawRecord)
    .map((r) => labelledFromLine(r, r.kind));
}
