// @vitest-environment happy-dom
import { fireEvent, render, screen } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { ExportMenu } from '@/components/library/ExportMenu';
import { ImportDialog } from '@/components/library/ImportDialog';
import { LibraryTable } from '@/components/library/LibraryTable';
import { SearchBar } from '@/components/library/SearchBar';
import { SettingsForm } from '@/components/library/SettingsForm';
import { TagRename } from '@/components/library/TagRename';
import { TrashList } from '@/components/library/TrashList';
import { buildLibraryRows } from '@/utils/library/query';
import { DEFAULT_SETTINGS } from '@/utils/settings/settings';
import { generateLibrary } from '../../../support/library-data';

const data = generateLibrary(3);
data.notes[0]!.body = '<img src=x onerror=alert(1)><script>alert(2)</script>';
data.articles[1]!.url = 'javascript:alert(1)';
const rows = buildLibraryRows(data.articles, data.notes, data.highlights);

describe('LibraryTable', () => {
  it('shows one row per article, note text as text, and only http(s) links', () => {
    const onOpen = vi.fn();
    const { container } = render(
      <LibraryTable
        rows={rows}
        selected={new Set()}
        onToggle={() => {}}
        onToggleAll={() => {}}
        onOpen={onOpen}
      />,
    );
    expect(container.querySelectorAll('.library-row')).toHaveLength(3);
    expect(container.querySelector('img, script')).toBeNull();
    expect(screen.getByText(/<img src=x/)).toBeTruthy();
    const hrefs = [...container.querySelectorAll('a.library-title')].map((a) =>
      a.getAttribute('href'),
    );
    expect(hrefs.filter((h) => h !== null).every((h) => h!.startsWith('https://'))).toBe(true);
    expect(hrefs).toContain(null);
    fireEvent.click(screen.getByRole('button', { name: `Open ${rows[0]!.title}` }));
    expect(onOpen).toHaveBeenCalledWith(rows[0]!.key);
  });

  it('selects one row or all of them', () => {
    const onToggle = vi.fn();
    const onToggleAll = vi.fn();
    render(
      <LibraryTable
        rows={rows}
        selected={new Set([rows[0]!.key])}
        onToggle={onToggle}
        onToggleAll={onToggleAll}
        onOpen={() => {}}
      />,
    );
    fireEvent.click(screen.getByRole('checkbox', { name: `Select ${rows[1]!.title}` }));
    expect(onToggle).toHaveBeenCalledWith(rows[1]!.key);
    fireEvent.click(screen.getByRole('checkbox', { name: 'Select all shown' }));
    expect(onToggleAll).toHaveBeenCalledWith(true);
  });
});

describe('SearchBar', () => {
  const count = () => document.querySelector('.search-count')!;

  it('says the library is being read until the first answer, busy', () => {
    render(<SearchBar value="" shown={0} total={0} onInput={() => undefined} />);
    expect(count().textContent).toBe('Reading the library…');
    expect(count().getAttribute('aria-busy')).toBe('true');
  });

  it('while the library is read, shows the matches so far and how much is searched, busy', () => {
    render(
      <SearchBar
        value="calc"
        shown={12}
        total={3000}
        resultsFor="calc"
        reading={{ expected: 50000 }}
        onInput={() => undefined}
      />,
    );
    expect(count().textContent).toBe('12 found so far, searching 3,000 of 50,000 articles…');
    expect(count().getAttribute('aria-busy')).toBe('true');
    expect(count().getAttribute('data-query')).toBe('calc');
  });

  it('once the answer is the whole library’s and the field’s, is no longer busy', () => {
    const { rerender } = render(
      <SearchBar value="calci" shown={3} total={10} resultsFor="calc" onInput={() => undefined} />,
    );
    expect(count().getAttribute('aria-busy')).toBe('true');
    rerender(
      <SearchBar value="calci" shown={2} total={10} resultsFor="calci" onInput={() => undefined} />,
    );
    expect(count().textContent).toBe('2 of 10 articles');
    expect(count().hasAttribute('aria-busy')).toBe(false);
  });
});

