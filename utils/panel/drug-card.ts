/**
 * One drug card of the summary panel, built from a knowledge-base Drug. Only verified items become
 * facts; everything the reference flags UNVERIFIED goes to `unverified`, which the panel shows
 * greyed and labelled (never as fact). Pure.
 */
import type { Approval, ApprovalStatus, DmEvidence, Drug } from '../knowledge/drugs';
import {
  drugHeading,
  evidenceLabel,
  statusLine,
  strongestEvidence,
} from '../knowledge/drug-summary';
import { affectedFamilies, type FamilyId } from '../knowledge/pathways';
import { isUnverifiedText, monthYear } from '../knowledge/checked';
import type { Checked, JakName, SourceRef } from '../knowledge/types';
import { evidenceUrl } from './links';

/** The family the type I interferon signature of DM / JDM runs through. */
export const TYPE_I_IFN: FamilyId = 'ifn-1';

/** A name or target as shown: the value, plus the reference's bracketed words. */
export interface LabelItem {
  value: string;
  note?: string;
}

/** A verified regulatory decision (approval or refusal) with the record that states it. */
export interface ApprovalFact {
  region: string;
  status: ApprovalStatus;
  /** Null only for a verified "investigational" status. */
  year: number | null;
  date?: string;
  indications: string[];
  note?: string;
  source: SourceRef;
  /** "December 2026": when the fact was checked against its source. */
  checked: string;
}

/** A verified piece of DM / JDM evidence; `idUrl` opens the registry or PubMed record. */
export interface EvidenceFact {
  kind: string;
  id: string;
  idUrl: string | null;
  phase: string;
  /** "Phase 3 trial, n=241": what the default view shows. */
  label: string;
  note: string;
  source: SourceRef;
  checked: string;
}

/** A cytokine family the drug reaches, and through which of its JAKs. */
export interface FamilyLink {
  id: FamilyId;
  family: string;
  via: JakName[];
  isTypeOneIfn: boolean;
}

/** Everything one drug card shows. */
export interface DrugCardModel {
  drugId: string;
  name: string;
  /** What the drug is per the data: "JAK1/TYK2 inhibitor", "… (JAK activity unverified)". */
  heading: string;
  /** One line: "FDA-approved for dermatomyositis, 2026"; null when nothing is verified. */
  status: string | null;
  /** The boxed warning as a short flag, when the data confirms one. */
  boxedFlag: string | null;
  /** The two or three strongest verified DM / JDM items (default view). */
  topEvidence: EvidenceFact[];
  /** Mentions in this article, as the classifier counted them. */
  mentions: number;
  brandNames: LabelItem[];
  codeNames: LabelItem[];
  /** Verified JAK-family targets, in JAK1, JAK2, JAK3, TYK2 order. */
  jakTargets: JakName[];
  /** Verified non-JAK kinase targets (FLT3, ACVR1, TEC family…). */
  otherTargets: LabelItem[];
  /** Targets the reference marks unverified: shown greyed, never as fact. */
  unverifiedTargets: LabelItem[];
  selectivity: string | null;
  route: string[];
  approvals: ApprovalFact[];
  /** The reference's boxed-warning cell (it may depend on the product, e.g. oral vs cream). */
  boxedWarning: string | null;
  dmEvidence: EvidenceFact[];
  families: FamilyLink[];
  /** The drug record's sources: they back names, targets, selectivity, route and boxed warning. */
  sources: SourceRef[];
  /** Reference caveats and unverified items, as plain sentences. */
  unverified: string[];
  /** Curator remarks on how facts were traced (Details only). */
  remarks: string[];
  /** "December 2026": when the drug record was checked. */
  checked: string;
}

export const JAK_ORDER: readonly JakName[] = ['JAK1', 'JAK2', 'JAK3', 'TYK2'];

function isJakName(value: string): value is JakName {
  return (JAK_ORDER as readonly string[]).includes(value);
}

function label(item: Checked): LabelItem {
  return item.note ? { value: item.value, note: item.note } : { value: item.value };
}

function labelText(item: Checked): string {
  return item.note ? `${item.value} (${item.note})` : item.value;
}

function approvalFact(a: Approval): ApprovalFact | null {
  if (!a.verified || !a.source || !a.sourceKind) return null;
  if (a.status !== 'investigational' && a.year === null) return null;
  return {
    region: a.region,
    status: a.status,
    year: a.year,
    ...(a.date ? { date: a.date } : {}),
    indications: a.indications,
    ...(a.note ? { note: a.note } : {}),
    source: { url: a.source, sourceKind: a.sourceKind },
    checked: monthYear(a.checked),
  };
}

