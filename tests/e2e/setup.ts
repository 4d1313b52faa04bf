import { Window } from 'happy-dom';

// Derived pages are built with DOM APIs (tests/support/derive-pubmed-page.ts); the e2e suites run in
// Node, so they borrow happy-dom's DOMParser for that (the browsers under test are the real ones).
const window = new Window();
globalThis.DOMParser = window.DOMParser as unknown as typeof DOMParser;
