/**
 * A small Markdown reader for lesson prose: headings, paragraphs, emphasis, inline code, links, lists, tables,
 * block quotes and fenced code (ASCII diagrams included). It builds a tree that React renders as elements,
 * so no HTML from a lesson ever reaches the page as markup.
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

const FENCE = /^\s*(`{3,}|~{3,})\s*([\w+-]*)\s*$/;
const HEADING = /^(#{1,6})\s+(.*?)\s*#*\s*$/;
const RULE = /^\s*([-*_])(\s*\1){2,}\s*$/;
const LIST_ITEM = /^\s*([-*+]|\d{1,9}[.)])\s+(.*)$/;
const TABLE_RULE = /^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$/;
const QUOTE = /^\s*>\s?(.*)$/;

export function parseMarkdown(source: string): Block[] {
  const lines = source.replace(/\r\n?/g, "\n").split("\n");
  const blocks: Block[] = [];
  let i = 0;
  const startsBlock = (line: string, next: string | undefined) =>
    FENCE.test(line) || HEADING.test(line) || RULE.test(line) || LIST_ITEM.test(line) || QUOTE.test(line)
    || (line.includes("|") && next !== undefined && TABLE_RULE.test(next));

  while (i < lines.length) {
    const line = lines[i];
    const fence = FENCE.exec(line);
    if (!line.trim()) { i++; continue; }
    if (fence) {
      const body: string[] = [];
      for (i++; i < lines.length && !lines[i].trim().startsWith(fence[1]); i++) body.push(lines[i]);
      i++;
      blocks.push({ type: "code", lang: fence[2], text: body.join("\n") });
    } else if (HEADING.test(line)) {
      const [, hashes, text] = HEADING.exec(line) as RegExpExecArray;
      blocks.push({ type: "heading", level: hashes.length, children: parseInline(text) });
      i++;
    } else if (RULE.test(line)) {
      blocks.push({ type: "rule" });
      i++;
    } else if (line.includes("|") && lines[i + 1] !== undefined && TABLE_RULE.test(lines[i + 1])) {
      const head = cells(line);
      const rows: Inline[][][] = [];
      for (i += 2; i < lines.length && lines[i].includes("|") && lines[i].trim(); i++) rows.push(cells(lines[i]));
      blocks.push({ type: "table", head, rows });
    } else if (QUOTE.test(line)) {
      const quoted: string[] = [];
      for (; i < lines.length && QUOTE.test(lines[i]); i++) quoted.push((QUOTE.exec(lines[i]) as RegExpExecArray)[1]);
      blocks.push({ type: "quote", children: parseMarkdown(quoted.join("\n")) });
    } else if (LIST_ITEM.test(line)) {
      const ordered = /^\s*\d/.test(line);
      const items: string[] = [];
      for (; i < lines.length && lines[i].trim(); i++) {
        const item = LIST_ITEM.exec(lines[i]);
        if (item) items.push(item[2]);
        else items[items.length - 1] += ` ${lines[i].trim()}`;
      }
      blocks.push({ type: "list", ordered, items: items.map(parseInline) });
    } else {
      const para: string[] = [];
      for (; i < lines.length && lines[i].trim() && (para.length === 0 || !startsBlock(lines[i], lines[i + 1])); i++) para.push(lines[i].trim());
      blocks.push({ type: "paragraph", children: parseInline(para.join(" ")) });
    }
  }
  return blocks;
}

function cells(row: string): Inline[][] {
  const trimmed = row.trim().replace(/^\|/, "").replace(/\|$/, "");
  return trimmed.split(/(?<!\\)\|/).map((cell) => parseInline(cell.trim().replace(/\\\|/g, "|")));
}

/** Only web links and links within the app; anything else (javascript:, data:) stays plain text. */
export function safeHref(href: string): string | null {
  return /^(https?:\/\/|mailto:|\/(?!\/)|#)/i.test(href.trim()) ? href.trim() : null;
}

export function parseInline(text: string): Inline[] {
  const out: Inline[] = [];
  let plain = "";
  const flush = () => { if (plain) out.push({ type: "text", text: plain }); plain = ""; };
  let i = 0;
  while (i < text.length) {
    const rest = text.slice(i);
    const code = /^(`+)([\s\S]*?[^`])\1(?!`)/.exec(rest);
    const strong = /^(\*\*|__)(?=\S)([\s\S]*?\S)\1/.exec(rest);
    const em = /^([*_])(?=\S)([\s\S]*?\S)\1(?![\w*])/.exec(rest);
    const link = /^\[([^\]]+)\]\(([^)\s]+)\)/.exec(rest);
    const wordBefore = i > 0 && /\w/.test(text[i - 1]);
    if (rest[0] === "\\" && rest.length > 1 && /[\\`*_[\]()#+\-.!|>]/.test(rest[1])) {
      plain += rest[1];
      i += 2;
    } else if (code) {
      flush();
      out.push({ type: "code", text: code[2].replace(/^ (.*) $/, "$1") });
      i += code[0].length;
    } else if (strong && !(strong[1] === "__" && wordBefore)) {
      flush();
      out.push({ type: "strong", children: parseInline(strong[2]) });
      i += strong[0].length;
    } else if (em && !(em[1] === "_" && wordBefore)) {
      flush();
      out.push({ type: "em", children: parseInline(em[2]) });
      i += em[0].length;
    } else if (link) {
      const href = safeHref(link[2]);
      flush();
      if (href) out.push({ type: "link", href, children: parseInline(link[1]) });
      else out.push(...parseInline(link[1]));
      i += link[0].length;
    } else {
      plain += rest[0];
      i++;
    }
  }
  flush();
  return out;
}
