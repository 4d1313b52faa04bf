import { Fragment, type ComponentChildren } from 'preact';
import { parseMarkdown, type Inline } from '@/utils/markdown';

type Props = {
  source: string;
};

/**
 * Renders a note's light Markdown by building Preact elements from parsed tokens (utils/markdown.ts).
 * Note text only ever becomes text nodes, so "<img onerror=…>" in a note shows as those characters.
 */
export function MarkdownPreview({ source }: Props) {
  const blocks = parseMarkdown(source);
  if (blocks.length === 0) return <p class="jak-md-empty">Nothing written yet.</p>;
  return (
    <div class="jak-md">
      {blocks.map((block, i) => {
        if (block.type === 'paragraph') {
          return (
            <p key={i}>
              {block.lines.map((line, j) => (
                <Fragment key={j}>
                  {j > 0 && <br />}
                  {renderInline(line)}
                </Fragment>
              ))}
            </p>
          );
        }
        const items = block.items.map((item, j) => <li key={j}>{renderInline(item)}</li>);
        return block.ordered ? <ol key={i}>{items}</ol> : <ul key={i}>{items}</ul>;
      })}
    </div>
  );
}

function renderInline(tokens: Inline[]): ComponentChildren {
  return tokens.map((token, i) => {
    switch (token.type) {
      case 'text':
        return token.text;
      case 'code':
        return <code key={i}>{token.text}</code>;
      case 'strong':
        return <strong key={i}>{renderInline(token.children)}</strong>;
      case 'em':
        return <em key={i}>{renderInline(token.children)}</em>;
      case 'link':
        return (
          <a key={i} href={token.href} target="_blank" rel="noopener noreferrer">
            {renderInline(token.children)}
          </a>
        );
    }
  });
}
