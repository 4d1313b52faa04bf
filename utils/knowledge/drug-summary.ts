/**
 * The clinician's at-a-glance view of one drug, computed from verified facts only: what the drug
 * is ("JAK1/TYK2 inhibitor"), one status line ("FDA-approved for dermatomyositis, 2026"), and its
 * strongest dermatomyositis items. Pure: the panel card and the mark card both use it.
 */
import type { Approval, DmEvidence, Drug } from './drugs';
import type { JakName } from './types';

const JAK_ORDER: readonly JakName[] = ['JAK1', 'JAK2', 'JAK3', 'TYK2'];

/** What the drug is per the data; never a hard-coded class. */
export function drugHeading(drug: Drug): string {
  const jaks = JAK_ORDER.filter((j) => drug.jakTargets.includes(j));
  if (jaks.length > 0) return `${jaks.join('/')} inhibitor`;
  // A JAK listing from an unverified target group (jaktinib: no source at all) says so.
  if (drug.isJakInhibitor)
    return drug.verified.targets === true
      ? 'JAK inhibitor (isoforms unverified)'
      : 'JAK inhibitor (targets unverified)';
  const other = drug.otherTargets.concat(drug.targets).filter((t) => t.verified);
  const named = other.map((t) => t.value).join('/');
  return `${named || 'Kinase'} inhibitor (JAK activity unverified)`;
}

/** Short names for indications, so a status line stays one line. Abbreviations match in capitals only. */
const SHORT: [RegExp, string][] = [
  [/dermatomyositis/i, 'dermatomyositis'],
  [/rheumatoid arthritis|\bRA\b/, 'RA'],
  [/juvenile idiopathic arthritis|\bJIA\b/i, 'JIA'],
  [/psoriatic arthritis|\bPsA\b/, 'PsA'],
  [/ankylosing spondylitis|axial spondyloarthritis|\bAS\b|axSpA/, 'axSpA'],
  [/ulcerative colitis|\bUC\b/, 'UC'],
  [/crohn/i, "Crohn's"],
  [/atopic dermatitis|\bAD\b/, 'AD'],
  [/alopecia areata/i, 'alopecia areata'],
  [/vitiligo/i, 'vitiligo'],
  [/plaque psoriasis/i, 'psoriasis'],
  [/hand eczema/i, 'hand eczema'],
  [/myelofibrosis|\bMF\b/, 'myelofibrosis'],
  [/polycythemia vera|\bPV\b/, 'PV'],
  [/GVHD/, 'GVHD'],
  [/COVID/, 'COVID-19'],
];

/** The distinct short indications of some approvals, in data order. */
export function shortIndications(approvals: readonly Approval[]): string[] {
  const names = approvals.flatMap((a) =>
    a.indications.flatMap((text) => SHORT.filter(([re]) => re.test(text)).map(([, s]) => s)),
  );
  return [...new Set(names)];
}

/** "FDA", "EC", "PMDA/MHLW": the regulator part of a region label. */
export function regulatorOf(region: string): string {
  return region.split(/[\s(]/)[0] ?? region;
}

const DM_WORDS = /dermatomyositis|\bJDM\b/i;

/**
 * The phase of the most advanced verified DM trial ("phase 3"; "phase 2, withdrawn" when that
 * trial was withdrawn), or the best evidence kind.
 */
export function dmStage(evidence: readonly DmEvidence[]): string | null {
  const trials = evidence.flatMap((e) => {
    const m = e.verified ? /phase\s*(\d)/i.exec(`${e.kind} ${e.phase}`) : null;
    return m ? [{ phase: Number(m[1]), stopped: /withdrawn|terminated/i.test(e.note) }] : [];
  });
  const best = trials.sort((a, b) => b.phase - a.phase || Number(a.stopped) - Number(b.stopped))[0];
  if (best) return `phase ${best.phase}${best.stopped ? ', withdrawn' : ''}`;
  const kinds = evidence.filter((e) => e.verified).map((e) => e.kind);
  if (kinds.some((k) => /case series/i.test(k))) return 'case series';
  return kinds[0] ?? null;
}

/**
 * One status line: "FDA-approved for dermatomyositis, 2026", "Approved for RA, AD (FDA 2019);
 * in DM: phase 3", "Not FDA-approved (complete response letter, 2020)", "Investigational; in DM:
 * phase 2". Built from verified facts only; null when there is nothing verified to say.
 */
export function statusLine(drug: Drug): string | null {
  const facts = drug.approvals.filter((a) => a.verified);
  const approved = facts.filter((a) => a.status === 'approved' && a.year !== null);
  const refused = facts.filter((a) => a.status === 'not-approved' && a.year !== null);
  const dmApproval = approved.find((a) => a.indications.some((i) => DM_WORDS.test(i)));
  if (dmApproval)
    return `${regulatorOf(dmApproval.region)}-approved for dermatomyositis, ${dmApproval.year}`;

  const parts: string[] = [];
  if (approved.length > 0) {
    const first = [...approved].sort((a, b) => (a.year ?? 0) - (b.year ?? 0))[0] as Approval;
    const names = shortIndications(approved);
    const list = names.length > 4 ? `${names.slice(0, 4).join(', ')}, …` : names.join(', ');
    parts.push(
      `Approved${list ? ` for ${list}` : ''} (${regulatorOf(first.region)} ${first.year})`,
    );
  }
  for (const r of refused) {
    const why = r.indications.some((i) => /complete response/i.test(i))
      ? 'complete response letter'
      : 'refused';
    parts.push(`not ${regulatorOf(r.region)}-approved (${why}, ${r.year})`);
  }
  if (parts.length === 0 && facts.some((a) => a.status === 'investigational')) {
    parts.push('Investigational');
  }
  const stage = dmStage(drug.dmEvidence);
  if (stage) parts.push(`in DM: ${stage}`);
  if (parts.length === 0) return null;
  const line = parts.join('; ');
  return line.charAt(0).toUpperCase() + line.slice(1);
}

/** How strong an item is for a DM reader: registered phase 3 first, then phase 2, then size. */
function strength(e: DmEvidence): number {
  const text = `${e.kind} ${e.phase}`;
  const phase = Number(/phase\s*(\d)/i.exec(text)?.[1] ?? 0);
  const randomised = /randomi[sz]ed|placebo/i.test(`${text} ${e.note}`) ? 1 : 0;
  const review = /systematic review|meta-analysis/i.test(e.kind) ? 2 : 0;
  const series = /case series|publication|cohort/i.test(e.kind) ? 1 : 0;
  return phase * 10 + randomised * 5 + review + series + Math.min(e.n ?? 0, 500) / 1000;
}

/** The two or three strongest verified DM / JDM items, strongest first. */
export function strongestEvidence(drug: Drug, count = 3): DmEvidence[] {
  return drug.dmEvidence
    .filter((e) => e.verified)
    .map((e, index) => ({ e, index, score: strength(e) }))
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .slice(0, count)
    .map(({ e }) => e);
}

/** "Phase 3 trial, n=241", "case series, n=88": the short label of an evidence item. */
export function evidenceLabel(e: DmEvidence): string {
  const phase = /phase\s*\d(\/\d)?/i.exec(e.phase)?.[0];
  const what = phase ? `${phase.charAt(0).toUpperCase()}${phase.slice(1)} ${e.kind}` : e.kind;
  const n = typeof e.n === 'number' ? `, n=${e.n}` : '';
  return `${what.charAt(0).toUpperCase()}${what.slice(1)}${n}`;
}
