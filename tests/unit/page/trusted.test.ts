// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { isTrustedEvent, onlyTrusted } from '@/utils/page/trusted';
import { asTrusted } from '../../support/trusted-events';

describe('onlyTrusted', () => {
  it("runs the handler for the browser's own events only", () => {
    const handler = vi.fn();
    const button = document.createElement('button');
    button.addEventListener('click', onlyTrusted(handler));
    document.body.append(button);
    // What a page script can do: dispatch, click(), a forged property on a plain object.
    button.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    button.click();
    expect(handler).not.toHaveBeenCalled();
    const real = asTrusted(new MouseEvent('click', { bubbles: true }));
    button.dispatchEvent(real);
    expect(handler).toHaveBeenCalledExactlyOnceWith(real);
    button.remove();
  });

  it('counts anything but an explicit true as untrusted', () => {
    expect(isTrustedEvent(null)).toBe(false);
    expect(isTrustedEvent(undefined)).toBe(false);
    expect(isTrustedEvent(new Event('input'))).toBe(false);
    expect(isTrustedEvent({ isTrusted: 'yes' } as unknown as Event)).toBe(false);
    expect(isTrustedEvent(asTrusted(new Event('input')))).toBe(true);
  });
});
