/** Scores a set of labelled records and prints the eval table (every axis, P/R/F1, TP/FP/FN/TN). */
import { summariseEvidence, type Verdict } from '../../utils/classify';
import type { LabelledRecord } from './dev-set';
import { confusion, prf, type Confusion } from './metrics';

/** What a classifier said about one record; `verdict` only for the real classifier. */
export interface Prediction {
  myositis: boolean;
  jak: boolean;
  subtype: LabelledRecord['disease'] | null;
  verdict?: Verdict;
}

export interface Scored {
  name: string;
  rows: { record: LabelledRecord; p: Prediction }[];
  core: Confusion;
  myositis: Confusion;
  jak: Confusion;
  /** Myositis-labelled records whose subtype was named right (a missed disease counts wrong). */
  subtypeRight: number;
  subtypeTotal: number;
}

const isMyositis = (r: LabelledRecord) => r.disease !== 'none';
const isJaki = (r: LabelledRecord) => r.jaki === 'yes';

/** Runs `predict` over `records` and counts every axis. */
export function score(
  name: string,
  records: LabelledRecord[],
  predict: (r: LabelledRecord) => Prediction,
): Scored {
  const rows = records.map((record) => ({ record, p: predict(record) }));
  const myo = rows.filter((r) => isMyositis(r.record));
  return {
    name,
    rows,
    core: confusion(
      rows,
      (r) => r.p.myositis && r.p.jak,
      (r) => isMyositis(r.record) && isJaki(r.record),
    ),
    myositis: confusion(
      rows,
      (r) => r.p.myositis,
      (r) => isMyositis(r.record),
    ),
    jak: confusion(
      rows,
      (r) => r.p.jak,
      (r) => isJaki(r.record),
    ),
    subtypeRight: myo.filter((r) => r.p.subtype === r.record.disease).length,
    subtypeTotal: myo.length,
  };
}

const f3 = (x: number) => x.toFixed(3);

/** The axis table in Markdown. */
export function table(s: Scored): string {
  const lines = [
    `${s.name}: ${s.rows.length} records`,
    '',
    '| axis | P | R | F1 | TP | FP | FN | TN |',
    '|---|---|---|---|---|---|---|---|',
  ];
  const axes: [string, Confusion][] = [
    ['core (myositis AND JAKi)', s.core],
    ['myositis disease', s.myositis],
    ['JAK inhibition', s.jak],
  ];
  for (const [axis, c] of axes) {
    const m = prf(c);
    lines.push(
      `| ${axis} | ${f3(m.precision)} | ${f3(m.recall)} | ${f3(m.f1)} | ${c.tp} | ${c.fp} | ${c.fn} | ${c.tn} |`,
    );
  }
  const rate = s.subtypeTotal === 0 ? 1 : s.subtypeRight / s.subtypeTotal;
  lines.push(
    `| disease subtype (of ${s.subtypeTotal} myositis records) | | | ${f3(rate)} right | ${s.subtypeRight} | | ${s.subtypeTotal - s.subtypeRight} | |`,
  );
  return lines.join('\n');
}

/** Every record with any axis wrong, with the classifier's evidence line. */
export function misses(s: Scored): string {
  const wrong = s.rows.filter(
    (r) =>
      r.p.myositis !== isMyositis(r.record) ||
      r.p.jak !== isJaki(r.record) ||
      (isMyositis(r.record) && r.p.subtype !== r.record.disease),
  );
  const lines = [`Records with any axis wrong: ${wrong.length}`];
  for (const r of wrong) {
    const v = r.p.verdict;
    const detail = v ? ` [d=${v.scores.disease} j=${v.scores.jak}] ${summariseEvidence(v)}` : '';
    lines.push(
      `- ${r.record.id} (${r.record.group}) labelled ${r.record.disease}/${r.record.jaki}, got ${r.p.myositis ? (r.p.subtype ?? '?') : 'none'}/${r.p.jak ? 'yes' : 'no'}${detail} — ${r.record.reason}`,
    );
  }
  return lines.join('\n');
}

/** Subtype accuracy as a fraction. */
export function subtypeRate(s: Scored): number {
  return s.subtypeTotal === 0 ? 1 : s.subtypeRight / s.subtypeTotal;
}
