import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import {
  acceptFrameMessage,
  COMMENTS_CHANGED_TYPE,
  EMBEDDING_ORIGINS,
  NOTE_FRAME_PATH,
  noteFrameHash,
  type NoteFrameParams,
} from '@/utils/messaging/note-frame';

type Props = {
  articleKey: string;
  /** Tags for the entities on this page ("drug:baricitinib", "target:JAK1"), offered as suggestions. */
  entityTags: string[];
  /** Set for a highlight comment's editor: the frame edits that comment instead of the note. */
  highlightId?: string;
  /** The frame saved highlight comments (typed or recovered): the panel's list reloads them. */
  onCommentsChanged?: () => void;
};

/** Until the frame reports its height: about the editor's size, so the panel does not jump much. */
const INITIAL_HEIGHT = 230;
const COMMENT_HEIGHT = 90;

/**
 * The reader's note editor, in the panel: an iframe of the extension's note-frame.html. The text typed
 * there lives in the extension's origin; PubMed's scripts cannot read it nor see its key events. The
 * frame's URL carries only the article key, the page's entity tags and this page's origin. The only
 * message taken from the frame is its height, and only from this iframe at the extension's origin.
 */
export function NoteFrame({ articleKey, entityTags, highlightId, onCommentsChanged }: Props) {
  const frame = useRef<HTMLIFrameElement>(null);
  const [height, setHeight] = useState(highlightId ? COMMENT_HEIGHT : INITIAL_HEIGHT);
  const changed = useRef(onCommentsChanged);
  changed.current = onCommentsChanged;
  const parentOrigin = EMBEDDING_ORIGINS.find((origin) => origin === location.origin);
  const tagsKey = JSON.stringify(entityTags);
  const src = useMemo(() => {
    if (!parentOrigin) return null;
    const params: NoteFrameParams = {
      articleKey,
      entityTags,
      parentOrigin,
      ...(highlightId ? { highlightId } : {}),
    };
    return browser.runtime.getURL(NOTE_FRAME_PATH) + noteFrameHash(params);
  }, [articleKey, tagsKey, parentOrigin, highlightId]);

  useEffect(() => {
    const extensionOrigin = new URL(browser.runtime.getURL('/')).origin;
    const onMessage = (event: MessageEvent) => {
      const message = acceptFrameMessage(event, {
        extensionOrigin,
        frameWindow: frame.current?.contentWindow,
      });
      if (message?.type === COMMENTS_CHANGED_TYPE) changed.current?.();
      else if (message) setHeight(message.height);
    };
    window.addEventListener('message', onMessage);
    return () => window.removeEventListener('message', onMessage);
  }, []);

  if (!src) return null;
  return (
    <iframe
      ref={frame}
      class="jl-note-frame"
      src={src}
      title={highlightId ? 'Your comment on this highlight' : 'Your note on this article'}
      style={{ height: `${height}px` }}
    />
  );
}
