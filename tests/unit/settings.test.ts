import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, normalizeSettings } from '@/utils/settings';

describe('normalizeSettings', () => {
  it('gives the defaults for nothing stored', () => {
    expect(normalizeSettings(undefined)).toEqual({ recordRecent: true });
    expect(DEFAULT_SETTINGS.recordRecent).toBe(true);
  });
  it('keeps valid values', () => {
    expect(normalizeSettings({ recordRecent: false })).toEqual({ recordRecent: false });
  });
  it('repairs damaged fields one by one and drops unknown ones', () => {
    expect(normalizeSettings({ recordRecent: 'no', evil: '<script>' })).toEqual({
      recordRecent: true,
    });
    expect(normalizeSettings('garbage')).toEqual({ recordRecent: true });
  });
});