describe('ImportDialog', () => {
  it('shows the preview with a confirm button, and errors in an alert', () => {
    const onConfirm = vi.fn();
    const { rerender } = render(
      <ImportDialog
        state={{ kind: 'preview', fileName: 'b.json', summary: 'adds 2 articles' }}
        onFile={() => {}}
        onConfirm={onConfirm}
        onCancel={() => {}}
      />,
    );
    expect(screen.getByText('adds 2 articles')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Import' }));
    expect(onConfirm).toHaveBeenCalled();
    rerender(
      <ImportDialog
        state={{ kind: 'error', message: 'record notes[1], field body: missing' }}
        onFile={() => {}}
        onConfirm={onConfirm}
        onCancel={() => {}}
      />,
    );
    expect(screen.getByRole('alert').textContent).toContain('record notes[1], field body: missing');
  });

  it('hands the chosen file to the caller', () => {
    const onFile = vi.fn();
    render(
      <ImportDialog
        state={{ kind: 'idle' }}
        onFile={onFile}
        onConfirm={() => {}}
        onCancel={() => {}}
      />,
    );
    const input = screen.getByLabelText('Backup file to import') as HTMLInputElement;
    const file = new File(['{}'], 'x.json', { type: 'application/json' });
    Object.defineProperty(input, 'files', { value: [file] });
    fireEvent.change(input);
    expect(onFile).toHaveBeenCalledWith(file);
  });
});

describe('ExportMenu, TagRename, TrashList', () => {
  it('exports the chosen format and scope', () => {
    const onExport = vi.fn();
    render(<ExportMenu counts={{ all: 3, shown: 2, selected: 1 }} onExport={onExport} />);
    fireEvent.change(screen.getByLabelText(/Export/), { target: { value: 'ris' } });
    fireEvent.change(screen.getByLabelText(/of/), { target: { value: 'selected' } });
    fireEvent.click(screen.getByRole('button', { name: 'Download' }));
    expect(onExport).toHaveBeenCalledWith('ris', 'selected');
  });

  it('offers to merge when the new name is an existing tag', () => {
    const onRename = vi.fn();
    render(<TagRename tags={['jdm', 'JDM review']} onRename={onRename} />);
    fireEvent.change(screen.getByLabelText(/Rename tag/), { target: { value: 'JDM review' } });
    fireEvent.input(screen.getByLabelText(/to/), { target: { value: 'JDM' } });
    fireEvent.click(screen.getByRole('button', { name: 'Merge' }));
    expect(onRename).toHaveBeenCalledWith('JDM review', 'JDM');
  });

  it('restores an item and empties the trash', () => {
    const onRestore = vi.fn();
    const onEmpty = vi.fn();
    const item = {
      id: 't1',
      articleKey: 'pmid:1',
      body: 'gone',
      tags: [],
      status: 'read' as const,
      revision: 1,
      createdAt: 0,
      updatedAt: 0,
      deletedAt: 0,
      reason: 'deleted' as const,
    };
    render(<TrashList items={[item]} onRestore={onRestore} onEmpty={onEmpty} />);
    fireEvent.click(screen.getByRole('button', { name: 'Restore' }));
    fireEvent.click(screen.getByRole('button', { name: 'Empty trash' }));
    expect(onRestore).toHaveBeenCalledWith('t1');
    expect(onEmpty).toHaveBeenCalled();
  });
});

describe('SettingsForm', () => {
  const setup = (persisted = false) => {
    const onChange = vi.fn();
    const onPanelSideChange = vi.fn();
    const onRequestPersist = vi.fn();
    render(
      <SettingsForm
        settings={DEFAULT_SETTINGS}
        panelSide="right"
        storage={{ usage: 2048, quota: 1024 ** 3, persisted }}
        onChange={onChange}
        onPanelSideChange={onPanelSideChange}
        onRequestPersist={onRequestPersist}
      />,
    );
    return { onChange, onPanelSideChange, onRequestPersist };
  };

  it('changes sites, highlight kinds and colours, and the panel side', () => {
    const { onChange, onPanelSideChange } = setup();
    fireEvent.click(screen.getByRole('checkbox', { name: 'PubMed Central (PMC)' }));
    expect(onChange).toHaveBeenLastCalledWith({ sites: { pubmed: true, pmc: false } });
    fireEvent.click(screen.getByRole('checkbox', { name: 'Targets' }));
    expect(onChange.mock.lastCall?.[0].termMarkKinds.target.enabled).toBe(false);
    fireEvent.change(screen.getByLabelText('Drugs colour'), { target: { value: '#009e73' } });
    expect(onChange.mock.lastCall?.[0].termMarkKinds.drug.color).toBe('#009e73');
    fireEvent.change(screen.getByLabelText(/Side/), { target: { value: 'left' } });
    expect(onPanelSideChange).toHaveBeenCalledWith('left');
  });

  it('adds a watch-list term with its label', () => {
    const { onChange } = setup();
    fireEvent.input(screen.getByLabelText('Term'), { target: { value: 'anifrolumab' } });
    fireEvent.input(screen.getByLabelText('Label'), { target: { value: 'IFN' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add term' }));
    expect(onChange).toHaveBeenLastCalledWith({
      watchList: [{ term: 'anifrolumab', label: 'IFN' }],
    });
  });

  it('shows storage use and asks for persistence', () => {
    const { onRequestPersist } = setup();
    expect(screen.getByText(/Using 2\.0 KB of 1\.0 GB/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Keep storage persistent' }));
    expect(onRequestPersist).toHaveBeenCalled();
  });
});
