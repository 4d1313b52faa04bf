// @vitest-environment happy-dom
import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { NewPapersList } from '@/components/library/NewPapersList';
import { mountResultsStrip } from '@/components/overlays/results-strip';
import { TopicWatchList } from '@/components/library/TopicWatchList';
import type { TopicWatch, WatchPaper } from '@/utils/topic-watch/model';

const NOW = Date.UTC(2026, 11, 3, 12);
const paper = (over: Partial<WatchPaper>): WatchPaper => ({
  pmid: '1',
  title: 'T',
  relevance: 'none',
  disease: null,
  inhibitors: [],
  watchIds: ['w1'],
  status: 'new',
  foundAt: NOW - 3_600_000,
  ...over,
});
const watch: TopicWatch = {
  id: 'w1',
  name: 'JDM watch',
  query: 'dermatomyositis AND baricitinib',
  paused: false,
  createdAt: 0,
  lastCheckedAt: NOW - 7_200_000,
};

describe('NewPapersList', () => {
  it('shows title, journal, year, verdict, inhibitors and antibodies, as text, with the reader’s actions', () => {
    const onStatus = vi.fn();
    const { container } = render(
      <NewPapersList
        papers={[
          paper({
            pmid: '38909159',
            title: '<img src=x onerror=alert(1)> JDM and baricitinib',
            journal: 'Pediatr Res',
            year: 2024,
            relevance: 'core',
            disease: 'jdm',
            inhibitors: ['baricitinib'],
            antibodies: ['anti-MDA5'],
          }),
          paper({ pmid: '2', status: 'seen' }),
        ]}
        watchNames={new Map([['w1', 'JDM watch']])}
        onStatus={onStatus}
        now={NOW}
      />,
    );
    expect(container.querySelector('img')).toBeNull();
    const first = container.querySelector('[data-pmid="38909159"]')!;
    expect(first.textContent).toContain('<img src=x onerror=alert(1)> JDM and baricitinib');
    expect(first.textContent).toContain('Core: juvenile dermatomyositis + JAK inhibition');
    expect(first.textContent).toContain(
      'Pediatr Res · 2024 · PMID 38909159 · found 1 h ago by JDM watch',
    );
    expect(first.textContent).toContain('Inhibitors: baricitinib');
    expect(first.textContent).toContain('Antibodies: anti-MDA5');
    // A paper stored before antibodies were recognised (no field) shows no antibody line.
    expect(container.querySelector('[data-pmid="2"]')!.textContent).not.toContain('Antibodies');
    const open = screen.getAllByText('Open in PubMed')[0] as HTMLAnchorElement;
    expect(open.href).toBe('https://pubmed.ncbi.nlm.nih.gov/38909159/');
    expect(screen.getByText('1 new of 2 found.', { exact: false })).toBeTruthy();

    fireEvent.click(screen.getByText('Not relevant'));
    expect(onStatus).toHaveBeenLastCalledWith(['38909159'], 'not-relevant');
    fireEvent.click(screen.getByText('Mark all as seen'));
    expect(onStatus).toHaveBeenLastCalledWith(['38909159'], 'seen');
    fireEvent.click(screen.getByText('Mark as new'));
    expect(onStatus).toHaveBeenLastCalledWith(['2'], 'new');
  });
});

describe('TopicWatchList', () => {
  it('shows a failed check with its reason and a too-broad watch’s request to narrow it', () => {
    render(
      <TopicWatchList
        watches={[
          {
            ...watch,
            lastFailure: {
              reason: 'The browser is offline; nothing was sent to NCBI.',
              at: NOW,
              failures: 1,
            },
            tooBroad: { count: 48_213, days: 30, at: NOW },
          },
        ]}
        onSave={async () => []}
        onDelete={() => undefined}
        onCheckNow={() => undefined}
        checking={false}
        now={NOW}
      />,
    );
    const alerts = screen.getAllByRole('alert').map((a) => a.textContent);
    expect(alerts[0]).toContain(
      'The browser is offline; nothing was sent to NCBI. It will be retried.',
    );
    expect(alerts[1]).toContain('matched 48,213 records added in 30 days (about 1,607 a day)');
    expect(alerts[1]).toContain('please narrow it');
  });

  it('keeps the typed query and shows NCBI’s error when a save is refused', async () => {
    const onSave = vi.fn(async () => {
      throw new Error('PubMed cannot run this query. Unknown search field: tiabx');
    });
    render(
      <TopicWatchList
        watches={[]}
        onSave={onSave}
        onDelete={() => undefined}
        onCheckNow={() => undefined}
        checking={false}
      />,
    );
    fireEvent.click(screen.getByText('Add a watch'));
    fireEvent.input(screen.getByLabelText('PubMed query'), { target: { value: 'jdm[tiabx]' } });
    fireEvent.submit(screen.getByText('Save watch').closest('form')!);
    await waitFor(() =>
      expect(screen.getByRole('alert').textContent).toBe(
        'PubMed cannot run this query. Unknown search field: tiabx',
      ),
    );
    expect(onSave).toHaveBeenCalledWith({
      id: undefined,
      name: '',
      query: 'jdm[tiabx]',
      paused: false,
    });
    expect((screen.getByLabelText('PubMed query') as HTMLTextAreaElement).value).toBe('jdm[tiabx]');
  });

  it('pauses, checks and deletes a watch', () => {
    const onSave = vi.fn(async () => []);
    const onCheckNow = vi.fn();
    const onDelete = vi.fn();
    render(
      <TopicWatchList
        watches={[watch]}
        onSave={onSave}
        onDelete={onDelete}
        onCheckNow={onCheckNow}
        checking={false}
        now={NOW}
      />,
    );
    expect(screen.getByText('Last checked 2 h ago.')).toBeTruthy();
    fireEvent.click(screen.getByText('Pause'));
    expect(onSave).toHaveBeenCalledWith({
      id: 'w1',
      name: 'JDM watch',
      query: watch.query,
      paused: true,
    });
    fireEvent.click(screen.getByText('Check now'));
    expect(onCheckNow).toHaveBeenCalledWith(watch);
    fireEvent.click(screen.getByText('Delete'));
    expect(onDelete).toHaveBeenCalledWith(watch);
  });
});

describe('Watch this search in the results strip', () => {
  it('offers the button only when given, and says what happened', async () => {
    const props = { relevant: 1, total: 10, filterOn: false, onToggleFilter: () => undefined };
    const host = document.createElement('div');
    document.body.append(host);
    const strip = mountResultsStrip(host, props);
    expect(screen.queryByText('Watch this search')).toBeNull();
    strip.update({ ...props, onWatchSearch: async () => 'Watching this search.' });
    fireEvent.click(screen.getByText('Watch this search'));
    await waitFor(() => expect(screen.getByText('Watching this search.')).toBeTruthy());
    host.remove();
  });
});
