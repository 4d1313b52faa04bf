#!/usr/bin/env node
// Reads `web-ext lint --output json` and fails on any error, or on any warning from our own code.
// A warning counts as third-party only when the flagged spot in the built file is one of the library
// idioms listed below (the snippet is printed so a reader can check); anything else is ours.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const [reportPath, sourceDir = '.output/firefox-mv2'] = process.argv.slice(2);
const report = JSON.parse(readFileSync(reportPath, 'utf8'));
const errors = report.errors ?? [];
const warnings = report.warnings ?? [];

/** Code we bundle but did not write, recognised by what the flagged statement says. */
const THIRD_PARTY_IDIOMS = [
  // Preact's DOM diff applies dangerouslySetInnerHTML, a prop JAK Lens never passes (ESLint forbids it).
  { name: 'preact (dangerouslySetInnerHTML path)', pattern: /__html/ },
];

function thirdParty(warning) {
  if (!warning.file || !warning.line) return null;
  const lines = readFileSync(join(sourceDir, warning.file), 'utf8').split('\n');
  const line = lines[warning.line - 1] ?? '';
  const at = warning.column ?? 0;
  const snippet = line.slice(Math.max(0, at - 160), at + 160);
  const idiom = THIRD_PARTY_IDIOMS.find((i) => i.pattern.test(snippet));
  return idiom ? { idiom: idiom.name, snippet: line.slice(Math.max(0, at - 40), at + 60) } : null;
}

let ours = 0;
for (const e of errors) console.log(`error: ${e.code} ${e.file ?? ''} ${e.message}`);
for (const w of warnings) {
  const tp = thirdParty(w);
  if (tp) {
    console.log(
      `warning (third-party: ${tp.idiom}): ${w.code} ${w.file}:${w.line}:${w.column} …${tp.snippet}…`,
    );
  } else {
    ours += 1;
    console.log(`warning: ${w.code} ${w.file ?? ''} ${w.message}`);
  }
}
console.log(
  `web-ext lint: ${errors.length} errors, ${warnings.length} warnings (${ours} from our code)`,
);
process.exit(errors.length === 0 && ours === 0 ? 0 : 1);
