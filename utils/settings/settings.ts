/**
 * utils/settings/: the reader's settings: schema and defaults (this file), the store in extension
 * storage, the site switch and the panel's layout prefs. With entrypoints/, the only place that may use
 * the browser API (extension storage).
 */
import * as v from 'valibot';

/**
 * The reader's settings. Stored in extension storage (`storage.local`), never in the page; validated on
 * every read so a damaged or older value falls back to defaults field by field (nested fields too)
 * instead of breaking. The panel's side lives with the panel's other layout prefs (utils/settings/panel-prefs.ts),
 * which the library's settings form edits as well.
 */

const color = v.pipe(v.string(), v.regex(/^#[0-9a-f]{6}$/i));
const kind = (defaultColor: string) =>
  v.optional(
    v.object({
      enabled: v.optional(v.boolean(), true),
      color: v.optional(color, defaultColor),
    }),
    {},
  );

/** Colour-blind-safe defaults (Okabe–Ito), the same hues as the page marks (utils/term-marks/style.ts). */
export const DEFAULT_KIND_COLORS = {
  drug: '#e69f00',
  target: '#56b4e9',
  disease: '#cc79a7',
  antibody: '#f0e442',
  watch: '#009e73',
} as const;

export const MAX_WATCH_TERMS = 200;

export const WatchTermSchema = v.object({
  term: v.pipe(v.string(), v.trim(), v.minLength(2), v.maxLength(100)),
  label: v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(40)),
});
export type WatchTerm = v.InferOutput<typeof WatchTermSchema>;

export const SettingsSchema = v.object({
  /** Keep a list of recently opened articles in the library. */
  recordRecent: v.optional(v.boolean(), true),
  /** Where JAK Lens runs. */
  sites: v.optional(
    v.object({
      pubmed: v.optional(v.boolean(), true),
      pmc: v.optional(v.boolean(), true),
    }),
    {},
  ),
  /** Which recognised terms are highlighted, and in which colour. */
  termMarkKinds: v.optional(
    v.object({
      drug: kind(DEFAULT_KIND_COLORS.drug),
      target: kind(DEFAULT_KIND_COLORS.target),
      disease: kind(DEFAULT_KIND_COLORS.disease),
      antibody: kind(DEFAULT_KIND_COLORS.antibody),
      watch: kind(DEFAULT_KIND_COLORS.watch),
    }),
    {},
  ),
  /** Extra terms the reader wants highlighted, each with a label shown on hover. */
  watchList: v.optional(v.pipe(v.array(WatchTermSchema), v.maxLength(MAX_WATCH_TERMS)), []),
  /** Remind the reader to export after this many new notes since the last export; 0 = never. */
  backupReminderAfter: v.optional(
    v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(10_000)),
    20,
  ),
  /**
   * On search results, fetch the visible results' MeSH terms and abstracts from NCBI E-utilities
   * (title and snippet alone classify poorly). Sends PMIDs, and nothing else, to NCBI.
   */
  fetchRecords: v.optional(v.boolean(), true),
  /** On PMC full text, also highlight terms in the reference list (cited titles are not the article). */
  markReferences: v.optional(v.boolean(), false),
});

export type Settings = v.InferOutput<typeof SettingsSchema>;
export type TermMarkKind = keyof Settings['termMarkKinds'];

export const DEFAULT_SETTINGS: Settings = v.parse(SettingsSchema, {});

/**
 * Keys renamed since 0.1 (term marks used to be called highlights), old → new. A value stored, synced
 * or exported under the old name is read under the new one, so no reader's colours are lost.
 */
const RENAMED_KEYS: Record<string, keyof Settings> = {
  highlightKinds: 'termMarkKinds',
  highlightReferences: 'markReferences',
};

/** Returns valid settings from whatever was stored (undefined, partial, damaged, or older). */
export function normalizeSettings(raw: unknown): Settings {
  return repair(SettingsSchema, withRenamedKeys(raw), DEFAULT_SETTINGS) as Settings;
}

function withRenamedKeys(raw: unknown): unknown {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return raw;
  const renamed: Record<string, unknown> = { ...(raw as Record<string, unknown>) };
  for (const [old, current] of Object.entries(RENAMED_KEYS)) {
    if (old in renamed && !(current in renamed)) renamed[current] = renamed[old];
    delete renamed[old];
  }
  return renamed;
}

/**
 * Keeps each valid field of `raw` and replaces each invalid one by its default, recursing into
 * nested objects; a list keeps its valid items and drops the others.
 */
function repair(schema: v.GenericSchema, raw: unknown, fallback: unknown): unknown {
  const inner = unwrap(schema);
  if (inner.type === 'object' && 'entries' in inner) {
    const entries = inner.entries as Record<string, v.GenericSchema>;
    const source = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
    const defaults = fallback as Record<string, unknown>;
    return Object.fromEntries(
      Object.entries(entries).map(([key, field]) => [
        key,
        repair(field, source[key], defaults[key]),
      ]),
    );
  }
  const parsed = v.safeParse(schema, raw);
  if (parsed.success) return parsed.output;
  if (Array.isArray(raw) && inner.type === 'array' && 'item' in inner) {
    const item = inner.item as v.GenericSchema;
    const kept = raw.flatMap((x) => {
      const one = v.safeParse(item, x);
      return one.success ? [one.output] : [];
    });
    const whole = v.safeParse(schema, kept);
    if (whole.success) return whole.output;
  }
  return structuredClone(fallback);
}

/** The schema inside `optional(...)` and `pipe(...)`. */
function unwrap(schema: v.GenericSchema): v.GenericSchema & Record<string, unknown> {
  let current = schema as v.GenericSchema & Record<string, unknown>;
  for (;;) {
    if ('wrapped' in current) current = current.wrapped as typeof current;
    else if ('pipe' in current && Array.isArray(current.pipe) && current.pipe[0] !== current) {
      current = current.pipe[0] as typeof current;
    } else return current;
  }
}

/** Whether the reader is due a backup reminder: enough notes created since the last export. */
export function isBackupDue(settings: Settings, notesSinceExport: number): boolean {
  return settings.backupReminderAfter > 0 && notesSinceExport >= settings.backupReminderAfter;
}
