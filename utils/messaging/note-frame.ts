import * as v from 'valibot';
import { ArticleKey } from './messages';
import { MAX_TAG_LENGTH, MAX_TAGS } from '../storage/tags';

/**
 * The note frame: the reader's note editor runs in an extension page (note-frame.html) embedded in the
 * panel, so PubMed's scripts can neither read the text nor see the keys typed (the frame is another
 * origin). The frame learns which article it edits from its URL fragment, which the page can read: it
 * carries only non-secret data (the article key, the tags of entities marked on the page, the page's
 * origin). The frame posts only its height to the panel; the panel trusts a message only when it comes
 * from its own frame's window, at the extension's origin, in the expected shape.
 */

/** The frame page's path inside the extension (an unlisted WXT HTML entrypoint). */
export const NOTE_FRAME_PATH = '/note-frame.html';

/** Pages that may embed the frame (the sites JAK Lens annotates), by origin. */
export const EMBEDDING_ORIGINS = [
  'https://pubmed.ncbi.nlm.nih.gov',
  'https://pmc.ncbi.nlm.nih.gov',
] as const;

/** The tallest the frame may ask to be, in CSS pixels (a runaway value must not stretch the panel). */
export const MAX_FRAME_HEIGHT = 4000;

const ParamsSchema = v.strictObject({
  articleKey: ArticleKey,
  entityTags: v.pipe(
    v.array(v.pipe(v.string(), v.maxLength(MAX_TAG_LENGTH))),
    v.maxLength(MAX_TAGS),
  ),
  parentOrigin: v.picklist(EMBEDDING_ORIGINS),
});

/** What the frame is told through its URL. */
export type NoteFrameParams = v.InferOutput<typeof ParamsSchema>;

/** The URL fragment ("#…") that carries `params`: never note text. */
export function noteFrameHash(params: NoteFrameParams): string {
  const query = new URLSearchParams({
    key: params.articleKey,
    tags: JSON.stringify(params.entityTags),
    parent: params.parentOrigin,
  });
  return `#${query.toString()}`;
}

/** The frame's parameters from its URL fragment, or null when anything is missing or malformed. */
export function parseNoteFrameHash(hash: string): NoteFrameParams | null {
  const query = new URLSearchParams(hash.replace(/^#/, ''));
  let entityTags: unknown;
  try {
    entityTags = JSON.parse(query.get('tags') ?? '[]');
  } catch {
    return null;
  }
  const parsed = v.safeParse(ParamsSchema, {
    articleKey: query.get('key'),
    entityTags,
    parentOrigin: query.get('parent'),
  });
  return parsed.success ? parsed.output : null;
}

/** Frame → panel: the height its content needs. */
export const FRAME_HEIGHT_TYPE = 'jak-lens/note-frame-height';

const FrameMessageSchema = v.strictObject({
  type: v.literal(FRAME_HEIGHT_TYPE),
  height: v.pipe(v.number(), v.finite(), v.minValue(0)),
});

export type FrameMessage = { type: typeof FRAME_HEIGHT_TYPE; height: number };

/** The parts of a `message` event the panel checks. */
export interface FrameMessageEvent {
  origin: string;
  source: unknown;
  data: unknown;
}

/**
 * A message from our note frame, or null. Accepted only when it was sent by `frameWindow` (the
 * contentWindow of the iframe the panel created: not the page, not another frame), from the
 * extension's origin, and matches the schema. The height is rounded up and capped.
 */
export function acceptFrameMessage(
  event: FrameMessageEvent,
  expected: { extensionOrigin: string; frameWindow: unknown },
): FrameMessage | null {
  if (expected.frameWindow == null || event.source !== expected.frameWindow) return null;
  if (event.origin !== expected.extensionOrigin.replace(/\/$/, '')) return null;
  const parsed = v.safeParse(FrameMessageSchema, event.data);
  if (!parsed.success) return null;
  return {
    type: FRAME_HEIGHT_TYPE,
    height: Math.min(Math.ceil(parsed.output.height), MAX_FRAME_HEIGHT),
  };
}
