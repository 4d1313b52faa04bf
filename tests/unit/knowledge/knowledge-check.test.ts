import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const SCRIPT = 'scripts/knowledge-check.mjs';
const INHIBITORS = 'utils/knowledge/data/jak-inhibitors.json';
const PATHWAYS = 'utils/knowledge/data/jak-stat-pathways.json';

type Json = Record<string, unknown> & { drugs: Record<string, unknown>[] };

const MODULES = 'utils/knowledge';

function run(inhibitors = INHIBITORS, pathways = PATHWAYS, modules = MODULES) {
  const out = spawnSync('node', [SCRIPT, inhibitors, pathways, '--modules', modules], {
    encoding: 'utf8',
  });
  return { status: out.status, text: `${out.stdout}${out.stderr}` };
}

/** Runs the check on a copy of the knowledge modules with one module's text changed. */
function runWithModule(file: string, edit: (code: string) => string) {
  const dir = mkdtempSync(join(tmpdir(), 'jl-modules-'));
  cpSync(MODULES, dir, { recursive: true });
  const path = join(dir, file);
  const before = readFileSync(path, 'utf8');
  const after = edit(before);
  if (after === before) throw new Error(`edit changed nothing in ${file}`);
  writeFileSync(path, after);
  return run(INHIBITORS, PATHWAYS, dir);
}

/** Runs the check on a copy of the shipped pathways changed by `edit`. */
function runEditedPathways(edit: (data: { pairings: Record<string, unknown>[] }) => void) {
  const data = JSON.parse(readFileSync(PATHWAYS, 'utf8')) as {
    pairings: Record<string, unknown>[];
  };
  edit(data);
  const dir = mkdtempSync(join(tmpdir(), 'jl-pathways-'));
  const file = join(dir, 'jak-stat-pathways.json');
  writeFileSync(file, JSON.stringify(data));
  return run(INHIBITORS, file);
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
    expect(text).toMatch(/Knowledge-module citations[^\n]*\(\d+\)\n\s+literature\s+\d+/);
    expect(text).toMatch(/All stated facts, data and modules together/);
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
  it('rejects a source in a knowledge module that is not on the allow-list', () => {
    const { status, text } = runWithModule('antibody-phenotypes.ts', (code) =>
      code.replace(
        "pubmed('https://pubmed.ncbi.nlm.nih.gov/33774723/')",
        "pubmed('https://www.studylib.net/doc/33774723')",
      ),
    );
    expect(status).toBe(1);
    expect(text).toMatch(
      /antibody-phenotypes\.ts:\d+: source not on the allow-list: https:\/\/www\.studylib\.net/,
    );
  });

  it('rejects a malformed PMID, DOI or PMC id in a knowledge module', () => {
    for (const [url, message] of [
      ['https://pubmed.ncbi.nlm.nih.gov/3517755X/', /malformed PMID in URL/],
      ['https://doi.org/11.1007/s10875-016-0359-1', /malformed DOI in URL/],
      ['https://pmc.ncbi.nlm.nih.gov/articles/9184970/table/T1', /malformed PMC id in URL/],
    ] as const) {
      const { status, text } = runWithModule('interferon-signatures.ts', (code) =>
        code.replace('https://pubmed.ncbi.nlm.nih.gov/35177553/', url),
      );
      expect(status, url).toBe(1);
      expect(text).toMatch(/interferon-signatures\.ts:\d+: /);
      expect(text).toMatch(message);
    }
  });

  it('rejects a module source whose kind differs from the one the code claims', () => {
    const { status, text } = runWithModule('antibody-phenotypes.ts', (code) =>
      code.replace(
        "pubmed('https://pubmed.ncbi.nlm.nih.gov/28339994/')",
        "pubmed('https://dailymed.nlm.nih.gov/dailymed/drugInfo.cfm?setid=x')",
      ),
    );
    expect(status).toBe(1);
    expect(text).toMatch(/sourceKind "literature" but the URL is regulator/);
  });

  it('rejects a verified boxed warning that does not cite the label it was read in', () => {
    const { status, text } = runEdited((d) => {
      (
        d.drugs.find((x) => x.name === 'upadacitinib') as Record<string, unknown>
      ).boxedWarningSource = null;
      const momelo = d.drugs.find((x) => x.name === 'momelotinib') as Record<string, unknown>;
      momelo.verified = { ...(momelo.verified as object), boxedWarning: true };
    });
    expect(status).toBe(1);
    expect(text).toMatch(/drug upadacitinib: a verified boxed warning needs its label/);
    expect(text).toMatch(/drug momelotinib: a verified boxed warning needs its label/);
  });

  it('rejects a copy or tracker URL hidden in a remark', () => {
    const { status, text } = runEdited((d) => {
      drug(d, 'filgotinib').approvals[1]!.remark = 'Read on https://link.pblc.it/abc.';
    });
    expect(status).toBe(1);
    expect(text).toMatch(/URL in the text is not on the allow-list: https:\/\/link\.pblc\.it\/abc/);
  });

  it('rejects a caveat in a verified name cell or selectivity note unless it says UNVERIFIED', () => {
    const { status, text } = runEdited((d) => {
      const tofa = d.drugs.find((x) => x.name === 'tofacitinib') as Record<string, unknown>;
      tofa.brandNames = ['Xeljanz', 'Xeljanz XR (per press brief)'];
      tofa.selectivityNote = 'JAK1/JAK3-preferring (vendor IC50 table).';
      const bari = d.drugs.find((x) => x.name === 'baricitinib') as Record<string, unknown>;
      bari.codeNames = ['LY3009104 (indirect link only; UNVERIFIED)'];
    });
    expect(status).toBe(1);
    expect(text).toMatch(
      /drug tofacitinib: brandNames cell carries a caveat without UNVERIFIED: "Xeljanz XR \(per press brief\)"/,
    );
    expect(text).toMatch(/drug tofacitinib: selectivity note carries a caveat \("vendor"\)/);
    // Marked UNVERIFIED, the caveat is allowed: the cell is shown greyed, not as fact.
    expect(text).not.toMatch(/drug baricitinib: codeNames/);
  });

  it('rejects a verified pathway cell that rests on a vendor table', () => {
    const { status, text } = runEditedPathways((d) => {
      const tpo = d.pairings.find((p) => p.family === 'TPO')!;
      tpo.jaks = ['JAK2', 'TYK2 (per cellsignal)'];
    });
    expect(status).toBe(1);
    expect(text).toMatch(/pathway TPO: verified pairing cell carries a caveat \("cellsignal"\)/);
  });
});
