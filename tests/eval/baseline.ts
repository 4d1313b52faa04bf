/**
 * The four-line regular expression the issue compares against: a "-citinib" suffix or "JAK
 * inhibitor" means JAK inhibition; "dermatomyositis", "JDM", "myositis" or "myopathy" means
 * myositis. It has no subtype and no context; it is here only as a yardstick.
 */
import type { Article } from '../../utils/article';

const JAK = /\b\w+citinib\b|\bJAK inhibitors?\b/i;
const MYOSITIS = /dermatomyositis|\bJDM\b|myositis|myopathy/i;

function text(a: Article): string {
  return [a.title, a.abstract, ...a.keywords, ...a.mesh, ...a.substances].join('\n');
}

/** The baseline's verdict on one record. */
export function baselineVerdict(a: Article): { myositis: boolean; jak: boolean } {
  const t = text(a);
  return { myositis: MYOSITIS.test(t), jak: JAK.test(t) };
}
