import { TERM_MARK_TAG } from './style';
import { KIND_ATTR, UI_ATTR } from '../page/markup';
import { DEFAULT_KIND_COLORS, type TermMarkKind, type Settings } from '../settings/settings';

/**
 * The reader's term-mark settings (`termMarkKinds`) as CSS on top of the marks' own stylesheet (utils/term-marks/style.ts):
 * a kind switched off keeps its marks (so next-mention and the panel still work) but shows no colour or
 * underline; a changed colour replaces the default hue. Colours are validated as #rrggbb by the settings
 * schema before they reach this string.
 */

export const TERM_MARK_SETTINGS_STYLE_ID = 'jl-term-mark-settings';

/** The override CSS for `settings` ('' when everything is at its default). */
export function termMarkSettingsCss(kinds: Settings['termMarkKinds']): string {
  const rules: string[] = [];
  for (const kind of Object.keys(DEFAULT_KIND_COLORS) as TermMarkKind[]) {
    const { enabled, color } = kinds[kind];
    // `html` raises specificity above the marks' own rules (and their dark-mode variants), whichever
    // stylesheet the page got first.
    const selector = `html ${TERM_MARK_TAG}[${KIND_ATTR}='${kind}']`;
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

/** Puts (or updates) the override stylesheet in `doc`; returns a function that removes it. */
export function installTermMarkSettings(
  doc: Document,
  kinds: Settings['termMarkKinds'],
): () => void {
  const style =
    doc.getElementById(TERM_MARK_SETTINGS_STYLE_ID) ??
    Object.assign(doc.createElement('style'), { id: TERM_MARK_SETTINGS_STYLE_ID });
  style.setAttribute(UI_ATTR, '');
  style.textContent = termMarkSettingsCss(kinds);
  if (!style.isConnected) (doc.head ?? doc.documentElement).append(style);
  return () => style.remove();
}
