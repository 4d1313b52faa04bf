import * as v from 'valibot';
import {
  BACKUP_FORMAT,
  BACKUP_TABLES,
  BACKUP_VERSIONS,
  CURRENT_BACKUP_VERSION,
  MAX_BACKUP_BYTES,
  type Backup,
  type BackupTable,
} from './backup-schema';
import { findDuplicateKey } from './json-duplicate-keys';

/**
 * Reads a JSON backup of any format version and checks all of it before anything is written: JSON
 * syntax, format name and version, every record against its schema, duplicated object keys and
 * duplicated records. The first problem comes back as one sentence naming the record and field, e.g.
 * "record notes[3], field body: expected string but received 42". Pure: no database.
 */

export type ParseResult = { ok: true; backup: Backup } | { ok: false; error: string };

const PRIMARY_KEY: Record<BackupTable, string> = {
  articles: 'key',
  notes: 'articleKey',
  noteConflicts: 'id',
  trash: 'id',
  highlights: 'id',
  recent: 'key',
};

/** Parses and validates backup text; see the module comment. */
export function parseBackup(text: string): ParseResult {
  if (text.length > MAX_BACKUP_BYTES) {
    return fail(`The file is larger than ${MAX_BACKUP_BYTES / 1024 / 1024} MB.`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return fail(`The file is not valid JSON (truncated or damaged?): ${reason}`);
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return fail('The file is not a JAK Lens backup: it holds no backup object.');
  }
  const header = raw as { format?: unknown; version?: unknown };
  if (header.format !== BACKUP_FORMAT) {
    return fail(
      `The file is not a JAK Lens backup: field format is ${describe(header.format)}, expected "${BACKUP_FORMAT}".`,
    );
  }
  const version = header.version;
  if (typeof version !== 'number' || !Number.isInteger(version)) {
    return fail(`field version: ${describe(version)} is not a format version number.`);
  }
  const reader = BACKUP_VERSIONS[version];
  if (!reader) {
    return fail(
      version > CURRENT_BACKUP_VERSION
        ? `The backup was written by a newer JAK Lens (format version ${version}); this one reads versions up to ${CURRENT_BACKUP_VERSION}. Update JAK Lens first.`
        : `Unknown backup format version ${version}.`,
    );
  }
  const duplicate = findDuplicateKey(text);
  if (duplicate) {
    return fail(
      `${where([...duplicate.path, duplicate.key])}: the key appears twice in one object.`,
    );
  }
  const parsed = v.safeParse(reader.schema, raw, { abortEarly: true });
  if (!parsed.success) {
    const issue = parsed.issues[0];
    const path = (issue.path ?? []).map((item) => item.key as string | number);
    return fail(`${where(path)}: ${explain(issue)}`);
  }
  const backup = reader.upgrade(parsed.output);
  const repeated = findRepeatedRecord(backup);
  return repeated ? fail(repeated) : { ok: true, backup };
}

/** Two records of one table with the same key (the second would overwrite the first). */
function findRepeatedRecord(backup: Backup): string | null {
  for (const table of BACKUP_TABLES) {
    const field = PRIMARY_KEY[table];
    const seen = new Map<string, number>();
    const rows = backup[table] as unknown as Record<string, string>[];
    for (const [index, row] of rows.entries()) {
      const key = row[field] ?? '';
      const first = seen.get(key);
      if (first !== undefined) {
        return `record ${table}[${index}], field ${field}: ${JSON.stringify(key)} is also in ${table}[${first}].`;
      }
      seen.set(key, index);
    }
  }
  return null;
}

/** A valibot issue in words a reader can act on (the value it quotes shortened, however long). */
function explain(issue: v.BaseIssue<unknown>): string {
  if (issue.expected === 'never') return 'unknown field (not part of this backup format)';
  if (issue.input === undefined && issue.kind === 'schema') return 'missing';
  const message = issue.message.replace(/^Invalid \w+: /, '');
  const received = ` but received ${issue.received}`;
  return message.endsWith(received) && issue.received.length > MAX_QUOTED
    ? `${message.slice(0, -received.length)} but received ${describe(issue.input)}`
    : message;
}

/** "record notes[3], field body" for a path into the backup; "field version" at the top. */
function where(path: readonly (string | number)[]): string {
  const [table, index, ...rest] = path;
  if (typeof table === 'string' && typeof index === 'number') {
    const field = rest.length ? formatPath(rest) : '(the record)';
    return `record ${table}[${index}], field ${field}`;
  }
  return `field ${formatPath(path)}`;
}

/** `notes[3].body`; a key that is not a plain name (empty, spaces, markup, very long) is quoted. */
function formatPath(path: readonly (string | number)[]): string {
  return path
    .map((p, i) => {
      if (typeof p === 'number') return `[${p}]`;
      const name = /^[A-Za-z_$][\w$]{0,60}$/.test(p) ? p : describe(p);
      return i === 0 ? name : `.${name}`;
    })
    .join('');
}

/** How long a value quoted in an error may be before it is cut. */
const MAX_QUOTED = 40;

function describe(value: unknown): string {
  if (value === undefined) return 'missing';
  // Not stringified: an array nested 10,000 deep would overflow the stack.
  if (typeof value === 'object' && value !== null)
    return Array.isArray(value) ? 'a list' : 'an object';
  const json = JSON.stringify(value) ?? String(value);
  return json.length > MAX_QUOTED ? `${json.slice(0, MAX_QUOTED)}…` : json;
}

function fail(error: string): ParseResult {
  return { ok: false, error };
}
