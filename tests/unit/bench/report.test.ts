import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  breakdownSection,
  buildReport,
  extensionRows,
  highlightRows,
  libraryRows,
  libraryPageRows,
  markdownTable,
  matcherTargetRows,
  median,
  ms,
  ratio,
  readResult,
  signedMs,
  targetRows,
  loadLines,
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

describe('issue 16 target: the matcher within 2.5× its floor', () => {
  it('judges each real-finder row on its median ratio, and says when the highlight part did not run', () => {
    const rows = matcherTargetRows({
      data: {
        realFinder: [
          { page: 'pmc-capture', scale: 1, floorMs: 2, jaklensMs: 5 },
          { page: 'derived-pubmed', scale: 1, floorMs: 0.5, jaklensMs: 2 },
        ],
      },
    });
    expect(rows).toEqual([
      ['matcher ≤ 2.5× floor, pmc-capture ×1', '2.50× (5.00 ms vs 2.00 ms)', 'yes'],
      ['matcher ≤ 2.5× floor, derived-pubmed ×1', '4.00× (2.00 ms vs 0.50 ms)', 'no'],
    ]);
    expect(matcherTargetRows(missing)).toEqual([
      ['matcher ≤ 2.5× floor on the real pages', 'not run (highlight)', 'not measured'],
    ]);
  });
});

