import type { Message, Reply, ReplyData } from './messages';

type Typed = keyof ReplyData;

/** What `request` resolves to for a message type: the typed reply data where known. */
export type ReplyFor<T extends Message['type']> = T extends Typed ? ReplyData[T] : unknown;

/**
 * A typed client for the background's protocol. `send` is injected (runtime.sendMessage in the
 * extension), so this stays free of browser APIs. A `{ok:false}` reply becomes a thrown Error with the
 * background's message, which the UI shows; a missing reply (worker restarting) is an error too.
 */
export function createMessageClient(send: (message: Message) => Promise<unknown>) {
  return async function request<M extends Message>(message: M): Promise<ReplyFor<M['type']>> {
    const reply = (await send(message)) as Reply<ReplyFor<M['type']>> | undefined;
    if (!reply || typeof reply !== 'object' || !('ok' in reply)) {
      throw new Error('JAK Lens could not reach its background page. Your text is kept; retrying.');
    }
    if (!reply.ok) throw new Error(reply.error);
    return reply.data;
  };
}

export type MessageClient = ReturnType<typeof createMessageClient>;
