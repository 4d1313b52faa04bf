import { describe, expect, it } from 'vitest';
import {
  DEFAULT_KIND_COLORS,
  DEFAULT_SETTINGS,
  isBackupDue,
  normalizeSettings,
} from '@/utils/settings/settings';

describe('normalizeSettings', () => {
  it('gives the defaults for nothing stored', () => {
    expect(normalizeSettings(undefined)).toEqual(DEFAULT_SETTINGS);
    expect(normalizeSettings('garbage')).toEqual(DEFAULT_SETTINGS);
    expect(DEFAULT_SETTINGS).toMatchObject({
      recordRecent: true,
      // E-utilities records are on by default (issue 7), with an off switch.
      fetchRecords: true,
      markReferences: false,
      sites: { pubmed: true, pmc: true },
      termMarkKinds: {
        drug: { enabled: true, color: DEFAULT_KIND_COLORS.drug },
        target: { enabled: true, color: DEFAULT_KIND_COLORS.target },
        disease: { enabled: true, color: DEFAULT_KIND_COLORS.disease },
      },
      watchList: [],
    });
  });

  it('keeps the existing fields working', () => {
    expect(
      normalizeSettings({ recordRecent: false, fetchRecords: false, markReferences: true }),
    ).toMatchObject({ recordRecent: false, fetchRecords: false, markReferences: true });
  });

  it('reads settings saved under the 0.1 names (highlightKinds, highlightReferences) under the new ones', () => {
    const stored = {
      highlightKinds: { drug: { enabled: false, color: '#123456' } },
      highlightReferences: true,
    };
    const settings = normalizeSettings(stored);
    expect(settings.termMarkKinds.drug).toEqual({ enabled: false, color: '#123456' });
    expect(settings.markReferences).toBe(true);
    expect(settings).not.toHaveProperty('highlightKinds');
    expect(settings).not.toHaveProperty('highlightReferences');
    // What is stored is not changed by reading it.
    expect(stored).toHaveProperty('highlightKinds');
  });

  it('prefers a value saved under the new name over one under the old name', () => {
    const settings = normalizeSettings({
      highlightReferences: true,
      markReferences: false,
      highlightKinds: { drug: { color: '#111111' } },
      termMarkKinds: { drug: { color: '#222222' } },
    });
    expect(settings.markReferences).toBe(false);
    expect(settings.termMarkKinds.drug.color).toBe('#222222');
  });

  it('repairs each damaged field on its own, nested fields too, and drops unknown ones', () => {
    const settings = normalizeSettings({
      recordRecent: 'no',
      evil: '<script>',
      sites: { pubmed: false, pmc: 'yes' },
      termMarkKinds: { drug: { enabled: false, color: 'red; background:url(x)' } },
      backupReminderAfter: -3,
    });
    expect(settings.recordRecent).toBe(true);
    expect('evil' in settings).toBe(false);
    expect(settings.sites).toEqual({ pubmed: false, pmc: true });
    expect(settings.termMarkKinds.drug).toEqual({
      enabled: false,
      color: DEFAULT_KIND_COLORS.drug,
    });
    expect(settings.backupReminderAfter).toBe(DEFAULT_SETTINGS.backupReminderAfter);
  });

  it('keeps the valid watch-list terms and drops the broken ones', () => {
    const settings = normalizeSettings({
      watchList: [
        { term: ' anifrolumab ', label: 'IFN' },
        { term: 'x', label: 'too short' },
        { term: 42 },
      ],
    });
    expect(settings.watchList).toEqual([{ term: 'anifrolumab', label: 'IFN' }]);
  });

  it.each([
    [20, 19, false],
    [20, 20, true],
    [0, 500, false],
  ])('backup reminder after %i notes, with %i new: %s', (after, count, due) => {
    expect(isBackupDue({ ...DEFAULT_SETTINGS, backupReminderAfter: after }, count)).toBe(due);
  });
});
