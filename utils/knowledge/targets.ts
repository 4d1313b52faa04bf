/**
 * JAK-family and STAT terms the matcher finds. Names follow the receptor-pairing reference
 * (data/jak-stat-pathways.json); the spelled-out forms are standard nomenclature used there.
 */
import type { SurfaceForm, Term } from './types';

/** "JAK1", "JAK-1", "JAK 1", "Jak1" and "Janus kinase 1" (digits make them safe in any case). */
function jakForms(n: 1 | 2 | 3): SurfaceForm[] {
  return [
    { text: `JAK${n}`, rule: 'code' },
    { text: `Janus kinase ${n}` },
    { text: `Janus kinase-${n}` },
  ];
}

function statTerm(n: number, extra: SurfaceForm[] = []): Term {
  return {
    id: `target:STAT${n}`,
    kind: 'target',
    label: `STAT${n}`,
    group: 'stat',
    forms: [{ text: `STAT${n}`, rule: 'code' }, ...extra],
  };
}

/** Target terms: JAK family, each JAK, TYK2, the JAK2 V617F mutation, the pathway and STAT1–6. */
export const TARGET_TERMS: readonly Term[] = [
  {
    id: 'target:JAK',
    kind: 'target',
    label: 'JAK family',
    group: 'jak-target',
    // Bare "JAK" only in capitals: "Jak" is also a given name.
    forms: [
      { text: 'Janus kinase', plural: true },
      { text: 'Janus-kinase', plural: true },
      { text: 'JAK', rule: 'exact-case', plural: true },
      { text: 'JAK family' },
    ],
  },
  {
    id: 'target:JAK1',
    kind: 'target',
    label: 'JAK1',
    group: 'jak-target',
    forms: jakForms(1),
  },
  {
    id: 'target:JAK2',
    kind: 'target',
    label: 'JAK2',
    group: 'jak-target',
    forms: jakForms(2),
  },
  {
    id: 'target:JAK3',
    kind: 'target',
    label: 'JAK3',
    group: 'jak-target',
    forms: jakForms(3),
  },
  {
    id: 'target:TYK2',
    kind: 'target',
    label: 'TYK2',
    group: 'jak-target',
    forms: [
      { text: 'TYK2', rule: 'code' },
      { text: 'tyrosine kinase 2' },
      { text: 'tyrosine kinase-2' },
    ],
  },
  {
    // A mutation is a target mention, never an inhibitor: MPN diagnostics papers name it often.
    id: 'target:JAK2-V617F',
    kind: 'target',
    label: 'JAK2 V617F',
    group: 'jak-mutation',
    forms: [
      { text: 'JAK2 V617F', rule: 'code' },
      { text: 'JAK2 (V617F)' },
      { text: 'Janus kinase 2 V617F' },
      { text: 'V617F', rule: 'code' },
    ],
  },
  {
    id: 'target:JAK-STAT',
    kind: 'target',
    label: 'JAK-STAT pathway',
    group: 'pathway',
    forms: [
      { text: 'JAK-STAT' },
      { text: 'JAK/STAT' },
      { text: 'JAK STAT' },
      { text: 'JAK–STAT' },
      { text: 'JAKs-STATs' },
      // Case, spaces and dashes vary freely (term-regex.ts), so the PDF spelling "Janus Kinase–
      // Signal Transducer and Activator of Transcription" needs no form of its own.
      { text: 'Janus kinase-signal transducer and activator of transcription' },
      { text: 'Janus kinase/signal transducer and activator of transcription' },
      { text: 'Janus kinases-signal transducer and activator of transcription' },
    ],
  },
  {
    id: 'target:STAT',
    kind: 'target',
    label: 'STAT family',
    group: 'stat',
    forms: [
      // Bare "STAT" only in capitals: "stat" is also an ordinary word.
      { text: 'STAT', rule: 'exact-case', plural: true },
      { text: 'signal transducer and activator of transcription', plural: true },
      { text: 'signal transducers and activators of transcription' },
    ],
  },
  statTerm(1),
  statTerm(2),
  statTerm(3),
  statTerm(4),
  statTerm(5, [
    { text: 'STAT5A', rule: 'code' },
    { text: 'STAT5B', rule: 'code' },
  ]),
  statTerm(6),
];
