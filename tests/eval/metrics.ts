/** Precision / recall / F1 and a 2×2 confusion, for the eval report. */

export interface Confusion {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
}

/** Counts a binary prediction against a binary label. */
export function confusion<T>(
  rows: T[],
  predicted: (r: T) => boolean,
  actual: (r: T) => boolean,
): Confusion {
  const c = { tp: 0, fp: 0, fn: 0, tn: 0 };
  for (const r of rows) {
    const p = predicted(r);
    const a = actual(r);
    if (p && a) c.tp++;
    else if (p) c.fp++;
    else if (a) c.fn++;
    else c.tn++;
  }
  return c;
}

/** Precision, recall and F1 (1 when there is nothing to find and nothing was found). */
export function prf(c: Confusion): { precision: number; recall: number; f1: number } {
  const precision = c.tp + c.fp === 0 ? 1 : c.tp / (c.tp + c.fp);
  const recall = c.tp + c.fn === 0 ? 1 : c.tp / (c.tp + c.fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}
