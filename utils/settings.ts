import * as v from 'valibot';

/**
 * The reader's settings. Stored in extension storage (`storage.local`), never in the page; validated on
 * every read so a damaged or older value falls back to defaults field by field instead of breaking.
 */
export const SettingsSchema = v.object({
  /** Keep a list of recently opened articles in the library. */
  recordRecent: v.optional(v.boolean(), true),
  /**
   * On search results, fetch the visible results' MeSH terms and abstracts from NCBI E-utilities
   * (title and snippet alone classify poorly). Sends PMIDs, and nothing else, to NCBI.
   */
  fetchRecords: v.optional(v.boolean(), true),
  /** On PMC full text, also highlight terms in the reference list (cited titles are not the article). */
  highlightReferences: v.optional(v.boolean(), false),
});

export type Settings = v.InferOutput<typeof SettingsSchema>;

export const DEFAULT_SETTINGS: Settings = v.parse(SettingsSchema, {});

/** Returns valid settings from whatever was stored (undefined, partial, or damaged). */
export function normalizeSettings(raw: unknown): Settings {
  if (typeof raw !== 'object' || raw === null) return { ...DEFAULT_SETTINGS };
  const result: Record<string, unknown> = {};
  for (const [key, schema] of Object.entries(SettingsSchema.entries)) {
    const parsed = v.safeParse(schema, (raw as Record<string, unknown>)[key]);
    result[key] = parsed.success ? parsed.output : DEFAULT_SETTINGS[key as keyof Settings];
  }
  return result as Settings;
}
