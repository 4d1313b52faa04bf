import { describe, expect, it } from 'vitest';
import { yieldToFrame } from '../../utils/yield-to-main';

/** A document whose frames and timers the test drives by hand. */
function fakeDocument(visibilityState: 'visible' | 'hidden') {
  const frames: (() => void)[] = [];
  const timers: (() => void)[] = [];
  const listeners = new Set<() => void>();
  let clock = 0;
  const win = {
    requestAnimationFrame: (cb: () => void) => frames.push(cb),
    setTimeout: (cb: () => void) => timers.push(cb),
    clearTimeout: () => undefined,
    performance: { now: () => clock },
  };
  const doc = {
    defaultView: win,
    visibilityState,
    addEventListener: (_type: string, fn: () => void) => listeners.add(fn),
    removeEventListener: (_type: string, fn: () => void) => listeners.delete(fn),
  };
  return {
    doc: doc as unknown as Document,
    frames,
    timers,
    listeners,
    advance: (ms: number) => (clock += ms),
    hide: () => {
      doc.visibilityState = 'hidden';
      for (const fn of [...listeners]) fn();
    },
  };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('yieldToFrame', () => {
  it('waits for the frame and reports the time from its rAF callback to the next task', async () => {
    const fake = fakeDocument('visible');
    let result: number | undefined | 'pending' = 'pending';
    void yieldToFrame(fake.doc).then((ms) => (result = ms));
    await flush();
    expect(result).toBe('pending');
    expect(fake.frames).toHaveLength(1);
    fake.frames[0]!();
    // The rendering steps run between the rAF callback and the next task.
    fake.advance(7);
    await flush();
    expect(result).toBe(7);
    expect(fake.listeners.size).toBe(0);
  });

  it('does not wait for frames on a hidden page', async () => {
    const fake = fakeDocument('hidden');
    await expect(yieldToFrame(fake.doc)).resolves.toBeUndefined();
    expect(fake.frames).toHaveLength(0);
  });

  it('stops waiting when the page is hidden before the frame comes', async () => {
    const fake = fakeDocument('visible');
    const waiting = yieldToFrame(fake.doc);
    fake.hide();
    await expect(waiting).resolves.toBeUndefined();
  });

  it('gives up on a frame that never comes', async () => {
    const fake = fakeDocument('visible');
    const waiting = yieldToFrame(fake.doc);
    expect(fake.timers).toHaveLength(1);
    fake.timers[0]!();
    await expect(waiting).resolves.toBeUndefined();
    expect(fake.listeners.size).toBe(0);
  });
});
