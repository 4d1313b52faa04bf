// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMentionCycler, FLASH_ATTR } from '@/entrypoints/pubmed.content/panel/next-mention';

function page(): void {
  document.body.replaceChildren();
  const p = document.createElement('p');
  const add = (term: string, text: string) => {
    const mark = document.createElement('jl-mark');
    mark.setAttribute('data-jl-term', term);
    mark.textContent = text;
    p.append(mark, ' and ');
  };
  add('drug:baricitinib', 'Baricitinib');
  add('drug:tofacitinib', 'tofacitinib');
  add('drug:baricitinib', 'baricitinib');
  add('target:JAK1', 'JAK1');
  document.body.append(p);
}

describe('next mention', () => {
  let scroll: ReturnType<typeof vi.fn>;
  beforeEach(() => {
    vi.useFakeTimers();
    page();
    scroll = vi.fn();
    HTMLElement.prototype.scrollIntoView = scroll as unknown as HTMLElement['scrollIntoView'];
  });
  afterEach(() => vi.useRealTimers());

  it("cycles through one drug's marks, wrapping round, focusing and flashing each", () => {
    const cycler = createMentionCycler(document, { prefersReducedMotion: () => false });
    const first = cycler.next('drug:baricitinib');
    expect(first?.element.textContent).toBe('Baricitinib');
    expect([first?.position, first?.total]).toEqual([1, 2]);
    expect(scroll).toHaveBeenLastCalledWith({ block: 'center', behavior: 'smooth' });
    expect(document.activeElement).toBe(first?.element);
    expect(first?.element.getAttribute('tabindex')).toBe('-1');
    expect(first?.element.hasAttribute(FLASH_ATTR)).toBe(true);

    const second = cycler.next('drug:baricitinib');
    expect(second?.element.textContent).toBe('baricitinib');
    expect(first?.element.hasAttribute(FLASH_ATTR)).toBe(false);
    expect(second?.element.hasAttribute(FLASH_ATTR)).toBe(true);
    vi.advanceTimersByTime(1000);
    expect(second?.element.hasAttribute(FLASH_ATTR)).toBe(false);

    expect(cycler.next('drug:baricitinib')?.element).toBe(first?.element);
    expect(cycler.next('drug:tofacitinib')?.position).toBe(1);
  });

  it('jumps without smooth scrolling when the reader prefers reduced motion', () => {
    createMentionCycler(document, { prefersReducedMotion: () => true }).next('drug:tofacitinib');
    expect(scroll).toHaveBeenLastCalledWith({ block: 'center', behavior: 'auto' });
  });

  it('returns null for a drug without highlights and leaves the page alone', () => {
    const before = document.body.innerHTML;
    expect(createMentionCycler(document).next('drug:ruxolitinib')).toBeNull();
    expect(document.body.innerHTML).toBe(before);
  });

  it('clears a pending flash on stop', () => {
    const cycler = createMentionCycler(document, { prefersReducedMotion: () => false });
    const step = cycler.next('drug:tofacitinib');
    cycler.stop();
    expect(step?.element.hasAttribute(FLASH_ATTR)).toBe(false);
  });
});
