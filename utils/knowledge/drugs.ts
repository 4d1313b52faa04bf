/**
 * utils/knowledge/: the medical facts JAK Lens shows and recognises, each with its source and check
 * date: drugs (this file), targets, pathways, diseases, antibodies, interferon signatures, MeSH and
 * ranges, and the matcher terms built from them (terms.ts). The JSON records are in data/. From other
 * utils/ folders it imports types only (the term kinds of utils/match/).
 *
 * JAK / TYK2 inhibitor records, read from the project's own data (data/jak-inhibitors.json;
 * provenance in data/README.md) and normalised into typed data. Nothing here is retyped by hand,
 * so facts keep their sources and the date they were checked.
 */
import reference from './data/jak-inhibitors.json';
import { isUnverifiedText, parseChecked, toSourceRefs, asSourceKind } from './checked';
import { normaliseDrugNames } from './drug-names';
import type { Checked, JakName, SourceKind, SourceRef } from './types';

/** What a regulator decided: approved, refused (e.g. a complete response letter), or not yet. */
export type ApprovalStatus = 'approved' | 'not-approved' | 'investigational';

/** One regulatory decision (or the development status) as the data states it. */
export interface Approval {
  region: string;
  status: ApprovalStatus;
  year: number | null;
  /** ISO date of the decision when the record gives it. */
  date?: string;
  indications: string[];
  note?: string;
  /** Curator's remark: how the fact was traced (never shown in the default view). */
  remark?: string;
  /** Null when no primary record was found; such an item is never verified. */
  source: string | null;
  sourceKind: SourceKind | null;
  /** When the fact was last checked against its source ("2026-12-03", "2026-11"). */
  checked: string;
  verified: boolean;
}

/** One piece of DM / JDM / IIM / interferonopathy evidence (trial, publication, case series). */
export interface DmEvidence {
  kind: string;
  id: string;
  phase: string;
  /** Number of participants (or target enrolment for an ongoing trial), when known. */
  n?: number;
  note: string;
  remark?: string;
  source: string | null;
  sourceKind: SourceKind | null;
  checked: string;
  verified: boolean;
}

/** A JAK / TYK2 inhibitor with every fact sourced and flagged. */
export interface Drug {
  /** "drug:<generic name>". */
  id: string;
  /** Generic (INN) name, lower case. */
  name: string;
  codeNames: Checked[];
  brandNames: Checked[];
  /** Primary kinase targets as listed (JAK or not), each flagged. */
  targets: Checked[];
  /** Verified JAK-family targets only: what a UI chip may show. */
  jakTargets: JakName[];
  otherTargets: Checked[];
  /**
   * True when the data lists a JAK-family kinase as a primary target (isoforms may be
   * unverified, as for jaktinib); false for drugs whose JAK activity itself is unverified.
   */
  isJakInhibitor: boolean;
  selectivityNote: string;
  route: string[];
  approvals: Approval[];
  /** Verified only with the label it was read in (`source`); `remark` says how it was traced. */
  boxedWarning: { text: string; verified: boolean; source: SourceRef | null; remark?: string };
  /** The boxed warning as a short flag ("Boxed warning: …"); null when there is none. */
  boxedWarningFlag: string | null;
  dmEvidence: DmEvidence[];
  sources: SourceRef[];
  /** When the record (names, targets, warning) was last checked. */
  checked: string;
  /** Field-group flags exactly as the data gives them. */
  verified: Record<string, boolean>;
  /** Caveats; none of these may be shown as fact. */
  unverified: string[];
}

interface RawSourced {
  source: string | null;
  sourceKind: string | null;
  checked: string;
  verified: boolean;
  remark?: string;
}
interface RawApproval extends RawSourced {
  region: string;
  status: string;
  year: number | null;
  date?: string;
  indications: string[];
  note?: string;
}
interface RawEvidence extends RawSourced {
  kind: string;
  id: string;
  phase: string;
  n?: number;
  note: string;
}
interface RawDrug {
  name: string;
  codeNames: string[];
  brandNames: string[];
  targets: string[];
  otherTargets: string[];
  selectivityNote: string;
  route: string[];
  approvals: RawApproval[];
  boxedWarning: string;
  boxedWarningFlag: string | null;
  boxedWarningSource: string | null;
  boxedWarningRemark?: string;
  dmEvidence: RawEvidence[];
  sources: string[];
  checked: string;
  verified: Record<string, boolean>;
  unverified: string[];
  sourceKind: Record<string, string>;
}

function asStatus(status: string): ApprovalStatus {
  return status === 'approved' || status === 'not-approved' ? status : 'investigational';
}

