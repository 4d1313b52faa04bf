// @vitest-environment happy-dom
import { waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import {
  mountPanel,
  PANEL_HOST,
  type MountedPanel,
} from '@/entrypoints/pubmed.content/panel/panel';
import { classifyArticle } from '@/utils/classify';
import { scannedTermIds } from '../../../../support/scanned-term-ids';
import { buildPanelModel } from '@/utils/panel/model';
import { panelPrefsItem } from '@/utils/settings/panel-prefs';
import { loadDevSet } from '../../../../eval/dev-set';
import { recordShadowRoots, trustedClick } from '../../../../support/trusted-events';

const seed = loadDevSet().find((r) => r.id === 'dev-seed')!;
const model = buildPanelModel(classifyArticle(seed.article), scannedTermIds(seed.article));

function hosts(): Element[] {
  return [...document.querySelectorAll(PANEL_HOST)];
}

// The panel's root is closed: read through the reference attachShadow returned, as the script does.
let recorded: ReturnType<typeof recordShadowRoots>;
beforeEach(() => {
  recorded = recordShadowRoots();
});
afterEach(() => recorded.restore());

function shadow(): HTMLElement {
  const root = recorded.rootOf(hosts()[0]);
  if (!root) throw new Error('no panel shadow root');
  return root as unknown as HTMLElement;
}

describe('mountPanel', () => {
  let ctx: ContentScriptContext;
  let panel: MountedPanel | undefined;
  beforeEach(() => {
    fakeBrowser.reset();
    document.body.replaceChildren();
    ctx = new ContentScriptContext('pubmed');
  });
  afterEach(() => {
    panel?.remove();
    panel = undefined;
  });

  it('mounts one shadow-root panel at the end of the body, and updates it in place', async () => {
    panel = await mountPanel(ctx, { model });
    expect(hosts()).toHaveLength(1);
    expect(within(shadow()).getByRole('heading', { name: 'JAK Lens' })).toBeTruthy();
    expect(within(shadow()).getAllByRole('article')).toHaveLength(3);

    const again = await mountPanel(ctx, { model: { ...model, cards: model.cards.slice(0, 1) } });
    expect(again).toBe(panel);
    expect(hosts()).toHaveLength(1);
    expect(within(shadow()).getAllByRole('article')).toHaveLength(1);
  });

  it('draws the cards first, then the note, then the pathway view, each in a later task', async () => {
    const notes = <textarea aria-label="Note on this article" />;
    panel = await mountPanel(ctx, { model, notesSlot: notes });
    // The first render: the cards are there, the rest is not yet.
    const cards = within(shadow()).getAllByRole('article');
    expect(cards).toHaveLength(3);
    expect(shadow().querySelector('.jl-pathways')).toBeNull();
    expect(within(shadow()).queryByRole('textbox', { name: 'Note on this article' })).toBeNull();
    // A task later, the note; the pathway view still to come.
    await within(shadow()).findByRole('textbox', { name: 'Note on this article' });
    expect(shadow().querySelector('.jl-pathways')).toBeNull();
    // Then the whole panel; the cards drawn first are the same elements (not drawn again).
    await waitFor(() => expect(shadow().querySelector('.jl-pathways')).not.toBeNull());
    expect(within(shadow()).getAllByRole('article')).toEqual(cards);
  });

  it('replaces a host left behind by an earlier copy of the script', async () => {
    document.body.append(document.createElement(PANEL_HOST));
    panel = await mountPanel(ctx, { model });
    expect(hosts()).toHaveLength(1);
    expect(recorded.rootOf(hosts()[0])).toBeTruthy();
  });

  it("closes its shadow root: the page's scripts get null from the host", async () => {
    panel = await mountPanel(ctx, { model });
    const host = hosts()[0]!;
    expect(host.shadowRoot).toBeNull();
    expect(recorded.rootOf(host)?.mode).toBe('closed');
    expect(within(shadow()).getByRole('heading', { name: 'JAK Lens' })).toBeTruthy();
  });

  it('opens collapsed when the reader left it collapsed, and remembers toggling', async () => {
    await panelPrefsItem.setValue({ collapsed: true, side: 'left' });
    panel = await mountPanel(ctx, { model });
    const tab = within(shadow()).getByRole('button', { name: /JAK Lens/ });
    expect(tab.getAttribute('aria-expanded')).toBe('false');
    // The reader's click: collapsing is remembered, so a page script's click would be ignored.
    trustedClick(tab);
    await waitFor(async () =>
      expect(await panelPrefsItem.getValue()).toEqual({ collapsed: false, side: 'left' }),
    );
    expect(within(shadow()).getByRole('button', { name: 'Collapse' })).toBeTruthy();
    expect(within(shadow()).getByRole('complementary').getAttribute('data-side')).toBe('left');
  });

  it("keeps keystrokes typed in the panel away from PubMed's shortcuts", async () => {
    const notes = <textarea aria-label="Note on this article" />;
    panel = await mountPanel(ctx, { model, notesSlot: notes });
    const pageKeys = vi.fn();
    document.addEventListener('keydown', pageKeys);
    const box = await within(shadow()).findByRole('textbox', { name: 'Note on this article' });
    box.dispatchEvent(new KeyboardEvent('keydown', { key: 'j', bubbles: true, composed: true }));
    document.removeEventListener('keydown', pageKeys);
    expect(pageKeys).not.toHaveBeenCalled();
  });

  it('is removed cleanly when the content script is invalidated', async () => {
    panel = await mountPanel(ctx, { model });
    ctx.notifyInvalidated();
    expect(hosts()).toHaveLength(0);
    // A new script instance can mount again.
    panel = await mountPanel(new ContentScriptContext('pubmed'), { model });
    expect(hosts()).toHaveLength(1);
  });

  it('remove() takes the host away', async () => {
    panel = await mountPanel(ctx, { model });
    panel.remove();
    expect(hosts()).toHaveLength(0);
  });
});
