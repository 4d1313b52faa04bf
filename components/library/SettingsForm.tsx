import { useState } from 'preact/hooks';
import type { TermMarkKind, Settings, WatchTerm } from '@/utils/settings/settings';

/** What the browser says about the library's storage. */
export interface StorageInfo {
  usage?: number;
  quota?: number;
  persisted?: boolean;
}

type Props = {
  settings: Settings;
  panelSide: 'left' | 'right';
  storage: StorageInfo;
  onChange: (change: Partial<Settings>) => void;
  onPanelSideChange: (side: 'left' | 'right') => void;
  onRequestPersist: () => void;
};

const KIND_LABELS: Record<TermMarkKind, string> = {
  drug: 'Drugs',
  target: 'Targets',
  disease: 'Diseases',
  antibody: 'Myositis antibodies',
  watch: 'Watch-list terms',
};

/** The reader's settings, on the library page. Every change is saved at once by the caller. */
export function SettingsForm(props: Props) {
  const { settings, onChange } = props;
  const kinds = settings.termMarkKinds;
  return (
    <form class="settings-form" onSubmit={(e) => e.preventDefault()}>
      <fieldset>
        <legend>Sites</legend>
        <Check
          label="PubMed"
          checked={settings.sites.pubmed}
          onChange={(pubmed) => onChange({ sites: { ...settings.sites, pubmed } })}
        />
        <Check
          label="PubMed Central (PMC)"
          checked={settings.sites.pmc}
          onChange={(pmc) => onChange({ sites: { ...settings.sites, pmc } })}
        />
      </fieldset>
      <fieldset>
        <legend>Highlights</legend>
        {(Object.keys(KIND_LABELS) as TermMarkKind[]).map((kind) => (
          <div key={kind} class="kind-row">
            <Check
              label={KIND_LABELS[kind]}
              checked={kinds[kind].enabled}
              onChange={(enabled) =>
                onChange({ termMarkKinds: { ...kinds, [kind]: { ...kinds[kind], enabled } } })
              }
            />
            <input
              type="color"
              aria-label={`${KIND_LABELS[kind]} colour`}
              value={kinds[kind].color}
              onChange={(e) =>
                onChange({
                  termMarkKinds: {
                    ...kinds,
                    [kind]: { ...kinds[kind], color: e.currentTarget.value },
                  },
                })
              }
            />
          </div>
        ))}
      </fieldset>
      <fieldset>
        <legend>Summary panel</legend>
        <label>
          Side{' '}
          <select
            value={props.panelSide}
            onChange={(e) => props.onPanelSideChange(e.currentTarget.value as 'left' | 'right')}
          >
            <option value="right">Right</option>
            <option value="left">Left</option>
          </select>
        </label>
      </fieldset>
      <WatchList items={settings.watchList} onChange={(watchList) => onChange({ watchList })} />
      <fieldset>
        <legend>Library</legend>
        <Check
          label="Keep a list of recently opened articles"
          checked={settings.recordRecent}
          onChange={(recordRecent) => onChange({ recordRecent })}
        />
        <Check
          label="On search results, fetch records from NCBI E-utilities (sends PMIDs only)"
          checked={settings.fetchRecords}
          onChange={(fetchRecords) => onChange({ fetchRecords })}
        />
        <Check
          label="On PMC, also highlight the reference list"
          checked={settings.markReferences}
          onChange={(markReferences) => onChange({ markReferences })}
        />
        <label>
          Remind me to back up after{' '}
          <input
            type="number"
            min={0}
            max={10000}
            value={settings.backupReminderAfter}
            onChange={(e) => {
              const n = Number(e.currentTarget.value);
              if (Number.isInteger(n) && n >= 0) onChange({ backupReminderAfter: n });
            }}
          />{' '}
          new notes (0 = never)
        </label>
      </fieldset>
      <fieldset>
        <legend>Storage</legend>
        <p class="storage-info">
          {props.storage.usage !== undefined
            ? `Using ${formatBytes(props.storage.usage)}${props.storage.quota ? ` of ${formatBytes(props.storage.quota)}` : ''}.`
            : 'Storage use unknown.'}{' '}
          {props.storage.persisted
            ? 'Storage is persistent: the browser will not clear it to free space.'
            : 'The browser may clear this storage when space runs low.'}
        </p>
        {!props.storage.persisted && (
          <button type="button" onClick={props.onRequestPersist}>
            Keep storage persistent
          </button>
        )}
      </fieldset>
    </form>
  );
}

function Check(props: { label: string; checked: boolean; onChange: (checked: boolean) => void }) {
  return (
    <label class="check">
      <input
        type="checkbox"
        checked={props.checked}
        onChange={(e) => props.onChange(e.currentTarget.checked)}
      />{' '}
      {props.label}
    </label>
  );
}

function WatchList({
  items,
  onChange,
}: {
  items: WatchTerm[];
  onChange: (w: WatchTerm[]) => void;
}) {
  const [term, setTerm] = useState('');
  const [label, setLabel] = useState('');
  const canAdd = term.trim().length >= 2 && label.trim().length >= 1;
  return (
    <fieldset>
      <legend>Watch list</legend>
      <ul class="watch-list">
        {items.map((item, i) => (
          <li key={`${item.term}-${i}`}>
            <span class="watch-term">{item.term}</span> — {item.label}{' '}
            <button
              type="button"
              aria-label={`Remove ${item.term}`}
              onClick={() => onChange(items.filter((_, j) => j !== i))}
            >
              Remove
            </button>
          </li>
        ))}
      </ul>
      <label>
        Term <input value={term} maxLength={100} onInput={(e) => setTerm(e.currentTarget.value)} />
      </label>{' '}
      <label>
        Label{' '}
        <input value={label} maxLength={40} onInput={(e) => setLabel(e.currentTarget.value)} />
      </label>{' '}
      <button
        type="button"
        disabled={!canAdd}
        onClick={() => {
          onChange([...items, { term: term.trim(), label: label.trim() }]);
          setTerm('');
          setLabel('');
        }}
      >
        Add term
      </button>
    </fieldset>
  );
}

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 ** 2) return `${(bytes / 1024).toFixed(1)} KB`;
  if (bytes < 1024 ** 3) return `${(bytes / 1024 ** 2).toFixed(1)} MB`;
  return `${(bytes / 1024 ** 3).toFixed(1)} GB`;
}
