/**
 * A deliberately small Markdown subset for notes: paragraphs (single newlines kept as line breaks),
 * "-"/"*" and "1." lists, **bold**, *italic* / _italic_, `code`, and [links](https://…) to http(s)
 * only. It parses into tokens; components/notes/MarkdownPreview.tsx builds Preact elements from them, so
 * note text is never interpreted as HTML. Pure: strings in, tokens out.
 */

import { httpUrl } from './page/sites';

export type Inline =
  | { type: 'text'; text: string }
  | { type: 'code'; text: string }
  | { type: 'strong'; children: Inline[] }
  | { type: 'em'; children: Inline[] }
  | { type: 'link'; href: string; children: Inline[] };

export type Block =
  { type: 'paragraph'; lines: Inline[][] } | { type: 'list'; ordered: boolean; items: Inline[][] };

const BULLET = /^\s*[-*+]\s+(.*)$/;
const NUMBERED = /^\s*\d{1,9}[.)]\s+(.*)$/;

/** Splits a note into paragraphs and lists; blank lines separate blocks. */
export function parseMarkdown(source: string): Block[] {
  const blocks: Block[] = [];
  for (const chunk of source.replace(/\r\n?/g, '\n').split(/\n\s*\n/)) {
    const lines = chunk.split('\n').filter((line) => line.trim() !== '');
    if (lines.length === 0) continue;
    let paragraph: string[] = [];
    let list: { ordered: boolean; items: string[] } | undefined;
    const flush = () => {
      if (paragraph.length > 0)
        blocks.push({ type: 'paragraph', lines: paragraph.map((l) => parseInline(l.trim())) });
      if (list)
        blocks.push({ type: 'list', ordered: list.ordered, items: list.items.map(parseInline) });
      paragraph = [];
      list = undefined;
    };
    for (const line of lines) {
      const bullet = BULLET.exec(line);
      const numbered = bullet ? null : NUMBERED.exec(line);
      const item = bullet?.[1] ?? numbered?.[1];
      if (item === undefined) {
        if (list) flush();
        paragraph.push(line);
        continue;
      }
      const ordered = numbered !== null;
      if (paragraph.length > 0 || (list && list.ordered !== ordered)) flush();
      list ??= { ordered, items: [] };
      list.items.push(item);
    }
    flush();
  }
  return blocks;
}

// One alternative per inline form; the earliest match in the text wins.
const INLINE =
  /`([^`\n]+)`|\*\*(.+?)\*\*|\*(?=\S)(.+?)\*|(?<![\p{L}\p{N}])_(?=\S)(.+?)_(?![\p{L}\p{N}])|\[([^\]\n]+)\]\(([^()\s]+)\)/u;

/** Parses the inline forms of one line. Anything unrecognised (or a non-http link) stays text. */
export function parseInline(text: string): Inline[] {
  const out: Inline[] = [];
  let rest = text;
  while (rest) {
    const match = INLINE.exec(rest);
    if (!match) break;
    if (match.index > 0) pushText(out, rest.slice(0, match.index));
    const [whole, code, strong, star, underscore, label, href] = match;
    if (code !== undefined) out.push({ type: 'code', text: code });
    else if (strong !== undefined) out.push({ type: 'strong', children: parseInline(strong) });
    else if (star !== undefined || underscore !== undefined)
      out.push({ type: 'em', children: parseInline(star ?? underscore ?? '') });
    else if (label !== undefined && href !== undefined && httpUrl(href) !== null)
      out.push({ type: 'link', href, children: parseInline(label) });
    else pushText(out, whole);
    rest = rest.slice(match.index + whole.length);
  }
  if (rest) pushText(out, rest);
  return out;
}

function pushText(out: Inline[], text: string): void {
  const last = out[out.length - 1];
  if (last?.type === 'text') last.text += text;
  else out.push({ type: 'text', text });
}
