import { useEffect, useState } from "react";

const HIGHLIGHTED = new Set(["ts", "typescript", "js", "javascript", "mjs", "cjs"]);

/**
 * A fenced code block, coloured by Monaco's own tokenizer once the editor has loaded (the lesson view loads it
 * anyway), so lesson code reads like the editor. Monaco escapes the text it colours; until then it is plain text.
 */
export function CodeBlock({ lang, text }: { lang: string; text: string }) {
  const [html, setHtml] = useState<string | null>(null);
  useEffect(() => {
    if (!HIGHLIGHTED.has(lang)) return;
    let live = true;
    import("../editor/monacoSetup.js")
      .then(({ monaco }) => monaco.editor.colorize(text, lang.startsWith("t") ? "typescript" : "javascript", { tabSize: 2 }))
      .then((coloured) => {
        if (live) setHtml(coloured);
      })
      .catch(() => {});
    return () => {
      live = false;
    };
  }, [lang, text]);
  return (
    <pre className={lang ? `code-block lang-${lang}` : "code-block diagram"} tabIndex={0} aria-label={lang ? `${lang} code` : "Diagram or code"}>
      {html === null ? <code>{text}</code> : <code dangerouslySetInnerHTML={{ __html: html }} />}
    </pre>
  );
}
