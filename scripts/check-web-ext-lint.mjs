#!/usr/bin/env node
// Reads `web-ext lint --output json` and fails on any error, or on any warning from our own code
// (warnings from bundled third-party code, e.g. Preact's innerHTML path, are listed but allowed).
import { readFileSync } from 'node:fs';

const report = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const errors = report.errors ?? [];
const warnings = report.warnings ?? [];
const ours = warnings.filter((w) => !isThirdParty(w));
for (const e of errors) console.log(`error: ${e.code} ${e.file ?? ''} ${e.message}`);
for (const w of warnings)
  console.log(
    `warning${isThirdParty(w) ? ' (third-party)' : ''}: ${w.code} ${w.file ?? ''} ${w.message}`,
  );
console.log(
  `web-ext lint: ${errors.length} errors, ${warnings.length} warnings (${ours.length} from our code)`,
);
process.exit(errors.length === 0 && ours.length === 0 ? 0 : 1);

function isThirdParty(warning) {
  // Preact's DOM diffing assigns innerHTML for dangerouslySetInnerHTML, which JAK Lens never uses.
  return (
    warning.code === 'UNSAFE_VAR_ASSIGNMENT' && /chunks\/|popup|dashboard/.test(warning.file ?? '')
  );
}
