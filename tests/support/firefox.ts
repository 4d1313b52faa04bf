import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer, type AddressInfo } from 'node:net';
import puppeteer, { type Browser } from 'puppeteer-core';
import { FirefoxDebugger } from './firefox-rdp';

/** Debian's Firefox ESR, or FIREFOX_PATH. Throws a message that says how to get one; never skips. */
export function findFirefox(): string {
  const candidates = [process.env.FIREFOX_PATH, '/usr/bin/firefox-esr', '/usr/bin/firefox'];
  const found = candidates.find((path): path is string => !!path && existsSync(path));
  if (!found) {
    throw new Error(
      'Firefox not found. Install it with `apt-get install -y firefox-esr`, or set FIREFOX_PATH to a Firefox binary.',
    );
  }
  return found;
}

/** Prefs that keep Firefox off the network: no updates, telemetry or remote settings, and a dead proxy. */
const HERMETIC_PREFS = {
  'app.update.enabled': false,
  'browser.safebrowsing.malware.enabled': false,
  'browser.safebrowsing.phishing.enabled': false,
  'datareporting.policy.dataSubmissionEnabled': false,
  'extensions.update.enabled': false,
  'network.dns.disablePrefetch': true,
  'network.captive-portal-service.enabled': false,
  'network.connectivity-service.enabled': false,
  // Every request that leaves the browser goes to a proxy on a closed loopback port, so nothing reaches
  // the network even on a machine that has one. Routed pages never get that far: the driver answers
  // them at the request stage (WebDriver BiDi interception).
  'network.proxy.type': 1,
  'network.proxy.http': '127.0.0.1',
  'network.proxy.http_port': 9,
  'network.proxy.ssl': '127.0.0.1',
  'network.proxy.ssl_port': 9,
  'network.proxy.share_proxy_settings': true,
  'network.proxy.no_proxies_on': '',
  'services.settings.server': 'http://localhost:1/',
  'toolkit.telemetry.enabled': false,
};

export interface FirefoxSession {
  browser: Browser;
  addonId: string;
  profileDir: string;
  /** Where downloads land, without asking (the library's export, say). */
  downloadsDir: string;
  /** Firefox's own debugging protocol: how the suites reach the add-on's background page. */
  debugger: FirefoxDebugger;
}

/** Prefs that let the test connect Firefox's debugger server on loopback without a prompt. */
const DEBUGGER_PREFS = {
  'devtools.debugger.remote-enabled': true,
  'devtools.chrome.enabled': true,
  'devtools.debugger.prompt-connection': false,
};

/** A free loopback port for the debugger server (asked of the OS, then released). */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * Starts headless Firefox ESR over WebDriver BiDi on a persistent profile and installs the built add-on
 * as a temporary add-on. It has a fixed gecko id, so a restart on the same profile finds its data again.
 */
export async function launchFirefoxWithAddon(
  addonPath: string,
  profileDir = mkdtempSync(join(tmpdir(), 'jak-lens-ff-')),
  /** More prefs for one suite (a suite's own choice, e.g. how optional permissions are answered). */
  extraPrefs: Record<string, string | number | boolean> = {},
): Promise<FirefoxSession> {
  const port = await freePort();
  const downloadsDir = join(profileDir, 'downloads');
  // Save every download to that folder without a dialog, as a reader who set "always save" would.
  const downloadPrefs = {
    'browser.download.folderList': 2,
    'browser.download.dir': downloadsDir,
    'browser.download.useDownloadDir': true,
    'browser.download.always_ask_before_handling_new_types': false,
    'browser.download.start_downloads_in_tmp_dir': false,
  };
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: findFirefox(),
    headless: true,
    userDataDir: profileDir,
    args: ['--start-debugger-server', String(port)],
    extraPrefsFirefox: { ...HERMETIC_PREFS, ...DEBUGGER_PREFS, ...downloadPrefs, ...extraPrefs },
  });
  const addonId = await browser.installExtension(addonPath);
  const debuggerClient = await FirefoxDebugger.connect(port);
  return { browser, addonId, profileDir, downloadsDir, debugger: debuggerClient };
}

export function removeFirefoxProfile(profileDir: string): void {
  rmSync(profileDir, { recursive: true, force: true });
}
