/**
 * Cards for the round-2 term kinds: myositis antibodies (with the phenotype a paper associates
 * them with), ranges such as "JAK1–3" (each member and its inhibitors) and interferon-signature
 * markers (the type I IFN → JAK1/TYK2 path they read out). Pure: knowledge base in, model out.
 */
import { getAntibody, type Antibody } from '../knowledge/antibodies';
import {
  ANTIBODY_SOURCES_CHECKED,
  phenotypeOf,
  type Phenotype,
} from '../knowledge/antibody-phenotypes';
import { DRUGS } from '../knowledge/drugs';
import {
  getIfnMarker,
  IFN_SOURCES_CHECKED,
  TYPE_ONE_IFN_PATH,
} from '../knowledge/interferon-signatures';
import { rangeMembers } from '../knowledge/ranges';
import type { SourceRef } from '../knowledge/types';
import type { PathwayFocus } from '../panel/pathways';

const FAMILY: Record<Antibody['group'], string> = {
  'msa-dm': 'Myositis-specific autoantibody (dermatomyositis)',
  'msa-iim': 'Myositis-specific autoantibody',
  maa: 'Myositis-associated autoantibody',
};

/** An antibody's card; `phenotype` is null when no source was read: nothing is claimed then. */
export interface AntibodyMarkCard {
  kind: 'antibody';
  termId: string;
  title: string;
  family: string;
  antigen: string;
  phenotype: Phenotype | null;
  checked: string;
  /** The library tag for it, e.g. "antibody:mda5". */
  tag: string;
}

/** A range token's card: the members it stands for. */
export interface RangeMarkCard {
  kind: 'range';
  termId: string;
  title: string;
  members: string[];
}

/** An interferon marker's card and the path it reads out. */
export interface IfnMarkCard {
  kind: 'ifn-marker';
  termId: string;
  title: string;
  text: string;
  source: SourceRef;
  path: readonly string[];
  pathText: string;
  pathSource: SourceRef;
  /** Inhibitors in the knowledge base with a verified JAK1 or TYK2 target: they act on the path. */
  pathBlockers: string[];
  checked: string;
}

export function antibodyCard(termId: string): AntibodyMarkCard | null {
  const a = getAntibody(termId);
  if (!a) return null;
  const phenotype = phenotypeOf(a.id);
  return {
    kind: 'antibody',
    termId,
    title: a.label,
    family: FAMILY[a.group],
    antigen: a.antigen,
    phenotype,
    checked: phenotype?.checked ?? ANTIBODY_SOURCES_CHECKED,
    tag: `antibody:${a.slug}`,
  };
}

export function rangeCard(termId: string): RangeMarkCard | null {
  const ids = rangeMembers(termId);
  if (!ids) return null;
  return {
    kind: 'range',
    termId,
    title: termId.replace(/^range:/, ''),
    members: ids.map((id) => id.replace(/^target:/, '')),
  };
}

export function ifnMarkerCard(termId: string): IfnMarkCard | null {
  const m = getIfnMarker(termId);
  if (!m) return null;
  return {
    kind: 'ifn-marker',
    termId,
    title: m.label,
    text: m.text,
    source: m.source,
    path: TYPE_ONE_IFN_PATH.steps,
    pathText: TYPE_ONE_IFN_PATH.text,
    pathSource: TYPE_ONE_IFN_PATH.source,
    pathBlockers: DRUGS.filter((d) => d.jakTargets.some((t) => t === 'JAK1' || t === 'TYK2')).map(
      (d) => d.name,
    ),
    checked: IFN_SOURCES_CHECKED,
  };
}

/**
 * Terms linked to the pathway view: the JAK-STAT pathway (the view as a whole), type I interferon
 * and every interferon-signature term ("the IFN pathway", ISGs, MxA…), which read out the type I
 * IFN → JAK1/TYK2 path.
 */
export function pathwayFocusOf(termId: string): PathwayFocus | null {
  if (termId === 'target:JAK-STAT') return 'jak-stat';
  if (termId === 'disease:ifn' || termId.startsWith('ifn:')) return 'type-i-ifn';
  return null;
}
