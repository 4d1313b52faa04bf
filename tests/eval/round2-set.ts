/**
 * The second labelled set (tests/fixtures/eval/round2-set.jsonl plus the five real E-utilities
 * records in tests/fixtures/eutils-xml, labelled in round2-xml-labels.json) and its fixed split
 * into a development part (rules may be tuned on it) and a test part (only reported).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parsePubmedXml } from '../../utils/article';
import { createXmlParser } from '../../utils/article/xml-parser';
import { labelledFromLine, type LabelledRecord, type RawLabelledLine } from './dev-set';

type RawRecord = RawLabelledLine & { kind: string };

interface XmlLabel {
  id: string;
  file: string;
  kind: string;
  disease: LabelledRecord['disease'];
  jaki: LabelledRecord['jaki'];
  reason: string;
}

// Resolved from the project root (where vitest runs).
const ROOT = process.cwd();
const JSONL = resolve(ROOT, 'tests/fixtures/eval/round2-set.jsonl');
const XML_LABELS = resolve(ROOT, 'tests/fixtures/eval/round2-xml-labels.json');

function fromJsonl(r: RawRecord): LabelledRecord {
  return labelledFromLine(r, r.kind);
}

function fromXml(label: XmlLabel): LabelledRecord {
  const [article] = parsePubmedXml(
    readFileSync(resolve(ROOT, label.file), 'utf8'),
    createXmlParser(),
  );
  if (!article) throw new Error(`${label.file}: no PubmedArticle`);
  return {
    id: label.id,
    group: label.kind,
    disease: label.disease,
    jaki: label.jaki,
    reason: label.reason,
    article,
  };
}

/** Every record of the second set: the copied records, then the five E-utilities records. */
export function loadRound2Set(): LabelledRecord[] {
  const copied = readFileSync(JSONL, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => fromJsonl(JSON.parse(line) as RawRecord));
  const xml = (JSON.parse(readFileSync(XML_LABELS, 'utf8')) as XmlLabel[]).map(fromXml);
  return [...copied, ...xml];
}

function hashOf(id: string): string {
  return createHash('sha256').update(id).digest('hex');
}

/**
 * The split, fixed before any rule was tuned: records are grouped by their label pair
 * (disease × jaki), ordered within each group by the SHA-256 of their id, and dealt
 * alternately — first to the development part, next to the test part, and so on.
 */
export function splitRound2(records: LabelledRecord[]): {
  dev: LabelledRecord[];
  test: LabelledRecord[];
} {
  const strata = new Map<string, LabelledRecord[]>();
  for (const r of records) {
    const key = `${r.disease}|${r.jaki}`;
    strata.set(key, [...(strata.get(key) ?? []), r]);
  }
  const dev: LabelledRecord[] = [];
  const test: LabelledRecord[] = [];
  for (const group of strata.values()) {
    group
      .map((r) => ({ r, h: hashOf(r.id) }))
      .sort((a, b) => (a.h < b.h ? -1 : a.h > b.h ? 1 : 0))
      .forEach(({ r }, i) => (i % 2 === 0 ? dev : test).push(r));
  }
  return { dev, test };
}