/**
 * A fact is verified only when every gate agrees: its group flag, its own flag, an allowed
 * source, and no UNVERIFIED mark in the words it would show.
 */
function isVerified(raw: RawSourced, groupVerified: boolean, shownText: string): boolean {
  return (
    groupVerified &&
    raw.verified === true &&
    asSourceKind(raw.sourceKind) !== null &&
    typeof raw.source === 'string' &&
    !isUnverifiedText(shownText)
  );
}

function normaliseApproval(raw: RawApproval, groupVerified: boolean): Approval {
  const status = asStatus(raw.status);
  const text = [raw.region, raw.indications.join(' '), raw.note ?? ''].join(' ');
  const datedIfDecided = status === 'investigational' || raw.year !== null;
  return {
    region: raw.region,
    status,
    year: raw.year,
    ...(raw.date ? { date: raw.date } : {}),
    indications: raw.indications,
    ...(raw.note ? { note: raw.note } : {}),
    ...(raw.remark ? { remark: raw.remark } : {}),
    source: raw.source,
    sourceKind: asSourceKind(raw.sourceKind),
    checked: raw.checked,
    verified: datedIfDecided && isVerified(raw, groupVerified, text),
  };
}

function normaliseEvidence(raw: RawEvidence, groupVerified: boolean): DmEvidence {
  const text = [raw.id, raw.phase, raw.note].join(' ');
  return {
    kind: raw.kind,
    id: raw.id,
    phase: raw.phase,
    ...(typeof raw.n === 'number' ? { n: raw.n } : {}),
    note: raw.note,
    ...(raw.remark ? { remark: raw.remark } : {}),
    source: raw.source,
    sourceKind: asSourceKind(raw.sourceKind),
    checked: raw.checked,
    verified: isVerified(raw, groupVerified, text),
  };
}

/** The boxed-warning statement: a fact only with the label it was read in. */
function boxedWarningOf(raw: RawDrug, groupVerified: boolean): Drug['boxedWarning'] {
  const [source] = raw.boxedWarningSource
    ? toSourceRefs([raw.boxedWarningSource], raw.sourceKind)
    : [];
  return {
    text: raw.boxedWarning,
    verified: groupVerified && source !== undefined && !isUnverifiedText(raw.boxedWarning),
    source: source ?? null,
    ...(raw.boxedWarningRemark ? { remark: raw.boxedWarningRemark } : {}),
  };
}

/** Turns one raw data record into a Drug. Exported for tests. */
export function normaliseDrug(raw: RawDrug): Drug {
  const flag = (group: string): boolean => raw.verified[group] === true;
  // Names and targets exactly as the always-on script reads them (drug-names.ts).
  const names = normaliseDrugNames(raw);
  return {
    ...names,
    sources: toSourceRefs(raw.sources, raw.sourceKind),
    otherTargets: raw.otherTargets.flatMap((t) => parseChecked(t, flag('targets'))),
    selectivityNote: raw.selectivityNote,
    route: raw.route,
    approvals: raw.approvals.map((a) => normaliseApproval(a, flag('approvals'))),
    boxedWarning: boxedWarningOf(raw, flag('boxedWarning')),
    boxedWarningFlag: raw.boxedWarningFlag,
    dmEvidence: raw.dmEvidence.map((e) => normaliseEvidence(e, flag('dmEvidence'))),
    checked: raw.checked,
    verified: { ...raw.verified },
    unverified: [...raw.unverified],
  };
}

// JSON imports get literal types per record (a sourceKind map keyed by each URL), which TS
// cannot compare with the index-signature shape; npm run knowledge:check validates the shape.
const rawDrugs = reference.drugs as unknown as RawDrug[];

/** Every drug in the data, in the data's order. */
export const DRUGS: readonly Drug[] = rawDrugs.map(normaliseDrug);

/** Looks a drug up by id ("drug:baricitinib") or generic name. */
export function getDrug(idOrName: string): Drug | undefined {
  const key = idOrName.toLowerCase().replace(/^drug:/, '');
  return DRUGS.find((d) => d.name === key);
}

/**
 * Where the detection-term list (the JAK-inhibitor class and the disease terms) comes from: what a
 * class or disease mark card cites. Here, with the facts, not on the terms: the always-on matcher
 * never cites (issue 17).
 */
export const DETECTION_SOURCES: readonly SourceRef[] = toSourceRefs(
  reference.detectionTerms.sources,
  reference.detectionTerms.sourceKind as Record<string, string>,
);

/** The data's caution line, to show next to any drug fact. */
export const REFERENCE_CAUTION: string = reference.caution;

/** When the data as a whole was last checked ("2026-12-03"). */
export const REFERENCE_CHECKED: string = reference.checked;
