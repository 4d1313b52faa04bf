/**
 * utils/term-marks/: the term marks, i.e. what JAK Lens recognises on a page (drugs, targets, diseases,
 * watch terms): which text nodes to walk, wrapping and undo, the marks' stylesheet and the reader's
 * colour settings for it, the mark card's model, position and hover. DOM over an argument; may import
 * utils/match/, utils/panel/ (drug card model), utils/knowledge/ and settings types.
 */
/**
 * The DOM side of term marks: find mentions in the page's text nodes and wrap them in
 * `<jl-mark>` elements, reversibly. Pure with respect to globals: everything comes from `root`
 * and its ownerDocument. Compute first, then mutate, so no live Range spans our own changes.
 */

import type { Mention, MentionFinder, MentionKind } from '../match/mention';
import { TERM_MARK_TAG } from './style';
import {
  collectTextNodes,
  createTextCollector,
  isEligibleText,
  isInsideExcluded,
  skipSelector,
} from './walk';
import {
  createMarkFactory,
  getSegment,
  isOwnPiece,
  restoreSegment,
  unwrapForeignMark,
  wrapTextNode,
  type Segment,
} from './wrap';
import { selectMentions } from '../match/select-mentions';
import { yieldToFrame, yieldToMain } from '../yield-to-main';

export { TERM_MARK_TAG } from './style';
export { UI_ATTRIBUTE } from './walk';

export interface TermMarkOptions {
  /** Extra CSS selector whose subtrees are left alone (our shadow host, PubMed navigation…). */
  exclude?: string;
  /** Only these kinds are marked; all kinds when absent. */
  kinds?: ReadonlySet<MentionKind>;
}

export interface ChunkedTermMarkOptions extends TermMarkOptions {
  /** Script time per chunk before yielding, in ms (default 8), so no task comes near 50 ms. */
  budgetMs?: number;
  /**
   * Called between chunks instead of the default pacing (yield while collecting; after a chunk
   * that changed the page, wait for the next rendered frame). May resolve with how long that
   * frame's rendering took, in ms, which sizes the next chunk.
   */
  yieldFn?: () => Promise<number | undefined | void>;
  /** Stops between chunks: what was done is undone and the promise rejects with the reason. */
  signal?: AbortSignal;
  /** Reports each chunk's duration in ms (for benchmarks and diagnostics). */
  onChunk?: (ms: number) => void;
}

/** Text nodes wrapped in the first chunk, before any frame has been measured. */
export const INITIAL_WRAP_LIMIT = 64;
/**
 * Fewest text nodes a chunk may wrap. Every frame that follows a change has a fixed cost (about
 * 10 ms of CPU on a ten-article page in Chromium: compositing inputs, paint), so tiny chunks would
 * only multiply frames; this keeps progress going on a slow or heavily loaded machine.
 */
export const MIN_WRAP_LIMIT = 16;
/** Most text nodes a chunk may wrap; the time budget usually ends a chunk well before. */
export const MAX_WRAP_LIMIT = 4096;
/** Rendering time per frame the wrap limit aims at, in ms: a chunk plus its frame stay far below 50. */
export const RENDER_TARGET_MS = 24;

/**
 * The next chunk's wrap limit, given the last one, how many text nodes the last chunk wrapped and
 * how long the frame after it took to render (undefined when not measured). Each wrapped node
 * dirties its paragraph, and on a long page laying those out costs several times the script that
 * wrapped them, so the script's time budget alone does not bound the frame. Too slow a frame
 * scales the limit down in proportion; a fast frame after a chunk that hit the limit doubles it.
 */
export function nextWrapLimit(
  limit: number,
  wrapped: number,
  renderMs: number | undefined,
): number {
  if (renderMs === undefined || !Number.isFinite(renderMs) || wrapped === 0) return limit;
  if (renderMs > RENDER_TARGET_MS) {
    return Math.max(MIN_WRAP_LIMIT, Math.floor((wrapped * RENDER_TARGET_MS) / renderMs));
  }
  if (wrapped >= limit && renderMs < RENDER_TARGET_MS / 2) {
    return Math.min(MAX_WRAP_LIMIT, limit * 2);
  }
  return limit;
}

export interface TermMarkResult {
  /** Number of marks this call added. */
  count: number;
  /** The marks this call added, in document order. */
  marks: HTMLElement[];
  /** Restores exactly the DOM this call changed, original text nodes included. Safe to repeat. */
  undo(): void;
}

type Planned = [node: Text, mentions: readonly Mention[]];

/**
 * Mentions to mark in one text node, or null. The finder runs first because most nodes have no
 * hit; only then do the exclusion and ownership checks run. Our own pieces are skipped: they were
 * searched as part of the original node already, so re-searching them could only make a second
 * apply differ from the first.
 */
function planNode(
  node: Text,
  find: MentionFinder,
  selector: string,
  kinds: ReadonlySet<MentionKind> | undefined,
): Planned | null {
  const data = node.data;
  const found = find(data);
  if (found.length === 0 || !isEligibleText(node, selector) || isOwnPiece(node)) return null;
  const mentions = selectMentions(found, data.length, kinds);
  return mentions.length > 0 ? [node, mentions] : null;
}