describe('issue 17 target table', () => {
  const pageOf = (id: string, label: string, extra: Record<string, unknown> = {}) => ({
    id,
    label,
    with: { loadMs: 900, panelVisibleMs: 100, panelSeen: 5, marksAfterPanelMs: -3 },
    baseline: { loadMs: 950, samples: { loadMs: [900, 950, 1000] } },
    contentScript: { longestTaskMs: 40, maxLongestTaskMs: 45, taskMs: 12, compileMs: 5, tasks: 3 },
    ...extra,
  });
  const extension = {
    data: {
      rounds: 5,
      traceRounds: 3,
      bundles: [
        { label: 'always-on', alwaysOn: true, files: [], rawBytes: 90_000, gzipBytes: 29_000 },
      ],
      pages: [
        pageOf('pubmed-article', 'PubMed article (JDM)'),
        pageOf('pubmed-unrelated', 'PubMed article, unrelated'),
        pageOf('pmc-capture', 'PMC capture', {
          with: { loadMs: 1200, panelVisibleMs: null },
          contentScript: { longestTaskMs: 60, taskMs: 20, compileMs: 8, tasks: 2 },
        }),
      ],
    },
  };
  const highlight = {
    data: {
      scales: [
        { scale: 1, jaklensMs: 10, markRegExpMs: 40, writeFloorMs: 5 },
        { scale: 10, jaklensMs: 40, markRegExpMs: 100, writeFloorMs: 20 },
      ],
    },
  };
  const libraryPage = {
    data: {
      sizes: [
        {
          articles: 10000,
          openMs: { median: 250, p95: 400, max: 420, n: 6 },
          firstKeystrokeMs: { median: 900, p95: 1000, max: 1100, n: 6 },
          laterKeystrokeMs: { median: 30, p95: 70, max: 90, n: 60 },
          firstKeystrokeCompleteMs: { median: 1400, p95: 1900, max: 1900, n: 6 },
        },
      ],
    },
  };
  const rows = targetRows({ highlight, extension, libraryPage });
  const row = (start: string) => rows.find((r) => r[0]!.startsWith(start))!;

  it('quotes the issue as before, this run as after, and judges each target on the median', () => {
    expect(rows.every((r) => r.length === 4)).toBe(true);
    expect(row('what every PubMed/PMC page loads')).toEqual([
      expect.any(String),
      '71.5 KB gz (242 KB raw)',
      '28.3 KB gz (87.9 KB raw)',
      'yes',
    ]);
    expect(row('JAK Lens main-thread work, unrelated')[3]).toBe('yes');
    expect(row('JAK Lens main-thread work, PMC capture')[3]).toBe('no');
    // The search page was not measured in this result: no figure, no verdict.
    expect(row('JAK Lens main-thread work, search')[2]).toBe('not run (extension)');
    expect(row('longest task JAK Lens causes < 50 ms: PubMed article (JDM)')[3]).toBe('yes');
    expect(row('longest task JAK Lens causes < 50 ms: PMC capture')[3]).toBe('no');
    expect(row('DOMContentLoaded → panel visible')[3]).toBe('yes');
    expect(row('highlights complete within 1 frame')[2]).toBe(
      'last term mark 3.00 ms before the panel (median)',
    );
    expect(row('highlight pass ≤ 0.30× mark.js markRegExp, PMC ×1 ')).toEqual([
      expect.any(String),
      '0.48×',
      '0.25× (10.0 ms vs 40.0 ms; bare wrap 0.13×)',
      'yes',
    ]);
    expect(row('highlight pass ≤ 0.30× mark.js markRegExp, PMC ×10')[3]).toBe('no');
    expect(row('library rows on screen ≤ 300 ms after opening, 10,000')[3]).toBe('yes');
    expect(row('library first keystroke ≤ 50 ms to results, 10,000')[3]).toBe('no');
    expect(row('library later keystrokes ≤ 50 ms to results, 10,000')[3]).toBe('yes');
    expect(row('library first keystroke ≤ 50 ms to complete results, 10,000')[3]).toBe('no');
    expect(row('library rows on screen ≤ 300 ms after opening, 50,000')).toEqual([
      expect.any(String),
      'not given',
      'not run (library-page)',
      'not measured',
    ]);
  });

  it('holds load within noise when "with" exceeds "without" by no more than the baseline spread', () => {
    // 900 vs 950: faster with; 1200 vs 950 (+250) is beyond the baseline's 100 ms spread.
    expect(row('load event with vs without, within noise: PubMed article (JDM)')[3]).toBe('yes');
    expect(row('load event with vs without, within noise: PMC capture')[3]).toBe('no');
  });

  it('prints the longest task’s profile and each part’s load averages', () => {
    const text = breakdownSection({
      data: {
        longestTask: {
          page: 'PMC ×10',
          durationMs: 80,
          sampledMs: 70,
          steps: { layout: 4, 'V8 compile': 12 },
          functions: [
            {
              functionName: 'a',
              name: 'findMentions',
              source: 'utils/match/find-mentions.ts:10',
              selfMs: 30,
            },
            {
              functionName: 'x',
              url: 'chrome-extension://id/content-scripts/pubmed.js',
              lineNumber: 0,
              columnNumber: 9,
              selfMs: 5,
            },
          ],
        },
      },
    }).join('\n');
    expect(text).toContain('80.0 ms wall on PMC ×10');
    expect(text).toContain('V8 compile 12.0 ms, layout 4.00 ms');
    expect(text).toContain('| 30.0 ms   | a (findMentions) | utils/match/find-mentions.ts:10');
    expect(text).toContain('content-scripts/pubmed.js:1:10');
    expect(
      loadLines({ data: { parts: [{ name: 'extension', start: [1, 2, 3], end: [4, 5, 6] }] } }),
    ).toEqual([
      'Machine load (os.loadavg, 1 / 5 / 15 min) at the start → end of each part:',
      '- extension: 1.00 / 2.00 / 3.00 → 4.00 / 5.00 / 6.00',
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
    // The longest extension task's breakdown: the one sample inside it weighs the 1 ms to the next.
    expect(result.longestExtensionTask).toMatchObject({
      startMs: 500,
      durationMs: 120,
      functions: [{ functionName: 'insertBefore', selfMs: 1, extension: false }],
    });
  });

  it('breaks the longest extension task down into self time per function and renderer steps', () => {
    const events = [
      meta,
      task(0, 60_000),
      {
        ph: 'X',
        name: 'v8.compile',
        pid: 1,
        tid: 1,
        ts: 0,
        dur: 10_000,
        args: { data: { url: EXT } },
      },
      // A compile nested in the one above counts once; layout is its own step.
      { ph: 'X', name: 'v8.compile', pid: 1, tid: 1, ts: 2_000, dur: 5_000 },
      { ph: 'X', name: 'Layout', pid: 1, tid: 1, ts: 40_000, dur: 4_000 },
      ...profile([
        [10_000, 2], // main at 10 ms, until 30 ms
        [20_000, 3], // insertBefore at 30 ms, until 50 ms
        [20_000, 2], // main at 50 ms, until 70 ms: cut at the task's end (60 ms)
        [20_000, 1], // after the task
      ]),
    ];
    const task0 = attributeTasks(events).longestExtensionTask!;
    expect(task0.steps).toEqual({ 'V8 compile': 10, layout: 4 });
    expect(task0.functions.map((f) => [f.functionName, f.selfMs, f.extension])).toEqual([
      ['main', 30, true],
      ['insertBefore', 20, false],
    ]);
    expect(task0.sampledMs).toBe(50);
  });

  it('leaves out DevTools interrupts and counts the tasks nested in them on their own', () => {
    const interrupt = (ts: number, dur: number) => ({
      ph: 'X',
      name: 'V8.InvokeApiInterruptCallbacks',
      pid: 1,
      tid: 1,
      ts,
      dur,
    });
    const script = (ts: number, dur: number) => ({
      ph: 'X',
      name: 'FunctionCall',
      pid: 1,
      tid: 1,
      ts,
      dur,
      args: { data: { url: EXT } },
    });
    const events = [
      meta,
      { ...task(0, 200_000), tdur: 120_000 }, // 200 ms, of which 150 ms in DevTools' interrupt
      script(10_000, 5_000), // the extension ran in the task itself
      { ...interrupt(40_000, 150_000), tdur: 90_000 },
      { ...task(50_000, 60_000), tdur: 45_000 }, // a frame inside the interrupt: a task of its own
      script(60_000, 40_000),
      task(70_000, 1_000), // nested in that frame: part of it
    ];
    const result = attributeTasks(events);
    expect(result.longestTaskMs).toBe(60);
    expect(result.extensionTasks).toBe(2);
    expect(result.extensionTaskMs).toBe(110);
    expect(result.longestExtensionTask).toMatchObject({
      durationMs: 60,
      cpuMs: 45,
      devtoolsInterruptMs: 0,
    });
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