function evidenceFact(e: DmEvidence): EvidenceFact | null {
  if (!e.verified || !e.source || !e.sourceKind) return null;
  return {
    kind: e.kind,
    id: e.id,
    idUrl: evidenceUrl(e.id),
    phase: e.phase,
    label: evidenceLabel(e),
    note: e.note,
    source: { url: e.source, sourceKind: e.sourceKind },
    checked: monthYear(e.checked),
  };
}

/** Families the drug's verified JAK targets reach (the panel's one pathway rule). */
export function familyLinks(jakTargets: readonly JakName[]): FamilyLink[] {
  return affectedFamilies(jakTargets).map(({ pairing, via }) => ({
    id: pairing.id,
    family: pairing.family,
    via,
    isTypeOneIfn: pairing.id === TYPE_I_IFN,
  }));
}

/** Builds the card for one drug; `mentions` is its count in the article. */
export function buildDrugCard(drug: Drug, mentions: number): DrugCardModel {
  const unverified: string[] = [];
  const keep = (items: Checked[], what: string): LabelItem[] =>
    items.flatMap((item) => {
      if (item.verified) return [label(item)];
      unverified.push(`${what}: ${labelText(item)}`);
      return [];
    });

  const brandNames = keep(drug.brandNames, 'Brand name');
  const codeNames = keep(drug.codeNames, 'Code name');
  const allTargets = [...drug.targets, ...drug.otherTargets];
  const otherTargets = allTargets.filter((t) => t.verified && !isJakName(t.value)).map(label);
  const unverifiedTargets = allTargets.filter((t) => !t.verified).map(label);

  const targetsVerified = drug.verified.targets === true;
  // A note that repeats an unverified name would state it as fact ("Selective TYK2 inhibitor
  // (PF-06826647)" while the code-name link is unverified): it goes to the unverified list.
  const unverifiedNames = [...drug.codeNames, ...drug.brandNames].filter((c) => !c.verified);
  const selectivityOk =
    targetsVerified &&
    !isUnverifiedText(drug.selectivityNote) &&
    !unverifiedNames.some((c) => drug.selectivityNote.includes(c.value));
  if (!selectivityOk && drug.selectivityNote) {
    unverified.push(`Selectivity: ${drug.selectivityNote}`);
  }
  const routeOk = drug.verified.route === true;
  if (!routeOk && drug.route.length > 0) unverified.push(`Route: ${drug.route.join(', ')}`);
  // A curator remark travels with what it qualifies: a verified fact's remark goes to the remarks
  // list, an unverified item's (what was searched, where it was read) stays in its greyed entry.
  const remarks: string[] = [];
  const withRemark = (text: string, remark?: string) => (remark ? `${text} (${remark})` : text);
  const bw = drug.boxedWarning;
  if (!bw.verified && bw.text) unverified.push(withRemark(`Boxed warning: ${bw.text}`, bw.remark));
  else if (bw.remark) remarks.push(bw.remark);

  const approvals = drug.approvals.flatMap((a) => {
    const fact = approvalFact(a);
    if (!fact) unverified.push(withRemark(`${a.region}: ${a.indications.join('; ')}`, a.remark));
    else if (a.remark) remarks.push(a.remark);
    return fact ? [fact] : [];
  });
  const dmEvidence = drug.dmEvidence.flatMap((e) => {
    const fact = evidenceFact(e);
    if (!fact) unverified.push(withRemark(`Evidence (${e.kind}, ${e.id}): ${e.note}`, e.remark));
    else if (e.remark) remarks.push(e.remark);
    return fact ? [fact] : [];
  });
  const jakTargets = JAK_ORDER.filter((j) => drug.jakTargets.includes(j));

  return {
    drugId: drug.id,
    name: drug.name,
    heading: drugHeading(drug),
    status: statusLine(drug),
    boxedFlag: drug.boxedWarning.verified ? drug.boxedWarningFlag : null,
    topEvidence: strongestEvidence(drug).flatMap((e) => {
      const fact = evidenceFact(e);
      return fact ? [fact] : [];
    }),
    mentions,
    brandNames,
    codeNames,
    jakTargets,
    otherTargets,
    unverifiedTargets,
    selectivity: selectivityOk ? drug.selectivityNote : null,
    route: routeOk ? drug.route : [],
    approvals,
    boxedWarning: drug.boxedWarning.verified ? drug.boxedWarning.text : null,
    dmEvidence,
    families: familyLinks(jakTargets),
    sources: drug.sources,
    unverified: [...unverified, ...drug.unverified.map((note) => `Reference caveat: ${note}`)],
    remarks,
    checked: monthYear(drug.checked),
  };
}
