/** Minimal shape of the Prioritized Task Scheduling API, which TypeScript's DOM lib lacks. */
interface SchedulerLike {
  yield?: () => Promise<void>;
}

/**
 * Resolves after the browser has had a chance to run other tasks (input, rendering). Uses
 * `scheduler.yield()` where it exists (it resumes ahead of other queued work), else a
 * MessageChannel round trip, which unlike `setTimeout(0)` is not clamped to 4 ms after nesting.
 */
export function yieldToMain(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: SchedulerLike }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
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
