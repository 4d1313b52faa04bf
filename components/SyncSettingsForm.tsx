import { useState } from 'preact/hooks';
import type { SyncAccount } from '@/utils/sync/config';
import type { SyncStatus } from '@/utils/sync/service';

type Props = {
  status: SyncStatus | undefined;
  onTest: (account: SyncAccount) => Promise<string>;
  onSave: (account: SyncAccount & { passphrase: string }) => Promise<string>;
  onRemove: () => Promise<string>;
};

/**
 * Sync set-up in the library's settings: server, folder, user, password or app token, passphrase. The
 * passphrase is never shown back or stored; the password stays in the extension's storage.
 */
export function SyncSettingsForm({ status, onTest, onSave, onRemove }: Props) {
  const [account, setAccount] = useState<SyncAccount>({
    serverUrl: status?.serverUrl ?? '',
    folder: status?.folder ?? 'JAK Lens',
    user: status?.user ?? '',
    password: '',
  });
  const [passphrase, setPassphrase] = useState('');
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);
  const run = (action: () => Promise<string>) => {
    setBusy(true);
    setMessage('Working…');
    action()
      .then(setMessage, (error: unknown) =>
        setMessage(error instanceof Error ? error.message : String(error)),
      )
      .finally(() => setBusy(false));
  };
  const field = (
    key: keyof SyncAccount,
    label: string,
    type: 'text' | 'url' | 'password' = 'text',
    hint?: string,
  ) => (
    <label class="sync-field">
      {label}
      <input
        // Preact types each `type` value apart; these three share every attribute used here.
        type={type as 'text'}
        name={key}
        value={account[key]}
        autocomplete={type === 'password' ? 'off' : undefined}
        placeholder={hint}
        onInput={(e) => setAccount({ ...account, [key]: (e.target as HTMLInputElement).value })}
      />
    </label>
  );
  return (
    <form class="sync-form" onSubmit={(e) => e.preventDefault()}>
      <fieldset>
        <legend>Sync with your own WebDAV server (end-to-end encrypted)</legend>
        {status?.configured && (
          <p>
            Syncing as {status.user} with {status.serverUrl} (folder “{status.folder}”).
          </p>
        )}
        {field(
          'serverUrl',
          'Server address',
          'url',
          'https://cloud.example.org/remote.php/dav/files/ana/',
        )}
        {field('folder', 'Folder on the server')}
        {field('user', 'User name')}
        {field('password', 'Password or app token', 'password')}
        <label class="sync-field">
          Encryption passphrase (the same on every device; it cannot be recovered)
          <input
            type="password"
            name="passphrase"
            value={passphrase}
            autocomplete="off"
            minLength={8}
            onInput={(e) => setPassphrase((e.target as HTMLInputElement).value)}
          />
        </label>
        <div class="sync-actions">
          <button type="button" disabled={busy} onClick={() => run(() => onTest(account))}>
            Test connection
          </button>
          <button
            type="button"
            disabled={busy || passphrase.length < 8}
            onClick={() => run(() => onSave({ ...account, passphrase }))}
          >
            {status?.configured ? 'Save and sync' : 'Turn sync on'}
          </button>
          {status?.configured && (
            <button type="button" disabled={busy} onClick={() => run(onRemove)}>
              Remove sync from this browser
            </button>
          )}
        </div>
        {message && (
          <p class="sync-message" role="status">
            {message}
          </p>
        )}
      </fieldset>
    </form>
  );
}
