// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import {
  HIGHLIGHT_CSS,
  HIGHLIGHT_STYLE_ID,
  HIGHLIGHT_TAG,
  installHighlightStyle,
} from '../../../utils/term-marks/style';

describe('highlight stylesheet', () => {
  it('styles each kind with its own underline style, not only colour', () => {
    expect(HIGHLIGHT_TAG).toBe('jl-mark');
    for (const [kind, style] of [
      ['drug', 'solid'],
      ['target', 'dashed'],
      ['disease', 'dotted'],
    ]) {
      const rule = new RegExp(
        `jl-mark\\[data-jl-kind='${kind}'\\] \\{[^}]*text-decoration-style: ${style}`,
      );
      expect(HIGHLIGHT_CSS).toMatch(rule);
    }
  });

  it('has dark, reduced-motion and focus-visible variants', () => {
    expect(HIGHLIGHT_CSS).toContain('@media (prefers-color-scheme: dark)');
    expect(HIGHLIGHT_CSS).toMatch(
      /@media \(prefers-reduced-motion: reduce\) \{\s*jl-mark\[data-jl-flash\] \{\s*animation: none/,
    );
    expect(HIGHLIGHT_CSS).toContain('jl-mark:focus-visible');
    expect(HIGHLIGHT_CSS).toContain('@keyframes jl-flash');
  });

  it('installs once per document and removes itself', () => {
    const doc = document.implementation.createHTMLDocument('t');
    const remove = installHighlightStyle(doc);
    installHighlightStyle(doc);
    const styles = doc.querySelectorAll(`style#${HIGHLIGHT_STYLE_ID}`);
    expect(styles).toHaveLength(1);
    expect(styles[0]!.hasAttribute('data-jl-ui')).toBe(true);
    expect(styles[0]!.textContent).toBe(HIGHLIGHT_CSS);
    remove();
    expect(doc.getElementById(HIGHLIGHT_STYLE_ID)).toBeNull();
  });
});
