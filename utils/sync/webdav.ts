import { DOMParser } from '@xmldom/xmldom';

/**
 * A small WebDAV client on fetch (RFC 4918): what sync needs and nothing else. Every failure becomes a
 * `DavError` whose `kind` the status and settings views turn into words. Counts requests and bytes so
 * the bench can report them.
 */

export interface DavConfig {
  /** The folder's URL, ending in '/', e.g. https://cloud.example.org/remote.php/dav/files/ana/JAK Lens/ */
  folderUrl: string;
  user: string;
  password: string;
}

export type DavErrorKind =
  | 'unreachable'
  | 'unauthorized'
  | 'forbidden'
  | 'not-found'
  | 'precondition-failed'
  | 'insufficient-storage'
  | 'not-webdav'
  | 'server-error';

export class DavError extends Error {
  constructor(
    readonly kind: DavErrorKind,
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'DavError';
  }
}

/** One entry of a folder listing. */
export interface DavEntry {
  /** Name inside the folder (decoded), '' for the folder itself. */
  name: string;
  isFolder: boolean;
  /** Without the weak-validator prefix: Apache marks an ETag weak for the first second after a write. */
  etag?: string;
  size?: number;
}

export interface DavStats {
  requests: number;
  bytesUp: number;
  bytesDown: number;
}

type Fetch = (input: string, init: RequestInit) => Promise<Response>;

const PROPFIND_BODY =
  '<?xml version="1.0" encoding="utf-8"?><d:propfind xmlns:d="DAV:"><d:prop>' +
  '<d:resourcetype/><d:getetag/><d:getcontentlength/></d:prop></d:propfind>';

export class DavClient {
  readonly stats: DavStats = { requests: 0, bytesUp: 0, bytesDown: 0 };

  constructor(
    private readonly config: DavConfig,
    private readonly fetchImpl: Fetch = (input, init) => fetch(input, init),
  ) {}

  /** Lists a folder (Depth 1) or one resource (Depth 0). `path` is relative to the folder URL. */
  async propfind(path: string, depth: 0 | 1): Promise<DavEntry[]> {
    const response = await this.request('PROPFIND', path, {
      headers: { depth: String(depth), 'content-type': 'application/xml; charset=utf-8' },
      body: PROPFIND_BODY,
    });
    if (response.status !== 207) {
      throw new DavError(
        'not-webdav',
        response.status,
        `The server answered PROPFIND with ${response.status}, not 207 Multi-Status: this URL is not a WebDAV folder.`,
      );
    }
    const base = new URL(this.url(path)).pathname;
    return parseMultistatus(await this.readText(response), base);
  }

  /** The file's bytes and ETag; undefined when it does not exist. */
  async get(path: string): Promise<{ data: Uint8Array; etag?: string } | undefined> {
    const response = await this.request('GET', path, {}, [404]);
    if (response.status === 404) return undefined;
    const data = new Uint8Array(await response.arrayBuffer());
    this.stats.bytesDown += data.length;
    return { data, etag: normalizeEtag(response.headers.get('etag')) };
  }

  /**
   * Writes a file only if it is still the version we read (`ifMatch`), or only if it does not exist yet
   * (`ifMatch: null`). Someone else writing first gives DavError 'precondition-failed' (412).
   * Returns the ETag the server sent, if it sent one (Nextcloud does; Apache's mod_dav does not).
   */
  async put(path: string, data: Uint8Array, ifMatch: string | null): Promise<string | undefined> {
    const condition: Record<string, string> =
      ifMatch === null ? { 'if-none-match': '*' } : { 'if-match': `"${ifMatch}"` };
    const response = await this.request('PUT', path, {
      headers: { 'content-type': 'application/octet-stream', ...condition },
      body: new Uint8Array(data),
    });
    this.stats.bytesUp += data.length;
    return normalizeEtag(response.headers.get('etag') ?? response.headers.get('oc-etag'));
  }

  /** Creates a folder; an existing one is fine (405). */
  async mkcol(path: string): Promise<void> {
    await this.request('MKCOL', path, {}, [405]);
  }

  /** Renames `from` to `to`, replacing it (Overwrite: T). */
  async move(from: string, to: string): Promise<void> {
    await this.request('MOVE', from, { headers: { destination: this.url(to), overwrite: 'T' } });
  }

  async delete(path: string): Promise<void> {
    await this.request('DELETE', path, {}, [404]);
  }

