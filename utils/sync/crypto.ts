/**
 * End-to-end encryption of sync files. The passphrase never leaves the browser: PBKDF2-SHA-256 turns it
 * into 512 bits, the first half an AES-GCM key for the files, the second an HMAC key that names them
 * (so the server cannot read article identifiers from file names). The salt and a "key check" (a known
 * text encrypted with the key) live in a plain key file on the server: a second device reads the salt,
 * derives the same key, and a wrong passphrase fails the check before any file is read or written.
 *
 * File format: "JLS1" magic, 12-byte random IV, AES-GCM ciphertext+tag. The file's name is bound in as
 * additional data, so a file copied over another name fails authentication like a tampered one.
 */

/** OWASP 2023 recommendation for PBKDF2-HMAC-SHA-256. */
export const PBKDF2_ITERATIONS = 600_000;
const MAGIC = new TextEncoder().encode('JLS1');
const IV_BYTES = 12;
const CHECK_TEXT = 'JAK Lens key check v1';

/** The plain key file stored beside the encrypted files. */
export interface KeyFile {
  format: 'jak-lens-sync-key';
  version: 1;
  kdf: 'PBKDF2-SHA-256';
  iterations: number;
  /** base64, 16 random bytes. */
  salt: string;
  /** base64 of an encrypted CHECK_TEXT (see `encryptBytes`). */
  check: string;
}

/** The keys derived from the passphrase. `raw` (base64, 64 bytes) is what the extension stores. */
export interface SyncKeys {
  aes: CryptoKey;
  hmac: CryptoKey;
  raw: string;
}

/** Thrown when a file fails authentication or is not in our format; `file` names it. */
export class DecryptError extends Error {
  constructor(
    readonly file: string,
    reason: string,
  ) {
    super(`${file}: ${reason}`);
    this.name = 'DecryptError';
  }
}

/** Thrown when the passphrase does not open the server's key file. */
export class WrongPassphraseError extends Error {
  constructor() {
    super(
      'The passphrase does not match the one this sync folder was set up with; nothing was read or written.',
    );
    this.name = 'WrongPassphraseError';
  }
}

export async function deriveKeys(
  passphrase: string,
  salt: Uint8Array,
  iterations = PBKDF2_ITERATIONS,
): Promise<SyncKeys> {
  if (!passphrase) throw new Error('A passphrase is needed to encrypt the synced notes.');
  const base = await crypto.subtle.importKey(
    'raw',
    new TextEncoder().encode(passphrase.normalize('NFC')),
    'PBKDF2',
    false,
    ['deriveBits'],
  );
  const bits = await crypto.subtle.deriveBits(
    { name: 'PBKDF2', hash: 'SHA-256', salt: asBuffer(salt), iterations },
    base,
    512,
  );
  return importKeys(toBase64(new Uint8Array(bits)));
}

/** Rebuilds the keys from their stored `raw` form (no passphrase needed for scheduled syncs). */
export async function importKeys(raw: string): Promise<SyncKeys> {
  const bytes = fromBase64(raw);
  if (bytes.length !== 64) throw new Error('Stored sync key is damaged; set sync up again.');
  const aes = await crypto.subtle.importKey('raw', bytes.slice(0, 32), 'AES-GCM', false, [
    'encrypt',
    'decrypt',
  ]);
  const hmac = await crypto.subtle.importKey(
    'raw',
    bytes.slice(32),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  );
  return { aes, hmac, raw };
}

/** A new key file for a folder that has none, and the keys it was made with. */
export async function createKeyFile(
  passphrase: string,
  iterations = PBKDF2_ITERATIONS,
): Promise<{ file: KeyFile; keys: SyncKeys }> {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const keys = await deriveKeys(passphrase, salt, iterations);
  const check = await encryptBytes(keys, 'key-check', new TextEncoder().encode(CHECK_TEXT));
  return {
    file: {
      format: 'jak-lens-sync-key',
      version: 1,
      kdf: 'PBKDF2-SHA-256',
      iterations,
      salt: toBase64(salt),
      check: toBase64(check),
    },
    keys,
  };
}

