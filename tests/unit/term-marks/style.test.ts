// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import {
  TERM_MARK_CSS,
  TERM_MARK_STYLE_ID,
  TERM_MARK_TAG,
  installTermMarkStyle,
} from '../../../utils/term-marks/style';

describe('highlight stylesheet', () => {
  it('styles each kind with its own underline style, not only colour', () => {
    expect(TERM_MARK_TAG).toBe('jl-mark');
    for (const [kind, style] of [
      ['drug', 'solid'],
      ['target', 'dashed'],
      ['disease', 'dotted'],
    ]) {
      const rule = new RegExp(
        `jl-mark\\[data-jl-kind='${kind}'\\] \\{[^}]*text-decoration-style: ${style}`,
      );
      expect(TERM_MARK_CSS).toMatch(rule);
    }
  });

  it('has dark, reduced-motion and focus-visible variants', () => {
    expect(TERM_MARK_CSS).toContain('@media (prefers-color-scheme: dark)');
    expect(TERM_MARK_CSS).toMatch(
      /@media \(prefers-reduced-motion: reduce\) \{\s*jl-mark\[data-jl-flash\] \{\s*animation: none/,
    );
    expect(TERM_MARK_CSS).toContain('jl-mark:focus-visible');
    expect(TERM_MARK_CSS).toContain('@keyframes jl-flash');
  });

  it('installs once per document and removes itself', () => {
    const doc = document.implementation.createHTMLDocument('t');
    const remove = installTermMarkStyle(doc);
    installTermMarkStyle(doc);
    const styles = doc.querySelectorAll(`style#${TERM_MARK_STYLE_ID}`);
    expect(styles).toHaveLength(1);
    expect(styles[0]!.hasAttribute('data-jl-ui')).toBe(true);
    expect(styles[0]!.textContent).toBe(TERM_MARK_CSS);
    remove();
    expect(doc.getElementById(TERM_MARK_STYLE_ID)).toBeNull();
  });
});
