// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { termMarkSettingsCss, installTermMarkSettings } from '@/utils/term-marks/settings-css';
import { DEFAULT_SETTINGS } from '@/utils/settings/settings';

const kinds = DEFAULT_SETTINGS.termMarkKinds;

describe('term mark settings', () => {
  it('adds nothing for the defaults', () => {
    expect(termMarkSettingsCss(kinds)).toBe('');
  });

  it('hides a switched-off kind and recolours a changed one', () => {
    const css = termMarkSettingsCss({
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
    installTermMarkSettings(document, kinds);
    const remove = installTermMarkSettings(document, off);
    const styles = document.querySelectorAll('#jl-term-mark-settings');
    expect(styles).toHaveLength(1);
    expect(styles[0]!.textContent).toContain("'disease'");
    remove();
    expect(document.getElementById('jl-term-mark-settings')).toBeNull();
  });
});
