/** Minimal shape of the Prioritized Task Scheduling API, which TypeScript's DOM lib lacks. */
interface SchedulerLike {
  yield?: () => Promise<void>;
}

/** Resolves in a fresh task, via a MessageChannel round trip (not clamped like setTimeout). */
function nextTask(): Promise<void> {
  if (typeof MessageChannel === 'function') {
    return new Promise((resolve) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        channel.port1.close();
        resolve();
      };
      channel.port2.postMessage(null);
    });
  }
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Resolves after the browser has had a chance to run other tasks (input, rendering). Uses
 * `scheduler.yield()` where it exists (it resumes ahead of other queued work), else a
 * MessageChannel round trip, which unlike `setTimeout(0)` is not clamped to 4 ms after nesting.
 *
 * Because `scheduler.yield()` continuations outrank rendering, a loop that changes the DOM
 * between such yields piles all its layout into one late frame; use `yieldToFrame` there.
 */
export function yieldToMain(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: SchedulerLike }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return nextTask();
}

/** How long to wait for a frame before going on anyway (rAF can stall, e.g. in an occluded window). */
const FRAME_TIMEOUT_MS = 250;

/**
 * Resolves after the browser has rendered the next frame of `doc`, with roughly how long that
 * frame's style, layout and paint took in ms (the time from the frame's requestAnimationFrame
 * callback to the first task after it). A loop that changes the DOM in chunks and waits here
 * between them pays each chunk's layout in its own frame, and can size the next chunk from it.
 *
 * Resolves with `undefined` (nothing measured) when no frame is coming: the page is hidden (rAF
 * does not run in background tabs, and nothing is rendered there anyway), becomes hidden
 * meanwhile, or no frame arrives within FRAME_TIMEOUT_MS.
 */
export function yieldToFrame(doc: Document): Promise<number | undefined> {
  const win = doc.defaultView;
  if (!win || doc.visibilityState === 'hidden' || typeof win.requestAnimationFrame !== 'function') {
    return yieldToMain().then(() => undefined);
  }
  return new Promise((resolve) => {
    let settled = false;
    const settle = (ms: number | undefined) => {
      if (settled) return;
      settled = true;
      win.clearTimeout(timer);
      doc.removeEventListener('visibilitychange', onHidden);
      resolve(ms);
    };
    const onHidden = () => settle(undefined);
    const timer = win.setTimeout(() => settle(undefined), FRAME_TIMEOUT_MS);
    doc.addEventListener('visibilitychange', onHidden);
    win.requestAnimationFrame(() => {
      const start = win.performance.now();
      // A task queued from inside rAF runs only after this frame's rendering steps.
      void nextTask().then(() => settle(win.performance.now() - start));
    });
  });
}
