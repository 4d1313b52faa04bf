/**
 * Runs `handler` only for events the browser made from the reader's own input (`isTrusted`). The panel
 * and the selection bar live in the page's document: its scripts cannot reach into their closed shadow
 * roots, and even an event they synthesise somewhere it does arrive is refused by every control that
 * changes the reader's data.
 */
export function whenTrusted<E extends Event>(handler: (event: E) => void): (event: E) => void {
  return (event) => {
    if (event.isTrusted === true) handler(event);
  };
}
