/**
 * Scores classifyArticle on the labelled dev set and prints per-axis precision / recall / F1,
 * the confusion for relevance === 'core', and every miss with its evidence line.
 */
import { describe, expect, it } from 'vitest';
import { classifyArticle, summariseEvidence, type Verdict } from '../../utils/classify';
import { loadDevSet, type LabelledRecord } from './dev-set';
import { confusion, prf, type Confusion } from './metrics';

interface Row {
  record: LabelledRecord;
  verdict: Verdict;
}

const rows: Row[] = loadDevSet().map((record) => ({
  record,
  verdict: classifyArticle(record.article),
}));

const isMyositis = (r: Row) => r.record.disease !== 'none';
const isJaki = (r: Row) => r.record.jaki === 'yes';
const axes: [string, Confusion][] = [
  [
    'core (myositis AND JAKi)',
    confusion(
      rows,
      (r) => r.verdict.relevance === 'core',
      (r) => isMyositis(r) && isJaki(r),
    ),
  ],
  ['myositis disease', confusion(rows, (r) => r.verdict.disease !== null, isMyositis)],
  ['JAK inhibition', confusion(rows, (r) => r.verdict.jakInhibition, isJaki)],
];
const myositisRows = rows.filter(isMyositis);
const subtypeRight = myositisRows.filter((r) => r.verdict.disease === r.record.disease).length;

function pct(x: number): string {
  return x.toFixed(3);
}

function report(): string {
  const lines = [
    `Dev set: ${rows.length} records`,
    '',
    '| axis | P | R | F1 | TP | FP | FN | TN |',
    '|---|---|---|---|---|---|---|---|',
  ];
  for (const [name, c] of axes) {
    const m = prf(c);
    lines.push(
      `| ${name} | ${pct(m.precision)} | ${pct(m.recall)} | ${pct(m.f1)} | ${c.tp} | ${c.fp} | ${c.fn} | ${c.tn} |`,
    );
  }
  lines.push(
    '',
    `Disease subtype right: ${subtypeRight}/${myositisRows.length} myositis records (${pct(subtypeRight / myositisRows.length)})`,
  );
  const core = axes[0]?.[1];
  if (core) {
    lines.push(
      '',
      "Confusion for relevance === 'core':",
      '|  | labelled core | labelled not core |',
      '|---|---|---|',
    );
    lines.push(
      `| predicted core | ${core.tp} | ${core.fp} |`,
      `| predicted not core | ${core.fn} | ${core.tn} |`,
    );
  }
  const misses = rows.filter(
    (r) =>
      (r.verdict.disease ?? 'none') !== r.record.disease || r.verdict.jakInhibition !== isJaki(r),
  );
  lines.push('', `Records with any axis wrong: ${misses.length}`);
  for (const r of misses) {
    lines.push(
      `- ${r.record.id} (${r.record.group}) labelled ${r.record.disease}/${r.record.jaki}, got ${r.verdict.disease ?? 'none'}/${r.verdict.jakInhibition ? 'yes' : 'no'} ` +
        `[d=${r.verdict.scores.disease} j=${r.verdict.scores.jak}] ${summariseEvidence(r.verdict)}`,
    );
  }
  return lines.join('\n');
}

describe('classifier on the dev set', () => {
  it('prints the report', () => {
    console.log(report());
    expect(rows.length).toBeGreaterThan(0);
  });

  it('meets the targets: core F1 ≥ 0.98, JAK-inhibition F1 ≥ 0.98, subtype ≥ 95 %', () => {
    expect(prf(axes[0]![1]).f1).toBeGreaterThanOrEqual(0.98);
    expect(prf(axes[2]![1]).f1).toBeGreaterThanOrEqual(0.98);
    expect(subtypeRight / myositisRows.length).toBeGreaterThanOrEqual(0.95);
  });

  it('calls no diabetes or JAK2-mutation paper core', () => {
    const traps = rows.filter((r) => /diabetes|JAK2 mutation/i.test(r.record.reason));
    expect(traps.length).toBeGreaterThanOrEqual(4);
    for (const r of traps) expect(r.verdict.relevance, r.record.id).not.toBe('core');
  });
});
