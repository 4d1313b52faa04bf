import { useState } from 'preact/hooks';

export const EXPORT_FORMATS = {
  json: 'JSON backup (complete)',
  markdown: 'Markdown (one file)',
  'markdown-zip': 'Markdown (one file per article, .zip)',
  csv: 'CSV (spreadsheet)',
  ris: 'RIS (Zotero, EndNote, Mendeley)',
  annotations: 'Web Annotations (JSON-LD)',
} as const;
export type ExportFormat = keyof typeof EXPORT_FORMATS;
export type ExportScope = 'all' | 'shown' | 'selected';

type Props = {
  counts: Record<ExportScope, number>;
  onExport: (format: ExportFormat, scope: ExportScope) => void;
};

/** Export the whole library, the current search/filter, or the selection, in one of six formats. */
export function ExportMenu({ counts, onExport }: Props) {
  const [format, setFormat] = useState<ExportFormat>('json');
  const [scope, setScope] = useState<ExportScope>('all');
  const labels: Record<ExportScope, string> = {
    all: `All (${counts.all})`,
    shown: `Search and filter (${counts.shown})`,
    selected: `Selected (${counts.selected})`,
  };
  return (
    <div class="export-menu">
      <label>
        Export{' '}
        <select value={format} onChange={(e) => setFormat(e.currentTarget.value as ExportFormat)}>
          {(Object.keys(EXPORT_FORMATS) as ExportFormat[]).map((f) => (
            <option key={f} value={f}>
              {EXPORT_FORMATS[f]}
            </option>
          ))}
        </select>
      </label>{' '}
      <label>
        of{' '}
        <select value={scope} onChange={(e) => setScope(e.currentTarget.value as ExportScope)}>
          {(Object.keys(labels) as ExportScope[]).map((s) => (
            <option key={s} value={s} disabled={counts[s] === 0 && s !== 'all'}>
              {labels[s]}
            </option>
          ))}
        </select>
      </label>{' '}
      <button type="button" onClick={() => onExport(format, scope)}>
        Download
      </button>
    </div>
  );
}
