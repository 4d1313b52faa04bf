import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  ALLOWED_CONTENT_SCRIPT_MATCHES,
  ALLOWED_HOSTS,
  ALLOWED_PERMISSIONS,
  ALLOWED_WEB_ACCESSIBLE_RESOURCES,
  FORBIDDEN,
  ALLOWED_OPTIONAL_HOSTS,
} from './permission-allow-list';

/**
 * The built manifests ask for nothing beyond permission-allow-list.ts, keep the browser's default CSP, load
 * no remote code and expose nothing to web pages. Runs in the e2e stage because it reads `.output/`, which
 * `npm test` builds (Chrome and Firefox) after the unit tests.
 */

const BUILDS = [
  { name: 'chrome-mv3', dir: resolve('.output/chrome-mv3'), version: 3 },
  { name: 'firefox-mv2', dir: resolve('.output/firefox-mv2'), version: 2 },
] as const;

interface Manifest {
  manifest_version: number;
  permissions?: string[];
  optional_permissions?: string[];
  host_permissions?: string[];
  optional_host_permissions?: string[];
  content_scripts?: { matches: string[]; world?: string; all_frames?: boolean }[];
  web_accessible_resources?: (string | { resources: string[]; matches?: string[] })[];
  content_security_policy?: unknown;
  externally_connectable?: unknown;
  background?: { service_worker?: string; scripts?: string[]; page?: string; persistent?: boolean };
  [key: string]: unknown;
}

function readManifest(dir: string): Manifest {
  const path = join(dir, 'manifest.json');
  if (!existsSync(path)) {
    throw new Error(`No build at ${dir}: run \`npx wxt build\` and \`npx wxt build -b firefox\`.`);
  }
  return JSON.parse(readFileSync(path, 'utf8')) as Manifest;
}

/** A match pattern (host) rather than an API permission: MV2 lists both under `permissions`. */
const isHostPattern = (entry: string) => entry === '<all_urls>' || entry.includes('://');

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

