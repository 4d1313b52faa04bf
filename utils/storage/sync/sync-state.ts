import Dexie, { type EntityTable } from 'dexie';

/**
 * What the last sync agreed with the server, per article: the file's name and ETag and the merged
 * bundle (the "base" of the next three-way merge). Its own database, apart from the notes: it holds
 * only bookkeeping, and deleting it (removing sync) costs a full comparison on the next set-up, never
 * a note.
 */
export interface SyncedFile {
  articleKey: string;
  /** File name on the server (HMAC of the article key, see crypto.ts). */
  name: string;
  /** ETag of the version this device last read or wrote; absent when unknown. */
  etag?: string;
  /** canonicalBundle() of the base. */
  base: string;
}

export class SyncStateDB extends Dexie {
  files!: EntityTable<SyncedFile, 'articleKey'>;

  constructor(name = 'jak-lens-sync') {
    super(name);
    this.version(1).stores({ files: 'articleKey, name' });
  }
}
