import { HIGHLIGHT_TAG } from './style';
import { DEFAULT_KIND_COLORS, type HighlightKind, type Settings } from '../settings/settings';

/**
 * The reader's highlight settings as CSS on top of the marks' own stylesheet (utils/highlight-style.ts):
 * a kind switched off keeps its marks (so next-mention and the panel still work) but shows no colour or
 * underline; a changed colour replaces the default hue. Colours are validated as #rrggbb by the settings
 * schema before they reach this string.
 */

export const HIGHLIGHT_SETTINGS_STYLE_ID = 'jl-highlight-settings';

/** The override CSS for `settings` ('' when everything is at its default). */
export function highlightSettingsCss(kinds: Settings['highlightKinds']): string {
  const rules: string[] = [];
  for (const kind of Object.keys(DEFAULT_KIND_COLORS) as HighlightKind[]) {
    const { enabled, color } = kinds[kind];
    // `html` raises specificity above the marks' own rules (and their dark-mode variants), whichever
    // stylesheet the page got first.
    const selector = `html ${HIGHLIGHT_TAG}[data-jl-kind='${kind}']`;
    if (!enabled) {
      rules.push(
        `${selector} { background-color: transparent; text-decoration-line: none; cursor: inherit; }`,
      );
    } else if (color.toLowerCase() !== DEFAULT_KIND_COLORS[kind]) {
      rules.push(
        `${selector} { background-color: color-mix(in srgb, ${color} 30%, transparent); text-decoration-color: ${color}; }`,
      );
    }
  }
  return rules.join('\n');
}

/** Which of the reader's site switches governs `url`, or null for any other site (or no URL). */
export function siteOf(url: string | undefined): keyof Settings['sites'] | null {
  let host: string;
  try {
    host = new URL(url ?? '').hostname;
  } catch {
    return null;
  }
  if (host === 'pmc.ncbi.nlm.nih.gov') return 'pmc';
  if (host === 'pubmed.ncbi.nlm.nih.gov') return 'pubmed';
  return null;
}

/** The sites' names as the popup and the settings show them. */
export const SITE_NAMES: Record<keyof Settings['sites'], string> = { pubmed: 'PubMed', pmc: 'PMC' };

/** Whether JAK Lens runs on `url` according to the reader's site switches. */
export function isSiteEnabled(sites: Settings['sites'], url: string): boolean {
  const site = siteOf(url);
  return site !== null && sites[site];
}

/** Puts (or updates) the override stylesheet in `doc`; returns a function that removes it. */
export function installHighlightSettings(
  doc: Document,
  kinds: Settings['highlightKinds'],
): () => void {
  const style =
    doc.getElementById(HIGHLIGHT_SETTINGS_STYLE_ID) ??
    Object.assign(doc.createElement('style'), { id: HIGHLIGHT_SETTINGS_STYLE_ID });
  style.setAttribute('data-jl-ui', '');
  style.textContent = highlightSettingsCss(kinds);
  if (!style.isConnected) (doc.head ?? doc.documentElement).append(style);
  return () => style.remove();
}
