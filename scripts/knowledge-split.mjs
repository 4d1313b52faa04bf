#!/usr/bin/env node
// `npm run knowledge:split`: writes utils/knowledge/data/recognition.json, the part of the knowledge
// base that recognising terms and classifying needs: each drug's names (generic, code and brand
// names with their verified flags) and targets. The always-on content script bundles only this;
// everything the panel and the mark card show (sources, approvals, evidence, warnings, MeSH
// descriptors, pathways) stays in jak-inhibitors.json and jak-stat-pathways.json, loaded with the
// panel (entrypoints/pubmed-ui.ts). Sources are left out because only a card cites them (issue 17:
// they were about half of this file's weight on every PubMed page). Derived, never edited by hand: tests/unit/knowledge/recognition.test.ts
// fails when it differs from what this script makes of the two data files. Run it after editing them.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The recognition part of the two data files (plain JSON in, plain JSON out). */
export function recognitionData(inhibitors) {
  const pick = (record, keys) => Object.fromEntries(keys.map((key) => [key, record[key]]));
  return {
    about: 'Derived from jak-inhibitors.json by scripts/knowledge-split.mjs; do not edit.',
    drugs: inhibitors.drugs.map((drug) => ({
      ...pick(drug, ['name', 'codeNames', 'brandNames', 'targets']),
      verified: pick(drug.verified, ['codeNames', 'brandNames', 'targets']),
    })),
  };
}

/** recognition.json's text, from the data files in `dataDir` (a path ending in a slash). */
export function recognitionJson(dataDir) {
  const read = (name) => JSON.parse(readFileSync(`${dataDir}${name}`, 'utf8'));
  const data = recognitionData(read('jak-inhibitors.json'));
  return `${JSON.stringify(data, null, 2)}\n`;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const dataDir = fileURLToPath(new URL('../utils/knowledge/data/', import.meta.url));
  writeFileSync(`${dataDir}recognition.json`, recognitionJson(dataDir));
  console.log('Wrote utils/knowledge/data/recognition.json');
}
