#!/usr/bin/env node
// `npm run knowledge:check`: the knowledge base's own gate. It validates the shape of the two data files,
// accepts a source URL only when it belongs to an allowed source kind (utils/knowledge/data/source-kinds.json),
// refuses a verified fact that carries an UNVERIFIED mark or a caveat, refuses malformed NCT / PMID / DOI
// identifiers, and prints the share of facts per source kind. It also reads the knowledge modules
// that carry their own sources (utils/knowledge/*.ts: antibodies, interferon signatures…): every URL in
// them meets the same allow-list and identifier checks. Usage:
//   node scripts/knowledge-check.mjs [inhibitors.json] [pathways.json] [--modules <dir>]
// (defaults to the shipped files; pass other paths to measure an older snapshot or a test copy).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const DATA = fileURLToPath(new URL('../utils/knowledge/data/', import.meta.url));
const argv = process.argv.slice(2);
const modulesFlag = argv.indexOf('--modules');
const modulesDir =
  modulesFlag >= 0
    ? argv[modulesFlag + 1]
    : fileURLToPath(new URL('../utils/knowledge/', import.meta.url));
const positional = argv.filter(
  (_, i) => modulesFlag < 0 || (i !== modulesFlag && i !== modulesFlag + 1),
);
const inhibitorsPath = positional[0] ?? `${DATA}jak-inhibitors.json`;
const pathwaysPath = positional[1] ?? `${DATA}jak-stat-pathways.json`;
const allow = JSON.parse(readFileSync(`${DATA}source-kinds.json`, 'utf8')).kinds;

