import { useEffect, useRef } from 'preact/hooks';
import { CommentEditor } from '@/components/notes/CommentEditor';
import { NotesSection, type NoteDrafts } from '@/components/notes/NotesSection';
import { recoverCommentDrafts } from '@/utils/reader-highlights/comment-drafts';
import type { MessageClient } from '@/utils/messaging/client';
import type { NoteFrameParams } from '@/utils/messaging/note-frame';

type Props = {
  /** From the frame's URL; null when it was malformed (nothing is loaded or saved then). */
  params: NoteFrameParams | null;
  request: MessageClient;
  /** The keystroke journal (the frame's localStorage). */
  drafts?: NoteDrafts;
  /** Subscribes to "this article's note changed in another tab"; returns the unsubscribe. */
  onRemoteChange: (listener: () => void) => () => void;
  /** Told the height the content needs, whenever it changes (the panel sizes the iframe to it). */
  onHeight?: (height: number) => void;
  /** Tells the panel that highlight comments were saved (it reloads its list). */
  onCommentsChanged?: () => void;
  /** Injected by tests; the browser's ResizeObserver otherwise. */
  ResizeObserverImpl?: typeof ResizeObserver;
};

/**
 * The note frame's page: the reader's note on one article, in the panel's look. Runs in the extension's
 * origin, so the text typed here is out of reach of the page that embeds it.
 */
export function NoteFrameApp(props: Props) {
  const { params, request, onRemoteChange, onHeight, drafts, onCommentsChanged, ...rest } = props;
  useEffect(() => {
    // The note's frame opens on every visit: it saves the comments of editors that died unsaved.
    if (!params || params.highlightId || !drafts) return;
    void (async () => {
      const changed = await recoverCommentDrafts(
        drafts.store,
        params.articleKey,
        await drafts.isAlive(),
        request,
      );
      if (changed > 0) onCommentsChanged?.();
    })().catch((error: unknown) => console.warn('[JAK Lens] comment drafts kept for later', error));
  }, []);
  const root = useRef<HTMLDivElement>(null);
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
      {params?.highlightId ? (
        <CommentEditor
          articleKey={params.articleKey}
          highlightId={params.highlightId}
          request={request}
          {...(drafts ? { drafts } : {})}
          {...(onCommentsChanged ? { onSaved: onCommentsChanged } : {})}
        />
      ) : params ? (
        <NotesSection
          articleKey={params.articleKey}
          request={request}
          entityTags={params.entityTags}
          onRemoteChange={onRemoteChange}
          {...(drafts ? { drafts } : {})}
        />
      ) : (
        <p role="alert" class="jak-note-error">
          This note editor was opened without a valid article. Reload the page to edit your note.
        </p>
      )}
    </div>
  );
}