/** The text nodes to search, or none when `root` itself lies in an excluded subtree. */
function candidates(root: Element, selector: string): Text[] {
  return isInsideExcluded(root, selector) ? [] : collectTextNodes(root);
}

/**
 * The text nodes under `root` that marks may go into, in document order: what `applyTermMarks`
 * searches, minus the nodes it would skip anyway (code, controls, editable areas, our UI, existing
 * marks, `exclude`). Reading their `data` lets the mentions be worked out before any DOM write
 * (utils/classify/analyse-article.ts). Checks every node's ancestors, so it costs more than the
 * marking pass's own walk, which checks only nodes with a hit.
 */
export function markableTexts(root: Element, exclude?: string): Text[] {
  const selector = skipSelector(exclude);
  return candidates(root, selector).filter(
    (node) => isEligibleText(node, selector) && !isOwnPiece(node),
  );
}

function toResult(segments: Segment[]): TermMarkResult {
  const marks: HTMLElement[] = [];
  for (const segment of segments) for (const mark of segment.marks) marks.push(mark);
  return {
    count: marks.length,
    marks,
    undo: () => {
      for (let i = segments.length - 1; i >= 0; i--) restoreSegment(segments[i]!);
    },
  };
}

/**
 * Marks every mention `find` reports in the text under `root`, synchronously. Skips code, form
 * controls, editable areas, `[data-jl-ui]`, existing marks and `opts.exclude`. A mention never
 * spans text nodes. Applying again changes nothing; to change `kinds`, undo first.
 */
export function applyTermMarks(
  root: Element,
  find: MentionFinder,
  opts: TermMarkOptions = {},
): TermMarkResult {
  const selector = skipSelector(opts.exclude);
  const plan: Planned[] = [];
  for (const node of candidates(root, selector)) {
    const planned = planNode(node, find, selector, opts.kinds);
    if (planned) plan.push(planned);
  }
  const makeMark = createMarkFactory(root.ownerDocument);
  return toResult(plan.map(([node, mentions]) => wrapTextNode(node, mentions, makeMark)));
}

/**
 * Same result as `applyTermMarks`, but time-sliced: text nodes are collected once, then searched
 * and wrapped in chunks of about `budgetMs` of script, so long pages never block input. After a
 * chunk that wrapped something it waits for the browser to render a frame, so the layout that
 * chunk caused is paid in its own frame rather than piled into one huge late frame, and it caps
 * the text nodes per chunk so that frame stays short (see `nextWrapLimit`). Nodes the page
 * detached meanwhile are skipped.
 */
export async function applyTermMarksChunked(
  root: Element,
  find: MentionFinder,
  opts: ChunkedTermMarkOptions = {},
): Promise<TermMarkResult> {
  const budget = opts.budgetMs ?? 8;
  const doc = root.ownerDocument;
  const now = () => performance.now();
  const segments: Segment[] = [];
  let started = now();
  let wrapLimit = INITIAL_WRAP_LIMIT;
  let wrapped = 0;
  const overBudget = () => now() - started >= budget;
  const pause = async () => {
    opts.onChunk?.(now() - started);
    let renderMs: number | undefined | void;
    if (opts.yieldFn) renderMs = await opts.yieldFn();
    else if (wrapped > 0) renderMs = await yieldToFrame(doc);
    else await yieldToMain();
    if (opts.signal?.aborted) {
      toResult(segments).undo();
      throw opts.signal.reason;
    }
    wrapLimit = nextWrapLimit(wrapLimit, wrapped, renderMs ?? undefined);
    wrapped = 0;
    started = now();
  };

  const selector = skipSelector(opts.exclude);
  const nodes: Text[] = [];
  // Collecting is sliced too: on a very long page the walk alone can exceed a frame.
  if (!isInsideExcluded(root, selector)) {
    const collect = createTextCollector(root);
    while (!collect(nodes, overBudget)) await pause();
  }
  const makeMark = createMarkFactory(doc);
  let i = 0;
  let sinceCheck = 0;
  while (i < nodes.length) {
    const node = nodes[i++]!;
    // Nodes are independent, so each is searched and wrapped at once; the page may have
    // detached it while we yielded.
    const planned = node.parentNode !== null ? planNode(node, find, selector, opts.kinds) : null;
    if (planned) {
      segments.push(wrapTextNode(planned[0], planned[1], makeMark));
      wrapped++;
    }
    if (i === nodes.length) break;
    if (wrapped >= wrapLimit) {
      sinceCheck = 0;
      await pause();
      continue;
    }
    // Wrapping costs far more than searching, so it counts for more before the clock is read.
    sinceCheck += planned ? 4 : 1;
    if (sinceCheck >= 16) {
      sinceCheck = 0;
      if (overBudget()) await pause();
    }
  }
  opts.onChunk?.(now() - started);
  return toResult(segments);
}

/**
 * Removes every `jl-mark` under `root`, restoring the page's original text nodes where this
 * module made the mark, and merging the text back otherwise. Returns how many marks were removed.
 */
export function removeAllTermMarks(root: Element): number {
  const marks = root.querySelectorAll(TERM_MARK_TAG);
  for (const mark of marks) {
    const segment = getSegment(mark);
    if (segment) restoreSegment(segment);
    else unwrapForeignMark(mark);
  }
  return marks.length;
}
