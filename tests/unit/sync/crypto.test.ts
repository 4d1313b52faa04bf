// @vitest-environment node
import { describe, expect, it } from 'vitest';
import {
  createKeyFile,
  decryptBytes,
  DecryptError,
  encryptBytes,
  fileNameFor,
  importKeys,
  parseKeyFile,
  PBKDF2_ITERATIONS,
  unlockKeyFile,
  verifyKeys,
  WrongPassphraseError,
} from '@/utils/sync/crypto';

const FAST = 100_000; // the lowest count a key file may name; keeps the tests quick
const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
const bytes = (value: string) => new TextEncoder().encode(value);

describe('sync crypto', () => {
  it('makes a key file with PBKDF2-SHA-256 at 600,000 iterations by default and a random salt', async () => {
    const a = await createKeyFile('correct horse');
    const b = await createKeyFile('correct horse', FAST);
    expect(a.file.iterations).toBe(PBKDF2_ITERATIONS);
    expect(PBKDF2_ITERATIONS).toBeGreaterThanOrEqual(600_000);
    expect(a.file.kdf).toBe('PBKDF2-SHA-256');
    expect(a.file.salt).not.toBe(b.file.salt);
    expect(parseKeyFile(JSON.stringify(a.file))).toEqual(a.file);
  });

  it('opens the key file with the right passphrase on another device and decrypts its files', async () => {
    const { file, keys } = await createKeyFile('correct horse', FAST);
    const sealed = await encryptBytes(keys, 'a/1', bytes('note text'));
    const other = await unlockKeyFile(parseKeyFile(JSON.stringify(file)), 'correct horse');
    expect(text(await decryptBytes(other, 'a/1', sealed))).toBe('note text');
    expect(await fileNameFor(other, 'pmid:1')).toBe(await fileNameFor(keys, 'pmid:1'));
  });

  it('says the passphrase is wrong instead of decrypting into garbage', async () => {
    const { file } = await createKeyFile('correct horse', FAST);
    await expect(unlockKeyFile(file, 'Correct horse')).rejects.toBeInstanceOf(WrongPassphraseError);
    await expect(unlockKeyFile(file, 'Correct horse')).rejects.toThrow(/passphrase does not match/);
  });

  it('notices stored keys no longer fit when the passphrase was changed elsewhere', async () => {
    const first = await createKeyFile('one', FAST);
    const second = await createKeyFile('two', FAST);
    const stored = await importKeys(first.keys.raw);
    await expect(verifyKeys(first.file, stored)).resolves.toBeUndefined();
    await expect(verifyKeys(second.file, stored)).rejects.toBeInstanceOf(WrongPassphraseError);
  });

  it('refuses truncated, tampered, foreign and renamed files, naming the file', async () => {
    const { keys } = await createKeyFile('p', FAST);
    const other = await createKeyFile('q', FAST);
    const sealed = await encryptBytes(keys, 'a/x', bytes('{"body":"secret"}'));
    const tampered = sealed.slice();
    tampered[tampered.length - 20] = (tampered[tampered.length - 20] ?? 0) ^ 1;
    const cases: [string, Uint8Array, RegExp][] = [
      ['a/x', sealed.slice(0, sealed.length - 5), /failed authentication/],
      ['a/x', sealed.slice(0, 10), /truncated/],
      ['a/x', tampered, /failed authentication/],
      ['a/x', bytes('JSON, not ours......................'), /unknown header/],
      ['a/y', sealed, /failed authentication/],
    ];
    for (const [name, data, reason] of cases) {
      const error = await decryptBytes(keys, name, data).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DecryptError);
      expect((error as DecryptError).file).toBe(name);
      expect((error as Error).message).toMatch(reason);
    }
    await expect(decryptBytes(other.keys, 'a/x', sealed)).rejects.toBeInstanceOf(DecryptError);
  });

  it('never writes the plain text or the record id into the file or its name', async () => {
    const { keys } = await createKeyFile('p', FAST);
    const sealed = await encryptBytes(keys, 'n', bytes('baricitinib in JDM'));
    expect(Buffer.from(sealed).toString('latin1')).not.toContain('baricitinib');
    const name = await fileNameFor(keys, 'pmid:34563217');
    expect(name).toMatch(/^[0-9a-f]{32}$/);
    expect(name).not.toContain('34563217');
    // Same text twice → different ciphertext (random IV).
    expect(await encryptBytes(keys, 'n', bytes('x'))).not.toEqual(
      await encryptBytes(keys, 'n', bytes('x')),
    );
  });

  it('rejects a key file that is not ours or asks for too few iterations', () => {
    expect(() => parseKeyFile('not json')).toThrow(/not valid JSON/);
    const weak = {
      format: 'jak-lens-sync-key',
      version: 1,
      kdf: 'PBKDF2-SHA-256',
      iterations: 1000,
      salt: 'AA==',
      check: 'AA==',
    };
    expect(() => parseKeyFile(JSON.stringify(weak))).toThrow(/not a JAK Lens key file/);
  });
});
