// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  MARK_CARD_HOST,
  MARK_CARD_ID,
  watchMarkCards,
  type MarkCardOptions,
} from '@/entrypoints/pubmed.content/term-marks/mark-card';
import { findMentions } from '@/utils/match/find-mentions';
import { applyTermMarks, type TermMarkResult } from '@/utils/term-marks/mark-terms';
import { wrapTextNode } from '@/utils/term-marks/wrap';
import { HIDE_GRACE_MS, SHOW_DELAY_MS } from '@/utils/term-marks/mark-hover';
import { recordShadowRoots } from '../../../../support/trusted-events';

const TEXT =
  'Baricitinib blocks JAK1 and JAK2 in juvenile dermatomyositis; see also the interferon signature.';

let highlights: TermMarkResult;
let original: string;
let stop: (() => void) | undefined;

function start(options: Partial<MarkCardOptions> = {}): void {
  stop = watchMarkCards({ doc: document, ...options });
}

function mark(term: string): HTMLElement {
  const found = [...document.querySelectorAll<HTMLElement>('jl-mark')].find(
    (m) => m.getAttribute('data-jl-term') === term,
  );
  if (!found) throw new Error(`no mark for ${term}`);
  return found;
}

const host = () => document.querySelector<HTMLElement>(MARK_CARD_HOST);
// The card's root is closed; the test reads it through attachShadow's return value, as the script does.
let recorded: ReturnType<typeof recordShadowRoots>;
const card = () => recorded.rootOf(host())?.querySelector<HTMLElement>('.jl-mc') ?? null;

function over(target: Element, buttons = 0): void {
  target.dispatchEvent(new MouseEvent('mouseover', { bubbles: true, composed: true, buttons }));
}
function out(target: Element, to: Element | null): void {
  target.dispatchEvent(
    new MouseEvent('mouseout', { bubbles: true, composed: true, relatedTarget: to }),
  );
}
function escape(target: Element): void {
  target.dispatchEvent(
    new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }),
  );
}

beforeEach(() => {
  recorded = recordShadowRoots();
  vi.useFakeTimers();
  document.body.innerHTML = `<main><p id="text"></p><button id="elsewhere">x</button></main>`;
  document.getElementById('text')!.textContent = TEXT;
  original = document.body.innerHTML;
  highlights = applyTermMarks(document.body, (text) => findMentions(text));
});

afterEach(() => {
  stop?.();
  stop = undefined;
  highlights.undo();
  vi.useRealTimers();
  recorded.restore();
});

describe('mark card: nothing until the first hover or focus', () => {
  it('adds no element to the page when started', () => {
    expect(highlights.marks.length).toBeGreaterThanOrEqual(4);
    start();
    expect(host()).toBeNull();
    expect(document.querySelectorAll('[aria-describedby]')).toHaveLength(0);
  });
});

