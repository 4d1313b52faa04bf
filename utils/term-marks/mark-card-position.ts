/**
 * Where the mark card goes: below the mark, or above it when there is no room below, kept inside
 * the viewport horizontally. Pure geometry in viewport coordinates (for `position: fixed`).
 */

/** The part of a DOMRect the placement needs. */
export interface RectLike {
  top: number;
  bottom: number;
  left: number;
}

export interface CardPlacement {
  top: number;
  left: number;
  side: 'below' | 'above';
}

/** Space between the mark and the card, and the least margin kept to the viewport's edges. */
export const CARD_GAP = 6;
export const EDGE_MARGIN = 8;

/**
 * Places a card of `size` next to `anchor` in a viewport of `viewport` size. Below is preferred;
 * above is used when the card fits there and not below; when it fits neither way, the side with
 * more room wins and the card is clamped to the viewport (its own content scrolls).
 */
export function placeCard(
  anchor: RectLike,
  size: { width: number; height: number },
  viewport: { width: number; height: number },
): CardPlacement {
  const roomBelow = viewport.height - anchor.bottom - CARD_GAP - EDGE_MARGIN;
  const roomAbove = anchor.top - CARD_GAP - EDGE_MARGIN;
  const side = size.height <= roomBelow || roomBelow >= roomAbove ? 'below' : 'above';
  const rawTop = side === 'below' ? anchor.bottom + CARD_GAP : anchor.top - CARD_GAP - size.height;
  const maxTop = Math.max(EDGE_MARGIN, viewport.height - EDGE_MARGIN - size.height);
  const top = Math.min(Math.max(rawTop, EDGE_MARGIN), maxTop);
  const maxLeft = Math.max(EDGE_MARGIN, viewport.width - EDGE_MARGIN - size.width);
  const left = Math.min(Math.max(anchor.left, EDGE_MARGIN), maxLeft);
  return { top, left, side };
}
