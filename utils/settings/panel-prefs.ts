/**
 * The summary panel's remembered layout (collapsed or open, which edge it docks to). Kept in
 * extension storage (`storage.local`, key "panel"), never in PubMed's localStorage, and
 * validated on every read so a damaged value falls back to the defaults field by field.
 */
import * as v from 'valibot';
import { localItem } from './local-item';

export const PanelPrefsSchema = v.object({
  collapsed: v.optional(v.boolean(), false),
  side: v.optional(v.picklist(['right', 'left']), 'right'),
});

export type PanelPrefs = v.InferOutput<typeof PanelPrefsSchema>;

export const DEFAULT_PANEL_PREFS: PanelPrefs = v.parse(PanelPrefsSchema, {});

/** Returns valid prefs from whatever was stored (undefined, partial, or damaged). */
export function normalizePanelPrefs(raw: unknown): PanelPrefs {
  if (typeof raw !== 'object' || raw === null) return { ...DEFAULT_PANEL_PREFS };
  const record = raw as Record<string, unknown>;
  const collapsed = v.safeParse(PanelPrefsSchema.entries.collapsed, record.collapsed);
  const side = v.safeParse(PanelPrefsSchema.entries.side, record.side);
  return {
    collapsed: collapsed.success ? collapsed.output : DEFAULT_PANEL_PREFS.collapsed,
    side: side.success ? side.output : DEFAULT_PANEL_PREFS.side,
  };
}

/** The prefs item in extension storage. */
export const panelPrefsItem = localItem('panel');

/** Reads the prefs, repaired to valid values. */
export async function loadPanelPrefs(): Promise<PanelPrefs> {
  return normalizePanelPrefs(await panelPrefsItem.getValue());
}

/**
 * Starts reading the prefs; a failed read gives the defaults (the panel still shows). Called as
 * soon as the panel is known to be wanted, so mounting it does not wait for storage.
 */
export function preloadPanelPrefs(): Promise<PanelPrefs> {
  return loadPanelPrefs().catch((error: unknown) => {
    console.warn('[JAK Lens] could not read the panel layout', error);
    return { ...DEFAULT_PANEL_PREFS };
  });
}

/** Merges a change into the stored prefs and returns the result. */
export async function savePanelPrefs(change: Partial<PanelPrefs>): Promise<PanelPrefs> {
  const next = normalizePanelPrefs({ ...(await loadPanelPrefs()), ...change });
  await panelPrefsItem.setValue(next);
  return next;
}

/** Calls `onChange` when the prefs change in another tab; returns the stop function. */
export function watchPanelPrefs(onChange: (prefs: PanelPrefs) => void): () => void {
  return panelPrefsItem.watch((raw) => onChange(normalizePanelPrefs(raw)));
}
