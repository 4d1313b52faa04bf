import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  buildReport,
  extensionRows,
  highlightRows,
  libraryRows,
  libraryPageRows,
  markdownTable,
  median,
  ms,
  ratio,
  readResult,
  signedMs,
  type Machine,
} from '../../bench/report.mjs';
import { attributeTasks } from '../../bench/trace-tasks.mjs';

// Inputs below are small made-up shapes to exercise the formatting, not bench figures.
const machine: Machine = {
  cpuModel: 'Test CPU',
  cpuCount: 2,
  os: 'linux 6.1',
  node: 'v20.0.0',
  date: '2026-01-01T00:00:00Z',
};
const missing = { missing: true } as const;

describe('median', () => {
  it('takes the middle value of an odd count and the mean of the two middle ones of an even count', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
  it('does not reorder its input and is NaN for no values', () => {
    const xs = [3, 1, 2];
    median(xs);
    expect(xs).toEqual([3, 1, 2]);
    expect(median([])).toBeNaN();
  });
});

describe('number formatting', () => {
  it('shows fewer decimals as values grow, and a dash for no figure', () => {
    expect(ms(3.14159)).toBe('3.14 ms');
    expect(ms(31.4159)).toBe('31.4 ms');
    expect(ms(314.159)).toBe('314 ms');
    expect(ms(null)).toBe('–');
    expect(ms(NaN)).toBe('–');
  });
  it('writes ratios and signed differences', () => {
    expect(ratio(6, 3)).toBe('2.00×');
    expect(ratio(1, 0)).toBe('–');
    expect(signedMs(12.5)).toBe('+12.5 ms');
    expect(signedMs(-2)).toBe('−2.00 ms');
    expect(signedMs(0)).toBe('±0 ms');
  });
});

describe('markdownTable', () => {
  it('pads every column to its widest cell and escapes pipes', () => {
    const table = markdownTable(['A', 'Long header'], [['x|y', '1']]).split('\n');
    expect(table).toEqual([
      '| A    | Long header |',
      '| ---- | ----------- |',
      '| x\\|y | 1           |',
    ]);
  });
});

describe('readResult', () => {
  let dir = '';
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('tells a missing file from an unreadable one from a good one', () => {
    dir = mkdtempSync(join(tmpdir(), 'bench-report-'));
    writeFileSync(join(dir, 'bad.json'), '{ not json');
    writeFileSync(join(dir, 'good.json'), '{"rows":[]}');
    expect(readResult(join(dir, 'none.json'))).toEqual({ missing: true });
    expect(readResult(join(dir, 'bad.json'))).toHaveProperty('error');
    expect(readResult(join(dir, 'good.json'))).toEqual({ data: { rows: [] } });
  });
});

describe('report sections', () => {
  it('turns each missing file into one "not run" row naming the command that produces it', () => {
    const text = buildReport({ highlight: missing, extension: missing, library: missing, machine });
    expect(text).toContain(
      'Machine: Test CPU × 2 cores, linux 6.1, Node v20.0.0, Chromium not run',
    );
    const notRun = text.split('\n').filter((line) => line.includes('not run |'));
    expect(notRun).toHaveLength(5);
    expect(notRun.join('\n')).toMatch(/highlight\.json missing; run `npm run bench:highlight`/);
    expect(notRun.join('\n')).toMatch(/extension\.json missing; run `npm run bench:extension`/);
    expect(notRun.join('\n')).toMatch(/library\.json missing; run `npm run bench:library`/);
    expect(notRun.join('\n')).toMatch(/sync\.json missing; run `npm run bench:sync`/);
    expect(notRun.join('\n')).toMatch(
      /library-page\.json missing; run `npm run bench:library-page`/,
    );
  });

  it('reports the library page’s open and keystroke figures per size against their targets', () => {
    const s = (median: number) => ({ median, p95: median * 2, max: median * 3, n: 4 });
    const rows = libraryPageRows({
      data: {
        sizes: [{ articles: 50000, openMs: s(100), keystrokeMs: s(20), firstKeystrokeMs: s(30) }],
      },
    });
    expect(rows.map((r) => r.slice(1, 3))).toEqual([
      ['open → rows on screen, 50,000 articles (median)', '100 ms'],
      ['keystroke → results, 50,000 articles (median)', '20.0 ms'],
      ['first keystroke after opening → results, 50,000 articles (median)', '30.0 ms'],
    ]);
    expect(rows[0]![3]).toBe('p95 200 ms, max 300 ms (n = 4); target ≤ 300 ms');
  });

  it('reports complete-result keystrokes and the load average when the run recorded them', () => {
    const s = (median: number) => ({ median, p95: median * 2, max: median * 3, n: 4 });
    const rows = libraryPageRows({
      data: {
        sizes: [
          {
            articles: 10000,
            openMs: s(100),
            keystrokeMs: s(20),
            firstKeystrokeMs: s(30),
            keystrokeCompleteMs: s(25),
            firstKeystrokeCompleteMs: s(900),
            loadavg: { before: [2.5, 2, 1], after: [3.1, 2.2, 1.1] },
          },
        ],
      },
    });
    expect(rows.map((r) => r.slice(1, 3))).toEqual([
      ['open → rows on screen, 10,000 articles (median)', '100 ms'],
      ['keystroke → results, 10,000 articles (median)', '20.0 ms'],
      ['first keystroke after opening → results, 10,000 articles (median)', '30.0 ms'],
      ['keystroke → complete results, 10,000 articles (median)', '25.0 ms'],
      ['first keystroke after opening → complete results, 10,000 articles (median)', '900 ms'],
      ['load average (1 min) while measuring 10,000 articles', '2.5 → 3.1'],
    ]);
  });

  it('reports the highlight pass against the floor and mark.js at each scale', () => {
    const rows = highlightRows({
      data: {
        rounds: 12,
        scales: [
          { scale: 1, elements: 900, hits: 40, floorMs: 2, jaklensMs: 5, markRegExpMs: 10 },
          { scale: 10, elements: 9000, hits: 400, floorMs: 20, jaklensMs: 30, markRegExpMs: 60 },
        ],
        realFinder: [{ page: 'PMC8885717', scale: 1, hits: 35, floorMs: 4, jaklensMs: 6 }],
      },
    });
    expect(rows).toHaveLength(3);
    expect(rows[2]).toEqual([
      'Highlight pass',
      'real finder, PMC8885717 ×1 (35 marks)',
      '6.00 ms',
      '1.50× floor (4.00 ms)',
    ]);
    expect(rows[0]![1]).toContain('×1 (900 elements, 40 marks), median of 12');
    expect(rows[0]![2]).toBe('5.00 ms');
    expect(rows[0]![3]).toBe('2.50× floor (2.00 ms); 0.50× mark.js RegExp (10.0 ms)');
    expect(rows[1]![1]).toContain('×10 (9,000 elements');
    expect(rows[1]![3]).toBe('1.50× floor (20.0 ms); 0.50× mark.js RegExp (60.0 ms)');
  });

  it('reports each page, the panel time only where a panel appeared, and bundle sizes', () => {
    const page = (label: string, panelVisibleMs: number | null) => ({
      label,
      with: { longestTaskMs: 120, loadMs: 900, panelVisibleMs, panelHostMs: 80, panelSeen: 5 },
      baseline: { longestTaskMs: 0, loadMs: 850 },
      contentScript: { longestTaskMs: 70, compileMs: 30 },
      longestTaskDiffMs: 120,
    });
    const rows = extensionRows({
      data: {
        rounds: 5,
        traceRounds: 3,
        pages: [page('Article', 300), page('Search', null)],
        bundles: [{ label: 'content script', files: ['a.js'], rawBytes: 4096, gzipBytes: 1536 }],
      },
    });
    const byArea = (area: string) => rows.filter((r) => r[0] === area);
    expect(byArea('Longest main-thread task')).toHaveLength(2);
    expect(byArea('Longest main-thread task')[0]![2]).toBe('70.0 ms');
    expect(byArea('Longest main-thread task')[0]![3]).toBe(
      'its V8 compile 30.0 ms; any task ≥ 50 ms, median of 5: with extension 120 ms, without none ≥ 50 ms (+120 ms)',
    );
    expect(byArea('Panel')).toHaveLength(1);
    expect(byArea('Panel')[0]![2]).toBe('300 ms');
    expect(byArea('Page load')[1]![3]).toBe('without extension 850 ms (+50.0 ms)');
    expect(byArea('Bundle size')[0]!.slice(2)).toEqual(['1.5 KB gz', '4.0 KB raw; a.js']);
  });

  it('reports search and import per library size', () => {
    const rows = libraryRows({
      data: {
        rows: [
          {
            articles: 10000,
            searchMedianMs: 1.5,
            searchP95Ms: 4,
            importMs: 2500,
            exportMs: 300,
            openMs: 40,
          },
        ],
      },
    });
    expect(rows).toEqual([
      ['Library', 'search per keystroke, 10,000 articles', '1.50 ms', 'p95 4.00 ms'],
      ['Library', 'import, 10,000 articles', '2500 ms', 'export 300 ms; open 40.0 ms'],
    ]);
  });
});

describe('attributeTasks', () => {
  const EXT = 'chrome-extension://abc/content-scripts/pubmed.js';
  const meta = { ph: 'M', name: 'thread_name', pid: 1, tid: 1, args: { name: 'CrRendererMain' } };
  const task = (ts: number, dur: number, tid = 1) => ({
    ph: 'X',
    name: 'ThreadControllerImpl::RunTask',
    pid: 1,
    tid,
    ts,
    dur,
  });
  const profile = (samples: Array<[number, number]>) => [
    { ph: 'P', name: 'Profile', pid: 1, tid: 9, id: '0x1', args: { data: { startTime: 0 } } },
    {
      ph: 'P',
      name: 'ProfileChunk',
      pid: 1,
      tid: 9,
      id: '0x1',
      args: {
        data: {
          cpuProfile: {
            nodes: [
              { id: 1, callFrame: { functionName: '(root)' } },
              { id: 2, parent: 1, callFrame: { functionName: 'main', url: EXT } },
              { id: 3, parent: 2, callFrame: { functionName: 'insertBefore', url: '' } },
              { id: 4, parent: 1, callFrame: { functionName: 'page', url: 'https://x/' } },
            ],
            samples: samples.map(([, id]) => id),
          },
          timeDeltas: samples.map(([delta]) => delta),
        },
      },
    },
  ];

  it('credits a task to the extension by an extension script event or a sample with it on the stack', () => {
    const events = [
      meta,
      task(0, 80_000), // runs the content script's top level
      {
        ph: 'X',
        name: 'EvaluateScript',
        pid: 1,
        tid: 1,
        ts: 10,
        dur: 60_000,
        args: { data: { url: EXT } },
      },
      {
        ph: 'X',
        name: 'v8.compile',
        pid: 1,
        tid: 1,
        ts: 20,
        dur: 20_000,
        args: { data: { url: EXT } },
      },
      task(100_000, 300_000), // the page's own long task
      task(500_000, 120_000), // a microtask continuation: only the profiler sees the extension
      task(510_000, 5_000), // nested in the one above: not a task of its own
      ...profile([
        [150_000, 4], // page code inside the page's task
        [400_000, 3], // insertBefore called from the extension, at 550,000 µs
        [1_000, 1],
      ]),
    ];
    const result = attributeTasks(events);
    expect(result.longestTaskMs).toBe(300);
    expect(result.longestExtensionTaskMs).toBe(120);
    expect(result.extensionTasks).toBe(2);
    expect(result.extensionLongTasks).toBe(2);
    expect(result.extensionTaskMs).toBe(200);
    expect(result.extensionCompileMs).toBe(20);
  });

  it('ignores tasks on other threads and credits nothing when no extension code ran', () => {
    const other = { ...meta, tid: 2, args: { name: 'Compositor' } };
    const events = [meta, other, task(0, 90_000), task(0, 500_000, 2), ...profile([[10, 4]])];
    expect(attributeTasks(events)).toMatchObject({
      longestTaskMs: 90,
      longestExtensionTaskMs: 0,
      extensionTasks: 0,
    });
  });
});
