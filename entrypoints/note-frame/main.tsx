import { render } from 'preact';
import { browser } from 'wxt/browser';
import * as v from 'valibot';
import panelCss from '@/components/panel/panel.css?inline';
import notesCss from '@/components/notes/notes.css?inline';
import { createMessageClient } from '@/utils/messaging/client';
import { TabMessageSchema, type Message } from '@/utils/messaging/messages';
import { FRAME_HEIGHT_TYPE, parseNoteFrameHash } from '@/utils/messaging/note-frame';
import frameCss from './style.css?inline';
import { NoteFrameApp } from './App';
import { openFrameJournal } from './journal';

/**
 * The note frame (note-frame.html), embedded by the panel on PubMed/PMC article pages. It talks to the
 * background itself, as an extension page; the only thing it tells the embedding page is its height.
 */
const params = parseNoteFrameHash(location.hash);
const request = createMessageClient((message: Message) => browser.runtime.sendMessage(message));

const style = document.createElement('style');
style.textContent = `${panelCss}\n${notesCss}\n${frameCss}`;
document.head.append(style);

const onRemoteChange = (listener: () => void) => {
  const onMessage = (raw: unknown) => {
    const parsed = v.safeParse(TabMessageSchema, raw);
    if (
      parsed.success &&
      parsed.output.type === 'note/changed' &&
      parsed.output.articleKey === params?.articleKey
    ) {
      listener();
    }
    // Never answer: replies to other messages are the background's.
    return undefined;
  };
  browser.runtime.onMessage.addListener(onMessage);
  return () => browser.runtime.onMessage.removeListener(onMessage);
};

const onHeight = (height: number) => {
  // Only to the page that should embed us; the height is all it ever learns.
  if (params && window.parent !== window) {
    window.parent.postMessage({ type: FRAME_HEIGHT_TYPE, height }, params.parentOrigin);
  }
};

// The journal's entries are read before the editor opens, so a leftover one is recovered first.
void openFrameJournal().then((journal) =>
  render(
    <NoteFrameApp
      params={params}
      request={request}
      onRemoteChange={onRemoteChange}
      onHeight={onHeight}
      journal={journal}
    />,
    document.getElementById('app')!,
  ),
);
