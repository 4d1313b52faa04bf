import { useState } from 'preact/hooks';
import type { ImportState } from '@/components/library/ImportDialog';
import type { JakLensDB } from '@/utils/storage/db';
import { MAX_BACKUP_BYTES } from '@/utils/library/backup-schema';
import { describePreview, planImport, type ImportPlan } from '@/utils/library/import-plan';

/**
 * The import flow for the library page: read the chosen file, validate and preview it, then apply it
 * when the reader confirms. Nothing is written before the confirmation, or at all on an error.
 */
export function useImport(db: JakLensDB) {
  const [state, setState] = useState<ImportState>({ kind: 'idle' });
  const [plan, setPlan] = useState<Extract<ImportPlan, { ok: true }>>();

  const onFile = async (file: File) => {
    setPlan(undefined);
    if (file.size > MAX_BACKUP_BYTES) {
      setState({
        kind: 'error',
        message: `${file.name} is larger than ${MAX_BACKUP_BYTES / 1024 ** 2} MB.`,
      });
      return;
    }
    setState({ kind: 'checking', fileName: file.name });
    try {
      const result = await planImport(db, await file.text());
      if (!result.ok) {
        setState({ kind: 'error', message: `${file.name}: ${result.error}` });
        return;
      }
      setPlan(result);
      setState({ kind: 'preview', fileName: file.name, summary: describePreview(result.preview) });
    } catch (error) {
      setState({ kind: 'error', message: `${file.name} could not be read: ${String(error)}` });
    }
  };

  const onConfirm = async () => {
    if (!plan || state.kind !== 'preview') return;
    setState({ kind: 'applying', fileName: state.fileName });
    try {
      const applied = await plan.apply();
      setState({ kind: 'done', summary: describePreview(applied) });
    } catch (error) {
      setState({ kind: 'error', message: `The import was rolled back: ${String(error)}` });
    }
    setPlan(undefined);
  };

  const onCancel = () => {
    setPlan(undefined);
    setState({ kind: 'idle' });
  };

  return { state, onFile, onConfirm, onCancel };
}
