import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  launchWithExtension,
  removeProfile,
  type ExtensionContext,
} from '../support/chromium-extension';
import { routePages } from '../support/routes';
import { buildRoutes, SEED_URL } from './pages';
import { chromiumUi } from './support/chromium-ui';
import { requireBuild, tabIdFor, waitFor } from './support/extension';

/**
 * axe-core (WCAG 2.0/2.1 A and AA rules) on every surface JAK Lens draws, light and dark: the panel in
 * its shadow root, the note frame, the mark card, the popup, the library and its settings. No serious
 * or critical violation may remain. The panel and the mark card are in closed shadow roots, which axe
 * cannot open from the page: it is loaded into the driver's own world and run on the root's content
 * there (support/chromium-ui.ts, over the DevTools protocol). Each check also asserts axe examined
 * nodes inside the surface, so a surface it cannot see (a frame it was not run in) fails instead of
 * passing with nothing checked.
 */

const AXE_SOURCE = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);
const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

interface AxeSummary {
  violations: { id: string; impact: string | null; help: string; targets: string[] }[];
  /** Nodes axe checked and found fine, inside the surface. */
  passedNodes: number;
}

/** Runs axe in `where` (a page or an extension frame; evaluated over the protocol, so no CSP applies). */
async function runAxe(where: Page | Frame, include: string[] | null): Promise<AxeSummary> {
  await where.evaluate(AXE_SOURCE);
  return where.evaluate(
    async ({ include, tags }) => {
      const axe = (globalThis as unknown as { axe: typeof import('axe-core') }).axe;
      const context = include ? { include: include.map((s) => [s]) } : document;
      const result = await axe.run(context as never, {
        runOnly: { type: 'tag', values: tags },
        resultTypes: ['violations', 'passes'],
      });
      return {
        violations: result.violations.map((v) => ({
          id: v.id,
          impact: v.impact ?? null,
          help: v.help,
          targets: v.nodes.map((n) => JSON.stringify(n.target)),
        })),
        passedNodes: result.passes.reduce((sum, rule) => sum + rule.nodes.length, 0),
      };
    },
    { include, tags: WCAG },
  );
}

/**
 * axe on the content of `host`'s closed shadow root, in the driver's isolated world: axe.setup() on the
 * root's top element builds axe's tree from there (from the document it would stop at the host), and
 * runPartial + finishRun check it.
 */
async function runAxeInRoot(page: Page, host: string): Promise<AxeSummary> {
  const [summary] = await chromiumUi(page).inRoots(
    host,
    async (root, tags) => {
      const axe = (globalThis as unknown as { axe: typeof import('axe-core') }).axe;
      const top = [...root.children].find((el) => el.tagName !== 'STYLE');
      if (!top) throw new Error('empty shadow root');
      // axe.run would rebuild its tree from the document; runPartial uses the one setup() built.
      axe.setup(top);
      const options = {
        runOnly: { type: 'tag' as const, values: tags },
        resultTypes: ['violations' as const, 'passes' as const],
      };
      const partial = await axe.runPartial(top, options);
      // The note frame is checked on its own (below): null stands for each frame not run here.
      const result = await axe.finishRun([partial, ...partial.frames.map(() => null)], options);
      return {
        violations: result.violations.map((v) => ({
          id: v.id,
          impact: v.impact ?? null,
          help: v.help,
          targets: v.nodes.map((n) => JSON.stringify(n.target)),
        })),
        passedNodes: result.passes.reduce((sum, rule) => sum + rule.nodes.length, 0),
      };
    },
    WCAG,
    AXE_SOURCE,
  );
  if (!summary) throw new Error(`No ${host} in the page`);
  return summary;
}

const THEMES = ['light', 'dark'] as const;
type Theme = (typeof THEMES)[number];

