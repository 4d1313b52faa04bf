/**
 * Which main-thread tasks ran the content script's code, from a Chromium trace (CDP Tracing with the
 * categories in TRACE_CATEGORIES). Used by tests/bench/extension.mjs; pure, so it is unit-tested on
 * small hand-made event lists.
 *
 * A task is a top-level `ThreadControllerImpl::RunTask` on a renderer main thread (`CrRendererMain`).
 * It counts as the extension's when, within it, either
 * - a timeline event names an extension script (`EvaluateScript`, `FunctionCall`, `v8.compile`… with
 *   `args.data.url` under `chrome-extension://`), or
 * - a V8 CPU-profiler sample has an extension script anywhere on its stack (this catches promise
 *   continuations — replies to runtime.sendMessage — that run as microtasks with no URL of their own).
 * Layout or style work the content script's DOM changes cause in a LATER task is not attributed.
 * Time DevTools itself takes in V8 API interrupts (the tracing's profiler) is left out of every
 * task; tasks that ran nested in such an interrupt count as tasks of their own.
 *
 * For the longest such task it also gives a breakdown (`longestExtensionTask`): self time per
 * function from the CPU-profiler samples inside it (each sample weighs the time to the next one),
 * and the time of the renderer's own steps in it (compile, style, layout, GC, parsing) from the
 * timeline events. Function positions are those of the built script; extension.mjs maps them back
 * to the sources.
 */

export const TRACE_CATEGORIES = [
  '__metadata',
  'toplevel',
  'devtools.timeline',
  'v8.execute',
  'disabled-by-default-v8.cpu_profiler',
];

const TASK = 'ThreadControllerImpl::RunTask';
const MAIN = 'CrRendererMain';
const INTERRUPT = 'V8.InvokeApiInterruptCallbacks';

/** Sorted, disjoint union of [from, to] intervals. */
function mergeIntervals(list) {
  const out = [];
  for (const [from, to] of [...list].sort((a, b) => a[0] - b[0])) {
    const last = out[out.length - 1];
    if (last && from <= last[1]) last[1] = Math.max(last[1], to);
    else out.push([from, to]);
  }
  return out;
}

/**
 * @param {Array<Record<string, any>>} events  trace events (Tracing.dataCollected values)
 * @param {string} [prefix]  script URL prefix that identifies the extension
 * @returns {{ longestTaskMs: number, longestExtensionTaskMs: number, extensionTasks: number,
 *   extensionLongTasks: number, extensionTaskMs: number, extensionCompileMs: number }}
 *   times in ms; `extensionLongTasks` counts extension tasks ≥ 50 ms; `extensionCompileMs` is V8's
 *   compile time for the extension's scripts (part of the first task)
 */
