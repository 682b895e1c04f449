import { useRef, useState } from "react";
import { exportProgress, importProgress, parseProgressFile, progressFileName } from "./progressFile.js";

/** Export and Import of solved lessons and lesson code as a JSON file, to move to another browser or keep a copy. */
export function ProgressTransfer({ onImported }: { onImported: (lessonIds: string[]) => void }) {
  const inputRef = useRef<HTMLInputElement>(null);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);

  function exportFile() {
    const blob = new Blob([JSON.stringify(exportProgress(localStorage), null, 2)], { type: "application/json" });
    const url = URL.createObjectURL(blob);
    const a = document.createElement("a");
    a.href = url;
    a.download = progressFileName();
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }

  async function importFile(file: File | undefined) {
    if (!file) return;
    const parsed = parseProgressFile(await file.text());
    if (!parsed.ok) return setMessage({ text: parsed.error, error: true });
    const done = importProgress(localStorage, parsed.file);
    setMessage({ text: `Imported ${done.solved} solved lesson${done.solved === 1 ? "" : "s"} and the code of ${done.code.length}.`, error: false });
    onImported(done.code);
  }

  return (
    <div className="progress-transfer">
      <button type="button" onClick={exportFile}>
        Export progress
      </button>
      <button type="button" onClick={() => inputRef.current?.click()}>
        Import progress
      </button>
      <input
        ref={inputRef}
        type="file"
        accept="application/json,.json"
        className="visually-hidden"
        tabIndex={-1}
        aria-label="Progress file to import"
        onChange={(ev) => {
          void importFile(ev.target.files?.[0]);
          ev.target.value = "";
        }}
      />
      {message && (
        <span role={message.error ? "alert" : "status"} className={message.error ? "error-text" : "transfer-done"}>
          {message.text}
        </span>
      )}
    </div>
  );
}
