/** Where an import stands. */
export type ImportState =
  | { kind: 'idle' }
  | { kind: 'checking'; fileName: string }
  | { kind: 'preview'; fileName: string; summary: string }
  | { kind: 'applying'; fileName: string }
  | { kind: 'done'; summary: string }
  | { kind: 'error'; message: string };

type Props = {
  state: ImportState;
  onFile: (file: File) => void;
  onConfirm: () => void;
  onCancel: () => void;
};

/**
 * Import a JSON backup: choose a file, read the preview ("adds 120 articles, …"), then confirm.
 * Problems are shown in an alert naming the first bad record and field; nothing is written then.
 */
export function ImportDialog({ state, onFile, onConfirm, onCancel }: Props) {
  return (
    <section class="import-dialog" aria-labelledby="import-heading">
      <h3 id="import-heading">Import a JSON backup</h3>
      <input
        type="file"
        accept="application/json,.json"
        aria-label="Backup file to import"
        onChange={(e) => {
          const file = e.currentTarget.files?.[0];
          if (file) onFile(file);
          e.currentTarget.value = '';
        }}
      />
      {state.kind === 'checking' && <p>Checking {state.fileName}…</p>}
      {state.kind === 'applying' && <p>Importing {state.fileName}…</p>}
      {state.kind === 'preview' && (
        <div class="import-preview">
          <p>
            {state.fileName}: <span class="import-summary">{state.summary}</span>.
          </p>
          <button type="button" onClick={onConfirm}>
            Import
          </button>{' '}
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
        </div>
      )}
      {state.kind === 'done' && (
        <p role="status" class="import-done">
          Imported: {state.summary}.
        </p>
      )}
      {state.kind === 'error' && (
        <p role="alert" class="import-error">
          Nothing was imported. {state.message}
        </p>
      )}
    </section>
  );
}
