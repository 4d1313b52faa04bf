import { describe, expect, it } from 'vitest';
import {
  highlightSettingsCss,
  installHighlightSettings,
  isSiteEnabled,
  siteOf,
} from '@/utils/term-marks/settings-css';
import { DEFAULT_SETTINGS } from '@/utils/settings/settings';

const kinds = DEFAULT_SETTINGS.highlightKinds;

describe('highlight settings', () => {
  it('adds nothing for the defaults', () => {
    expect(highlightSettingsCss(kinds)).toBe('');
  });

  it('hides a switched-off kind and recolours a changed one', () => {
    const css = highlightSettingsCss({
      ...kinds,
      target: { enabled: false, color: kinds.target.color },
      drug: { enabled: true, color: '#009e73' },
    });
    expect(css).toMatch(
      /^html jl-mark\[data-jl-kind='target'\] \{ background-color: transparent;/m,
    );
    expect(css).toMatch(/jl-mark\[data-jl-kind='drug'\] \{[^}]*#009e73/);
    expect(css).not.toContain("'disease'");
  });

  it('installs one stylesheet, updates it, and removes it', () => {
    const off = { ...kinds, disease: { enabled: false, color: kinds.disease.color } };
    installHighlightSettings(document, kinds);
    const remove = installHighlightSettings(document, off);
    const styles = document.querySelectorAll('#jl-highlight-settings');
    expect(styles).toHaveLength(1);
    expect(styles[0]!.textContent).toContain("'disease'");
    remove();
    expect(document.getElementById('jl-highlight-settings')).toBeNull();
  });

  it.each([
    ['https://pubmed.ncbi.nlm.nih.gov/1/', { pubmed: false, pmc: true }, false],
    ['https://pubmed.ncbi.nlm.nih.gov/1/', { pubmed: true, pmc: false }, true],
    ['https://pmc.ncbi.nlm.nih.gov/articles/PMC1/', { pubmed: true, pmc: false }, false],
    ['https://example.org/', { pubmed: true, pmc: true }, false],
  ])('%s with %o runs: %s', (url, sites, expected) => {
    expect(isSiteEnabled(sites, url)).toBe(expected);
  });

  it.each([
    ['https://pubmed.ncbi.nlm.nih.gov/?term=jdm', 'pubmed'],
    ['https://pmc.ncbi.nlm.nih.gov/articles/PMC1/', 'pmc'],
    ['https://pubmed.ncbi.nlm.nih.gov.evil.example/1/', null],
    ['chrome://extensions/', null],
    ['not a url', null],
    [undefined, null],
  ])('the site switch for %s is %s', (url, expected) => {
    expect(siteOf(url)).toBe(expected);
  });
});
