/**
 * The reader's choices for PubMed watches, in extension storage (`storage.local`): how often to
 * check, and the optional NCBI API key and e-mail. Kept out of the database on purpose: the key is
 * a credential for NCBI only, never exported with the notes.
 */
import { DEFAULT_CHECK_EVERY_HOURS } from './model';

export interface TopicWatchPrefs {
  checkEveryHours: number;
  apiKey?: string;
  email?: string;
}

export const DEFAULT_PREFS: TopicWatchPrefs = { checkEveryHours: DEFAULT_CHECK_EVERY_HOURS };

/** Repairs whatever is stored into valid prefs (damaged fields fall back to defaults). */
export function normalizePrefs(raw: unknown): TopicWatchPrefs {
  const value = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  const hours = value.checkEveryHours;
  const prefs: TopicWatchPrefs = {
    checkEveryHours:
      typeof hours === 'number' && Number.isInteger(hours) && hours >= 1 && hours <= 24 * 30
        ? hours
        : DEFAULT_CHECK_EVERY_HOURS,
  };
  // NCBI API keys are hexadecimal (36 characters today); accept any short run of letters and digits.
  if (typeof value.apiKey === 'string' && /^[A-Za-z0-9]{8,64}$/.test(value.apiKey.trim())) {
    prefs.apiKey = value.apiKey.trim();
  }
  if (typeof value.email === 'string' && /^[^\s@]{1,64}@[^\s@]{1,190}$/.test(value.email.trim())) {
    prefs.email = value.email.trim();
  }
  return prefs;
}
