/** Loads the labelled dev set (tests/fixtures/eval/dev-set.jsonl) as Articles with their labels. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Article } from '../../utils/article';

export interface LabelledRecord {
  id: string;
  group: string;
  disease: 'jdm' | 'dm' | 'iim' | 'none';
  jaki: 'yes' | 'no';
  reason: string;
  article: Article;
}

/** One labelled line as stored in a JSONL set (its group field is named per set). */
export interface RawLabelledLine {
  id: string;
  pmid: string | null;
  doi: string | null;
  title: string;
  abstract: string;
  keywords: string[];
  mesh: string[];
  substances: string[];
  publicationTypes: string[];
  sourceUrl: string;
  disease: LabelledRecord['disease'];
  jaki: LabelledRecord['jaki'];
  reason: string;
}

// Resolved from the project root (where vitest runs): happy-dom gives import.meta.url an http scheme.
const FILE = resolve(process.cwd(), 'tests/fixtures/eval/dev-set.jsonl');

/** Every record of the dev set, in file order. */
export function loadDevSet(): LabelledRecord[] {
  return readFileSync(FILE, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as RawLabelledLine & { group: string })
    .map((r) => labelledFromLine(r, r.group));
}

/** A stored line as the eval reads it: the labels and an Article of the fields the record has. */
export function labelledFromLine(r: RawLabelledLine, group: string): LabelledRecord {
  return {
    id: r.id,
    group,
    disease: r.disease,
    jaki: r.jaki,
    reason: r.reason,
    article: {
      source: 'pubmed',
      ...(r.pmid ? { pmid: r.pmid } : {}),
      ...(r.doi ? { doi: r.doi } : {}),
      title: r.title,
      abstract: r.abstract,
      abstractSections: [],
      keywords: r.keywords,
      mesh: r.mesh,
      meshTerms: [],
      substances: r.substances,
      publicationTypes: r.publicationTypes,
      authors: [],
      url: r.sourceUrl,
    },
  };
}
