/** Helpers that lay out generated code: indentation and comments wrapped to a readable width. */

export function indent(lines: string[], depth = 1): string[] {
  return lines.map((l) => (l ? "  ".repeat(depth) + l : l));
}

export function docComment(text: string): string[] {
  const lines = wrap(text, 100);
  return lines.length === 1 ? [`/** ${lines[0]} */`] : ["/**", ...lines.map((l) => ` * ${l}`), " */"];
}

/** A `//` comment wrapped to a readable width. */
export function lineComment(text: string, width = 100): string[] {
  return wrap(text, width).map((l) => `// ${l}`);
}

function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.trim().split(/\s+/)) {
    if (line && line.length + word.length + 1 > width) lines.push(line), (line = "");
    line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}
