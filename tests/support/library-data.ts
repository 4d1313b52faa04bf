import type { ArticleRecord, Highlight, JakLensDB, Note } from '@/utils/storage/db';

/** Generated library data for tests and the bench: articles with notes, some with highlights. */
export interface GeneratedLibrary {
  articles: ArticleRecord[];
  notes: Note[];
  highlights: Highlight[];
}

const DRUGS = ['drug:baricitinib', 'drug:tofacitinib', 'drug:ruxolitinib', 'drug:upadacitinib'];
const WORDS = [
  'interferon',
  'calcinosis',
  'rash',
  'muscle',
  'weakness',
  'steroid',
  'dose',
  'children',
  'refractory',
  'remission',
  'signature',
  'biopsy',
  'capillaroscopy',
  'lung',
  'disease',
  'herpes',
  'zoster',
  'trial',
  'cohort',
  'registry',
  'outcome',
  'score',
  'CMAS',
  'MDA5',
  'TIF1',
  'NXP2',
  'ferritin',
  'creatine',
];

const SYLLABLES = [
  'ka',
  'ro',
  'mi',
  'tel',
  'san',
  'dor',
  'vi',
  'nep',
  'lu',
  'gra',
  'fo',
  'zen',
  'pa',
  'qui',
  'bex',
  'sto',
  'har',
  'mel',
  'tri',
  'ul',
];

/**
 * Deterministic pseudo-random words (a small LCG), so runs are comparable. Like real notes, a few
 * words are common (the domain words) and most are rare: a long tail of ~8,000 made-up words drawn
 * with a skewed (roughly Zipf-like) distribution.
 */
function words(seed: number, count: number): string {
  let x = seed * 2654435761 + 1;
  const next = () => (x = (x * 1103515245 + 12345) % 2147483648) / 2147483648;
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    if (next() < 0.3) {
      out.push(WORDS[Math.floor(next() * WORDS.length)] ?? 'note');
      continue;
    }
    const rank = Math.floor(8000 * next() ** 3);
    const a = SYLLABLES[rank % 20]!;
    const b = SYLLABLES[Math.floor(rank / 20) % 20]!;
    const c = rank >= 400 ? SYLLABLES[Math.floor(rank / 400) % 20]! : '';
    out.push(a + b + c);
  }
  return out.join(' ');
}

/** `count` articles, each with a note; every third with two highlights, one commented. */
export function generateLibrary(count: number, start = 1_700_000_000_000): GeneratedLibrary {
  const articles: ArticleRecord[] = [];
  const notes: Note[] = [];
  const highlights: Highlight[] = [];
  for (let i = 0; i < count; i++) {
    const pmid = String(10_000_000 + i);
    const key = `pmid:${pmid}`;
    const t = start + i * 1000;
    articles.push({
      key,
      pmid,
      title: `Article ${i}: ${words(i, 8)}`,
      journal: i % 2 ? 'Rheumatology' : 'Ann Rheum Dis',
      year: 2000 + (i % 25),
      url: `https://pubmed.ncbi.nlm.nih.gov/${pmid}/`,
      verdict: { relevance: i % 3 ? 'core' : 'disease', disease: 'jdm', drugs: [DRUGS[i % 4]!] },
      firstSeen: t,
      lastSeen: t,
    });
    notes.push({
      articleKey: key,
      body: `Note ${i}. ${words(i + 7, 40)}\nSecond line ${words(i + 11, 20)}`,
      tags: [`tag-${i % 20}`, ...(i % 5 === 0 ? ['review'] : [])],
      status: i % 2 ? 'read' : 'to-read',
      revision: 1 + (i % 3),
      createdAt: t,
      updatedAt: t + 10,
    });
    if (i % 3 === 0) {
      for (const j of [0, 1]) {
        highlights.push({
          id: `h-${i}-${j}`,
          articleKey: key,
          textQuote: { exact: words(i + 100 + j, 6), prefix: 'before ', suffix: ' after' },
          textPosition: { start: 100 * j, end: 100 * j + 40 },
          color: 'yellow',
          ...(j === 1 ? { comment: `Comment ${words(i + 200, 5)}` } : {}),
          createdAt: t,
          updatedAt: t + 20,
        });
      }
    }
  }
  return { articles, notes, highlights };
}

/** Writes generated data into `db` in one transaction. */
export async function seedLibrary(db: JakLensDB, data: GeneratedLibrary): Promise<void> {
  await db.transaction('rw', db.articles, db.notes, db.highlights, async () => {
    await db.articles.bulkPut(data.articles);
    await db.notes.bulkPut(data.notes);
    await db.highlights.bulkPut(data.highlights);
  });
}
