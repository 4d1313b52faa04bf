// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { whenMarkFirstUsed } from '@/entrypoints/pubmed.content/term-marks/mark-first-use';
import { MARK_CARD_HOST, watchMarkCards } from '@/entrypoints/pubmed.content/term-marks/mark-card';
import { findMentions } from '@/utils/match/find-mentions';
import { applyTermMarks } from '@/utils/term-marks/mark-terms';

const mark = (term: string) =>
  [...document.querySelectorAll<HTMLElement>('jl-mark')].find(
    (m) => m.getAttribute('data-jl-term') === term,
  )!;
const over = (target: Element, buttons = 0) =>
  target.dispatchEvent(new MouseEvent('mouseover', { bubbles: true, composed: true, buttons }));

beforeEach(() => {
  document.body.innerHTML = `<main><p id="text">Baricitinib blocks JAK1 in juvenile dermatomyositis.</p><p id="plain">No term here.</p></main>`;
  applyTermMarks(document.body, (text) => findMentions(text));
});
afterEach(() => {
  document.body.innerHTML = '';
});

describe('whenMarkFirstUsed: the mark card is loaded on the first use of a mark', () => {
  it('fires once, on the first hover of one of our marks, with that mark', () => {
    const used = vi.fn();
    whenMarkFirstUsed(document, () => true, used);
    over(document.getElementById('plain')!);
    expect(used).not.toHaveBeenCalled();
    over(mark('drug:baricitinib'));
    over(mark('target:JAK1'));
    expect(used).toHaveBeenCalledTimes(1);
    expect(used.mock.calls[0]![0]).toMatchObject({ mark: mark('drug:baricitinib'), by: 'hover' });
  });

  it('ignores a page element dressed up as a mark, a drag, and a kind the reader switched off', () => {
    const used = vi.fn();
    whenMarkFirstUsed(document, (kind) => kind !== 'drug', used);
    const fake = document.createElement('jl-mark');
    fake.setAttribute('data-jl-term', 'drug:baricitinib');
    fake.textContent = 'fake';
    document.getElementById('plain')!.append(fake);
    over(fake);
    over(mark('target:JAK1'), 1);
    over(mark('drug:baricitinib'));
    expect(used).not.toHaveBeenCalled();
    over(mark('target:JAK1'));
    expect(used).toHaveBeenCalledTimes(1);
  });

  it('fires on keyboard focus, but not on the focus a mouse press gives', () => {
    const used = vi.fn();
    whenMarkFirstUsed(document, () => true, used);
    const target = mark('target:JAK1');
    document.dispatchEvent(new MouseEvent('mousedown', { bubbles: true }));
    target.dispatchEvent(new FocusEvent('focusin', { bubbles: true }));
    expect(used).not.toHaveBeenCalled();
    document.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
    target.dispatchEvent(new FocusEvent('focusin', { bubbles: true }));
    expect(used.mock.calls[0]![0]).toMatchObject({ mark: target, by: 'focus' });
  });

  it('stops listening when stopped', () => {
    const used = vi.fn();
    whenMarkFirstUsed(document, () => true, used)();
    over(mark('drug:baricitinib'));
    expect(used).not.toHaveBeenCalled();
  });

  it('the cards, started late with the focused mark as `initial`, open its card at once', () => {
    const target = mark('drug:baricitinib');
    target.tabIndex = 0;
    target.focus();
    const stop = watchMarkCards({
      doc: document,
      initial: { mark: target, by: 'focus', at: performance.now() },
    });
    expect(document.querySelector(MARK_CARD_HOST)).not.toBeNull();
    expect(target.getAttribute('aria-describedby')).toBe(MARK_CARD_HOST);
    stop();
    expect(document.querySelector(MARK_CARD_HOST)).toBeNull();
  });
});
