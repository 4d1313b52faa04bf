// @vitest-environment happy-dom
import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { SyncSettingsForm } from '@/components/SyncSettingsForm';
import { SyncStatusLine } from '@/components/SyncStatusLine';
import type { SyncStatus } from '@/utils/sync/service';

const base: SyncStatus = {
  configured: true,
  running: false,
  pending: 0,
  serverUrl: 'https://dav.example.org/',
  folder: 'JAK Lens',
  user: 'ana',
};

describe('sync status line', () => {
  it('shows last sync, pending changes, the last error in words, and Sync now', () => {
    const onSyncNow = vi.fn();
    render(
      <SyncStatusLine
        status={{
          ...base,
          lastSyncAt: Date.UTC(2026, 11, 3, 17, 52),
          pending: 3,
          lastError: 'The server is full (507 Insufficient Storage)',
        }}
        onSyncNow={onSyncNow}
      />,
    );
    expect(screen.getByRole('status').textContent).toMatch(/Last sync .*3 changes waiting/);
    expect(screen.getByText(/Last sync problem: The server is full/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Sync now' }));
    expect(onSyncNow).toHaveBeenCalledOnce();
  });

  it('shows progress of a large first sync and disables Sync now meanwhile', () => {
    render(
      <SyncStatusLine
        status={{ ...base, running: true, progress: { done: 1200, total: 10000 } }}
        onSyncNow={() => undefined}
      />,
    );
    expect(screen.getByText(/Syncing… 1200 of 10000 articles/)).toBeTruthy();
    expect((screen.getByRole('progressbar') as HTMLProgressElement).value).toBe(1200);
    expect((screen.getByRole('button', { name: 'Sync now' }) as HTMLButtonElement).disabled).toBe(
      true,
    );
  });

  it('says sync is off in the library and shows nothing in the popup', () => {
    const { container, rerender } = render(
      <SyncStatusLine
        status={{ configured: false, running: false, pending: 0 }}
        onSyncNow={() => undefined}
      />,
    );
    expect(container.textContent).toMatch(/Sync is off/);
    rerender(
      <SyncStatusLine
        status={{ configured: false, running: false, pending: 0 }}
        onSyncNow={() => undefined}
        hideWhenOff
      />,
    );
    expect(container.textContent).toBe('');
  });
});

describe('sync settings form', () => {
  it('tests the connection with what was typed and shows the answer; saving needs a passphrase', async () => {
    const onTest = vi.fn(async () => 'The server refused the user name or password (401)');
    const onSave = vi.fn(async () => 'Sync is on.');
    render(
      <SyncSettingsForm
        status={{ configured: false, running: false, pending: 0 }}
        onTest={onTest}
        onSave={onSave}
        onRemove={async () => ''}
      />,
    );
    fireEvent.input(screen.getByLabelText('Server address'), {
      target: { value: 'https://dav.example.org/' },
    });
    fireEvent.input(screen.getByLabelText('User name'), { target: { value: 'ana' } });
    fireEvent.input(screen.getByLabelText('Password or app token'), { target: { value: 'pw' } });
    fireEvent.click(screen.getByRole('button', { name: 'Test connection' }));
    await waitFor(() =>
      expect(screen.getByText(/refused the user name or password \(401\)/)).toBeTruthy(),
    );
    expect(onTest).toHaveBeenCalledWith({
      serverUrl: 'https://dav.example.org/',
      folder: 'JAK Lens',
      user: 'ana',
      password: 'pw',
    });

    const save = screen.getByRole('button', { name: 'Turn sync on' }) as HTMLButtonElement;
    expect(save.disabled).toBe(true);
    fireEvent.input(screen.getByLabelText(/Encryption passphrase/), {
      target: { value: 'a long passphrase' },
    });
    fireEvent.click(save);
    await waitFor(() => expect(screen.getByText('Sync is on.')).toBeTruthy());
    expect(onSave).toHaveBeenCalledWith(
      expect.objectContaining({ passphrase: 'a long passphrase', user: 'ana' }),
    );
  });
});
