/**
 * Decides whether an ambiguous abbreviation (DM, PM, JDM, IIM…) really means the knowledge-base
 * term in a given text. "DM" is far more often diabetes mellitus, so it needs a definition
 * ("dermatomyositis (DM)") or a dermatomyositis mention and no diabetes in sight.
 */
import type { Guard, Term, TermGroup } from '../knowledge/types';

const MYOSITIS_GROUPS: readonly TermGroup[] = [
  'jdm',
  'dm',
  'iim-specific',
  'iim-generic',
  'msa-dm',
  'msa-iim',
];

/** Which unguarded term groups count as support for a guarded abbreviation of `group`. */
export function supportGroups(group: TermGroup): readonly TermGroup[] {
  return group === 'dm' ? ['dm', 'jdm'] : MYOSITIS_GROUPS;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** Long forms of a term (its spelled-out, unguarded any-case forms), as one regex source. */
function longFormSource(term: Term): string {
  const longs = term.forms
    .filter((f) => !f.guard && f.rule !== 'exact-case' && f.rule !== 'code')
    .map((f) => escapeRegExp(f.text).replace(/[\s-]+/g, '[\\s\\-\\u2010-\\u2015]*'));
  return longs.length > 0 ? `(?:${longs.join('|')})` : '(?!)';
}

/** A compiled check for one guarded abbreviation. */
export interface AbbreviationGuard {
  guard: Guard;
  groups: readonly TermGroup[];
  /** "long form (… ABBR …)" or "ABBR (long form". */
  definition: RegExp;
  /** The abbreviation defined as something else that often shares it. */
  conflict: RegExp | null;
}

/** Builds the check for `abbreviation` of `term`. */
export function compileGuard(term: Term, abbreviation: string, guard: Guard): AbbreviationGuard {
  const abbr = escapeRegExp(abbreviation);
  const long = longFormSource(term);
  const definition = new RegExp(
    `${long}[^().;]{0,40}\\(\\s*[^()]{0,20}(?<![A-Za-z0-9])${abbr}(?![A-Za-z0-9])[^()]{0,20}\\)|(?<![A-Za-z0-9])${abbr}\\s*\\(\\s*${long}`,
    'i',
  );
  // Diabetes is the usual other meaning of DM; other abbreviations need a definition anyway.
  const conflict = abbreviation === 'DM' ? /diabet/i : null;
  return { guard, groups: supportGroups(term.group), definition, conflict };
}

/**
 * True when the abbreviation may be reported for this context.
 * @param defined whether the text defines it ("dermatomyositis (DM)"), see `definition`
 * @param supported whether the context names a term of `check.groups` in full
 */
export function passesGuard(
  check: AbbreviationGuard,
  context: string,
  defined: boolean,
  supported: boolean,
): boolean {
  if (check.guard === 'definition') return defined;
  if (check.guard === 'support') return defined || supported;
  if (defined) return true;
  return supported && !(check.conflict?.test(context) ?? false);
}
