import type { DiseaseKind, Relevance } from '@/utils/classify';
import { el } from './dom';

export type ResultBadgeProps = {
  relevance: Relevance;
  disease: DiseaseKind | null;
  /** Inhibitors named in the result, most mentioned first. */
  drugs: ReadonlyArray<{ drugId: string; name: string }>;
  /** 'visible': judged from the title and snippet only; 'record': from the PubMed record. */
  basis: 'visible' | 'record';
  /** The reader has a note or highlights on this article. */
  hasNotes: boolean;
};

const DISEASE_SHORT: Record<DiseaseKind, string> = { jdm: 'JDM', dm: 'DM', iim: 'Myositis' };
const DISEASE_LONG: Record<DiseaseKind, string> = {
  jdm: 'juvenile dermatomyositis',
  dm: 'dermatomyositis',
  iim: 'inflammatory myositis',
};
const BASIS: Record<ResultBadgeProps['basis'], string> = {
  visible: 'judged from the title and snippet',
  record: 'judged from the PubMed record (MeSH terms and abstract)',
};
/** Chips beyond this are summed up as "+N", so a long drug list never pushes the result apart. */
const MAX_CHIPS = 4;
const NOTES_LABEL = 'You have notes or highlights on this article';

/**
 * Draws the verdict badge JAK Lens adds to one search result (verdict, inhibitor chips, notes
 * marker) into `host`, replacing what was there. Plain DOM, not Preact: it runs on every search
 * page, in the always-on script (issue 17).
 */
export function renderResultBadge(host: Element, props: ResultBadgeProps): void {
  const { relevance, disease, drugs, basis, hasNotes } = props;
  const doc = host.ownerDocument;
  const { short, long } = describe(relevance, disease);
  const shown = drugs.slice(0, MAX_CHIPS);
  const more = drugs.length - shown.length;
  const verdict = el(
    doc,
    'span',
    {
      class: `jl-verdict jl-verdict--${relevance}`,
      'data-relevance': relevance,
      'data-basis': basis,
      title: `${long}; ${BASIS[basis]}`,
    },
    short,
    el(doc, 'span', { class: 'jl-sr-only' }, `: ${long}; ${BASIS[basis]}`),
  );
  const chips =
    shown.length > 0 &&
    el(
      doc,
      'ul',
      { class: 'jl-chips', 'aria-label': 'JAK inhibitors named' },
      ...shown.map((d) => el(doc, 'li', { class: 'jl-chip', 'data-drug': d.drugId }, d.name)),
      more > 0 &&
        el(
          doc,
          'li',
          { class: 'jl-chip jl-chip--more', title: drugs.map((d) => d.name).join(', ') },
          `+${more}`,
        ),
    );
  const notes =
    hasNotes &&
    el(
      doc,
      'span',
      { class: 'jl-has-notes', role: 'img', 'aria-label': NOTES_LABEL, title: NOTES_LABEL },
      '✎',
    );
  host.replaceChildren(
    el(
      doc,
      'span',
      { class: 'jl-badge-row', role: 'group', 'aria-label': 'JAK Lens' },
      verdict,
      chips,
      notes,
    ),
  );
}

function describe(relevance: Relevance, disease: DiseaseKind | null) {
  const dShort = disease ? DISEASE_SHORT[disease] : 'Myositis';
  const dLong = disease ? DISEASE_LONG[disease] : 'myositis';
  switch (relevance) {
    case 'core':
      return { short: `${dShort} + JAK`, long: `About ${dLong} and JAK inhibition` };
    case 'disease':
      return { short: dShort, long: `About ${dLong}, not JAK inhibition` };
    case 'jak':
      return { short: 'JAK', long: 'About JAK inhibition, not myositis' };
    case 'none':
      return { short: 'Other topic', long: 'Not about myositis or JAK inhibition' };
  }
}
