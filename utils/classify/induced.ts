/**
 * Myositis caused by a drug is not an idiopathic inflammatory myopathy. Immune checkpoint
 * inhibitors (anti-PD-1, anti-CTLA-4) cause a myositis, sometimes with DM-like skin, that papers
 * describe with the same words ("ICI-related PM/DM", MeSH "Dermatomyositis / chemically
 * induced"); such a record is not about JDM/DM/IIM.
 */
import type { Article } from '../article';
import { meshTermsOf } from './scan';

const CHECKPOINT =
  /\b(?:immune[\s-]+checkpoint[\s-]+inhibitors?|checkpoint[\s-]+inhibitors?|ICIs?)\b/gi;
// "ICI-related myositis", "immune checkpoint inhibitor (ICI)-associated myotoxicity",
// "Immune Checkpoint Inhibitor-Induced Myositis", "myositis induced by immune checkpoint inhibitors".
const INDUCED =
  /\b(?:checkpoint[\s-]+inhibitors?|ICIs?)\)?[\s-]*(?:related|induced|associated|mediated)\b|\binduced\s+by\s+(?:immune\s+)?checkpoint/i;
const MYOSITIS_HEADING = /myositis|myopath/i;

function checkpointMentions(text: string): number {
  return text.match(CHECKPOINT)?.length ?? 0;
}

/**
 * True when the record's myositis is checkpoint-inhibitor-induced: MeSH files a myositis heading
 * under "chemically induced", or the record says "ICI-related/induced…" and names checkpoint
 * inhibitors in its title or at least twice in its abstract (one aside in a DM review is not enough).
 */
export function isDrugInducedMyositis(article: Article): boolean {
  const meshInduced = meshTermsOf(article).some(
    (m) => MYOSITIS_HEADING.test(m.descriptor) && m.qualifiers.includes('chemically induced'),
  );
  if (meshInduced) return true;
  const text = [article.title, article.abstract, ...article.keywords].join('\n');
  if (!INDUCED.test(text)) return false;
  return checkpointMentions(article.title) > 0 || checkpointMentions(article.abstract) >= 2;
}
