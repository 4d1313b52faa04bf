import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import {
  acceptFrameMessage,
  EMBEDDING_ORIGINS,
  NOTE_FRAME_PATH,
  noteFrameHash,
  type NoteFrameParams,
} from '@/utils/messaging/note-frame';

type Props = {
  articleKey: string;
  /** Tags for the entities on this page ("drug:baricitinib", "target:JAK1"), offered as suggestions. */
  entityTags: string[];
};

/** Until the frame reports its height: about the editor's size, so the panel does not jump much. */
const INITIAL_HEIGHT = 230;

/**
 * The reader's note editor, in the panel: an iframe of the extension's note-frame.html. The text typed
 * there lives in the extension's origin; PubMed's scripts cannot read it nor see its key events. The
 * frame's URL carries only the article key, the page's entity tags and this page's origin. The only
 * message taken from the frame is its height, and only from this iframe at the extension's origin.
 */
export function NoteFrame({ articleKey, entityTags }: Props) {
  const frame = useRef<HTMLIFrameElement>(null);
  const [height, setHeight] = useState(INITIAL_HEIGHT);
  const parentOrigin = EMBEDDING_ORIGINS.find((origin) => origin === location.origin);
  const tagsKey = JSON.stringify(entityTags);
  const src = useMemo(() => {
    if (!parentOrigin) return null;
    const params: NoteFrameParams = { articleKey, entityTags, parentOrigin };
    return browser.runtime.getURL(NOTE_FRAME_PATH) + noteFrameHash(params);
  }, [articleKey, tagsKey, parentOrigin]);

  useEffect(() => {
    const extensionOrigin = new URL(browser.runtime.getURL('/')).origin;
    const onMessage = (event: MessageEvent) => {
      const message = acceptFrameMessage(event, {
        extensionOrigin,
        frameWindow: frame.current?.contentWindow,
      });
      if (message) setHeight(message.height);
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
      title="Your note on this article"
      style={{ height: `${height}px` }}
    />
  );
}
