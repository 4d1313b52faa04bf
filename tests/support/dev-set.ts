import { readFixture } from './fixtures';

/** One line of tests/fixtures/eval/dev-set.jsonl (a copy of /work/shared/eval/dev-set.jsonl). */
export interface DevRecord {
  id: string;
  pmid: string | null;
  doi: string | null;
  title: string;
  abstract: string;
  abstractTruncated: boolean;
  keywords: string[];
  mesh: string[];
  substances: string[];
  publicationTypes: string[];
  sourceUrl: string;
  group: 'A' | 'B' | 'C' | 'D';
  disease: 'jdm' | 'dm' | 'iim' | 'none';
  jaki: 'yes' | 'no';
  reason: string;
  uncertain: string | null;
  provenance?: Record<string, unknown>;
}

let cache: DevRecord[] | undefined;

/** Every dev-set record, in file order. */
export function loadDevSet(): DevRecord[] {
  cache ??= readFixture('eval/dev-set.jsonl')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as DevRecord);
  return cache;
}

/** The dev-set record with this id (e.g. 'dev-seed'); throws when there is none. */
export function loadDevRecord(id: string): DevRecord {
  const record = loadDevSet().find((r) => r.id === id);
  if (!record) throw new Error(`No dev-set record with id ${id}`);
  return record;
}

/** A record of the second labelled set (tests/fixtures/eval/round2-set.jsonl); throws when absent. */
export function loadRound2Record(id: string): Omit<DevRecord, 'group'> {
  const record = readFixture('eval/round2-set.jsonl')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as Omit<DevRecord, 'group'>)
    .find((r) => r.id === id);
  if (!record) throw new Error(`No round-2 record with id ${id}`);
  return record;
}
