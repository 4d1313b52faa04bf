import type { ComponentChildren } from 'preact';
import { useEffect, useMemo, useRef } from 'preact/hooks';
import type { PanelModel } from '@/utils/panel/model';
import { onlyTrusted } from '@/utils/page/trusted';
import { DrugCard } from './DrugCard';
import { PathwaySection, type PathwayFocusRequest } from './PathwaySection';

/** Which edge of the window the docked panel sits on. */
export type PanelSide = 'right' | 'left';

type Props = {
  model: PanelModel;
  collapsed: boolean;
  onToggle: () => void;
  onNextMention: (drugId: string) => void;
  /** Highlights per drug id on the page; falls back to the classifier's count. */
  mentionCounts?: Readonly<Record<string, number>>;
  side?: PanelSide;
  /** Shown as a "move to the other side" button when given. */
  onMoveSide?: () => void;
  /** The reader's note on this article (filled by the notes feature). */
  notesSlot?: ComponentChildren;
  /** Polite status text, e.g. "Mention 2 of 4 of baricitinib". */
  announcement?: string;
  /** First paint only: the header and the drug cards, without the note and the pathway view. */
  partial?: boolean;
  /** Second paint: the note is in, the pathway view not yet. */
  pathwaysPending?: boolean;
  /** A mark card asked to show part of the pathway view (see PathwaySection). */
  pathwayFocus?: PathwayFocusRequest | null;
  onPathwayFocusDone?: () => void;
  /** The reader asked for the panel (keyboard command, popup): it takes keyboard focus when it appears. */
  takeFocus?: boolean;
};

/**
 * The drug-target summary panel: verdict and why, the reader's note, a card per inhibitor and the
 * pathway view. Collapses to a small tab. Presentational: state and page actions come in as props.
 */
export function SummaryPanel(props: Props) {
  const { model, collapsed, side = 'right' } = props;
  // Collapsing and moving are remembered in the reader's settings: the reader's own input only.
  const onToggle = onlyTrusted(props.onToggle);
  const toggle = useRef<HTMLButtonElement>(null);
  const aside = useRef<HTMLElement>(null);
  const first = useRef(true);
  // The same element while its inputs are the same: Preact then skips the cards when a later
  // step of the panel's drawing adds the note or the pathway view, instead of diffing them again.
  const cards = useMemo(
    () =>
      model.cards.length > 0 && (
        <section aria-labelledby="jl-drugs-h">
          <h3 id="jl-drugs-h">Inhibitors in this article</h3>
          {model.cards.map((card) => (
            <DrugCard
              key={card.drugId}
              card={card}
              mentions={props.mentionCounts?.[card.drugId] ?? card.mentions}
              onNextMention={props.onNextMention}
            />
          ))}
        </section>
      ),
    [model, props.mentionCounts, props.onNextMention],
  );
  useEffect(() => {
    // Shown on the reader's request: focus goes to the panel (its landmark, or the collapsed tab), so
    // the next Tab is on its first control rather than after every link of the page.
    if (props.takeFocus) (collapsed ? toggle.current : aside.current)?.focus();
  }, []);
  useEffect(() => {
    // The toggle button is replaced when the panel opens or closes; keep keyboard focus on it.
    if (first.current) first.current = false;
    else toggle.current?.focus();
  }, [collapsed]);
  if (collapsed) {
    return (
      <aside class="jl-panel jl-collapsed" data-side={side} aria-label="JAK Lens">
        <button ref={toggle} type="button" class="jl-tab" aria-expanded="false" onClick={onToggle}>
          JAK Lens <span class="jl-sr">summary, open</span>
        </button>
      </aside>
    );
  }
  const other = side === 'right' ? 'left' : 'right';
  return (
    <aside ref={aside} class="jl-panel" data-side={side} aria-labelledby="jl-title" tabIndex={-1}>
      <header class="jl-header">
        <div class="jl-header-row">
          <h2 id="jl-title">JAK Lens</h2>
          {props.onMoveSide && (
            <button type="button" class="jl-icon" onClick={onlyTrusted(props.onMoveSide)}>
              Move {other}
            </button>
          )}
          <button
            ref={toggle}
            type="button"
            class="jl-icon"
            aria-expanded="true"
            aria-controls="jl-body"
            onClick={onToggle}
          >
            Collapse
          </button>
        </div>
        <p class="jl-relevance" data-relevance={model.relevance}>
          {model.relevanceLabel}
          {model.subtype && (
            <span class="jl-subtype" data-subtype={model.subtype}>
              {' '}
              · {model.subtype}
            </span>
          )}
        </p>
        <p class="jl-verdict">{model.verdictLine}</p>
      </header>
      {/* tabIndex -1: Firefox makes a scrolling box a Tab stop of its own, so keyboard readers met
          an extra stop on the whole body between "Collapse" and the first card's first control (seen
          in tests/e2e/firefox-keyboard.e2e.ts). Every part of the body holds controls, and arrow keys
          on any of them scroll it; Chromium skips such scrollers for the same reason. */}
      <div id="jl-body" class="jl-body" tabIndex={-1}>
        {cards}
        {!props.partial && props.notesSlot !== undefined && (
          <section class="jl-notes" aria-labelledby="jl-notes-h">
            <h3 id="jl-notes-h">Your note</h3>
            {props.notesSlot}
          </section>
        )}
        {!props.partial && !props.pathwaysPending && (
          <PathwaySection
            pathways={model.pathways}
            focus={props.pathwayFocus ?? null}
            {...(props.onPathwayFocusDone ? { onFocusDone: props.onPathwayFocusDone } : {})}
          />
        )}
        <p class="jl-caution">{model.caution}</p>
        <p class="jl-checked">Reference checked {model.checked}</p>
      </div>
      <p class="jl-sr" role="status" aria-live="polite">
        {props.announcement ?? ''}
      </p>
    </aside>
  );
}
