/**
 * utils/panel/: what the summary panel shows, computed from a verdict and the knowledge base: the view
 * model, drug cards, pathway matrix and families, and safe links. Pure; may import utils/classify/,
 * utils/article/, utils/page/sites.ts and utils/knowledge/.
 */
/**
 * The summary panel's view model: everything the panel shows, computed from a classifier Verdict
 * and the knowledge base, so the components only lay it out. Pure: no DOM, no browser APIs.
 */
import { summariseEvidence, type DiseaseKind, type Relevance, type Verdict } from '../classify';
import { getDrug, REFERENCE_CAUTION, REFERENCE_CHECKED } from '../knowledge/drugs';
import { monthYear } from '../knowledge/checked';
import type { JakName } from '../knowledge/types';
import { antibodiesIn, antibodySubtype, type AntibodyFinding } from './antibodies';
import { buildDrugCard, JAK_ORDER, type DrugCardModel } from './drug-card';
import {
  buildMatrix,
  familiesForCards,
  familiesForTargets,
  jdmPathwayNote,
  PATHWAY_RULE,
  typeOneIfnBlockers,
  typeOneIfnFamily,
  type PathwayView,
} from './pathways';
import { showsPanel } from './visibility';

export { safeHttpUrl } from './links';
export { badgeFor, relevanceLabel, type Badge } from '../classify/relevance-label';
import { relevanceLabel } from '../classify/relevance-label';
export type { DrugCardModel } from './drug-card';
export type { PathwayView } from './pathways';

/** What the panel shows for one article. */
export interface PanelModel {
  /** False for articles that are not relevant: no panel by default. */
  show: boolean;
  relevance: Relevance;
  disease: DiseaseKind | null;
  /** "Core: juvenile dermatomyositis + JAK inhibition", "Disease only: …", "JAK inhibition only". */
  relevanceLabel: string;
  /** Leading antibody and disease, "anti-MDA5 DM", when the article names one. */
  subtype: string | null;
  /** Myositis antibodies named in the article, most mentioned first. */
  antibodies: AntibodyFinding[];
  /** Why, in one sentence: "MeSH: Dermatomyositis; abstract: baricitinib ×4, tofacitinib ×2". */
  verdictLine: string;
  /** One card per inhibitor found, most-mentioned first. */
  cards: DrugCardModel[];
  pathways: PathwayView;
  /** The reference's "not a prescribing reference" line, shown next to drug facts. */
  caution: string;
  /** "December 2026": when the reference was last checked (shown as "Reference checked …"). */
  checked: string;
}

/**
 * The evidence line at the top: one short sentence. Two fields, two terms each, are enough to
 * say why; the full list is the classifier's (summariseEvidence with its defaults).
 */
export function shortVerdictLine(verdict: Verdict): string {
  return summariseEvidence(verdict, 2).split('; ').slice(0, 2).join('; ');
}

const TARGET_IDS: Record<string, JakName> = {
  'target:JAK1': 'JAK1',
  'target:JAK2': 'JAK2',
  'target:JAK3': 'JAK3',
  'target:TYK2': 'TYK2',
};

/** JAKs the article names: from the scan's term ids when given, else from the evidence. */
function mentionedJaks(verdict: Verdict, scannedTermIds: readonly string[] = []): JakName[] {
  const all = new Set([...scannedTermIds, ...verdict.evidence.map((e) => e.termId)]);
  return JAK_ORDER.filter((jak) => [...all].some((id) => TARGET_IDS[id] === jak));
}

/** Cards for the drugs the verdict found, most mentions first, ties by name. */
function buildCards(verdict: Verdict): DrugCardModel[] {
  return verdict.drugs
    .flatMap((finding) => {
      const drug = getDrug(finding.drugId);
      return drug ? [buildDrugCard(drug, finding.count)] : [];
    })
    .sort((a, b) => b.mentions - a.mentions || a.name.localeCompare(b.name));
}

/**
 * Builds the panel model. `scannedTermIds` (the term ids of a scan of the article,
 * `ArticleAnalysis.scannedTermIds`) is optional: with it, the target-only view lists every JAK and
 * the header every antibody the article names; without it, only those that counted as evidence.
 */
export function buildPanelModel(verdict: Verdict, scannedTermIds?: readonly string[]): PanelModel {
  const cards = buildCards(verdict);
  const noDrugs = cards.length === 0;
  // Which drugs would block the interferon signature a disease paper measures: useful when the
  // article names no inhibitor of its own.
  const wantsBlockers =
    verdict.relevance === 'disease' || (verdict.relevance === 'core' && noDrugs);
  const targets = noDrugs ? mentionedJaks(verdict, scannedTermIds) : [];
  const antibodies = antibodiesIn(verdict, scannedTermIds);
  return {
    show: showsPanel(verdict.relevance),
    relevance: verdict.relevance,
    disease: verdict.disease,
    relevanceLabel: relevanceLabel(verdict.relevance, verdict.disease),
    subtype: antibodySubtype(verdict.disease, antibodies),
    antibodies,
    verdictLine: shortVerdictLine(verdict),
    cards,
    pathways: {
      rule: PATHWAY_RULE,
      jdmNote: jdmPathwayNote(),
      matrix: buildMatrix(cards),
      families: familiesForCards(cards),
      targets,
      targetFamilies: familiesForTargets(targets),
      typeOneIfnBlockers: wantsBlockers ? typeOneIfnBlockers() : null,
      typeOneIfn: typeOneIfnFamily(),
    },
    caution: REFERENCE_CAUTION,
    checked: monthYear(REFERENCE_CHECKED),
  };
}