/** Reads a key file's text; throws a readable error when it is not one. */
export function parseKeyFile(text: string): KeyFile {
  let value: Partial<KeyFile>;
  try {
    value = JSON.parse(text) as Partial<KeyFile>;
  } catch {
    throw new Error('The sync key file on the server is not valid JSON (damaged?).');
  }
  if (
    value?.format !== 'jak-lens-sync-key' ||
    value.version !== 1 ||
    value.kdf !== 'PBKDF2-SHA-256' ||
    typeof value.salt !== 'string' ||
    typeof value.check !== 'string' ||
    !Number.isInteger(value.iterations) ||
    (value.iterations ?? 0) < 100_000
  ) {
    throw new Error(
      'The sync key file on the server is not a JAK Lens key file this version reads.',
    );
  }
  return value as KeyFile;
}

/** Derives the keys from the passphrase and the key file's salt; WrongPassphraseError if they do not fit. */
export async function unlockKeyFile(file: KeyFile, passphrase: string): Promise<SyncKeys> {
  const keys = await deriveKeys(passphrase, fromBase64(file.salt), file.iterations);
  await verifyKeys(file, keys);
  return keys;
}

/** Checks stored keys against the server's key file (it changes when the passphrase is changed). */
export async function verifyKeys(file: KeyFile, keys: SyncKeys): Promise<void> {
  try {
    const plain = await decryptBytes(keys, 'key-check', fromBase64(file.check));
    if (new TextDecoder().decode(plain) !== CHECK_TEXT) throw new WrongPassphraseError();
  } catch {
    throw new WrongPassphraseError();
  }
}

/** Encrypts `plain` for the file called `name` (bound as additional data). */
export async function encryptBytes(
  keys: SyncKeys,
  name: string,
  plain: Uint8Array,
): Promise<Uint8Array> {
  const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
  const sealed = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: new TextEncoder().encode(name) },
    keys.aes,
    asBuffer(plain),
  );
  const out = new Uint8Array(MAGIC.length + IV_BYTES + sealed.byteLength);
  out.set(MAGIC, 0);
  out.set(iv, MAGIC.length);
  out.set(new Uint8Array(sealed), MAGIC.length + IV_BYTES);
  return out;
}

/** Decrypts a file; DecryptError (naming the file) when it is truncated, tampered or not ours. */
export async function decryptBytes(
  keys: SyncKeys,
  name: string,
  data: Uint8Array,
): Promise<Uint8Array> {
  if (data.length < MAGIC.length + IV_BYTES + 16) {
    throw new DecryptError(name, 'file is truncated (too short to be an encrypted JAK Lens file)');
  }
  if (!MAGIC.every((byte, i) => data[i] === byte)) {
    throw new DecryptError(name, 'not a JAK Lens encrypted file (unknown header)');
  }
  const iv = data.slice(MAGIC.length, MAGIC.length + IV_BYTES);
  try {
    const plain = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv, additionalData: new TextEncoder().encode(name) },
      keys.aes,
      asBuffer(data.slice(MAGIC.length + IV_BYTES)),
    );
    return new Uint8Array(plain);
  } catch {
    throw new DecryptError(
      name,
      'failed authentication: the file was truncated or changed on the server, or encrypted with another key',
    );
  }
}

/** The server-side name of a record: HMAC of its id, so names reveal nothing about the article. */
export async function fileNameFor(keys: SyncKeys, recordId: string): Promise<string> {
  const mac = await crypto.subtle.sign('HMAC', keys.hmac, new TextEncoder().encode(recordId));
  return [...new Uint8Array(mac).slice(0, 16)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export function toBase64(bytes: Uint8Array): string {
  let text = '';
  for (const byte of bytes) text += String.fromCharCode(byte);
  return btoa(text);
}

export function fromBase64(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** WebCrypto's types want an ArrayBuffer-backed view. */
function asBuffer(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  return new Uint8Array(bytes);
}
