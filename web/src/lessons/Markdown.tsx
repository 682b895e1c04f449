import { useMemo, type ReactNode } from "react";
import { followLink } from "../routing/route.js";
import { CodeBlock } from "./CodeBlock.js";
import { parseMarkdown, type Block, type Inline } from "./markdown.js";

/** Lesson prose as React elements; headings start below `baseLevel` so they nest under the lesson title. */
export function Markdown({ source, baseLevel = 2 }: { source: string; baseLevel?: number }) {
  const blocks = useMemo(() => parseMarkdown(source), [source]);
  return (
    <div className="markdown">
      {blocks.map((b, i) => (
        <BlockView key={i} block={b} baseLevel={baseLevel} />
      ))}
    </div>
  );
}

function BlockView({ block, baseLevel }: { block: Block; baseLevel: number }): ReactNode {
  switch (block.type) {
    case "heading": {
      const level = Math.min(6, baseLevel + block.level - 1);
      const Tag = `h${level}` as "h2";
      return <Tag>{inlines(block.children)}</Tag>;
    }
    case "paragraph":
      return <p>{inlines(block.children)}</p>;
    case "code":
      return <CodeBlock lang={block.lang} text={block.text} />;
    case "list": {
      const items = block.items.map((item, i) => <li key={i}>{inlines(item)}</li>);
      return block.ordered ? <ol>{items}</ol> : <ul>{items}</ul>;
    }
    case "table":
      return (
        <div className="table-scroll">
          <table>
            <thead>
              <tr>
                {block.head.map((cell, i) => (
                  <th key={i} scope="col">
                    {inlines(cell)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {block.rows.map((row, r) => (
                <tr key={r}>
                  {row.map((cell, i) => (
                    <td key={i}>{inlines(cell)}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      );
    case "quote":
      return (
        <blockquote>
          {block.children.map((b, i) => (
            <BlockView key={i} block={b} baseLevel={baseLevel} />
          ))}
        </blockquote>
      );
    case "rule":
      return <hr />;
  }
}

function inlines(nodes: Inline[]): ReactNode[] {
  return nodes.map((node, i) => {
    switch (node.type) {
      case "text":
        return node.text;
      case "code":
        return <code key={i}>{node.text}</code>;
      case "strong":
        return <strong key={i}>{inlines(node.children)}</strong>;
      case "em":
        return <em key={i}>{inlines(node.children)}</em>;
      case "link":
        return node.href.startsWith("/") && !node.href.startsWith("//") ? (
          <a key={i} href={node.href} onClick={(ev) => followLink(ev, node.href)}>
            {inlines(node.children)}
          </a>
        ) : (
          <a key={i} href={node.href} target="_blank" rel="noopener noreferrer">
            {inlines(node.children)}
          </a>
        );
    }
  });
}
