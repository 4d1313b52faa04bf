// @vitest-environment happy-dom
import { fireEvent, render, screen } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { PopupView } from '@/components/PopupView';
import { RecentList } from '@/components/library/RecentList';
import { classifyArticle } from '@/utils/classify';
import type { Article } from '@/utils/article';
import { loadDevRecord } from '../../support/dev-set';

describe('PopupView', () => {
  it('shows the article of the tab with a link to its PMID', () => {
    render(
      <PopupView
        state={{
          pageType: 'pubmed-article',
          article: {
            key: 'pmid:34563217',
            pmid: '34563217',
            title: 'JAK inhibitors and JDM',
            url: 'https://pubmed.ncbi.nlm.nih.gov/34563217/',
          },
        }}
        onOpenLibrary={() => {}}
      />,
    );
    expect(screen.getByText('JAK inhibitors and JDM')).toBeTruthy();
    expect(screen.getByRole('link', { name: '34563217' }).getAttribute('href')).toBe(
      'https://pubmed.ncbi.nlm.nih.gov/34563217/',
    );
  });

  it('gives the verdict, why, the inhibitors and the note status of the tab article', () => {
    const seed = loadDevRecord('dev-seed');
    const article: Article = {
      source: 'pubmed',
      pmid: seed.pmid ?? undefined,
      title: seed.title,
      abstract: seed.abstract,
      abstractSections: [],
      keywords: seed.keywords,
      mesh: seed.mesh,
      meshTerms: [],
      substances: seed.substances,
      publicationTypes: seed.publicationTypes,
      authors: [],
    };
    const verdict = classifyArticle(article);
    const toggle = vi.fn();
    render(
      <PopupView
        state={{
          pageType: 'pubmed-article',
          article: {
            key: 'pmid:34563217',
            pmid: '34563217',
            title: seed.title,
            url: 'https://pubmed.ncbi.nlm.nih.gov/34563217/',
          },
          verdict,
        }}
        noteStatus="key-paper"
        onOpenLibrary={() => {}}
        onTogglePanel={toggle}
      />,
    );
    expect(screen.getByText(/juvenile dermatomyositis \+ JAK inhibition/i)).toBeTruthy();
    expect(screen.getByText(/^Inhibitors:/).textContent).toMatch(/baricitinib/);
    expect(screen.getByText('Your note: Key paper')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Show or hide panel' }));
    expect(toggle).toHaveBeenCalledOnce();
  });

  it('says plainly that JAK Lens works on PubMed when the tab is elsewhere', () => {
    render(<PopupView state={null} onOpenLibrary={() => {}} />);
    expect(screen.getByText(/works on PubMed pages/)).toBeTruthy();
  });

  it('shows the site switch pressed while on, and asks to turn it off', () => {
    const toggle = vi.fn();
    render(
      <PopupView
        state={{ pageType: 'pubmed-search' }}
        site={{ name: 'PubMed', enabled: true }}
        onToggleSite={toggle}
        onOpenLibrary={() => {}}
      />,
    );
    const button = screen.getByRole('button', { name: 'Highlights on PubMed' });
    expect(button.getAttribute('aria-pressed')).toBe('true');
    expect(screen.getByText(/PubMed search results/)).toBeTruthy();
    fireEvent.click(button);
    expect(toggle).toHaveBeenCalledOnce();
  });

  it('says the site is switched off, unpressed, and hides the panel button', () => {
    render(
      <PopupView
        state={null}
        site={{ name: 'PMC', enabled: false }}
        onToggleSite={() => {}}
        onTogglePanel={() => {}}
        onOpenLibrary={() => {}}
      />,
    );
    expect(
      screen.getByRole('button', { name: 'Highlights on PMC' }).getAttribute('aria-pressed'),
    ).toBe('false');
    expect(screen.getByText(/Highlighting is off on PMC/)).toBeTruthy();
    expect(screen.queryByText(/works on PubMed pages/)).toBeNull();
    expect(screen.queryByRole('button', { name: 'Show or hide panel' })).toBeNull();
  });

  it('offers no site switch where JAK Lens does not run', () => {
    render(<PopupView state={null} onOpenLibrary={() => {}} />);
    expect(screen.queryByRole('button', { name: /Highlights on/ })).toBeNull();
  });

  it('opens the library', () => {
    const open = vi.fn();
    render(<PopupView state={null} onOpenLibrary={open} />);
    fireEvent.click(screen.getByRole('button', { name: 'Open library' }));
    expect(open).toHaveBeenCalledOnce();
  });

  it('renders a hostile title as text', () => {
    const title = '<img src=x onerror="alert(1)">';
    const { container } = render(
      <PopupView
        state={{
          pageType: 'pubmed-article',
          article: { key: 'pmid:1', pmid: '1', title, url: 'https://pubmed.ncbi.nlm.nih.gov/1/' },
        }}
        onOpenLibrary={() => {}}
      />,
    );
    expect(container.querySelector('img')).toBeNull();
    expect(screen.getByText(title)).toBeTruthy();
  });
});

describe('RecentList', () => {
  it('lists entries with title link, PMID, journal, year and when seen', () => {
    const now = Date.UTC(2026, 10, 26, 12);
    render(
      <RecentList
        now={now}
        entries={[
          {
            key: 'pmid:1',
            pmid: '1',
            title: 'First',
            journal: 'J1',
            year: 2020,
            url: 'https://pubmed.ncbi.nlm.nih.gov/1/',
            seenAt: now - 5 * 60_000,
          },
          {
            key: 'pmid:2',
            pmid: '2',
            title: 'Second',
            url: 'https://pubmed.ncbi.nlm.nih.gov/2/',
            seenAt: now - 3 * 86_400_000,
          },
        ]}
      />,
    );
    const links = screen.getAllByRole('link');
    expect(links.map((a) => [a.textContent, a.getAttribute('href')])).toEqual([
      ['First', 'https://pubmed.ncbi.nlm.nih.gov/1/'],
      ['Second', 'https://pubmed.ncbi.nlm.nih.gov/2/'],
    ]);
    expect(screen.getByText('PMID 1')).toBeTruthy();
    expect(screen.getByText('5 min ago')).toBeTruthy();
    expect(screen.getByText('3 days ago')).toBeTruthy();
  });

  it('explains what to do when empty', () => {
    render(<RecentList entries={[]} />);
    expect(screen.getByText(/Open an article on PubMed/)).toBeTruthy();
  });
});
