/**
 * Page-level CSS for what JAK Lens adds to PubMed's search results. These elements live in the page's
 * light DOM (beside PubMed's own markup, not in a shadow root), so every rule is scoped to our
 * `data-jl-*` attributes and `jl-` classes and never restyles PubMed.
 */
import { HIDDEN_ATTR, UI_ATTR } from '@/utils/page/markup';

export const SEARCH_RESULTS_CSS = `
[${HIDDEN_ATTR}] { display: none !important; }
[${UI_ATTR}] { font: 13px/1.4 system-ui, sans-serif; }
[${UI_ATTR}="badge"] { display: block; margin: 2px 0 4px; }
.jl-badge-row { display: inline-flex; flex-wrap: wrap; gap: 4px; align-items: center; }
.jl-verdict { border-radius: 3px; padding: 0 6px; font-weight: 600; border: 1px solid transparent; }
.jl-verdict--core { background: #1b5e20; color: #fff; }
.jl-verdict--disease { background: #e3f2fd; color: #0d47a1; border-color: #90caf9; }
.jl-verdict--jak { background: #fff3e0; color: #8a4b00; border-color: #ffcc80; }
.jl-verdict--none { background: #f2f2f2; color: #555; }
.jl-verdict[data-basis="visible"] { border-style: dashed; }
.jl-chips { display: inline-flex; gap: 4px; margin: 0; padding: 0; list-style: none; }
.jl-chip { border: 1px solid #b0bec5; border-radius: 10px; padding: 0 6px; color: #37474f; }
.jl-has-notes { color: #6a1b9a; font-weight: 700; }
.jl-sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
[${UI_ATTR}="strip"] { margin: 8px 0; padding: 6px 10px; border: 1px solid #c8e6c9; background: #f1f8e9; border-radius: 4px; }
.jl-strip { display: flex; gap: 12px; align-items: center; flex-wrap: wrap; }
.jl-strip-filter[aria-pressed="true"] { font-weight: 700; }
.jl-strip-watch-said { font-size: 90%; }
`;
