import * as v from 'valibot';
import type {
  ArticleRecord,
  Highlight,
  Note,
  NoteConflict,
  RecentEntry,
  TrashedNote,
} from '../storage/db';
import {
  DISEASE_KINDS,
  HIGHLIGHT_COLORS,
  READING_STATUSES,
  RELEVANCES,
} from '../storage/picklists';
import { httpUrl } from '../page/sites';
import { MAX_TAG_LENGTH, MAX_TAGS } from '../storage/tags';

/**
 * The JSON backup format, one valibot schema per format version ever written. A backup is the
 * lossless copy of the database's user data; it is validated completely before anything is written.
 *
 * Limits: text fields have generous maximum lengths, so a hostile or corrupted file cannot fill the
 * disk through one field. Text is accepted as text (a note may well contain "<script>": it is stored
 * and shown as text, never as markup); fields with a structure (keys, ids, URLs, times) are checked
 * strictly, and unknown fields are an error rather than silently dropped.
 */

export const BACKUP_FORMAT = 'jak-lens-backup';
export const CURRENT_BACKUP_VERSION = 1;
/** Files larger than this are refused before they are read. */
export const MAX_BACKUP_BYTES = 100 * 1024 * 1024;
export const MAX_RECORDS = 200_000;

const MAX_TIME = 8.64e15;
const time = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(MAX_TIME));
const text = (max: number) => v.pipe(v.string(), v.maxLength(max, `longer than ${max} characters`));
const line = (max: number) =>
  v.pipe(
    v.string(),
    v.maxLength(max, `longer than ${max} characters`),
    v.regex(/^[^\n\r]*$/, 'must be a single line'),
  );
const id = v.pipe(
  v.string(),
  v.regex(/^[\w-]{1,100}$/, 'must be letters, digits, - or _ (at most 100)'),
);
const articleKey = v.pipe(
  v.string(),
  v.regex(
    /^(pmid:\d{1,12}|doi:10\.\S{1,300}|pmc:PMC\d{1,12})$/,
    'must be pmid:<digits>, doi:10.<…> or pmc:PMC<digits>',
  ),
);
const pmid = v.pipe(v.string(), v.regex(/^\d{1,12}$/, 'must be digits'));
const httpAddress = v.pipe(
  v.string(),
  v.maxLength(2048, 'longer than 2048 characters'),
  // The one http(s) check (utils/page/sites.ts), and no white space: an exported URL is always encoded.
  v.check((value) => !/\s/.test(value) && httpUrl(value) !== null, 'must be an http(s) address'),
);
const tags = v.pipe(
  v.array(line(MAX_TAG_LENGTH)),
  v.maxLength(MAX_TAGS, `more than ${MAX_TAGS} tags`),
);
const content = {
  body: text(200_000),
  tags,
  status: v.picklist(READING_STATUSES),
};

export const VerdictSchema = v.strictObject({
  relevance: v.picklist(RELEVANCES),
  disease: v.nullable(v.picklist(DISEASE_KINDS)),
  drugs: v.pipe(
    v.array(v.pipe(v.string(), v.regex(/^drug:[a-z0-9-]{1,60}$/, 'must be drug:<name>'))),
    v.maxLength(50),
  ),
});

export const ArticleSchema = v.strictObject({
  key: articleKey,
  pmid: v.optional(pmid),
  doi: v.optional(line(300)),
  pmcid: v.optional(v.pipe(v.string(), v.regex(/^PMC\d{1,12}$/, 'must be PMC<digits>'))),
  title: line(2000),
  journal: v.optional(line(500)),
  year: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1000), v.maxValue(3000))),
  url: httpAddress,
  verdict: v.optional(VerdictSchema),
  firstSeen: time,
  lastSeen: time,
});

export const RecentSchema = v.strictObject({
  key: articleKey,
  pmid: v.optional(pmid),
  title: line(2000),
  journal: v.optional(line(500)),
  year: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1000), v.maxValue(3000))),
  url: httpAddress,
  seenAt: time,
});

export const NoteSchema = v.strictObject({
  articleKey,
  ...content,
  revision: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(Number.MAX_SAFE_INTEGER)),
  createdAt: time,
  updatedAt: time,
});

const revision = v.pipe(
  v.number(),
  v.integer(),
  v.minValue(0),
  v.maxValue(Number.MAX_SAFE_INTEGER),
);

export const NoteConflictSchema = v.strictObject({
  id,
  articleKey,
  ...content,
  baseRevision: revision,
  conflictOf: revision,
  createdAt: time,
});

export const HighlightSchema = v.strictObject({
  id,
  articleKey,
  textQuote: v.strictObject({ exact: text(20_000), prefix: text(1000), suffix: text(1000) }),
  textPosition: v.strictObject({ start: v.pipe(time), end: v.pipe(time) }),
  color: v.picklist(HIGHLIGHT_COLORS),
  comment: v.optional(text(20_000)),
  createdAt: time,
  updatedAt: time,
});

export const TrashedNoteSchema = v.strictObject({
  id,
  articleKey,
  ...content,
  revision,
  createdAt: time,
  updatedAt: time,
  deletedAt: time,
  reason: v.picklist(['deleted', 'conflict-discarded', 'replaced-by-conflict-copy']),
  highlights: v.optional(v.pipe(v.array(HighlightSchema), v.maxLength(10_000))),
});

const records = <T extends v.GenericSchema>(schema: T) =>
  v.pipe(v.array(schema), v.maxLength(MAX_RECORDS, `more than ${MAX_RECORDS} records`));

/** Version 1 (the first format): every table of user data. */
export const BackupV1Schema = v.strictObject({
  format: v.literal(BACKUP_FORMAT),
  version: v.literal(1),
  exportedAt: v.pipe(v.string(), v.isoTimestamp('must be an ISO date-time')),
  articles: records(ArticleSchema),
  notes: records(NoteSchema),
  noteConflicts: records(NoteConflictSchema),
  trash: records(TrashedNoteSchema),
  highlights: records(HighlightSchema),
  recent: v.optional(records(RecentSchema), []),
});

/** A backup in the current format, as the importer works with it. */
export interface Backup {
  format: typeof BACKUP_FORMAT;
  version: typeof CURRENT_BACKUP_VERSION;
  exportedAt: string;
  articles: ArticleRecord[];
  notes: Note[];
  noteConflicts: NoteConflict[];
  trash: TrashedNote[];
  highlights: Highlight[];
  recent: RecentEntry[];
}

/** The tables a backup holds, in the order they are validated and reported. */
export const BACKUP_TABLES = [
  'articles',
  'notes',
  'noteConflicts',
  'trash',
  'highlights',
  'recent',
] as const;
export type BackupTable = (typeof BACKUP_TABLES)[number];

/**
 * Each format version ever written: its schema and how it becomes the current format. When a
 * version 2 is written, add it here with `upgrade` from version 1 (old files keep importing).
 */
export const BACKUP_VERSIONS: Record<
  number,
  { schema: v.GenericSchema; upgrade: (b: unknown) => Backup }
> = {
  1: { schema: BackupV1Schema, upgrade: (b) => b as Backup },
};
