import { describe, expect, it } from 'vitest';
import { isTrustedSender } from '@/utils/messaging/sender';

const ID = 'abcdefghijklmnopabcdefghijklmnop';
const ORIGIN = `chrome-extension://${ID}/`;

describe('isTrustedSender', () => {
  it.each([
    ['our library page', { id: ID, url: `${ORIGIN}dashboard.html` }, true],
    [
      'our note frame, embedded in a PubMed tab',
      {
        id: ID,
        url: `${ORIGIN}note-frame.html#key=pmid%3A1`,
        tab: { id: 3, url: 'https://pubmed.ncbi.nlm.nih.gov/1/' },
      },
      true,
    ],
    [
      'our content script on PubMed',
      {
        id: ID,
        url: 'https://pubmed.ncbi.nlm.nih.gov/1/',
        tab: { id: 3, url: 'https://pubmed.ncbi.nlm.nih.gov/1/' },
      },
      true,
    ],
    [
      'our content script on PMC',
      { id: ID, tab: { id: 3, url: 'https://pmc.ncbi.nlm.nih.gov/articles/PMC1/' } },
      true,
    ],
    ['another extension', { id: 'other', url: 'chrome-extension://other/page.html' }, false],
    [
      'no id (a web page through externally_connectable)',
      { url: 'https://pubmed.ncbi.nlm.nih.gov/' },
      false,
    ],
    [
      'our id but a tab on another site',
      { id: ID, tab: { id: 3, url: 'https://evil.example/' } },
      false,
    ],
    [
      'our id but plain http PubMed',
      { id: ID, tab: { id: 3, url: 'http://pubmed.ncbi.nlm.nih.gov/1/' } },
      false,
    ],
  ])('%s → %s', (_name, sender, expected) => {
    expect(isTrustedSender(sender, ID, ORIGIN)).toBe(expected);
  });
});
