/**
 * Shared shapes of the knowledge base. Every fact carries where it came from, so the UI can
 * show a link and its kind, and never shows an UNVERIFIED item as fact.
 */
import type { KnowledgeKind } from '../match/mention';

/**
 * The kinds of source a fact may cite (allowed hosts: data/source-kinds.json). Trade press,
 * aggregators and copies are not a kind: `npm run knowledge:check` rejects them.
 */
export type SourceKind = 'regulator' | 'registry' | 'literature' | 'reference' | 'sponsor';

/** A source URL (or citation text) with its kind. */
export interface SourceRef {
  url: string;
  sourceKind: SourceKind;
}

/** A short name or value that may or may not be confirmed by a source. */
export interface Checked {
  value: string;
  /** Extra words the reference put in brackets, e.g. "Novartis code". */
  note?: string;
  /** False when the reference marks the item UNVERIFIED: the UI must not show it as fact. */
  verified: boolean;
}

/** The JAK family members a drug can target. */
export type JakName = 'JAK1' | 'JAK2' | 'JAK3' | 'TYK2';

/** How a surface form is matched. */
export type MatchRule =
  /** Case-insensitive; spaces and hyphens may vary ("anti-MDA5", "anti MDA5"). */
  | 'any-case'
  /** Exactly this case: short symbols such as DM, JDM, IIM, JAK. */
  | 'exact-case'
  /** Research code: case-insensitive, separators optional ("CP-690,550", "CP690550"). */
  | 'code';

/**
 * Ambiguous abbreviations are kept only when the surrounding text supports them.
 * - `definition`: the text defines it, e.g. "polymyositis (PM)".
 * - `support`: the text also names the concept in full (any unguarded term of the same group).
 * - `definition-or-support`: either, unless the text defines it as something else.
 */
export type Guard = 'definition' | 'support' | 'definition-or-support';

/** One way a term is written. */
export interface SurfaceForm {
  text: string;
  rule?: MatchRule;
  /** Also match the plain plural (text + "s"). */
  plural?: boolean;
  guard?: Guard;
}

/** Classifier grouping of a term; finer than the mention kind. */
export type TermGroup =
  | 'drug'
  | 'jak-class'
  | 'jak-target'
  | 'jak-mutation'
  | 'stat'
  | 'pathway'
  | 'jdm'
  | 'dm'
  | 'iim-specific'
  | 'iim-generic'
  | 'msa-dm'
  | 'msa-iim'
  /** Myositis-associated autoantibody (anti-Ro52): seen with myositis, not specific to it. */
  | 'maa'
  | 'ifn'
  /** A read-out of type I interferon signalling (ISG15, MxA, the IFN score…). */
  | 'ifn-marker';

/** A knowledge-base term the matcher can find. */
export interface Term {
  /** Stable id, e.g. "drug:baricitinib", "target:JAK1", "disease:jdm". */
  id: string;
  kind: KnowledgeKind;
  /** Display label. */
  label: string;
  group: TermGroup;
  forms: SurfaceForm[];
  /**
   * Matched but never reported: longer phrases that contain a term yet mean something else
   * ("myositis ossificans" is not an inflammatory myopathy). Longest match lets them win.
   */
  silent?: boolean;
}
