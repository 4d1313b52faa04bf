import { describe, expect, it } from 'vitest';
import { beyondJourneys } from './journeys/beyond';
import { noteSecrecyJourneys } from './journeys/note-secrecy';
import { readerJourneys } from './journeys/reader';
import { EFETCH_PREFIX, JDM_RECORD_PMID } from './pages';
import { firefoxForSuite } from './support/firefox-suite';

describe('reader journeys in Firefox', () => {
  const browser = firefoxForSuite();
  readerJourneys(browser);
  beyondJourneys(browser, false);

  it("cannot reach the network: the add-on's own request to E-utilities fails (dead proxy)", async () => {
    // BiDi intercepts page requests only, so the badge upgrade from a fetched record (routed in
    // Chromium) cannot be answered here: it runs in Chromium only, and this proves Firefox's requests
    // go nowhere instead of to NCBI.
    console.info(
      "Firefox: the E-utilities badge upgrade journey runs in Chromium only (BiDi cannot answer the add-on background's requests).",
    );
    const outcome = await browser().inBackground(
      `fetch(${JSON.stringify(`${EFETCH_PREFIX}?db=pubmed&id=${JDM_RECORD_PMID}`)}).then(
        (response) => 'answered ' + response.status,
        (error) => 'failed: ' + error.name,
      )`,
    );
    expect(outcome).toBe('failed: TypeError');
  });
  noteSecrecyJourneys(browser);
});
