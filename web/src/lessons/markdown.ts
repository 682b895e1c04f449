import { Lexer, type Token, type Tokens } from "marked";

/**
 * Lesson prose read with marked's lexer (CommonMark and GFM tables) into a small tree that React renders as
 * elements, so no HTML from a lesson ever reaches the page as markup: raw HTML stays visible text.
 */
export type Inline =
  | { type: "text"; text: string }
  | { type: "code"; text: string }
  | { type: "strong" | "em"; children: Inline[] }
  | { type: "link"; href: string; children: Inline[] };

export type Block =
  | { type: "heading"; level: number; children: Inline[] }
  | { type: "paragraph"; children: Inline[] }
  | { type: "code"; lang: string; text: string }
  | { type: "list"; ordered: boolean; items: Inline[][] }
  | { type: "table"; head: Inline[][]; rows: Inline[][][] }
  | { type: "quote"; children: Block[] }
  | { type: "rule" };

export function parseMarkdown(source: string): Block[] {
  return blocksOf(new Lexer({ gfm: true }).lex(source.replace(/\r\n?/g, "\n")));
}

export function parseInline(text: string): Inline[] {
  return merged(inlinesOf(new Lexer({ gfm: true }).inlineTokens(text)));
}

/** Only web links and links within the app; anything else (javascript:, data:) stays plain text. */
export function safeHref(href: string): string | null {
  return /^(https?:\/\/|mailto:|\/(?!\/)|#)/i.test(href.trim()) ? href.trim() : null;
}

function blocksOf(tokens: Token[]): Block[] {
  return tokens.flatMap((token): Block[] => {
    switch (token.type) {
      case "heading":
        return [{ type: "heading", level: token.depth, children: inline(token as Tokens.Heading) }];
      case "paragraph":
        return [{ type: "paragraph", children: inline(token as Tokens.Paragraph) }];
      case "code":
        return [{ type: "code", lang: token.lang ?? "", text: token.text }];
      case "hr":
        return [{ type: "rule" }];
      case "blockquote":
        return [{ type: "quote", children: blocksOf(token.tokens ?? []) }];
      case "list":
        return [{ type: "list", ordered: token.ordered, items: (token as Tokens.List).items.map(listItem) }];
      case "table": {
        const table = token as Tokens.Table;
        return [{ type: "table", head: table.header.map(cell), rows: table.rows.map((row) => row.map(cell)) }];
      }
      case "space":
        return [];
      case "html":
        return token.text.trim() ? [{ type: "paragraph", children: [{ type: "text", text: token.text.trim() }] }] : [];
      default:
        return "text" in token && typeof token.text === "string" && token.text.trim() ? [{ type: "paragraph", children: parseInline(token.text) }] : [];
    }
  });
}

function listItem(item: Tokens.ListItem): Inline[] {
  const parts = item.tokens.flatMap((t) => ("tokens" in t && t.tokens ? [merged(inlinesOf(t.tokens))] : "text" in t ? [parseInline(String(t.text))] : []));
  return merged(parts.flatMap((p, i) => (i === 0 ? p : [{ type: "text" as const, text: " " }, ...p])));
}

function cell(c: Tokens.TableCell): Inline[] {
  return merged(inlinesOf(c.tokens));
}

function inline(token: { tokens?: Token[]; text: string }): Inline[] {
  return merged(token.tokens ? inlinesOf(token.tokens) : [{ type: "text", text: token.text }]);
}

function inlinesOf(tokens: Token[]): Inline[] {
  return tokens.flatMap((token): Inline[] => {
    switch (token.type) {
      case "strong":
      case "em":
        return [{ type: token.type, children: merged(inlinesOf(token.tokens ?? [])) }];
      case "codespan":
        return [{ type: "code", text: token.text }];
      case "link": {
        const href = safeHref(token.href);
        const children = merged(inlinesOf(token.tokens ?? []));
        return href ? [{ type: "link", href, children }] : children;
      }
      case "br":
        return [{ type: "text", text: " " }];
      case "text":
        return token.tokens ? inlinesOf(token.tokens) : [{ type: "text", text: softBreaks(token.text) }];
      default:
        return [{ type: "text", text: softBreaks("text" in token && typeof token.text === "string" ? token.text : token.raw) }];
    }
  });
}

/** A line break inside a paragraph reads as a space, as in any rendered Markdown. */
function softBreaks(text: string): string {
  return text.replace(/\s*\n\s*/g, " ");
}

/** Neighbouring text pieces as one, so the tree stays small and predictable. */
function merged(nodes: Inline[]): Inline[] {
  const out: Inline[] = [];
  for (const node of nodes) {
    const last = out[out.length - 1];
    if (node.type === "text" && last?.type === "text") out[out.length - 1] = { type: "text", text: last.text + node.text };
    else if (node.type !== "text" || node.text) out.push(node);
  }
  return out;
}
