import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const SCRIPT = 'scripts/knowledge-check.mjs';
const INHIBITORS = 'utils/knowledge/data/jak-inhibitors.json';
const PATHWAYS = 'utils/knowledge/data/jak-stat-pathways.json';

type Json = Record<string, unknown> & { drugs: Record<string, unknown>[] };

function run(inhibitors = INHIBITORS, pathways = PATHWAYS) {
  const out = spawnSync('node', [SCRIPT, inhibitors, pathways], { encoding: 'utf8' });
  return { status: out.status, text: `${out.stdout}${out.stderr}` };
}

/** Runs the check on a copy of the shipped data changed by `edit`. */
function runEdited(edit: (data: Json) => void) {
  const data = JSON.parse(readFileSync(INHIBITORS, 'utf8')) as Json;
  edit(data);
  const dir = mkdtempSync(join(tmpdir(), 'jl-knowledge-'));
  const file = join(dir, 'jak-inhibitors.json');
  writeFileSync(file, JSON.stringify(data));
  return run(file);
}

function drug(data: Json, name: string) {
  const found = data.drugs.find((d) => d.name === name);
  if (!found) throw new Error(`no ${name}`);
  return found as {
    approvals: Record<string, unknown>[];
    dmEvidence: Record<string, unknown>[];
    sources: string[];
    sourceKind: Record<string, string>;
  };
}

describe('npm run knowledge:check', () => {
  it('passes on the shipped data and prints the share of facts per source kind', () => {
    const { status, text } = run();
    expect(status).toBe(0);
    expect(text).toMatch(/Facts per source kind/);
    expect(text).toMatch(/regulator\s+\d+\s+\d+%/);
    expect(text).not.toMatch(/not allowed/);
    expect(text).toMatch(/knowledge:check passed/);
  });

  it('rejects a source outside the allow-list, even on an unverified fact', () => {
    const { status, text } = runEdited((d) => {
      const a = drug(d, 'tofacitinib').approvals[2]!;
      a.source = 'https://www.example-inhibitor.com/tofacitinib';
      a.sourceKind = 'regulator';
    });
    expect(status).toBe(1);
    expect(text).toMatch(/not on the allow-list: https:\/\/www\.example-inhibitor\.com/);
  });

  it('rejects a record source that is a news or document-sharing copy', () => {
    const { status, text } = runEdited((d) => {
      const t = drug(d, 'baricitinib');
      t.sources.push('https://studylib.net/doc/123/olumiant');
    });
    expect(status).toBe(1);
    expect(text).toMatch(/record source not on the allow-list: https:\/\/studylib\.net/);
  });

  it('rejects a verified fact that carries a caveat', () => {
    const { status, text } = runEdited((d) => {
      const e = drug(d, 'tofacitinib').dmEvidence[2]!;
      e.note = `${String(e.note)} PMID not confirmed.`;
    });
    expect(status).toBe(1);
    expect(text).toMatch(/verified fact carries a caveat: "not confirmed"/);
  });

  it('rejects a selectivity note that repeats an unverified code name', () => {
    const { status, text } = runEdited((d) => {
      const r = d.drugs.find((x) => x.name === 'ropsacitinib')!;
      r.selectivityNote = 'Selective TYK2 inhibitor (PF-06826647).';
    });
    expect(status).toBe(1);
    expect(text).toMatch(/selectivity note repeats the unverified name PF-06826647/);
  });

  it('rejects malformed NCT numbers, PMIDs and DOIs', () => {
    for (const [id, message] of [
      ['NCT0543726', /malformed NCT id/],
      ['PMID:abc', /malformed PMID/],
      ['doi:10.1/x', /malformed DOI/],
    ] as const) {
      const { status, text } = runEdited((d) => {
        drug(d, 'brepocitinib').dmEvidence[0]!.id = id;
      });
      expect(status, id).toBe(1);
      expect(text).toMatch(message);
    }
  });

  it('rejects an identifier whose source names another record', () => {
    const { status, text } = runEdited((d) => {
      drug(d, 'brepocitinib').dmEvidence[0]!.source =
        'https://clinicaltrials.gov/study/NCT03181893';
    });
    expect(status).toBe(1);
    expect(text).toMatch(/id NCT05437263 does not match its source/);
  });

  it('rejects a verified refusal without a year and a fact without a checked date', () => {
    const { status, text } = runEdited((d) => {
      const fda = drug(d, 'filgotinib').approvals.find((a) => a.status === 'not-approved')!;
      fda.year = null;
      delete drug(d, 'baricitinib').dmEvidence[0]!.checked;
    });
    expect(status).toBe(1);
    expect(text).toMatch(/a verified approval or refusal needs a year/);
    expect(text).toMatch(/missing or malformed "checked" date/);
  });
});