describe('accessibility (axe-core, WCAG 2.1 A/AA) in real Chromium', () => {
  let ext: ExtensionContext;
  const found: Record<string, AxeSummary> = {};

  beforeAll(async () => {
    ext = await launchWithExtension(requireBuild());
    await routePages(ext.context, buildRoutes());
  });
  afterAll(async () => {
    // The per-surface table for the report: every violation, whatever its impact.
    for (const [surface, summary] of Object.entries(found)) {
      const byImpact = summary.violations.map((v) => `${v.id} (${v.impact})`).join(', ') || 'none';
      console.info(`axe ${surface}: ${summary.passedNodes} nodes passed; violations: ${byImpact}`);
    }
    await ext?.close();
    if (ext) removeProfile(ext.userDataDir);
  });

  async function seedPage(theme: Theme): Promise<Page> {
    const page = await ext.context.newPage();
    await page.emulateMedia({ colorScheme: theme });
    await page.goto(SEED_URL);
    await chromiumUi(page).waitFor('jak-lens-panel', '.jl-card', 20_000);
    return page;
  }

  async function extensionPage(path: string, theme: Theme): Promise<Page> {
    const page = await ext.context.newPage();
    await page.emulateMedia({ colorScheme: theme });
    await page.goto(`chrome-extension://${ext.extensionId}/${path}`);
    return page;
  }

  function check(surface: string, theme: Theme, summary: AxeSummary, minPassed: number) {
    found[`${surface} (${theme})`] = summary;
    expect(summary.passedNodes, `axe checked nothing in the ${surface}`).toBeGreaterThanOrEqual(
      minPassed,
    );
    const severe = summary.violations.filter(
      (v) => v.impact === 'serious' || v.impact === 'critical',
    );
    expect(severe, `${surface} (${theme})`).toEqual([]);
  }

  it.each(THEMES)('the panel, in its shadow root (%s)', async (theme) => {
    const page = await seedPage(theme);
    check('panel', theme, await runAxeInRoot(page, 'jak-lens-panel'), 20);
    // The panel is a landmark with a name, so screen-reader users can jump to it.
    const [landmark] = await chromiumUi(page).inRoots('jak-lens-panel', (root) => {
      const region = root.querySelector('[role="complementary"], aside, [role="region"], section');
      return region
        ? { label: region.getAttribute('aria-label') ?? region.getAttribute('aria-labelledby') }
        : null;
    });
    expect(landmark?.label).toBeTruthy();
    await page.close();
  });

  it.each(THEMES)('the note frame (%s)', async (theme) => {
    const page = await seedPage(theme);
    const frame = await waitFor(async () =>
      page.frames().find((f) => f.url().includes('/note-frame.html')),
    );
    await frame.locator('textarea').first().waitFor({ timeout: 20_000 });
    check('note frame', theme, await runAxe(frame, null), 10);
    await page.close();
  });

  it.each(THEMES)('the mark card (%s)', async (theme) => {
    const page = await seedPage(theme);
    // Reached by the keyboard: Tab from the page's start lands on marks (they are focusable).
    const mark = page.locator('jl-mark[data-jl-term="drug:baricitinib"]').first();
    await mark.focus();
    await chromiumUi(page).waitFor('jl-mark-card', '.jl-mc', 10_000);
    check('mark card', theme, await runAxeInRoot(page, 'jl-mark-card'), 5);
    await page.close();
  });

  it.each(THEMES)('the popup on an article (%s)', async (theme) => {
    const seed = await seedPage(theme);
    const tabId = await waitFor(() => tabIdFor(ext.worker, SEED_URL));
    const popup = await extensionPage(`popup.html?tab=${tabId}`, theme);
    await popup.locator('.article .title').waitFor({ timeout: 15_000 });
    check('popup', theme, await runAxe(popup, null), 10);
    await popup.close();
    await seed.close();
  });

  it.each(THEMES)('the library, with an annotated article (%s)', async (theme) => {
    const seed = await seedPage(theme);
    const note = await chromiumUi(seed).frame('jak-lens-panel', 'iframe.jl-note-frame');
    await note.locator('textarea').first().click();
    await note.locator('textarea').first().pressSequentially(`Axe check ${theme}.`);
    await waitFor(
      async () => (await note.locator('.jak-save-state').first().textContent()) === 'Saved',
    );
    await seed.close();
    const library = await extensionPage('dashboard.html', theme);
    await library.locator('.library-row').first().waitFor({ timeout: 15_000 });
    check('library', theme, await runAxe(library, null), 20);
    await library.close();
  });

  it.each(THEMES)('the settings (%s)', async (theme) => {
    const library = await extensionPage('dashboard.html', theme);
    await library.getByRole('button', { name: 'Settings' }).click();
    await library.getByRole('checkbox', { name: 'PubMed', exact: true }).waitFor();
    check('settings', theme, await runAxe(library, null), 20);
    await library.close();
  });
});
