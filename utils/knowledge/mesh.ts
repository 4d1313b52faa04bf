/**
 * The MeSH check tags that tell a paediatric record from an adult one, and the inhibition
 * qualifier: what the classifier reads. The reference's descriptors with their status and sources
 * are in mesh-descriptors.ts, with the facts (not on every page). Drug and other descriptors are
 * read with the matcher.
 */
/** MeSH age check tags: paediatric ones and adult ones. */
export const PAEDIATRIC_CHECK_TAGS: readonly string[] = [
  'Infant',
  'Infant, Newborn',
  'Child',
  'Child, Preschool',
  'Adolescent',
];
export const ADULT_CHECK_TAGS: readonly string[] = [
  'Adult',
  'Young Adult',
  'Middle Aged',
  'Aged',
  'Aged, 80 and over',
];

/** The MeSH qualifier that turns a kinase heading into an inhibition heading. */
export const INHIBITOR_QUALIFIER = 'antagonists & inhibitors';
