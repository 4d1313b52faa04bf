/**
 * The summary panel of one article page, in the script loaded on demand (entrypoints/pubmed-ui.ts):
 * builds the panel's view model from the verdict and the knowledge facts, and mounts, hides, updates
 * and re-opens the panel with the reader's note and highlights. The always-on part (article-page.tsx)
 * hands it what it worked out; nothing here reads the page again.
 */
import type { ContentScriptContext } from '#imports';
import type { PathwayFocusRequest } from '@/components/panel/PathwaySection';
import type { Verdict } from '@/utils/classify';
import type { SeenArticleMessage } from '@/utils/messaging/messages';
import { buildPanelModel } from '@/utils/panel/model';
import type { PathwayFocus } from '@/utils/panel/pathways';
import type { PanelPrefs } from '@/utils/settings/panel-prefs';
import { ArticleNotes } from './article-notes';
import { NoteFrame } from './note-frame';
import { mountPanel, PANEL_HOST, type MountedPanel } from './panel';
import type { ReaderHighlights } from '../reader-highlights/page-highlights';

export interface ArticlePanelInput {
  verdict: Verdict;
  /** The term ids the classifier's scan found (the article analysis): antibodies and JAKs named. */
  scannedTermIds: readonly string[];
  seen?: SeenArticleMessage;
  /** Marks per drug id (the article analysis). */
  drugCounts: Record<string, number>;
  /** The note editor's tag suggestions (the article analysis). */
  entityTags: string[];
}

export interface ArticlePanel {
  /** Mounts the panel (the first time with the layout read ahead, if given). */
  show(prefs?: Promise<PanelPrefs>): Promise<void>;
  /** Shows the panel if hidden, hides it if shown. */
  toggle(): Promise<void>;
  /** Shows the panel (opening it if hidden or collapsed) at a part of its pathway view. */
  showPathway(focus: PathwayFocus): Promise<void>;
  /** The reader's highlights, once drawn: the panel lists them. */
  setHighlights(highlights: ReaderHighlights): void;
}

export function startArticlePanel(
  ctx: ContentScriptContext,
  { verdict, scannedTermIds, seen, drugCounts, entityTags }: ArticlePanelInput,
): ArticlePanel {
  const model = buildPanelModel(verdict, scannedTermIds);
  let panel: MountedPanel | null = null;
  let highlights: ReaderHighlights | undefined;
  let pathwayFocus: PathwayFocusRequest | undefined;
  const props = () => ({
    model,
    ...(pathwayFocus ? { pathwayFocus } : {}),
    mentionCounts: drugCounts,
    notesSlot: seen ? (
      <ArticleNotes
        // The note is edited in an extension frame: the page never holds its text.
        note={<NoteFrame articleKey={seen.key} entityTags={entityTags} />}
        {...(highlights ? { highlights } : {})}
      />
    ) : undefined,
  });
  const show = async (prefs?: Promise<PanelPrefs>, takeFocus = false) => {
    if (ctx.isInvalid) return;
    panel = await mountPanel(ctx, { ...props(), takeFocus }, prefs);
  };
  /** Where keyboard focus was before the reader called the panel up: it goes back there on hiding. */
  let focusBefore: Element | null = null;
  return {
    show: (prefs) => show(prefs),
    async toggle() {
      const shown = panel?.isAttached() ?? false;
      const hadFocus = shown && document.activeElement?.localName === PANEL_HOST;
      // A host the page removed still counts as mounted until we remove it ourselves.
      panel?.remove();
      panel = null;
      if (shown) {
        // Hidden from inside (keyboard command): focus returns to where the reader was, not the top.
        if (hadFocus && focusBefore?.isConnected) (focusBefore as HTMLElement).focus?.();
        focusBefore = null;
        return;
      }
      focusBefore = document.activeElement === document.body ? null : document.activeElement;
      // Called up by the reader (command, popup): the panel takes focus.
      await show(undefined, true);
    },
    async showPathway(focus) {
      pathwayFocus = { focus, seq: (pathwayFocus?.seq ?? 0) + 1 };
      if (panel?.isAttached()) panel.update(props());
      else {
        panel?.remove();
        await show();
      }
    },
    setHighlights(next) {
      highlights = next;
      if (panel?.isAttached()) panel.update(props());
    },
  };
}
