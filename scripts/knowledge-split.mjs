#!/usr/bin/env node
// `npm run knowledge:split`: writes utils/knowledge/data/recognition.json, the part of the knowledge
// base that recognising terms and classifying needs (drug names, code and brand names with their
// flags and sources, targets, MeSH descriptors, detection-term sources). The always-on content
// script bundles only this; the facts the panel and the mark card show (approvals, evidence,
// warnings, pathways) stay in jak-inhibitors.json and jak-stat-pathways.json, loaded with the panel
// (entrypoints/pubmed-ui.ts). Derived, never edited by hand: tests/unit/knowledge/recognition.test.ts
// fails when it differs from what this script makes of the two data files. Run it after editing them.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The recognition part of the two data files (plain JSON in, plain JSON out). */
export function recognitionData(inhibitors, pathways) {
  const pick = (record, keys) => Object.fromEntries(keys.map((key) => [key, record[key]]));
  return {
    about:
      'Derived from jak-inhibitors.json and jak-stat-pathways.json by scripts/knowledge-split.mjs; do not edit.',
    drugs: inhibitors.drugs.map((drug) => ({
      ...pick(drug, ['name', 'codeNames', 'brandNames', 'targets', 'sources', 'checked']),
      sourceKind: Object.fromEntries(drug.sources.map((url) => [url, drug.sourceKind[url]])),
      verified: pick(drug.verified, ['codeNames', 'brandNames', 'targets']),
    })),
    mesh: inhibitors.mesh,
    detectionTerms: inhibitors.detectionTerms,
    pathwaySources: pick(pathways, ['sources', 'sourceKind']),
  };
}

/** recognition.json's text, from the data files in `dataDir` (a path ending in a slash). */
export function recognitionJson(dataDir) {
  const read = (name) => JSON.parse(readFileSync(`${dataDir}${name}`, 'utf8'));
  const data = recognitionData(read('jak-inhibitors.json'), read('jak-stat-pathways.json'));
  return `${JSON.stringify(data, null, 2)}\n`;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const dataDir = fileURLToPath(new URL('../utils/knowledge/data/', import.meta.url));
  writeFileSync(`${dataDir}recognition.json`, recognitionJson(dataDir));
  console.log('Wrote utils/knowledge/data/recognition.json');
}
