/**
 * MeSH descriptors named in the reference, with their status and source. Read from the facts
 * (data/jak-inhibitors.json), not from recognition.json: the classifier needs only the check tags
 * and the qualifier in mesh.ts, so the always-on script does not carry these.
 */
import reference from './data/jak-inhibitors.json';
import { asSourceKind, isUnverifiedText } from './checked';
import type { SourceKind } from './types';

/** One descriptor from the reference; `id` is null where the unique ID was not confirmed. */
export interface MeshDescriptor {
  term: string;
  id: string | null;
  tree: string | null;
  status: string;
  source: string;
  /** Null when the source is not an allowed kind (npm run knowledge:check rejects that). */
  sourceKind: SourceKind | null;
  /** The term id the classifier treats the descriptor as. */
  termId: string;
}

const TERM_IDS: Record<string, string> = {
  Dermatomyositis: 'disease:dm',
  'Janus Kinases': 'target:JAK',
  'Janus Kinase Inhibitors': 'drug:jak-inhibitor',
  Myositis: 'disease:iim',
  'Interferon Type I': 'disease:ifn',
  Polymyositis: 'disease:polymyositis',
};

/** The reference's MeSH descriptors. */
export const MESH_DESCRIPTORS: readonly MeshDescriptor[] = reference.mesh.map((m) => ({
  term: m.term,
  id: isUnverifiedText(m.id) ? null : m.id,
  tree: m.tree,
  status: m.status,
  source: m.source,
  sourceKind: asSourceKind(m.sourceKind),
  termId: TERM_IDS[m.term] ?? `mesh:${m.term}`,
}));
