/**
 * Mounts the summary panel into a shadow root on the PubMed page and connects it: remembered
 * layout (extension storage), "next mention" on the page's highlights, removal on invalidation.
 *
 * Wiring (article-page.tsx): `const panel = await mountPanel(ctx, { model, mentionCounts, notesSlot })`
 * once the article is analysed and `model.show` is true; `panel.remove()` when the reader hides it. The panel brings its own CSS through the `css`
 * option, so it works with any `cssInjectionMode`; with `cssInjectionMode: 'ui'` the entry's
 * stylesheet is loaded into this shadow root as well (and no longer into the page).
 */
import type { ComponentChildren } from 'preact';
import { render } from 'preact';
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { createShadowRootUi, type ContentScriptContext } from '#imports';
import notesCss from '@/components/notes/notes.css?inline';
import panelCss from '@/components/panel/panel.css?inline';
import type { PathwayFocusRequest } from '@/components/panel/PathwaySection';
import { SummaryPanel } from '@/components/panel/SummaryPanel';
import type { PanelModel } from '@/utils/panel/model';
import {
  loadPanelPrefs,
  savePanelPrefs,
  watchPanelPrefs,
  type PanelPrefs,
} from '@/utils/settings/panel-prefs';
import { PANEL_HOST } from '@/utils/page/markup';
import { createMentionCycler } from './next-mention';

export { PANEL_HOST };

/** What the content script passes in (and again on every update). */
export interface PanelProps {
  model: PanelModel;
  /** Marks per drug id on the page (the article analysis); defaults to the classifier's counts. */
  mentionCounts?: Record<string, number>;
  /** The notes feature's editor for this article. */
  notesSlot?: ComponentChildren;
  /** The latest "Show in the pathway view" from a mark card (a new `seq` for every click). */
  pathwayFocus?: PathwayFocusRequest;
  /** Shown on the reader's request: the panel takes keyboard focus when it appears. */
  takeFocus?: boolean;
}

export interface MountedPanel {
  update: (props: PanelProps) => void;
  remove: () => void;
  /** False once the host left the document (the page may remove it). */
  isAttached: () => boolean;
}

type AppProps = PanelProps & { initialPrefs: PanelPrefs; doc: Document };

/** The panel's drawing steps: 0 header and cards, 1 with the note, 2 with the pathway view. */
const LAST_STEP = 2;

function PanelApp({
  model,
  mentionCounts,
  notesSlot,
  pathwayFocus,
  takeFocus,
  initialPrefs,
  doc,
}: AppProps) {
  const [prefs, setPrefs] = useState(initialPrefs);
  // Held until the pathway view carried it out, so collapsing and opening again does not repeat it.
  const [focus, setFocus] = useState<PathwayFocusRequest | null>(null);
  const [announcement, setAnnouncement] = useState('');
  // Drawn in three steps, so no render of the panel is one long task on PubMed's main thread: the
  // header and the drug cards, then the note, then the pathway view, each after the previous step
  // was painted (Preact runs effects after paint, in a task of their own). On a 2-core machine
  // under load the note and the pathway view together took 100-140 ms in one task.
  const [step, setStep] = useState(0);
  useEffect(() => {
    if (step < LAST_STEP) setStep(step + 1);
  }, [step]);
  const cycler = useMemo(() => createMentionCycler(doc), [doc]);

  useEffect(() => {
    // Another PubMed tab may collapse or move its panel: follow it.
    const unwatch = watchPanelPrefs(setPrefs);
    return () => {
      unwatch();
      cycler.stop();
    };
  }, [cycler]);

  const change = (next: Partial<PanelPrefs>) => {
    setPrefs((old) => ({ ...old, ...next }));
    savePanelPrefs(next).catch((error: unknown) =>
      console.warn('[JAK Lens] could not save panel layout', error),
    );
  };

  useEffect(() => {
    if (!pathwayFocus) return;
    setFocus(pathwayFocus);
    if (prefs.collapsed) change({ collapsed: false });
  }, [pathwayFocus?.seq]);

  // One function for the panel's life (it reads the latest through a ref), so the drug cards, which
  // receive it, are not drawn again by each step.
  const nextMention = (drugId: string) => {
    const step = cycler.next(drugId);
    const name = model.cards.find((c) => c.drugId === drugId)?.name ?? drugId;
    setAnnouncement(
      step
        ? `Mention ${step.position} of ${step.total} of ${name}`
        : `No highlighted mention of ${name} on this page`,
    );
  };
  const latestNextMention = useRef(nextMention);
  latestNextMention.current = nextMention;
  const onNextMention = useCallback((drugId: string) => latestNextMention.current(drugId), []);

  return (
    <SummaryPanel
      model={model}
      collapsed={prefs.collapsed}
      side={prefs.side}
      onToggle={() => change({ collapsed: !prefs.collapsed })}
      onMoveSide={() => change({ side: prefs.side === 'right' ? 'left' : 'right' })}
      onNextMention={onNextMention}
      announcement={announcement}
      partial={step < 1}
      pathwaysPending={step < 2}
      pathwayFocus={focus}
      onPathwayFocusDone={() => setFocus(null)}
      takeFocus={takeFocus === true}
      {...(mentionCounts ? { mentionCounts } : {})}
      {...(notesSlot !== undefined ? { notesSlot } : {})}
    />
  );
}

