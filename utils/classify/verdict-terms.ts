/**
 * The words of a classifier verdict that are also stored and sent (articles table, messages, filters):
 * defined once here, as lists for the schemas and as types for the code. Data only, so the storage
 * and message schemas can use them without bundling the classifier or the knowledge base.
 */

/** 'core' = myositis disease AND JAK inhibition; 'disease' or 'jak' = only one of them. */
export const RELEVANCES = ['core', 'disease', 'jak', 'none'] as const;
export type Relevance = (typeof RELEVANCES)[number];

/** The verdict's disease subtype: jdm (juvenile), dm (adult or unspecified DM) or iim (another myopathy). */
export const DISEASE_KINDS = ['jdm', 'dm', 'iim'] as const;
export type DiseaseKind = (typeof DISEASE_KINDS)[number];