  url(path: string): string {
    const encoded = path
      .split('/')
      .map((part) => encodeURIComponent(part))
      .join('/');
    return new URL(encoded, this.config.folderUrl).href;
  }

  private async request(
    method: string,
    path: string,
    init: { headers?: Record<string, string>; body?: BodyInit },
    allowed: number[] = [],
  ): Promise<Response> {
    this.stats.requests += 1;
    if (typeof init.body === 'string') this.stats.bytesUp += init.body.length;
    let response: Response;
    try {
      response = await this.fetchImpl(this.url(path), {
        method,
        headers: {
          authorization: `Basic ${utf8Base64(`${this.config.user}:${this.config.password}`)}`,
          ...init.headers,
        },
        body: init.body,
        credentials: 'omit',
        cache: 'no-store',
        redirect: 'follow',
      });
    } catch (error) {
      const https = this.config.folderUrl.startsWith('https:');
      throw new DavError(
        'unreachable',
        0,
        `Cannot reach ${new URL(this.config.folderUrl).host}${https ? ' (server down, offline, or its TLS certificate is not trusted by the browser)' : ' (server down or offline)'}: ${String(error)}`,
      );
    }
    if (response.ok || allowed.includes(response.status)) return response;
    await response.body?.cancel().catch(() => undefined);
    throw statusError(method, path, response.status);
  }

  private async readText(response: Response): Promise<string> {
    const text = await response.text();
    this.stats.bytesDown += text.length;
    return text;
  }
}

function statusError(method: string, path: string, status: number): DavError {
  const where = path || 'the sync folder';
  switch (status) {
    case 401:
      return new DavError(
        'unauthorized',
        401,
        'The server refused the user name or password (401): check them, or make a new app password.',
      );
    case 403:
      return new DavError(
        'forbidden',
        403,
        `The server forbids ${method} on ${where} (403): the account may not write there.`,
      );
    case 404:
    case 409:
      return new DavError(
        'not-found',
        status,
        `${where} does not exist on the server (${status}): check the folder.`,
      );
    case 412:
      return new DavError(
        'precondition-failed',
        412,
        `${where} was changed by another device meanwhile (412).`,
      );
    case 507:
      return new DavError(
        'insufficient-storage',
        507,
        'The server is full (507 Insufficient Storage): free space or raise the quota; nothing was lost.',
      );
    case 405:
    case 501:
      return new DavError(
        'not-webdav',
        status,
        `The server does not accept ${method} (${status}): this URL is not a WebDAV folder.`,
      );
    default:
      return new DavError(
        'server-error',
        status,
        `The server answered ${method} ${where} with ${status}.`,
      );
  }
}

/** Apache sends `W/"…"` for a file written within the last second, and the strong form later. */
export function normalizeEtag(raw: string | null | undefined): string | undefined {
  if (!raw) return undefined;
  return raw.replace(/^W\//, '').replace(/^"|"$/g, '');
}

function parseMultistatus(xml: string, basePath: string): DavEntry[] {
  const doc = new DOMParser({
    onError: (level, message) => {
      if (level !== 'warning')
        throw new DavError('not-webdav', 207, `Unreadable PROPFIND reply: ${message}`);
    },
  }).parseFromString(xml, 'text/xml');
  const entries: DavEntry[] = [];
  const responses = doc.getElementsByTagNameNS('DAV:', 'response');
  const baseDecoded = decodeURIComponent(basePath);
  for (let i = 0; i < responses.length; i++) {
    const response = responses[i];
    if (!response) continue;
    const href = response.getElementsByTagNameNS('DAV:', 'href')[0]?.textContent?.trim() ?? '';
    const path = decodeURIComponent(new URL(href, 'http://x').pathname);
    const rest = path.startsWith(baseDecoded) ? path.slice(baseDecoded.length) : path;
    const type = response.getElementsByTagNameNS('DAV:', 'resourcetype')[0];
    const size = response.getElementsByTagNameNS('DAV:', 'getcontentlength')[0]?.textContent;
    entries.push({
      name: rest.replace(/\/$/, ''),
      isFolder: !!type && type.getElementsByTagNameNS('DAV:', 'collection').length > 0,
      etag: normalizeEtag(response.getElementsByTagNameNS('DAV:', 'getetag')[0]?.textContent),
      ...(size ? { size: Number(size) } : {}),
    });
  }
  return entries;
}

function utf8Base64(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}
