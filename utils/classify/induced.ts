/**
 * Myositis caused by a drug is not an idiopathic inflammatory myopathy. Immune checkpoint
 * inhibitors (anti-PD-1, anti-CTLA-4) cause a myositis, sometimes with DM-like skin, that papers
 * describe with the same words ("ICI-related PM/DM", MeSH "Dermatomyositis / chemically
 * induced"); such a record is not about JDM/DM/IIM.
 */
import type { Article } from '../article';
import { meshTermsOf } from './scan';

/**
 * The checkpoint-inhibitor antibodies by generic name: case reports name the drug they saw
 * ("Pembrolizumab-related systemic myositis", "A Case of Nivolumab-Induced Myositis") more often
 * than the class. A class list, like the "-citinib" suffix for JAK inhibitors, not a list of the
 * drugs some record happened to name: the anti-PD-1, anti-PD-L1, anti-CTLA-4 and anti-LAG-3
 * antibodies. No suffix serves: "-limab"/"-lizumab" also end belimumab and tocilizumab.
 */
export const CHECKPOINT_INHIBITOR_NAMES: readonly string[] = [
  // PD-1
  'pembrolizumab',
  'nivolumab',
  'cemiplimab',
  'dostarlimab',
  'retifanlimab',
  'toripalimab',
  'tislelizumab',
  'sintilimab',
  'camrelizumab',
  'spartalizumab',
  // PD-L1
  'atezolizumab',
  'durvalumab',
  'avelumab',
  'cosibelimab',
  'envafolimab',
  'sugemalimab',
  // CTLA-4
  'ipilimumab',
  'tremelimumab',
  // LAG-3
  'relatlimab',
];

// Any hyphen or dash: publisher pages print "ICI‑induced" with a non-breaking hyphen (U+2011).
const DASH = '[\\s\\-\\u2010-\\u2015]';
const DRUG = `(?:${CHECKPOINT_INHIBITOR_NAMES.join('|')})`;
const CLASS = `(?:immune${DASH}+checkpoint${DASH}+inhibitors?|checkpoint${DASH}+inhibitors?|ICIs?)`;
const CHECKPOINT = new RegExp(`\\b(?:${CLASS}|${DRUG})\\b`, 'gi');
// "ICI-related myositis", "immune checkpoint inhibitor (ICI)-associated myotoxicity",
// "Immune Checkpoint Inhibitor-Induced Myositis", "Pembrolizumab-related systemic myositis",
// "myositis induced by immune checkpoint inhibitors", "can also be induced by ICI".
const INDUCED = new RegExp(
  `\\b(?:checkpoint${DASH}+inhibitors?|ICIs?|${DRUG})\\)?${DASH}*(?:related|induced|associated|mediated)\\b` +
    `|\\binduced\\s+by\\s+(?:immune${DASH}+checkpoint|ICIs?\\b|${DRUG}\\b)`,
  'i',
);
const MYOSITIS_HEADING = /myositis|myopath/i;

function checkpointMentions(text: string): number {
  return text.match(CHECKPOINT)?.length ?? 0;
}

/**
 * True when the record's myositis is checkpoint-inhibitor-induced: MeSH files a myositis heading
 * under "chemically induced", or the record says "ICI-related/induced…" (or names a checkpoint
 * inhibitor so: "pembrolizumab-induced") and names checkpoint inhibitors, by class or drug, in its
 * title or at least twice in its abstract (one aside in a DM review is not enough).
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
