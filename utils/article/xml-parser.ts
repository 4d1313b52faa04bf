import { DOMParser as XmlDomParser } from '@xmldom/xmldom';
import type { XmlParser } from './parse-pubmed-xml';

/**
 * An XML parser for contexts without DOMParser (Chrome's extension service worker), from
 * @xmldom/xmldom. Its Document type is not lib.dom's, but it has everything parsePubmedXml reads
 * (documentElement, children, nodeName, getAttribute, textContent, getElementsByTagName); the
 * eutils tests check that both parsers read the real records identically.
 */
export function createXmlParser(): XmlParser {
  // Malformed XML means a broken reply: stop quietly (parsePubmedXml turns the throw into []).
  // Without this handler xmldom logs every problem to the console.
  const parser = new XmlDomParser({
    onError: (level, message) => {
      if (level !== 'warning') throw new Error(`XML ${level}: ${message}`);
    },
  });
  return {
    parseFromString: (s, type) =>
      parser.parseFromString(s, type as 'text/xml') as unknown as Document,
  };
}