let current: Promise<MountedPanel> | null = null;

/**
 * Mounts the panel, or updates it when it is already mounted (one instance per page). The
 * returned `remove` unmounts Preact and removes the host; invalidation of `ctx` does the same.
 */
export function mountPanel(
  ctx: ContentScriptContext,
  props: PanelProps,
  /** The layout read ahead (preloadPanelPrefs in panel-prefs.ts), so mounting does not wait for it. */
  prefs?: Promise<PanelPrefs>,
): Promise<MountedPanel> {
  if (current) {
    return current.then((panel) => {
      panel.update(props);
      return panel;
    });
  }
  current = createPanel(ctx, props, prefs).catch((error: unknown) => {
    current = null;
    throw error;
  });
  return current;
}

async function createPanel(
  ctx: ContentScriptContext,
  props: PanelProps,
  prefs?: Promise<PanelPrefs>,
): Promise<MountedPanel> {
  // A host left by an earlier copy of this script (extension reloaded or updated) would show twice.
  for (const stale of document.querySelectorAll(PANEL_HOST)) stale.remove();
  const initialPrefs = await (prefs ?? loadPanelPrefs());
  let latest = props;
  let container: HTMLElement | null = null;
  const draw = () => {
    if (container)
      render(<PanelApp {...latest} initialPrefs={initialPrefs} doc={document} />, container);
  };

  const ui = await createShadowRootUi(ctx, {
    name: PANEL_HOST,
    // The panel positions itself (fixed, docked or bottom sheet); the host only carries it.
    position: 'inline',
    anchor: 'body',
    append: 'last',
    css: `${panelCss}\n${notesCss}`,
    // Closed: the page's scripts get null from the host's shadowRoot, so they cannot read the reader's
    // highlights and comments shown here nor reach the buttons that change them. Only this script
    // holds the root (WXT hands it to onMount).
    mode: 'closed',
    // Keystrokes typed in the panel (highlight comments) must not reach PubMed's shortcuts. The note
    // itself is typed in an extension frame (note-frame.tsx), which the page cannot see at all.
    isolateEvents: true,
    onMount: (uiContainer) => {
      container = uiContainer;
      draw();
    },
    onRemove: () => {
      if (container) render(null, container);
      container = null;
      current = null;
    },
  });
  ui.mount();
  return {
    update: (next) => {
      latest = next;
      draw();
    },
    remove: () => ui.remove(),
    isAttached: () => ui.shadowHost.isConnected,
  };
}
