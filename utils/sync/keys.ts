import {
  createKeyFile,
  parseKeyFile,
  unlockKeyFile,
  verifyKeys,
  PBKDF2_ITERATIONS,
  type SyncKeys,
} from './crypto';
import { DavError, type DavClient } from './webdav';

/** Where JAK Lens keeps its files inside the reader's folder. */
export const SYNC_DIR = 'jak-lens/';
export const RECORDS_DIR = `${SYNC_DIR}records/`;
export const KEY_FILE = `${SYNC_DIR}key.json`;

/**
 * Opens the folder's key with the passphrase: creates the key file when the folder has none (first
 * device), otherwise derives the key from its salt and checks it (WrongPassphraseError when wrong).
 * The key file is written with If-None-Match, so two devices setting up at once agree on one salt.
 */
export async function openKeys(
  client: DavClient,
  passphrase: string,
  iterations = PBKDF2_ITERATIONS,
): Promise<SyncKeys> {
  await ensureFolders(client);
  const existing = await client.get(KEY_FILE);
  if (existing)
    return unlockKeyFile(parseKeyFile(new TextDecoder().decode(existing.data)), passphrase);
  const { file, keys } = await createKeyFile(passphrase, iterations);
  try {
    await client.put(KEY_FILE, new TextEncoder().encode(JSON.stringify(file, null, 2)), null);
    return keys;
  } catch (error) {
    if (!(error instanceof DavError && error.kind === 'precondition-failed')) throw error;
    return openKeys(client, passphrase, iterations); // another device made it first: use theirs
  }
}

/** Checks stored keys still open the server's key file (the passphrase may have been changed). */
export async function checkKeys(client: DavClient, keys: SyncKeys): Promise<void> {
  const existing = await client.get(KEY_FILE);
  if (!existing) {
    throw new DavError(
      'not-found',
      404,
      'The key file jak-lens/key.json is gone from the server: set sync up again (your notes are safe here).',
    );
  }
  await verifyKeys(parseKeyFile(new TextDecoder().decode(existing.data)), keys);
}

/** Creates jak-lens/ and jak-lens/records/ inside the folder (the folder itself must exist). */
export async function ensureFolders(client: DavClient): Promise<void> {
  await client.mkcol(SYNC_DIR);
  await client.mkcol(RECORDS_DIR);
}
