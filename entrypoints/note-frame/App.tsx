import { useEffect, useMemo, useRef } from 'preact/hooks';
import { NotesSection } from '@/components/notes/NotesSection';
import type { MessageClient } from '@/utils/messaging/client';
import type { NoteFrameParams } from '@/utils/messaging/note-frame';
import { noteRequests } from './note-requests';
import type { FrameJournal } from './journal';

type Props = {
  /** From the frame's URL; null when it was malformed (nothing is loaded or saved then). */
  params: NoteFrameParams | null;
  request: MessageClient;
  /** Subscribes to "this article's note changed in another tab"; returns the unsubscribe. */
  onRemoteChange: (listener: () => void) => () => void;
  /** Told the height the content needs, whenever it changes (the panel sizes the iframe to it). */
  onHeight?: (height: number) => void;
  /** The draft journal (null when the frame cannot store one). */
  journal?: FrameJournal | null;
  /** Injected by tests; the browser's ResizeObserver otherwise. */
  ResizeObserverImpl?: typeof ResizeObserver;
};

/**
 * The note frame's page: the reader's note on one article, in the panel's look. Runs in the extension's
 * origin, so the text typed here is out of reach of the page that embeds it.
 */
export function NoteFrameApp({
  params,
  request,
  onRemoteChange,
  onHeight,
  journal,
  ...rest
}: Props) {
  const root = useRef<HTMLDivElement>(null);
  const articleKey = params?.articleKey;
  const requests = useMemo(
    () => (articleKey ? noteRequests(request, articleKey) : null),
    [request, articleKey],
  );
  useEffect(() => {
    const element = root.current;
    const Observer = rest.ResizeObserverImpl ?? globalThis.ResizeObserver;
    if (!element || !onHeight || !Observer) return undefined;
    let last = -1;
    const report = () => {
      const height = Math.ceil(element.getBoundingClientRect().height);
      if (height !== last) onHeight((last = height));
    };
    const observer = new Observer(report);
    observer.observe(element);
    // Chrome pauses rendering (and so ResizeObserver) in a cross-origin frame scrolled out of view, as
    // this one is below the drug cards: DOM changes (the note loading, suggestions) are measured too.
    const mutations = new MutationObserver(report);
    mutations.observe(element, {
      subtree: true,
      childList: true,
      attributes: true,
      characterData: true,
    });
    report();
    return () => {
      observer.disconnect();
      mutations.disconnect();
    };
  }, [onHeight]);

  return (
    <div ref={root} class="jl-panel jl-frame">
      {params && requests ? (
        <NotesSection
          articleKey={params.articleKey}
          requests={requests}
          entityTags={params.entityTags}
          onRemoteChange={onRemoteChange}
          {...(journal ? { journal } : {})}
        />
      ) : (
        <p role="alert" class="jak-note-error">
          This note editor was opened without a valid article. Reload the page to edit your note.
        </p>
      )}
    </div>
  );
}
