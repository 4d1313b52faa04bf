import type { MeshTerm } from '../article';
import { collapseWhitespace } from './text';

/**
 * Parses one MeSH line as PubMed prints it: "Aorta* / surgery", "Dermatomyositis / drug therapy*",
 * "Humans". The asterisk marks a major topic, on the descriptor or on a qualifier.
 */
export function parseMeshHeading(printed: string): MeshTerm {
  const parts = collapseWhitespace(printed)
    .split(' / ')
    .map((p) => p.trim());
  const major = parts.some((p) => p.endsWith('*'));
  const [descriptor = '', ...qualifiers] = parts.map((p) => p.replace(/\*+$/, '').trim());
  return { descriptor, qualifiers: qualifiers.filter(Boolean), major };
}

/**
 * Prints a descriptor/qualifier pair the way PubMed's MeSH list does: one line per qualifier,
 * "*" after whichever part is a major topic ("Aorta* / surgery", "Dermatomyositis / drug therapy*").
 */
export function formatMeshHeading(
  descriptor: string,
  descriptorMajor: boolean,
  qualifier?: { name: string; major: boolean },
): string {
  const head = descriptor + (descriptorMajor ? '*' : '');
  return qualifier ? `${head} / ${qualifier.name}${qualifier.major ? '*' : ''}` : head;
}
