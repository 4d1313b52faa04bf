/**
 * Short words for a verdict: the panel header and popup label, and the toolbar badge. Kept apart from
 * the panel model so the background (which sets badges) does not bundle the knowledge base.
 */
import type { DiseaseKind, Relevance, Verdict } from '../classify';

const DISEASE_NAME: Record<DiseaseKind, string> = {
  jdm: 'juvenile dermatomyositis',
  dm: 'dermatomyositis',
  iim: 'inflammatory myopathy',
};

/** The relevance as a short label for the header. */
export function relevanceLabel(relevance: Relevance, disease: DiseaseKind | null): string {
  const name = disease ? DISEASE_NAME[disease] : 'myositis';
  switch (relevance) {
    case 'core':
      return `Core: ${name} + JAK inhibition`;
    case 'disease':
      return `Disease only: ${name}`;
    case 'jak':
      return 'JAK inhibition only';
    default:
      return 'Not about myositis or JAK inhibition';
  }
}

/** The toolbar badge for a tab. */
export interface Badge {
  text: string;
  title: string;
}

/**
 * The toolbar badge: the disease ("JDM" / "DM" / "IIM") on core articles, the number of
 * inhibitors named on JAK-only ones, and none otherwise (the background clears it).
 */
export function badgeFor(
  verdict: Pick<Verdict, 'relevance' | 'disease'> & { drugs: readonly unknown[] },
): Badge | null {
  if (verdict.relevance === 'core') {
    const text = (verdict.disease ?? 'iim').toUpperCase();
    return { text, title: `JAK Lens: ${relevanceLabel('core', verdict.disease)}` };
  }
  if (verdict.relevance === 'jak' && verdict.drugs.length > 0) {
    const n = verdict.drugs.length;
    return {
      text: String(n),
      title: `JAK Lens: JAK inhibition only, ${n} inhibitor${n === 1 ? '' : 's'} named`,
    };
  }
  return null;
}