export function attributeTasks(events, prefix = 'chrome-extension://') {
  const threadNames = new Map();
  for (const e of events) {
    if (e.ph === 'M' && e.name === 'thread_name')
      threadNames.set(`${e.pid}:${e.tid}`, e.args?.name);
  }
  const isMain = (e) => threadNames.get(`${e.pid}:${e.tid}`) === MAIN;
  const isExt = (url) => typeof url === 'string' && url.startsWith(prefix);

  // Moments (µs) when extension code was running, per renderer process.
  const marks = new Map();
  const mark = (pid, from, to) => {
    if (!marks.has(pid)) marks.set(pid, []);
    marks.get(pid).push([from, to]);
  };
  let extensionCompileUs = 0;
  for (const e of events) {
    if (e.ph !== 'X' || !isMain(e) || !isExt(e.args?.data?.url)) continue;
    mark(e.pid, e.ts, e.ts + (e.dur ?? 0));
    if (e.name === 'v8.compile') extensionCompileUs += e.dur ?? 0;
  }

  // CPU profiles: `Profile` gives the start time, `ProfileChunk`s add nodes, samples and time deltas.
  const profiles = new Map();
  for (const e of events) {
    if (e.name !== 'Profile' && e.name !== 'ProfileChunk') continue;
    const key = `${e.pid}:${e.id}`;
    if (!profiles.has(key))
      profiles.set(key, { pid: e.pid, time: 0, nodes: new Map(), samples: [] });
    const p = profiles.get(key);
    const data = e.args?.data ?? {};
    if (e.name === 'Profile') {
      p.time = data.startTime ?? e.ts;
      continue;
    }
    for (const node of data.cpuProfile?.nodes ?? []) p.nodes.set(node.id, node);
    const ids = data.cpuProfile?.samples ?? [];
    const deltas = data.timeDeltas ?? [];
    ids.forEach((id, i) => {
      p.time += deltas[i] ?? 0;
      p.samples.push([p.time, id]);
    });
  }
  // Every sample with its weight (time to the next sample), for the longest task's breakdown.
  const weighted = [];
  for (const p of profiles.values()) {
    p.samples.forEach(([time, id], i) => {
      const next = p.samples[i + 1];
      weighted.push({ pid: p.pid, time, node: p.nodes.get(id), weight: next ? next[0] - time : 0 });
    });
  }
  for (const p of profiles.values()) {
    const onStack = new Map();
    const fromExtension = (id) => {
      if (onStack.has(id)) return onStack.get(id);
      const node = p.nodes.get(id);
      const result = node ? isExt(node.callFrame?.url) || fromExtension(node.parent) : false;
      onStack.set(id, result);
      return result;
    };
    for (const [time, id] of p.samples) if (fromExtension(id)) mark(p.pid, time, time);
  }

  // DevTools' own work runs in V8 API interrupts (V8.InvokeApiInterruptCallbacks): with the CPU
  // profiler on, a navigation's message can sit 150+ ms in one, heap walks included, running the
  // page's frames and timers as tasks nested inside it. None of that happens in a reader's browser:
  // a task nested in such an interrupt is a task of its own, and the interrupt's time is no task's.
  const interrupts = events
    .filter((e) => e.ph === 'X' && e.name === INTERRUPT && isMain(e))
    .map((e) => ({
      pid: e.pid,
      tid: e.tid,
      from: e.ts,
      to: e.ts + (e.dur ?? 0),
      cpu: e.tdur ?? 0,
    }));
  const interruptsIn = (t) =>
    interrupts.filter(
      (i) => i.pid === t.pid && i.tid === t.tid && i.from >= t.ts && i.to <= t.ts + t.dur,
    );
  const inInterrupt = (t, outer) =>
    interrupts.some(
      (i) => i.pid === t.pid && i.from >= outer.ts && i.from <= t.ts && i.to >= t.ts + t.dur,
    );

  // Top-level tasks on the main threads (a RunTask nested in another is part of it, unless it runs
  // inside an interrupt of that task).
  const tasks = events
    .filter((e) => e.ph === 'X' && e.name === TASK && isMain(e))
    .sort((a, b) => a.pid - b.pid || a.ts - b.ts || b.dur - a.dur);
  const top = [];
  const open = [];
  for (const t of tasks) {
    while (open.length) {
      const o = open[open.length - 1];
      if (o.pid === t.pid && t.ts < o.ts + o.dur) break;
      open.pop();
    }
    const outer = open[open.length - 1];
    if (outer && !inInterrupt(t, outer)) continue;
    top.push(t);
    open.push(t);
  }
  let longestTaskMs = 0;
  let longestExtensionTaskMs = 0;
  let extensionTasks = 0;
  let extensionLongTasks = 0;
  let extensionTaskMs = 0;
  let longestExtension = null;
  for (const t of top) {
    const skipped = mergeIntervals(interruptsIn(t).map((i) => [i.from, i.to]));
    const ms = (t.dur - skipped.reduce((sum, [from, to]) => sum + to - from, 0)) / 1000;
    longestTaskMs = Math.max(longestTaskMs, ms);
    const ext = (marks.get(t.pid) ?? []).some(
      ([from, to]) =>
        from <= t.ts + t.dur &&
        to >= t.ts &&
        !skipped.some(([sFrom, sTo]) => from >= sFrom && to <= sTo),
    );
    if (!ext) continue;
    extensionTasks += 1;
    extensionTaskMs += ms;
    if (ms >= 50) extensionLongTasks += 1;
    if (ms > longestExtensionTaskMs) {
      // Thread (CPU) time, where the trace has it: on a loaded machine the wall time also holds
      // the time the OS ran other processes, which the CPU time does not.
      const inner = interruptsIn(t);
      const outermost = inner.filter(
        (i) => !inner.some((o) => o !== i && o.from <= i.from && o.to >= i.to),
      );
      const cpuMs =
        typeof t.tdur === 'number'
          ? (t.tdur - outermost.reduce((sum, i) => sum + i.cpu, 0)) / 1000
          : null;
      longestExtension = { task: t, ms, cpuMs, skipped };
    }
    longestExtensionTaskMs = Math.max(longestExtensionTaskMs, ms);
  }
  return {
    longestTaskMs,
    longestExtensionTaskMs,
    extensionTasks,
    extensionLongTasks,
    extensionTaskMs,
    extensionCompileMs: extensionCompileUs / 1000,
    longestExtensionTask: longestExtension
      ? breakdown(longestExtension, events, weighted, isExt)
      : null,
  };
}

