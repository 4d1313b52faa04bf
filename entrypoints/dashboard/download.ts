import type { ExportFile } from '@/utils/library/export-file';

/**
 * Saves a file through the browser's download: a Blob URL on a temporary <a download>, revoked once
 * the click has been handled (no `downloads` permission needed).
 */
export function downloadFile(file: ExportFile, doc: Document = document): void {
  const blob =
    'bytes' in file
      ? new Blob([file.bytes as Uint8Array<ArrayBuffer>], { type: file.type })
      : new Blob([file.text], { type: `${file.type};charset=utf-8` });
  const url = URL.createObjectURL(blob);
  const link = doc.createElement('a');
  link.href = url;
  link.download = file.fileName;
  link.hidden = true;
  doc.body.append(link);
  link.click();
  link.remove();
  // Revoking synchronously can cancel the download in some browsers; a tick later is enough.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
