import { readFixture } from './fixtures';

/** The PMIDs of the real efetch records in tests/fixtures/eutils-xml/. */
export const FIXTURE_PMIDS = ['33474827', '38747095', '38763967', '38909159', '39382274'];

/** The body of one efetch reply: the real fixture records of the requested ids, in one set. */
export function efetchReply(ids: readonly string[]): string {
  const records = ids
    .filter((id) => FIXTURE_PMIDS.includes(id))
    .map((id) => {
      const xml = readFixture(`eutils-xml/PMID-${id}.xml`);
      return /<PubmedArticle>[\s\S]*<\/PubmedArticle>/.exec(xml)![0];
    });
  return `<?xml version="1.0" ?>\n<PubmedArticleSet>\n${records.join('\n')}\n</PubmedArticleSet>`;
}

export interface EsearchReplyInput {
  ids: readonly string[];
  /** All matches (defaults to ids.length; larger when the reply is cut at retmax). */
  count?: number;
  queryTranslation?: string;
  /** ErrorList children, e.g. [["PhraseNotFound", "xyzzy"]]. */
  errorList?: [string, string][];
  /** WarningList children, e.g. [["OutputMessage", "No items found."]]. */
  warningList?: [string, string][];
  /** A bare <ERROR>, as NCBI sends for a query it cannot parse at all. */
  error?: string;
}

const escapeXml = (s: string) =>
  s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

/**
 * An esearch reply in NCBI's documented eSearchResult format (DTD eSearch_020511, "esearch
 * 20060628": Count, RetMax, RetStart, IdList/Id, TranslationSet, QueryTranslation, then ErrorList /
 * WarningList), carrying the given real PMIDs. Derived by code; the PMIDs are the fixtures' own.
 */
export function esearchReply(input: EsearchReplyInput): string {
  const head =
    '<?xml version="1.0" encoding="UTF-8" ?>\n' +
    '<!DOCTYPE eSearchResult PUBLIC "-//NLM//DTD esearch 20060628//EN" ' +
    '"https://eutils.ncbi.nlm.nih.gov/eutils/dtd/20060628/esearch.dtd">\n';
  if (input.error) {
    return `${head}<eSearchResult><ERROR>${escapeXml(input.error)}</ERROR></eSearchResult>\n`;
  }
  const list = (tag: string, items: [string, string][] | undefined) =>
    items?.length
      ? `<${tag}>${items.map(([k, t]) => `<${k}>${escapeXml(t)}</${k}>`).join('')}</${tag}>`
      : '';
  return (
    `${head}<eSearchResult><Count>${input.count ?? input.ids.length}</Count>` +
    `<RetMax>${input.ids.length}</RetMax><RetStart>0</RetStart><IdList>\n` +
    input.ids.map((id) => `<Id>${id}</Id>\n`).join('') +
    `</IdList><TranslationSet/><QueryTranslation>${escapeXml(input.queryTranslation ?? '')}` +
    `</QueryTranslation>${list('ErrorList', input.errorList)}` +
    `${list('WarningList', input.warningList)}</eSearchResult>\n`
  );
}
