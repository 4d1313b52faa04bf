import { connect, type Socket } from 'node:net';

/**
 * A minimal client for Firefox's own Remote Debugging Protocol (the one about:debugging and web-ext
 * use), started by `--start-debugger-server <port>`. WebDriver BiDi reaches web pages only, so this is
 * how the Firefox suites get into the add-on's background page: the same place the popup's questions
 * come from. Packets are `<length>:<JSON>`; each actor answers its requests in order.
 */
export class FirefoxDebugger {
  private buffer = Buffer.alloc(0);
  private waiting = new Map<string, ((packet: RdpPacket) => void)[]>();
  private listeners: ((packet: RdpPacket) => void)[] = [];

  private constructor(private readonly socket: Socket) {
    socket.on('data', (chunk) => this.read(chunk));
  }

  /** Connects to `port`, retrying while Firefox starts its server. */
  static async connect(port: number, timeoutMs = 30_000): Promise<FirefoxDebugger> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      try {
        const socket = await new Promise<Socket>((resolve, reject) => {
          const s = connect(port, '127.0.0.1', () => resolve(s));
          s.once('error', reject);
        });
        const client = new FirefoxDebugger(socket);
        await client.next('root'); // the greeting
        return client;
      } catch (error) {
        if (Date.now() > deadline) {
          throw new Error(`No Firefox debugger on port ${port}`, { cause: error });
        }
        await new Promise((r) => setTimeout(r, 250));
      }
    }
  }

  close(): void {
    this.socket.destroy();
  }

  /** Sends a request to `to` and resolves with its reply (rejects on an error reply). */
  async request(to: string, type: string, extra: Record<string, unknown> = {}): Promise<RdpPacket> {
    const reply = this.next(to);
    const body = JSON.stringify({ to, type, ...extra });
    this.socket.write(`${Buffer.byteLength(body)}:${body}`);
    const packet = await reply;
    if (packet.error) throw new Error(`${type} → ${packet.error}: ${String(packet.message ?? '')}`);
    return packet;
  }

  /**
   * Evaluates `expression` (top-level await allowed) in the console of the add-on's background page
   * and returns its value, which the expression must make a string (JSON, say).
   */
  async evaluateInBackground(addonId: string, expression: string): Promise<string> {
    return this.evaluateIn(
      await this.backgroundConsole(addonId),
      expression,
      'the background page',
    );
  }

  /**
   * Evaluates `expression` in Firefox's parent process — the browser's own window, its menus among
   * them (needs `devtools.chrome.enabled`). Same contract as `evaluateInBackground`.
   */
  async evaluateInParent(expression: string): Promise<string> {
    if (!this.parentConsoleActor) {
      const { processDescriptor } = await this.request('root', 'getProcess', { id: 0 });
      const { process } = await this.request(processDescriptor.actor as string, 'getTarget');
      this.parentConsoleActor = process.consoleActor as string;
    }
    return this.evaluateIn(this.parentConsoleActor, expression, 'the parent process');
  }

  private async evaluateIn(
    consoleActor: string,
    expression: string,
    where: string,
  ): Promise<string> {
    // The result comes as an event that may overtake the reply naming its id: collect from the start.
    const results: RdpPacket[] = [];
    const collect = (p: RdpPacket) => {
      if (p.type === 'evaluationResult') results.push(p);
    };
    this.listeners.push(collect);
    let result: RdpPacket | undefined;
    try {
      const { resultID } = await this.request(consoleActor, 'evaluateJSAsync', {
        text: expression,
        mapped: { await: true },
      });
      const deadline = Date.now() + 30_000;
      while (!(result = results.find((p) => p.resultID === resultID))) {
        if (Date.now() > deadline) throw new Error(`No evaluation result from ${where}`);
        await new Promise((r) => setTimeout(r, 20));
      }
    } finally {
      this.listeners = this.listeners.filter((l) => l !== collect);
    }
    if (result.hasException) {
      throw new Error(`In ${where}: ${JSON.stringify(result.exceptionMessage)}`);
    }
    if (typeof result.result !== 'string') {
      throw new Error(`Expected a string from ${where}, got ${JSON.stringify(result.result)}`);
    }
    return result.result;
  }

  private consoleActor?: string;
  private parentConsoleActor?: string;
  private async backgroundConsole(addonId: string): Promise<string> {
    if (this.consoleActor) return this.consoleActor;
    const { addons } = await this.request('root', 'listAddons');
    const addon = (addons as { id: string; actor: string }[]).find((a) => a.id === addonId);
    if (!addon) throw new Error(`The debugger lists no add-on ${addonId}`);
    // Current Firefox: the add-on's descriptor hands out a watcher, which announces its targets (the
    // background page among them) as events before it answers.
    const forms: RdpPacket[] = [];
    const collect = (p: RdpPacket) => {
      if (p.type === 'target-available-form') forms.push(p.target);
    };
    this.listeners.push(collect);
    try {
      const watcher = await this.request(addon.actor, 'getWatcher', {});
      await this.request(watcher.actor as string, 'watchTargets', { targetType: 'frame' });
    } finally {
      this.listeners = this.listeners.filter((l) => l !== collect);
    }
    const background = forms.find((f) => /_generated_background_page|background/.test(f.url ?? ''));
    if (!background?.consoleActor) {
      throw new Error(`No background page among ${JSON.stringify(forms.map((f) => f.url))}`);
    }
    this.consoleActor = background.consoleActor as string;
    return this.consoleActor;
  }

  private next(from: string): Promise<RdpPacket> {
    return new Promise((resolve) => {
      const queue = this.waiting.get(from) ?? [];
      queue.push(resolve);
      this.waiting.set(from, queue);
    });
  }

  private read(chunk: Buffer) {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const colon = this.buffer.indexOf(':');
      if (colon < 0) return;
      const length = Number(this.buffer.subarray(0, colon).toString());
      if (this.buffer.length < colon + 1 + length) return;
      const packet = JSON.parse(
        this.buffer.subarray(colon + 1, colon + 1 + length).toString('utf8'),
      ) as RdpPacket;
      this.buffer = this.buffer.subarray(colon + 1 + length);
      this.dispatch(packet);
    }
  }

  private dispatch(packet: RdpPacket) {
    for (const listener of [...this.listeners]) listener(packet);
    // Events (evaluationResult, tabListChanged…) carry a `type`; replies to requests do not, except
    // the root's greeting.
    const isEvent = packet.type !== undefined && !packet.applicationType;
    if (isEvent) return;
    const queue = this.waiting.get(packet.from);
    queue?.shift()?.(packet);
  }
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- protocol packets are loosely typed JSON
type RdpPacket = Record<string, any>;
