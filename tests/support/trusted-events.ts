/**
 * Unit-test stand-ins for the reader's real input. A test DOM (happy-dom) has no `isTrusted` at all, so
 * every event a test dispatches counts as a page script's (untrusted) and our controls ignore it. These
 * helpers mark an event as the browser marks real input, then dispatch it; the plain `fireEvent` of
 * @testing-library stays the page script's imitation. Dispatched through fireEvent, so Preact's state
 * updates are flushed as after a real event.
 */
import { fireEvent } from '@testing-library/preact';

export function asTrusted<E extends Event>(event: E): E {
  Object.defineProperty(event, 'isTrusted', { value: true });
  return event;
}

/** A real click on `el`. */
export function trustedClick(el: Element): void {
  fireEvent(el, asTrusted(new MouseEvent('click', { bubbles: true, cancelable: true })));
}

/** The reader typed `value` into the field (one input event), as the browser reports it. */
export function trustedInput(field: HTMLInputElement | HTMLTextAreaElement, value: string): void {
  field.value = value;
  fireEvent(field, asTrusted(new Event('input', { bubbles: true })));
}

/** The reader changed the field to `value` and left it (the `change` event). */
export function trustedChange(field: HTMLInputElement | HTMLTextAreaElement, value: string): void {
  field.value = value;
  fireEvent(field, asTrusted(new Event('change', { bubbles: true })));
}

/** A real key press on `el` (keydown only). */
export function trustedKey(el: Element, init: KeyboardEventInit): void {
  fireEvent(
    el,
    asTrusted(new KeyboardEvent('keydown', { bubbles: true, composed: true, ...init })),
  );
}

/**
 * Records every shadow root attached from now on, closed ones included, as the content script's own
 * reference does: a closed root is null from `host.shadowRoot`, so a unit test reads it here. Returns
 * the lookup and the function that puts attachShadow back.
 */
export function recordShadowRoots(): {
  rootOf: (host: Element | null | undefined) => ShadowRoot | undefined;
  restore: () => void;
} {
  const roots = new WeakMap<Element, ShadowRoot>();
  const original = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (this: Element, init: ShadowRootInit) {
    const root = original.call(this, init);
    roots.set(this, root);
    return root;
  };
  return {
    rootOf: (host) => (host ? roots.get(host) : undefined),
    restore: () => {
      Element.prototype.attachShadow = original;
    },
  };
}
