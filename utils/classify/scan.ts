/**
 * First half of the classifier: reads an Article field by field and lists every knowledge-base
 * hit, with the sentence facts the scoring needs (is it inside a list of other treatments? is a
 * JAK target followed by "inhibitor"?). Pure; no scoring here.
 */
import type { Article, MeshTerm } from '../article';
import { findMentions, termInfo } from '../match/find-mentions';
import { INHIBITOR_QUALIFIER } from '../knowledge/mesh';
import type { TermGroup } from '../knowledge/types';
import { inhibitionCue, isForeignList } from './context';
import { rangeMembers } from '../knowledge/ranges';

/** Where in the record a term was seen. */
export type Field = 'mesh' | 'substances' | 'title' | 'keywords' | 'abstract' | 'body';

/** Field order used for display, strongest first. */
export const FIELD_ORDER: readonly Field[] = [
  'mesh',
  'substances',
  'title',
  'keywords',
  'abstract',
  'body',
];

/** One term occurrence in one field. */
export interface Hit {
  termId: string;
  label: string;
  group: TermGroup;
  field: Field;
  /** MeSH major topic. */
  major: boolean;
  /** Mentioned only as one item in an enumeration that is mostly about other things. */
  inForeignList: boolean;
  /** For a JAK target: followed or preceded by inhibitor wording ('strong' noun, 'weak' verb). */
  cue: 'strong' | 'weak' | null;
}

/** Parses "Dermatomyositis* / drug therapy" into a MeshTerm (asterisk may sit on either part). */
export function parseMeshHeading(heading: string): MeshTerm {
  const [descriptor = '', ...qualifiers] = heading.split('/').map((p) => p.trim());
  return {
    descriptor: descriptor.replace(/\*/g, '').trim(),
    qualifiers: qualifiers.map((q) => q.replace(/\*/g, '').trim()),
    major: heading.includes('*'),
  };
}

function abstractText(article: Article): string {
  if (article.abstract.trim()) return article.abstract;
  return article.abstractSections.map((s) => s.text).join('\n');
}

function hitsIn(text: string, field: Field, context: string, major = false): Hit[] {
  const mentions = findMentions(text, context);
  return mentions.flatMap((m) => {
    const info = termInfo(m.termId);
    if (!info) return [];
    const prose = field === 'title' || field === 'abstract' || field === 'body';
    // "JAK1–3" counts JAK1, JAK2 and JAK3, each with the cue the whole token has.
    const ids = rangeMembers(m.termId) ?? [m.termId];
    return ids.map((termId) => ({
      termId,
      label: termInfo(termId)?.label ?? info.label,
      group: info.group,
      field,
      major,
      // A drug class named in a list is a review naming the therapies it covers ("JAK
      // inhibitors, PDE-4 inhibitors and biologics"); patients' drug histories list products.
      inForeignList: prose && info.group !== 'jak-class' && isForeignList(text, m, mentions),
      cue: info.group === 'jak-target' || info.group === 'pathway' ? inhibitionCue(text, m) : null,
    }));
  });
}

/** MeSH headings: descriptors read with the matcher; "<kinase> / antagonists & inhibitors" is the class. */
function meshHits(terms: MeshTerm[], context: string): Hit[] {
  return terms.flatMap((t) =>
    hitsIn(t.descriptor, 'mesh', context, t.major).map((h) => ({
      ...h,
      // Show the heading as PubMed prints it ("Dermatomyositis"), not the term label.
      label: t.descriptor,
      cue:
        h.group === 'jak-target' && t.qualifiers.includes(INHIBITOR_QUALIFIER) ? 'strong' : h.cue,
    })),
  );
}

/** The record's MeSH headings, parsed from the printed strings when no parsed list is present. */
export function meshTermsOf(article: Article): MeshTerm[] {
  return article.meshTerms.length > 0 ? article.meshTerms : article.mesh.map(parseMeshHeading);
}

/** The term id of every hit, in order (what the panel model counts antibodies and JAKs from). */
export function hitTermIds(hits: readonly Hit[]): string[] {
  return hits.map((h) => h.termId);
}

/** Every hit in every field of the article. */
export function scanArticle(article: Article): Hit[] {
  const abstract = abstractText(article);
  const mesh = meshTermsOf(article);
  // Abbreviations are judged against the whole record, so "DM" in the abstract can lean on
  // a "Dermatomyositis" MeSH heading or a definition in the title.
  const context = [
    article.title,
    abstract,
    article.keywords.join('; '),
    mesh.map((m) => m.descriptor).join('; '),
    article.bodyText ?? '',
  ].join('\n');
  return [
    ...meshHits(mesh, context),
    ...article.substances.flatMap((s) => hitsIn(s, 'substances', context)),
    ...hitsIn(article.title, 'title', context),
    ...article.keywords.flatMap((k) => hitsIn(k, 'keywords', context)),
    ...hitsIn(abstract, 'abstract', context),
    ...(article.bodyText ? hitsIn(article.bodyText, 'body', context) : []),
  ];
}