describe('mark card: keyboard', () => {
  it('opens at once on focus, describes the mark, and closes on Escape with focus kept', () => {
    start();
    const drug = mark('drug:baricitinib');
    drug.focus();
    expect(host()?.getAttribute('role')).toBe('tooltip');
    expect(host()?.id).toBe(MARK_CARD_ID);
    expect(host()?.hasAttribute('data-jl-ui')).toBe(true);
    // Closed: the page sees the host, not the card in it.
    expect(host()?.shadowRoot).toBeNull();
    expect(card()?.textContent).toContain('baricitinib');
    expect(drug.getAttribute('aria-describedby')).toBe(MARK_CARD_ID);
    expect(card()?.getAttribute('data-term')).toBe('drug:baricitinib');
    const chips = [...card()!.querySelectorAll('.jl-chip-jak')].map((c) => c.textContent);
    expect(chips).toEqual(['JAK1', 'JAK2']);
    const links = [...card()!.querySelectorAll('a')];
    expect(links.length).toBeGreaterThan(0);
    for (const a of links) {
      expect(a.getAttribute('href')).toMatch(/^https?:\/\//);
      expect(a.getAttribute('target')).toBe('_blank');
      expect(a.getAttribute('rel')).toBe('noopener noreferrer');
    }

    escape(drug);
    expect(host()).toBeNull();
    expect(drug.hasAttribute('aria-describedby')).toBe(false);
    expect(document.activeElement).toBe(drug);
  });

  it('Tab from the mark enters its card; Shift+Tab from the first control goes back to the mark', () => {
    start();
    const drug = mark('drug:baricitinib');
    drug.focus();
    const root = recorded.rootOf(host())!;
    const controls = [...root.querySelectorAll<HTMLElement>('a[href], button, summary')];
    expect(controls.length).toBeGreaterThan(1);
    const tab = (target: Element, shiftKey = false) => {
      const event = new KeyboardEvent('keydown', {
        key: 'Tab',
        shiftKey,
        bubbles: true,
        composed: true,
        cancelable: true,
      });
      target.dispatchEvent(event);
      return event.defaultPrevented;
    };
    let firstFocused = false;
    controls[0]!.addEventListener('focus', () => (firstFocused = true));
    expect(tab(drug)).toBe(true);
    expect(firstFocused).toBe(true);
    expect(card()?.getAttribute('data-term')).toBe('drug:baricitinib');
    expect(tab(controls[0]!, true)).toBe(true);
    expect(document.activeElement).toBe(drug);
    // From the last control, focus goes on to what follows the mark in the page: the next mark.
    controls.at(-1)!.focus();
    expect(tab(controls.at(-1)!)).toBe(true);
    expect(document.activeElement?.getAttribute('data-jl-term')).toBe('target:JAK1');
    drug.focus();
    // Once Escape closed the card, Tab from the mark is the browser's again.
    escape(drug);
    expect(tab(drug)).toBe(false);
  });

  it('follows focus from mark to mark and closes when focus leaves the marks', () => {
    start();
    mark('drug:baricitinib').focus();
    const jak1 = mark('target:JAK1');
    jak1.focus();
    expect(card()?.getAttribute('data-term')).toBe('target:JAK1');
    expect(mark('drug:baricitinib').hasAttribute('aria-describedby')).toBe(false);
    expect(jak1.getAttribute('aria-describedby')).toBe(MARK_CARD_ID);
    document.getElementById('elsewhere')!.focus();
    expect(host()).toBeNull();
    expect(jak1.hasAttribute('aria-describedby')).toBe(false);
  });

  it('opens on focus even for a kind whose hover is switched off', () => {
    start({ isKindEnabled: (kind) => kind !== 'target' });
    const jak1 = mark('target:JAK1');
    over(jak1);
    vi.advanceTimersByTime(SHOW_DELAY_MS * 2);
    expect(host()).toBeNull();
    jak1.focus();
    expect(card()?.getAttribute('data-term')).toBe('target:JAK1');
  });
});

describe('mark card: pointer', () => {
  it('opens after the hover delay and lists the inhibitors of a target', () => {
    start();
    const jak2 = mark('target:JAK2');
    over(jak2);
    vi.advanceTimersByTime(SHOW_DELAY_MS - 10);
    expect(host()).toBeNull();
    vi.advanceTimersByTime(20);
    const names = [...card()!.querySelectorAll('.jl-mc-inhibitors li')].map((li) =>
      li.getAttribute('data-drug'),
    );
    expect(names).toEqual(expect.arrayContaining(['drug:baricitinib', 'drug:ruxolitinib']));
    expect(names).not.toContain('drug:lestaurtinib');
  });

  it('does not open when the pointer only passes over the mark', () => {
    start();
    const jak2 = mark('target:JAK2');
    over(jak2);
    out(jak2, document.getElementById('text'));
    vi.advanceTimersByTime(SHOW_DELAY_MS * 3);
    expect(host()).toBeNull();
  });

  it('stays open while the pointer moves into the card, and closes after leaving it', () => {
    start();
    const disease = mark('disease:jdm');
    over(disease);
    vi.advanceTimersByTime(SHOW_DELAY_MS);
    expect(card()?.textContent).toContain('Juvenile dermatomyositis');
    const link = recorded.rootOf(host())!.querySelector('a')!;
    out(disease, host());
    over(host()!);
    vi.advanceTimersByTime(HIDE_GRACE_MS * 2);
    expect(host()).not.toBeNull();
    expect(link.isConnected).toBe(true);

    out(host()!, document.getElementById('elsewhere'));
    vi.advanceTimersByTime(HIDE_GRACE_MS - 10);
    expect(host()).not.toBeNull();
    vi.advanceTimersByTime(20);
    expect(host()).toBeNull();
    expect(disease.hasAttribute('aria-describedby')).toBe(false);
  });

  it('opens no card while a selection is being dragged over a mark', () => {
    start();
    over(mark('drug:baricitinib'), 1);
    vi.advanceTimersByTime(SHOW_DELAY_MS * 2);
    expect(host()).toBeNull();
  });

  it('keeps a card Escape closed shut while the pointer rests on the mark', () => {
    start();
    const drug = mark('drug:baricitinib');
    over(drug);
    vi.advanceTimersByTime(SHOW_DELAY_MS);
    escape(drug);
    expect(host()).toBeNull();
    over(drug);
    vi.advanceTimersByTime(SHOW_DELAY_MS * 2);
    expect(host()).toBeNull();
    // Leaving and coming back opens it again.
    out(drug, document.getElementById('text'));
    over(drug);
    vi.advanceTimersByTime(SHOW_DELAY_MS);
    expect(host()).not.toBeNull();
  });
});

describe('mark card: other marks', () => {
  /** A mark made by the highlighter's own wrapper, as the watch-list feature would make one. */
  function addMark(attrs: Record<string, string>): HTMLElement {
    const text = document.createTextNode('calcinosis');
    document.body.append(text);
    const [el] = wrapTextNode(
      text,
      [{ start: 0, end: text.data.length, termId: attrs['data-jl-term']!, kind: 'drug' }],
      () => {
        const made = document.createElement('jl-mark');
        for (const [k, v] of Object.entries(attrs)) made.setAttribute(k, v);
        made.textContent = 'calcinosis';
        return made;
      },
    ).marks;
    return el!;
  }

  it('shows nothing for a kind it does not know, unless the mark has a label', () => {
    start();
    const bare = addMark({ 'data-jl-kind': 'watch', 'data-jl-term': 'watch:1', tabindex: '0' });
    bare.focus();
    expect(host()).toBeNull();
    expect(bare.hasAttribute('aria-describedby')).toBe(false);
    const labelled = addMark({
      'data-jl-kind': 'watch',
      'data-jl-term': 'watch:2',
      'data-jl-label': 'calcinosis <b>',
      tabindex: '0',
    });
    labelled.focus();
    expect(card()?.textContent).toBe('calcinosis <b>');
    expect(card()?.querySelector('b')).toBeNull();
  });

  it('shows nothing for an unknown term id', () => {
    start();
    const el = addMark({ 'data-jl-kind': 'drug', 'data-jl-term': 'drug:unknown', tabindex: '0' });
    el.focus();
    expect(host()).toBeNull();
  });

  it('shows nothing for a look-alike mark the page made itself', () => {
    start();
    const fake = document.createElement('jl-mark');
    fake.setAttribute('data-jl-kind', 'drug');
    fake.setAttribute('data-jl-term', 'drug:baricitinib');
    fake.setAttribute('tabindex', '0');
    fake.textContent = 'baricitinib';
    document.body.append(fake);
    fake.focus();
    expect(host()).toBeNull();
    // The real mark next to it still gets its card.
    mark('drug:baricitinib').focus();
    expect(card()?.getAttribute('data-term')).toBe('drug:baricitinib');
    fake.remove();
  });
});

describe('mark card: placement', () => {
  it('sits below the mark, and above it near the bottom of the viewport', () => {
    start();
    const drug = mark('drug:baricitinib');
    const rect = (top: number, left: number, width: number, height: number) =>
      ({
        top,
        left,
        width,
        height,
        bottom: top + height,
        right: left + width,
        x: left,
        y: top,
      }) as DOMRect;
    drug.getClientRects = () => [rect(100, 40, 80, 18)] as unknown as DOMRectList;
    vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockImplementation(function (
      this: HTMLElement,
    ) {
      return this.localName === MARK_CARD_HOST ? rect(0, 0, 300, 200) : rect(0, 0, 0, 0);
    });
    drug.focus();
    expect(host()!.style.top).toBe('124px');
    expect(host()!.style.left).toBe('40px');
    expect(host()!.getAttribute('data-side')).toBe('below');

    document.getElementById('elsewhere')!.focus();
    drug.getClientRects = () =>
      [rect(window.innerHeight - 30, 40, 80, 18)] as unknown as DOMRectList;
    drug.focus();
    expect(host()!.getAttribute('data-side')).toBe('above');
    expect(parseInt(host()!.style.top, 10) + 200).toBeLessThanOrEqual(window.innerHeight - 30);
    vi.restoreAllMocks();
  });
});

describe('mark card: the page comes back exactly', () => {
  it('undo after a shown and hidden card gives back the original DOM', () => {
    start();
    mark('drug:baricitinib').focus();
    mark('target:JAK1').focus();
    escape(mark('target:JAK1'));
    highlights.undo();
    expect(document.body.innerHTML).toBe(original);
  });

  it('stopping while a card shows removes the card, its listeners and the attribute', () => {
    start();
    const drug = mark('drug:baricitinib');
    drug.focus();
    expect(host()).not.toBeNull();
    stop!();
    stop = undefined;
    expect(host()).toBeNull();
    expect(drug.hasAttribute('aria-describedby')).toBe(false);
    drug.blur();
    drug.focus();
    expect(host()).toBeNull();
    highlights.undo();
    expect(document.body.innerHTML).toBe(original);
  });
});

describe('mark card: pointer presses', () => {
  it('does not open on the focus a mouse press gives a mark (a selection may be starting)', () => {
    start();
    const drug = mark('drug:baricitinib');
    drug.dispatchEvent(new MouseEvent('mousedown', { bubbles: true, buttons: 1 }));
    drug.focus();
    expect(host()).toBeNull();
    drug.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
    // The keyboard still opens it.
    drug.blur();
    drug.focus();
    expect(card()?.getAttribute('data-term')).toBe('drug:baricitinib');
  });
});

describe('mark card: the pathway link', () => {
  const button = () => card()?.querySelector<HTMLButtonElement>('button.jl-mc-pathway') ?? null;

  it('an interferon-signature card opens the type I IFN path in the panel and closes', () => {
    const onShowPathway = vi.fn();
    start({ onShowPathway });
    mark('ifn:signature').focus();
    expect(button()?.textContent).toBe('Show the type I IFN → JAK1/TYK2 path in the panel');
    button()!.click();
    expect(onShowPathway).toHaveBeenCalledWith('type-i-ifn');
    expect(host()).toBeNull();
  });

  it('is offered only where it can act: not without a panel, not on a drug card', () => {
    start();
    mark('ifn:signature').focus();
    expect(card()?.getAttribute('data-term')).toBe('ifn:signature');
    expect(button()).toBeNull();
    stop?.();
    start({ onShowPathway: vi.fn() });
    mark('drug:baricitinib').focus();
    expect(button()).toBeNull();
  });
});
