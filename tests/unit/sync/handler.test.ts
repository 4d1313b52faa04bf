import { describe, expect, it, vi } from 'vitest';
import { createMessageHandler } from '@/utils/messaging/background-handler';
import { openDatabase } from '@/utils/storage/db';
import type { SyncService } from '@/utils/sync/service';

/** The background's 'sync/*' messages: extension pages only, validated, passed to the sync service. */
function handlerWith(sync: Partial<SyncService>) {
  return createMessageHandler({
    db: openDatabase(`sync-handler-${Math.random()}`),
    isRecordingRecent: async () => false,
    sync: sync as SyncService,
  });
}

const account = {
  serverUrl: 'https://dav.example.org/',
  folder: 'JAK Lens',
  user: 'ana',
  password: 'pw',
};

describe('sync messages', () => {
  it('runs them for the extension’s own pages', async () => {
    const status = { configured: true, running: false, pending: 2 };
    const sync = {
      status: vi.fn(async () => status),
      test: vi.fn(async () => ({ ok: false, message: 'The server refused … (401)' })),
      configure: vi.fn(async () => status),
    };
    const handle = handlerWith(sync);
    const page = { extensionPage: true };
    expect(await handle({ type: 'sync/status' }, page)).toEqual({ ok: true, data: status });
    expect(await handle({ type: 'sync/test', ...account }, page)).toMatchObject({
      ok: true,
      data: { ok: false },
    });
    expect(sync.test).toHaveBeenCalledWith(account);
    await handle({ type: 'sync/configure', ...account, passphrase: 'long enough' }, page);
    expect(sync.configure).toHaveBeenCalledWith({ ...account, passphrase: 'long enough' });
  });

  it('refuses them from a content script, and refuses short passphrases and unknown fields', async () => {
    const sync = { status: vi.fn(), configure: vi.fn() };
    const handle = handlerWith(sync);
    expect(await handle({ type: 'sync/status' }, { tabId: 4 })).toEqual({
      ok: false,
      error: 'Sync can only be managed from the JAK Lens library.',
    });
    const short = await handle(
      { type: 'sync/configure', ...account, passphrase: 'short' },
      { extensionPage: true },
    );
    expect(short).toMatchObject({ ok: false, error: expect.stringMatching(/passphrase/) });
    const extra = await handle({ type: 'sync/status', password: 'x' }, { extensionPage: true });
    expect(extra.ok).toBe(false);
    expect(sync.status).not.toHaveBeenCalled();
    expect(sync.configure).not.toHaveBeenCalled();
  });
});
