import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, normalizeSettings } from '@/utils/settings';

const DEFAULTS = { recordRecent: true, fetchRecords: true, highlightReferences: false };

describe('normalizeSettings', () => {
  it('gives the defaults for nothing stored', () => {
    expect(normalizeSettings(undefined)).toEqual(DEFAULTS);
    expect(DEFAULT_SETTINGS.recordRecent).toBe(true);
    // E-utilities records are on by default (issue 7), with an off switch.
    expect(DEFAULT_SETTINGS.fetchRecords).toBe(true);
    expect(DEFAULT_SETTINGS.highlightReferences).toBe(false);
  });
  it('keeps valid values', () => {
    expect(normalizeSettings({ recordRecent: false, fetchRecords: false })).toEqual({
      ...DEFAULTS,
      recordRecent: false,
      fetchRecords: false,
    });
  });
  it('repairs damaged fields one by one and drops unknown ones', () => {
    expect(normalizeSettings({ recordRecent: 'no', fetchRecords: 0, evil: '<script>' })).toEqual(
      DEFAULTS,
    );
    expect(normalizeSettings('garbage')).toEqual(DEFAULTS);
  });
});