/** Renderer steps worth naming in a task's breakdown: timeline event name → label. */
const STEPS = {
  'v8.compile': 'V8 compile',
  'v8.compileModule': 'V8 compile',
  UpdateLayoutTree: 'style recalculation',
  Layout: 'layout',
  MinorGC: 'garbage collection',
  MajorGC: 'garbage collection',
  'V8.GC_SCAVENGER': 'garbage collection',
  ParseHTML: 'HTML parsing',
  Paint: 'paint',
};

/**
 * Where one task's time went: `functions`, self time per function (ms, descending, top 12) from
 * the profiler samples within it, each with its built script's url, line and column (0-based, as
 * the profiler gives them) and whether that script is the extension's; `steps`, the renderer steps
 * of STEPS within it (ms per label; nested events of one label counted once).
 */
function breakdown({ task, ms, cpuMs, skipped }, events, weighted, isExt) {
  const end = task.ts + task.dur;
  const outside = (time) => !skipped.some(([from, to]) => time >= from && time < to);
  const byFunction = new Map();
  let sampledUs = 0;
  for (const s of weighted) {
    if (s.pid !== task.pid || s.time < task.ts || s.time >= end || !s.node) continue;
    if (!outside(s.time)) continue;
    const weight = Math.min(s.weight, end - s.time);
    sampledUs += weight;
    const f = s.node.callFrame ?? {};
    const key = `${f.functionName}|${f.url}|${f.lineNumber}|${f.columnNumber}`;
    const entry = byFunction.get(key) ?? {
      functionName: f.functionName || '(anonymous)',
      url: f.url ?? '',
      lineNumber: f.lineNumber ?? -1,
      columnNumber: f.columnNumber ?? -1,
      extension: isExt(f.url),
      selfUs: 0,
    };
    entry.selfUs += weight;
    byFunction.set(key, entry);
  }
  const functions = [...byFunction.values()]
    .filter((f) => f.selfUs > 0)
    .sort((a, b) => b.selfUs - a.selfUs)
    .slice(0, 12)
    .map(({ selfUs, ...f }) => ({ ...f, selfMs: selfUs / 1000 }));
  // Per label, the union of its events' intervals in the task (a compile inside a compile once).
  const intervals = new Map();
  for (const e of events) {
    const label = STEPS[e.name];
    if (!label || e.ph !== 'X' || e.pid !== task.pid || e.tid !== task.tid) continue;
    if (e.ts < task.ts || e.ts >= end || !outside(e.ts)) continue;
    if (!intervals.has(label)) intervals.set(label, []);
    intervals.get(label).push([e.ts, Math.min(end, e.ts + (e.dur ?? 0))]);
  }
  const steps = {};
  for (const [label, list] of intervals) {
    steps[label] = mergeIntervals(list).reduce((sum, [from, to]) => sum + to - from, 0) / 1000;
  }
  return {
    startMs: task.ts / 1000,
    durationMs: ms,
    cpuMs,
    devtoolsInterruptMs: task.dur / 1000 - ms,
    sampledMs: sampledUs / 1000,
    functions,
    steps,
  };
}
