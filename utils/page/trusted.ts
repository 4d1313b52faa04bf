/**
 * The reader's own input, told apart from a page script's imitation of it.
 *
 * Our UI lives in closed shadow roots, so a PubMed script cannot find its controls; this is the second
 * lock. Every action that changes or deletes the reader's data (a highlight, its colour or comment, the
 * panel's remembered layout) runs only for events the browser made from real input: a script's
 * `dispatchEvent`, `element.click()` or `focus()` yields `isTrusted === false` and is ignored. Anything
 * but an explicit `true` counts as untrusted, so a DOM without the property (a test DOM) is refused too.
 */
export function isTrustedEvent(event: Event | null | undefined): boolean {
  return event?.isTrusted === true;
}

/** `handler`, run only for trusted events (see isTrustedEvent); untrusted ones are dropped silently. */
export function onlyTrusted<E extends Event>(handler: (event: E) => void): (event: E) => void {
  return (event) => {
    if (isTrustedEvent(event)) handler(event);
  };
}