/** The kind of an allowed source URL, or null when the URL is not on the allow-list. */
export function sourceKindOf(url) {
  if (typeof url !== 'string' || !/^https?:\/\//.test(url)) return null;
  let parsed;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  const hostPath = parsed.host + parsed.pathname;
  for (const [kind, entries] of Object.entries(allow)) {
    for (const entry of entries) {
      if (entry.includes('/') ? hostPath.startsWith(entry) : parsed.host === entry) return kind;
    }
  }
  return null;
}

/**
 * The identifier a source URL names must be well formed: a PubMed URL names a PMID, a doi.org URL a
 * DOI, a PMC URL a PMCID, a ClinicalTrials.gov study an NCT number. Returns the problem, or null.
 */
export function urlIdentifierProblem(url) {
  let parsed;
  try {
    parsed = new URL(url);
  } catch {
    return `not a URL: ${url}`;
  }
  const path = decodeURIComponent(parsed.pathname);
  if (parsed.host === 'pubmed.ncbi.nlm.nih.gov' && !/^\/\d{1,8}\/?$/.test(path))
    return `malformed PMID in URL: ${url}`;
  if (parsed.host === 'doi.org' && !/^\/10\.\d{4,9}\/\S+$/.test(path))
    return `malformed DOI in URL: ${url}`;
  if (parsed.host === 'pmc.ncbi.nlm.nih.gov' && !/^\/articles\/PMC\d{1,9}(\/|$)/.test(path))
    return `malformed PMC id in URL: ${url}`;
  for (const m of url.matchAll(/NCT\d+/gi))
    if (!/^NCT\d{8}$/.test(m[0])) return `malformed NCT in URL: ${m[0]}`;
  return null;
}

const NCT = /^NCT\d{8}$/;
const PMID = /^PMID:\d{1,8}$/;
const PMCID = /^PMC\d{1,9}$/;
const DOI = /^doi:10\.\d{4,9}\/\S+$/;
const DATE = /^\d{4}-\d{2}(-\d{2})?$/;
/**
 * Words that mean a fact is not confirmed; a verified fact must not carry them. The same list
 * (data/caveats.json) makes the UI leave such an item out of the facts.
 */
const CAVEAT = new RegExp(
  JSON.parse(readFileSync(`${DATA}caveats.json`, 'utf8')).patterns.join('|'),
  'i',
);
const STATUSES = new Set(['approved', 'not-approved', 'investigational']);

const errors = [];
const facts = [];
const fail = (where, message) => errors.push(`${where}: ${message}`);

/** Checks one fact's source and records it for the per-kind count. */
function checkSource(where, fact, { required }) {
  const { source, sourceKind, verified } = fact;
  if (source === null || source === undefined) {
    if (required || verified) fail(where, 'a verified fact needs a source');
    facts.push({ where, kind: 'none', verified: false });
    return;
  }
  const kind = sourceKindOf(source);
  if (!kind) fail(where, `source not on the allow-list: ${source}`);
  else if (sourceKind !== kind) fail(where, `sourceKind "${sourceKind}" but the URL is ${kind}`);
  const problem = urlIdentifierProblem(source);
  if (problem) fail(where, problem);
  facts.push({ where, kind: kind ?? 'not allowed', verified: verified === true });
}

/** A URL written into a note or remark must be allowed too: no copy or tracker hides in the prose. */
function checkTextUrls(where, ...texts) {
  for (const text of texts.flat()) {
    if (typeof text !== 'string') continue;
    for (const [url] of text.matchAll(/https?:\/\/[^\s)"',;]+/g)) {
      const clean = url.replace(/[.]+$/, '');
      if (!sourceKindOf(clean)) fail(where, `URL in the text is not on the allow-list: ${clean}`);
    }
  }
}

function checkChecked(where, fact) {
  if (typeof fact.checked !== 'string' || !DATE.test(fact.checked)) {
    fail(where, `missing or malformed "checked" date: ${fact.checked}`);
  }
}

/** A verified fact: no UNVERIFIED mark or caveat anywhere in the words the fact view shows. */
function checkNoCaveat(where, fact, fields) {
  if (fact.verified !== true) return;
  const text = fields.map((f) => [fact[f]].flat().join(' ')).join(' ');
  if (CAVEAT.test(text)) fail(where, `verified fact carries a caveat: "${text.match(CAVEAT)[0]}"`);
}

function checkId(where, e) {
  const id = e.id;
  if (/^NCT/i.test(id) && !NCT.test(id)) fail(where, `malformed NCT id: ${id}`);
  if (/^PMID/i.test(id) && !PMID.test(id)) fail(where, `malformed PMID: ${id}`);
  if (/^PMC/i.test(id) && !PMCID.test(id)) fail(where, `malformed PMC id: ${id}`);
  if (/^doi/i.test(id) && !DOI.test(id)) fail(where, `malformed DOI: ${id}`);
  // The identifier and the source must name the same record.
  const token = NCT.test(id) ? id : PMID.test(id) ? id.slice(5) : DOI.test(id) ? id.slice(4) : null;
  if (token && e.source && !e.source.includes(token) && e.verified) {
    fail(where, `id ${id} does not match its source ${e.source}`);
  }
}

function checkDrug(drug) {
  const at = `drug ${drug.name}`;
  for (const key of [
    'codeNames',
    'brandNames',
    'targets',
    'otherTargets',
    'route',
    'sources',
    'unverified',
  ]) {
    if (!Array.isArray(drug[key])) fail(at, `${key} must be an array`);
  }
  if (typeof drug.verified !== 'object') fail(at, 'verified flags missing');
  checkChecked(at, drug);
  for (const url of drug.sources) {
    const kind = sourceKindOf(url);
    if (!kind) fail(at, `record source not on the allow-list: ${url}`);
    else if (drug.sourceKind[url] !== kind) fail(at, `sourceKind of ${url} should be ${kind}`);
    const problem = urlIdentifierProblem(url);
    if (problem) fail(at, problem);
    facts.push({
      where: `${at} record`,
      kind: kind ?? 'not allowed',
      verified: true,
      record: true,
    });
  }
  // A name or target cell of a verified group is shown as fact: a caveat in its brackets ("per
  // press brief", "indirect link only") must say UNVERIFIED, or the caveat rides along on a fact.
  for (const [group, flag] of [
    ['codeNames', 'codeNames'],
    ['brandNames', 'brandNames'],
    ['targets', 'targets'],
    ['otherTargets', 'targets'],
  ]) {
    for (const cell of drug[group] ?? []) {
      if (drug.verified[flag] === true && CAVEAT.test(cell) && !/UNVERIFIED/i.test(cell)) {
        fail(at, `${group} cell carries a caveat without UNVERIFIED: "${cell}"`);
      }
    }
  }
  // Names, targets and selectivity are stated as fact when their group is verified.
  if (drug.verified.targets && CAVEAT.test(drug.selectivityNote)) {
    fail(
      at,
      `selectivity note carries a caveat ("${drug.selectivityNote.match(CAVEAT)[0]}") while targets are verified`,
    );
  }
  // A name left unverified (its group flag false, or marked UNVERIFIED) must not be repeated as fact.
  const unverifiedNames = ['codeNames', 'brandNames'].flatMap((group) =>
    drug[group]
      .filter((cell) => drug.verified[group] !== true || /UNVERIFIED/i.test(cell))
      .map((cell) => cell.split(' (')[0].trim()),
  );
  for (const name of unverifiedNames) {
    if (name && drug.selectivityNote.includes(name)) {
      fail(at, `selectivity note repeats the unverified name ${name}`);
    }
  }
  if (drug.verified.boxedWarning && CAVEAT.test(drug.boxedWarning)) {
    fail(at, 'boxed warning is verified but its text carries a caveat');
  }
  checkBoxedWarningSource(drug, at);
  checkTextUrls(at, drug.boxedWarningRemark, drug.unverified);
  if (drug.boxedWarningFlag !== null && typeof drug.boxedWarningFlag !== 'string') {
    fail(at, 'boxedWarningFlag must be a short string or null');
  }
  drug.approvals.forEach((a, i) => {
    const where = `${at} approval ${i + 1} (${a.region})`;
    if (!STATUSES.has(a.status)) fail(where, `status must be one of ${[...STATUSES].join(', ')}`);
    if (a.verified && a.status !== 'investigational' && typeof a.year !== 'number') {
      fail(where, 'a verified approval or refusal needs a year');
    }
    if (typeof a.verified !== 'boolean') fail(where, 'verified must be true or false');
    checkChecked(where, a);
    checkSource(where, a, { required: false });
    checkNoCaveat(where, a, ['region', 'indications', 'note']);
    checkTextUrls(where, a.note, a.remark, a.readOn);
  });
  drug.dmEvidence.forEach((e, i) => {
    const where = `${at} evidence ${i + 1} (${e.id})`;
    if (typeof e.verified !== 'boolean') fail(where, 'verified must be true or false');
    checkChecked(where, e);
    checkId(where, e);
    checkSource(where, e, { required: false });
    checkNoCaveat(where, e, ['id', 'phase', 'note']);
    checkTextUrls(where, e.note, e.remark, e.readOn);
  });
}

/**
 * A verified boxed-warning statement (including "no boxed warning") cites the label it was read in:
 * `boxedWarningSource` is one of the drug's sources: the regulator's or the sponsor's label, or a
 * reference work's copy of it (DrugCentral).
 */
function checkBoxedWarningSource(drug, at) {
  const url = drug.boxedWarningSource;
  if (url === undefined) return fail(at, 'boxedWarningSource missing (null when there is none)');
  if (url === null) {
    if (drug.verified.boxedWarning)
      fail(at, 'a verified boxed warning needs its label (boxedWarningSource)');
    return;
  }
  const kind = sourceKindOf(url);
  if (!drug.sources.includes(url))
    fail(at, `boxedWarningSource is not among the drug's sources: ${url}`);
  if (kind !== 'regulator' && kind !== 'sponsor' && kind !== 'reference') {
    fail(
      at,
      `boxed warning must cite a label (regulator, sponsor or reference copy), not ${kind ?? url}`,
    );
  }
  if (!DATE.test(drug.boxedWarningChecked ?? '')) fail(at, 'boxedWarningChecked date missing');
  facts.push({
    where: `${at} boxed warning`,
    kind: kind ?? 'not allowed',
    verified: drug.verified.boxedWarning === true,
  });
}

/** Words in a verified pairing cell that mean it came from a vendor table or was not checked. */
const PAIRING_CAVEAT = /cellsignal|vendor|not checked|unproven|unconfirmed|reported;/i;

function checkPairing(p) {
  const where = `pathway ${p.family}`;
  if (!Array.isArray(p.jaks) || p.jaks.length === 0) fail(where, 'jaks must be a non-empty array');
  checkChecked(where, p);
  for (const cell of p.jaks) {
    if (p.verified && /UNVERIFIED/i.test(cell))
      fail(where, `verified pairing lists an unverified JAK: ${cell}`);
  }
  for (const cell of [...p.jaks, ...(p.stats ?? [])]) {
    if (p.verified && PAIRING_CAVEAT.test(cell))
      fail(
        where,
        `verified pairing cell carries a caveat ("${cell.match(PAIRING_CAVEAT)[0]}"): move it to "unknown"`,
      );
  }
  checkTextUrls(where, p.remark, p.unknown, p.readOn);
  for (const url of p.sources)
    checkSource(
      where,
      { source: url, sourceKind: p.sourceKind[url], verified: p.verified },
      { required: true },
    );
}

const inhibitors = JSON.parse(readFileSync(inhibitorsPath, 'utf8'));
const pathways = JSON.parse(readFileSync(pathwaysPath, 'utf8'));
if (!Array.isArray(inhibitors.drugs) || inhibitors.drugs.length === 0)
  fail('jak-inhibitors.json', 'no drugs');
if (!DATE.test(inhibitors.checked ?? ''))
  fail('jak-inhibitors.json', 'top-level "checked" date missing');
for (const drug of inhibitors.drugs ?? []) checkDrug(drug);
for (const p of pathways.pairings ?? []) checkPairing(p);
for (const m of inhibitors.mesh ?? [])
  checkSource(`MeSH ${m.term}`, { ...m, verified: false }, { required: true });
for (const n of inhibitors.notAJakInhibitor ?? [])
  checkSource(`not a JAKi: ${n.name}`, { ...n, verified: true }, { required: true });
for (const url of [
  ...(inhibitors.classBoxedWarning?.sources ?? []),
  ...(inhibitors.detectionTerms?.sources ?? []),
  ...(pathways.sources ?? []),
]) {
  if (!sourceKindOf(url)) fail('shared sources', `not on the allow-list: ${url}`);
}

for (const file of knowledgeModules(modulesDir)) checkModule(file);

printShares();
if (errors.length > 0) {
  console.error(`\nknowledge:check failed (${errors.length}):`);
  for (const e of errors.slice(0, 60)) console.error(`  ✘ ${e}`);
  if (errors.length > 60) console.error(`  … and ${errors.length - 60} more`);
  process.exit(1);
}
console.log('\nknowledge:check passed');

/** The TypeScript knowledge modules (not tests, not data). */
function knowledgeModules(dir) {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !f.endsWith('.d.ts'))
    .map((f) => join(dir, f));
}

/**
 * Checks every source URL written in a knowledge module. A URL passed to a helper such as
 * `pubmed(url)` or written as `{ url, sourceKind }` must be of the kind the code claims; any other
 * URL literal must at least be on the allow-list. Comments are skipped (they may cite docs).
 */
function checkModule(file) {
  const name = file.split('/').pop();
  const code = readFileSync(file, 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/^\s*\/\/.*$/gm, '');
  const helperKinds = new Map();
  for (const m of code.matchAll(
    /const (\w+) = \(url: string\): SourceRef => \(\{ url, sourceKind: '(\w+)' \}\)/g,
  ))
    helperKinds.set(m[1], m[2]);
  for (const m of code.matchAll(/['"`](https?:\/\/[^'"`\s]+)['"`]/g)) {
    const url = m[1];
    const line = code.slice(0, m.index).split('\n').length;
    const where = `${name}:${line}`;
    const before = code.slice(Math.max(0, m.index - 40), m.index);
    const helper = /(\w+)\(\s*$/.exec(before)?.[1];
    const claimed = helper && helperKinds.has(helper) ? helperKinds.get(helper) : undefined;
    const after = code.slice(m.index, m.index + url.length + 60);
    const inline = /sourceKind:\s*'(\w+)'/.exec(after)?.[1];
    const kind = sourceKindOf(url);
    if (!kind) fail(where, `source not on the allow-list: ${url}`);
    const declared = claimed ?? inline;
    if (kind && declared && declared !== kind)
      fail(where, `sourceKind "${declared}" but the URL is ${kind}`);
    const problem = urlIdentifierProblem(url);
    if (problem) fail(where, problem);
    facts.push({ where, kind: kind ?? 'not allowed', verified: true, module: true });
  }
}

function printShares() {
  const table = (rows, title) => {
    const counts = new Map();
    for (const r of rows) counts.set(r.kind, (counts.get(r.kind) ?? 0) + 1);
    console.log(`${title} (${rows.length})`);
    for (const [kind, n] of [...counts].sort((a, b) => b[1] - a[1])) {
      console.log(
        `  ${kind.padEnd(12)} ${String(n).padStart(4)}  ${((100 * n) / rows.length).toFixed(0)}%`,
      );
    }
  };
  const stated = facts.filter((f) => !f.record && !f.module);
  table(
    stated,
    'Facts per source kind (approvals, evidence, boxed warnings, pathway citations, MeSH, exclusions)',
  );
  table(
    stated.filter((f) => f.verified),
    'Of which shown as verified fact',
  );
  table(
    facts.filter((f) => f.record),
    'Drug record citations (names, targets, warnings)',
  );
  table(
    facts.filter((f) => f.module),
    'Knowledge-module citations (antibody phenotypes, interferon markers)',
  );
  table(
    facts.filter((f) => !f.record),
    'All stated facts, data and modules together',
  );
}
