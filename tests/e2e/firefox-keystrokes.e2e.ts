import { describe } from 'vitest';
import { keystrokeJourneys } from './journeys/keystrokes';
import { firefoxForSuite } from './support/firefox-suite';

describe('every keystroke survives, in Firefox (issue 14)', () => {
  const browser = firefoxForSuite();
  keystrokeJourneys(browser);
  console.info(
    'Firefox: the renderer-crash cases run in Chromium only (CDP Page.crash; WebDriver BiDi has no command that crashes a content process).',
  );
});
