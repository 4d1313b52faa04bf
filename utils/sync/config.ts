import { httpUrl } from '../page/sites';

/**
 * The reader's sync set-up as kept in the extension's storage (never in a page): server, folder,
 * credentials, and the derived key (not the passphrase, which is used once and forgotten).
 */
export interface SyncConfig {
  serverUrl: string;
  folder: string;
  user: string;
  password: string;
  /** SyncKeys.raw: base64 of the 512 derived bits. */
  keys: string;
}

/** What the settings form sends to set sync up or to test the connection. */
export interface SyncAccount {
  serverUrl: string;
  folder: string;
  user: string;
  password: string;
}

export const SYNC_CONFIG_KEY = 'syncConfig';

/** The folder URL (ending in '/') inside the server URL; throws a readable error on a bad URL. */
export function folderUrlOf(account: Pick<SyncAccount, 'serverUrl' | 'folder'>): string {
  const server = httpUrl(account.serverUrl.trim());
  if (!server) {
    throw new Error(
      `"${account.serverUrl}" is not a server address: it must start with https:// (or http:// on your own machine).`,
    );
  }
  if (server.username || server.password) {
    throw new Error('Put the user name and password in their own fields, not in the address.');
  }
  const base = server.href.endsWith('/') ? server.href : `${server.href}/`;
  const folder = account.folder
    .trim()
    .split('/')
    .filter(Boolean)
    .map((part) => encodeURIComponent(part))
    .join('/');
  return folder ? new URL(`${folder}/`, base).href : base;
}

/** The one origin the extension asks host access for, as a match pattern. */
export function originPatternOf(serverUrl: string): string {
  const url = new URL(serverUrl.trim());
  return `${url.protocol}//${url.hostname}/*`;
}
