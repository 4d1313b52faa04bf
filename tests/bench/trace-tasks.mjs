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

  // Top-level tasks on the main threads (a RunTask nested in another is part of it).
  const tasks = events
    .filter((e) => e.ph === 'X' && e.name === TASK && isMain(e))
    .sort((a, b) => a.pid - b.pid || a.ts - b.ts);
  const top = [];
  for (const t of tasks) {
    const last = top[top.length - 1];
    if (last && last.pid === t.pid && t.ts < last.ts + last.dur) continue;
    top.push(t);
  }
  let longestTaskMs = 0;
  let longestExtensionTaskMs = 0;
  let extensionTasks = 0;
  let extensionLongTasks = 0;
  let extensionTaskMs = 0;
  for (const t of top) {
    const ms = t.dur / 1000;
    longestTaskMs = Math.max(longestTaskMs, ms);
    const ext = (marks.get(t.pid) ?? []).some(([from, to]) => from <= t.ts + t.dur && to >= t.ts);
    if (!ext) continue;
    extensionTasks += 1;
    extensionTaskMs += ms;
    if (ms >= 50) extensionLongTasks += 1;
    longestExtensionTaskMs = Math.max(longestExtensionTaskMs, ms);
  }
  return {
    longestTaskMs,
    longestExtensionTaskMs,
    extensionTasks,
    extensionLongTasks,
    extensionTaskMs,
    extensionCompileMs: extensionCompileUs / 1000,
  };
}
