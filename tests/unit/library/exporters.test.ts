import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { rowsToAnnotations } from '@/utils/library/export-annotation';
import { CSV_COLUMNS, rowsToCsv } from '@/utils/library/export-csv';
import { strFromU8, unzipSync } from 'fflate';
import {
  MAX_FILE_NAME_LENGTH,
  articleToMarkdown,
  combinedMarkdown,
  markdownFileName,
  markdownZip,
} from '@/utils/library/export-markdown';
import { rowsToRis } from '@/utils/library/export-ris';
import { buildLibraryRows } from '@/utils/library/query';
import { generateLibrary } from '../../support/library-data';

const data = generateLibrary(4);
data.articles[0]!.title = 'JDM: "refractory" cases';
data.articles[0]!.doi = '10.1000/jdm.1';
data.notes[0]!.body = '=HYPERLINK("http://evil")\nTY  - BOOK\nline three';
const rows = buildLibraryRows(data.articles, data.notes, data.highlights);
const first = rows.find((r) => r.key === 'pmid:10000000')!;

describe('Markdown export', () => {
  it('writes front matter that survives quotes and colons, the note, and highlights as quotes', () => {
    const md = articleToMarkdown(first);
    const front = md.split('\n---\n')[0]!;
    expect(front).toContain('pmid: "10000000"');
    expect(front).toContain('doi: "10.1000/jdm.1"');
    expect(front).toContain(`title: ${JSON.stringify(first.title)}`);
    expect(front).toContain(`tags: [${first.tags.map((t) => JSON.stringify(t)).join(', ')}]`);
    expect(md).toContain(first.note!.body.trim());
    for (const h of first.highlights) expect(md).toContain(`> ${h.textQuote.exact}`);
    expect(md).toContain(first.highlights[1]!.comment!);
    expect(markdownFileName(first)).toBe('pmid-10000000.md');
  });

  it('puts every article in one combined file', () => {
    const md = combinedMarkdown(rows, 0);
    expect(md.match(/^## /gm)).toHaveLength(rows.length);
  });
});

describe('Markdown export, one file per article in a zip', () => {
  const hostile = [
    { ...rows[1]!, title: '../../etc/passwd' },
    { ...rows[2]!, title: `<script>alert(1)</script> ${'very long title '.repeat(20)}` },
    {
      ...rows[3]!,
      pmid: undefined,
      key: 'doi:10.1/x',
      doi: '10.1/x',
      title: 'Sjögren 皮膚筋炎 🧪 CON',
    },
    // Same PMID and title as the first: its name must not overwrite the first's file.
    { ...first, key: 'pmid:10000000-copy', note: undefined },
  ];
  const zipRows = [...hostile, first];
  const files = unzipSync(markdownZip(zipRows, Date.UTC(2026, 0, 2)));
  const names = Object.keys(files);

  it('holds one file per article with safe, unique, capped names in a fixed order', () => {
    expect(names).toEqual([
      'doi-10-1-x-sjogren-皮膚筋炎-con.md',
      'pmid-10000000-jdm-refractory-cases.md',
      'pmid-10000000-jdm-refractory-cases-2.md',
      'pmid-10000001-etc-passwd.md',
      expect.stringMatching(/^pmid-10000002-script-alert-1-script-very-long-title-very-/),
    ]);
    for (const name of names) {
      expect(name).toMatch(/^[\p{L}\p{N}-]+\.md$/u);
      expect(name.length).toBeLessThanOrEqual(MAX_FILE_NAME_LENGTH);
    }
  });

  it("writes each article's front matter, note and highlights into its own file", () => {
    const text = (name: string) => strFromU8(files[name]!);
    const original = text('pmid-10000000-jdm-refractory-cases.md');
    expect(original).toBe(articleToMarkdown(first));
    expect(original).toContain(first.note!.body.trim());
    for (const h of first.highlights) expect(original).toContain(`> ${h.textQuote.exact}`);
    const copy = text('pmid-10000000-jdm-refractory-cases-2.md');
    expect(copy).not.toContain(first.note!.body.trim());
    const passwd = text('pmid-10000001-etc-passwd.md');
    expect(passwd).toContain('title: "../../etc/passwd"');
    expect(passwd).toContain('pmid: "10000001"');
    const unicode = text('doi-10-1-x-sjogren-皮膚筋炎-con.md');
    expect(unicode).toContain('title: "Sjögren 皮膚筋炎 🧪 CON"');
    expect(unicode).toContain('doi: "10.1/x"');
  });

  it('gives the same bytes for the same articles in any order', () => {
    const now = Date.UTC(2026, 0, 2);
    expect(markdownZip([...zipRows].reverse(), now)).toEqual(markdownZip(zipRows, now));
  });
});

describe('CSV export', () => {
  it('has one row per article that parses back, with formulas neutralised', () => {
    const csv = rowsToCsv(rows);
    const parsed = Papa.parse<Record<string, string>>(csv, { header: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.meta.fields).toEqual([...CSV_COLUMNS]);
    expect(parsed.data).toHaveLength(rows.length);
    const row = parsed.data.find((r) => r.key === first.key)!;
    expect(row.title).toBe(first.title);
    expect(row.note).toBe(`'${first.note!.body}`);
    expect(row.tags).toBe(first.tags.join('; '));
  });
});

describe('RIS export', () => {
  it('writes one JOUR record per article with the note in N1 and tags as keywords', () => {
    const ris = rowsToRis(rows);
    expect(ris.match(/^TY {2}- JOUR$/gm)).toHaveLength(rows.length);
    expect(ris.match(/^ER {2}-$/gm)).toHaveLength(rows.length);
    expect(ris).toContain(`TI  - ${first.title}`);
    expect(ris).toContain('DO  - 10.1000/jdm.1');
    for (const tag of first.tags) expect(ris).toContain(`KW  - ${tag}`);
    expect(ris).toContain('N1  - =HYPERLINK');
    // A note line that looks like a RIS tag must not start a new field.
    expect(ris).not.toMatch(/^TY {2}- BOOK/m);
    expect(ris).toContain(' TY  - BOOK');
  });
});

describe('Web Annotation export', () => {
  it('writes each highlight with TextQuote and TextPosition selectors on the PubMed page', () => {
    const doc = rowsToAnnotations(rows, 0);
    const total = rows.reduce((n, r) => n + r.highlights.length, 0);
    expect(doc.total).toBe(total);
    expect(doc['@context']).toContain('http://www.w3.org/ns/anno.jsonld');
    type Item = {
      motivation: string;
      body?: unknown;
      target: { source: string; selector: Array<{ type: string; exact?: string }> };
    };
    const items = doc.first.items as unknown as Item[];
    const commented = items.find((a) => a.motivation === 'commenting')!;
    expect(commented.body).toMatchObject({ type: 'TextualBody', purpose: 'commenting' });
    expect(commented.target.source).toMatch(/^https:\/\/pubmed\.ncbi\.nlm\.nih\.gov\/\d+\/$/);
    const [quote, position] = commented.target.selector as [Item['target']['selector'][0], unknown];
    expect(quote!.type).toBe('TextQuoteSelector');
    expect(typeof quote!.exact).toBe('string');
    expect(position).toMatchObject({ type: 'TextPositionSelector' });
    expect(JSON.parse(JSON.stringify(doc))).toEqual(doc);
  });
});
