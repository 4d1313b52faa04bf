/**
 * The myositis antibodies an article names, for the panel header ("anti-MDA5 DM") and the
 * library's antibody filter. Pure.
 */
import type { DiseaseKind, Verdict } from '../classify';
import { getAntibody } from '../knowledge/antibodies';

export interface AntibodyFinding {
  id: string;
  label: string;
  /** Library tag, e.g. "antibody:mda5". */
  tag: string;
  count: number;
}

const SHORT: Record<DiseaseKind, string> = { jdm: 'JDM', dm: 'DM', iim: 'IIM' };

/**
 * Antibodies named in the article, counted from the term ids of the classifier's scan of it
 * (`hitTermIds` in utils/classify/scan.ts; the article page's analysis keeps them as
 * `scannedTermIds`), or without them from the verdict's evidence; most first.
 */
export function antibodiesIn(
  verdict: Verdict,
  scannedTermIds?: readonly string[],
): AntibodyFinding[] {
  const ids = scannedTermIds ?? verdict.evidence.map((e) => e.termId);
  const counts = new Map<string, number>();
  for (const id of ids) if (id.startsWith('antibody:')) counts.set(id, (counts.get(id) ?? 0) + 1);
  return [...counts.entries()]
    .flatMap(([id, count]) => {
      const a = getAntibody(id);
      return a ? [{ id, label: a.label, tag: `antibody:${a.slug}`, count }] : [];
    })
    .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
}

/**
 * The subtype as readers say it: the leading myositis-specific antibody and the disease,
 * "anti-MDA5 DM"; null without a disease or without such an antibody.
 */
export function antibodySubtype(
  disease: DiseaseKind | null,
  found: AntibodyFinding[],
): string | null {
  const lead = found.find((f) => getAntibody(f.id)?.group !== 'maa');
  return disease && lead ? `${lead.label} ${SHORT[disease]}` : null;
}