describe.each(BUILDS)('the built $name manifest', ({ dir, version }) => {
  const manifest = readManifest(dir);
  const declared = [...(manifest.permissions ?? []), ...(manifest.optional_permissions ?? [])];
  const hosts = [
    ...(manifest.permissions ?? []).filter(isHostPattern),
    ...(manifest.host_permissions ?? []),
  ];
  const optionalHosts = [
    ...(manifest.optional_permissions ?? []).filter(isHostPattern),
    ...(manifest.optional_host_permissions ?? []),
  ];

  it(`is manifest version ${version}`, () => {
    expect(manifest.manifest_version).toBe(version);
  });

  it('asks only for API permissions on the allow-list, none of the forbidden ones', () => {
    const apis = declared.filter((p) => !isHostPattern(p));
    expect(apis.filter((p) => !Object.hasOwn(ALLOWED_PERMISSIONS, p))).toEqual([]);
    expect(apis.filter((p) => FORBIDDEN.includes(p))).toEqual([]);
    // It does use what it asks for: settings and panel layout live in extension storage.
    expect(apis).toContain('storage');
  });

  it('asks for no host at install beyond NCBI; optional hosts are only the sync server patterns', () => {
    expect(optionalHosts.filter((h) => !Object.hasOwn(ALLOWED_OPTIONAL_HOSTS, h))).toEqual([]);
    expect(optionalHosts).not.toContain('<all_urls>');
    // Optional: nothing is granted until the reader sets sync up and allows their server's origin.
    for (const host of optionalHosts) expect(hosts).not.toContain(host);
  });

  it('asks only for the hosts on the allow-list: no <all_urls>, no wildcard hosts', () => {
    expect(hosts.filter((h) => !Object.hasOwn(ALLOWED_HOSTS, h))).toEqual([]);
    for (const host of hosts) {
      expect(FORBIDDEN).not.toContain(host);
      expect(host).toMatch(/^https:\/\/[a-z0-9.-]+\.nih\.gov\/\*$/);
    }
  });

  it('runs its content script only on the annotated sites, in the isolated world, top frame only', () => {
    const scripts = manifest.content_scripts ?? [];
    expect(scripts.length).toBeGreaterThan(0);
    for (const script of scripts) {
      expect(
        script.matches.filter((m) => !Object.hasOwn(ALLOWED_CONTENT_SCRIPT_MATCHES, m)),
      ).toEqual([]);
      // MAIN would share the page's JavaScript world: the page could call into our code.
      expect(script.world ?? 'ISOLATED').toBe('ISOLATED');
      expect(script.all_frames ?? false).toBe(false);
    }
  });

  it("keeps the browser's default content security policy", () => {
    expect(manifest).not.toHaveProperty('content_security_policy');
  });

  it('cannot be messaged by web pages or other extensions, and exposes only the allowed files', () => {
    expect(manifest).not.toHaveProperty('externally_connectable');
    const resources = (manifest.web_accessible_resources ?? []).flatMap((r) =>
      typeof r === 'string' ? [r] : r.resources,
    );
    expect(resources.filter((r) => !Object.hasOwn(ALLOWED_WEB_ACCESSIBLE_RESOURCES, r))).toEqual(
      [],
    );
    // Chrome exposes them to the annotated sites only.
    for (const entry of manifest.web_accessible_resources ?? []) {
      if (typeof entry === 'string') continue;
      expect(
        entry.matches?.filter((m) => !Object.hasOwn(ALLOWED_CONTENT_SCRIPT_MATCHES, m)),
      ).toEqual([]);
      expect(entry.matches?.length).toBeGreaterThan(0);
    }
  });

  it('has one local background script (a service worker in MV3), no background page', () => {
    if (version === 3) expect(manifest.background?.service_worker).toBe('background.js');
    else expect(manifest.background?.scripts).toEqual(['background.js']);
    expect(manifest.background?.page).toBeUndefined();
  });

  it('loads no remote code: every script in its pages is local, no remote import or importScripts', () => {
    const files = filesUnder(dir);
    const html = files.filter((f) => f.endsWith('.html'));
    const js = files.filter((f) => f.endsWith('.js'));
    expect(js.length).toBeGreaterThan(0);
    for (const file of html) {
      const doc = new DOMParser().parseFromString(readFileSync(file, 'utf8'), 'text/html');
      for (const script of doc.querySelectorAll('script')) {
        const src = script.getAttribute('src');
        expect(src, `${file}: inline script (the default CSP would block it)`).not.toBeNull();
        expect(src, file).toMatch(/^\/[\w./-]+\.js$/);
      }
      for (const link of doc.querySelectorAll('link[href]')) {
        expect(link.getAttribute('href'), file).toMatch(/^\/[\w./-]+$/);
      }
    }
    const remote = [
      /\bimport\s*\(\s*[`'"](?:https?:)?\/\//,
      /\bimportScripts\s*\(\s*[`'"](?:https?:)?\/\//,
      /\bfrom\s*[`'"](?:https?:)?\/\//,
      /\.src\s*=\s*[`'"](?:https?:)?\/\/[^`'"]*\.m?js\b/,
      /\beval\s*\(/,
      /\bnew Function\s*\(/,
    ];
    for (const file of js) {
      const code = readFileSync(file, 'utf8');
      for (const pattern of remote) expect(code, `${file} ${String(pattern)}`).not.toMatch(pattern);
    }
  });
});

/** Width and height of a PNG file, from its IHDR chunk; throws if the file is not a PNG. */
function pngSize(path: string): [number, number] {
  const bytes = readFileSync(path);
  if (bytes.subarray(1, 4).toString() !== 'PNG') throw new Error(`${path} is not a PNG`);
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
}

describe.each(BUILDS)('$name manifest: what a store listing and the toolbar need', (build) => {
  const manifest = readManifest(build.dir);

  it('names and describes JAK Lens within the stores’ limits, with a version', () => {
    expect(manifest.name).toBe('JAK Lens');
    expect(typeof manifest.description).toBe('string');
    // Chrome Web Store: at most 132 characters.
    expect((manifest.description as string).length).toBeLessThanOrEqual(132);
    expect(manifest.version).toMatch(/^\d+(\.\d+){0,3}$/);
  });

  it('ships icons at 16, 32, 48 and 128 px, each a PNG of its size', () => {
    const icons = manifest.icons as Record<string, string>;
    expect(Object.keys(icons).sort((a, b) => Number(a) - Number(b))).toEqual([
      '16',
      '32',
      '48',
      '128',
    ]);
    for (const [size, file] of Object.entries(icons)) {
      expect(pngSize(join(build.dir, file))).toEqual([Number(size), Number(size)]);
    }
  });

  it('gives the toolbar button its own icon and title, not the browser’s placeholder', () => {
    const action = (manifest.action ?? manifest.browser_action) as {
      default_icon: Record<string, string>;
      default_title: string;
      default_popup: string;
    };
    expect(action.default_title).toBe('JAK Lens');
    expect(action.default_popup).toBe('popup.html');
    expect(Object.keys(action.default_icon)).toEqual(expect.arrayContaining(['16', '32']));
    for (const [size, file] of Object.entries(action.default_icon)) {
      expect(pngSize(join(build.dir, file))).toEqual([Number(size), Number(size)]);
    }
  });
});
