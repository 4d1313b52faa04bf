import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A real WebDAV server for the sync tests: Debian's Apache httpd with mod_dav_fs, started on loopback on
 * a free port with its own configuration in a temporary directory (../shared/notes/webdav.md), one
 * foreground process (-X) so stopping it is one signal. Basic auth from an htpasswd file that the tests
 * may rewrite (a password change); a small tmpfs can stand in for a full disk.
 */

export const APACHE = '/usr/sbin/apache2';
const MODULES = [
  'mpm_event',
  'authz_core',
  'authn_core',
  'authn_file',
  'authz_user',
  'auth_basic',
  'dav',
  'dav_fs',
  'headers',
];

export interface DavServer {
  /** http://127.0.0.1:<port>/ */
  origin: string;
  /** The DAV document root on disk (what the server stores). */
  root: string;
  user: string;
  password: string;
  start(): Promise<void>;
  stop(): Promise<void>;
  setPassword(password: string): void;
  /** Mounts a tmpfs of `bytes` at `<root>/<folder>` so writes there fail with "no space" (needs root). */
  mountFull(folder: string, bytes: number): void;
  /** Stops the server, unmounts, removes its files. */
  dispose(): Promise<void>;
}

export async function startDavServer(user = 'alice', password = 'secret'): Promise<DavServer> {
  if (!existsSync(APACHE)) {
    throw new Error(`${APACHE} is missing: install Debian's apache2 (.ci/run does this).`);
  }
  const dir = mkdtempSync(join(tmpdir(), 'jak-lens-dav-'));
  const root = join(dir, 'dav');
  for (const sub of ['dav', 'logs', 'lock', 'dav/forbidden']) mkdirSync(join(dir, sub));
  // Apache drops root for its "User" before serving: everything it writes must be open to it.
  for (const sub of ['', 'dav', 'logs', 'lock']) chmodSync(join(dir, sub), 0o777);
  const port = await freePort();
  const mounts: string[] = [];
  let child: ChildProcess | undefined;

  const writeConfig = () =>
    writeFileSync(
      join(dir, 'httpd.conf'),
      [
        'ServerRoot "/usr/lib/apache2"',
        'ServerName 127.0.0.1',
        `Listen 127.0.0.1:${port}`,
        `PidFile ${dir}/httpd.pid`,
        `ErrorLog ${dir}/logs/error.log`,
        ...MODULES.map((m) => `LoadModule ${m}_module modules/mod_${m}.so`),
        `DAVLockDB ${dir}/lock/DAVLock`,
        `DocumentRoot "${root}"`,
        `<Directory "${root}">`,
        '  Dav On',
        '  AuthType Basic',
        '  AuthName "dav"',
        `  AuthUserFile ${dir}/htpasswd`,
        '  Require valid-user',
        '</Directory>',
        // A folder the account may not enter, for the 403 case of "Test connection".
        `<Directory "${root}/forbidden">`,
        '  Require all denied',
        '</Directory>',
        '',
      ].join('\n'),
    );

  const server: DavServer = {
    origin: `http://127.0.0.1:${port}/`,
    root,
    user,
    password,
    setPassword(next) {
      const hash = spawnSync('openssl', ['passwd', '-apr1', next], { encoding: 'utf8' });
      if (hash.status !== 0) throw new Error(`openssl passwd failed: ${hash.stderr}`);
      writeFileSync(join(dir, 'htpasswd'), `${user}:${hash.stdout.trim()}\n`);
      chmodSync(join(dir, 'htpasswd'), 0o644);
      server.password = next;
    },
    async start() {
      if (child) return;
      child = spawn(APACHE, ['-X', '-f', join(dir, 'httpd.conf')], { stdio: 'ignore' });
      const started = child;
      started.once('exit', () => {
        if (child === started) child = undefined;
      });
      await waitForPort(port, () => {
        if (!child) throw new Error(`apache2 exited at start:\n${errorLog(dir)}`);
      });
    },
    async stop() {
      const running = child;
      if (!running) return;
      child = undefined;
      const exited = new Promise((resolve) => running.once('exit', resolve));
      running.kill('SIGTERM');
      await exited;
    },
    mountFull(folder, bytes) {
      const target = join(root, folder);
      mkdirSync(target, { recursive: true });
      const mount = spawnSync(
        'mount',
        ['-t', 'tmpfs', '-o', `size=${bytes},mode=0777`, 'tmpfs', target],
        {
          encoding: 'utf8',
        },
      );
      if (mount.status !== 0) {
        throw new Error(
          `Cannot mount a small tmpfs for the full-disk case (needs root): ${mount.stderr}`,
        );
      }
      mounts.push(target);
    },
    async dispose() {
      await server.stop();
      for (const target of mounts.splice(0)) spawnSync('umount', [target]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
  writeConfig();
  server.setPassword(password);
  await server.start();
  return server;
}

/** Basic-auth header for the server's current credentials. */
export function basicAuth(user: string, password: string): string {
  return `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
}

function errorLog(dir: string): string {
  try {
    return readFileSync(join(dir, 'logs', 'error.log'), 'utf8').slice(-2000);
  } catch {
    return '(no error log)';
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

async function waitForPort(port: number, check: () => void): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    check();
    try {
      await fetch(`http://127.0.0.1:${port}/`, { method: 'OPTIONS' });
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  throw new Error(`apache2 did not open port ${port} within 10 s`);
}
