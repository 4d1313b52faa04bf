/**
 * Clicks as the reader's own input would: browsers mark such events `isTrusted`, which a page script
 * cannot forge. happy-dom leaves the property undefined, so the unit tests set it on the event they
 * dispatch to stand in for real input; `fireEvent.click` stays what a page script's click is.
 */
export function readerClick(element: Element): void {
  const event = new MouseEvent('click', { bubbles: true, cancelable: true, composed: true });
  Object.defineProperty(event, 'isTrusted', { value: true });
  element.dispatchEvent(event);
}
