/**
 * Ranges and lists of family members written as one token: "JAK1–3", "JAK1/2", "STAT1–6",
 * "STAT3/5". A dash means every member from the first to the last, a slash the members named.
 * The mark covers the whole token; the classifier and the panel count each member.
 */
import type { SurfaceForm, Term } from './types';

interface Family {
  prefix: 'JAK' | 'STAT';
  /** Member numbers the family has ("STAT5" covers STAT5A/B). */
  members: number[];
  group: Term['group'];
}

const FAMILIES: readonly Family[] = [
  { prefix: 'JAK', members: [1, 2, 3], group: 'jak-target' },
  { prefix: 'STAT', members: [1, 2, 3, 4, 5, 6], group: 'stat' },
];

const members = new Map<string, string[]>();

function rangeTerm(family: Family, ids: string[], name: string, forms: SurfaceForm[]): Term {
  const id = `range:${name}`;
  members.set(id, ids);
  return { id, kind: 'target', label: name, group: family.group, forms };
}

function termsFor(family: Family): Term[] {
  const { prefix } = family;
  const terms: Term[] = [];
  for (const a of family.members) {
    for (const b of family.members) {
      if (b <= a) continue;
      const span = family.members
        .filter((n) => n >= a && n <= b)
        .map((n) => `target:${prefix}${n}`);
      // "JAK1–3", "JAK 1-3", "JAK 1/2": the matcher lets dashes and spaces vary.
      terms.push(
        rangeTerm(family, span, `${prefix}${a}–${b}`, [
          { text: `${prefix} ${a}–${b}`, rule: 'exact-case' },
        ]),
      );
      const pair = [`target:${prefix}${a}`, `target:${prefix}${b}`];
      terms.push(
        rangeTerm(family, pair, `${prefix}${a}/${b}`, [
          { text: `${prefix} ${a}/${b}`, rule: 'exact-case' },
          { text: `${prefix}${a}/${prefix}${b}`, rule: 'exact-case' },
        ]),
      );
    }
  }
  return terms;
}

/** Every range term; built once at import. */
export const RANGE_TERMS: readonly Term[] = FAMILIES.flatMap(termsFor);

/** The member target ids of a range term ("range:JAK1–3" → JAK1, JAK2, JAK3), else undefined. */
export function rangeMembers(termId: string): readonly string[] | undefined {
  return members.get(termId);
}
