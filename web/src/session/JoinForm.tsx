import { useState, type FormEvent } from "react";
import { SESSION_CODE_PATTERN } from "../../../protocol/session.js";
import { navigate } from "../routing/route.js";

const codeRe = new RegExp(SESSION_CODE_PATTERN);

/** Asks the server whether a session has this code; resolves to a sentence when it has not. */
async function problemWithCode(code: string): Promise<string | null> {
  if (!codeRe.test(code)) return "A join code has six letters and digits, as shown on the presenter's screen.";
  try {
    const res = await fetch(`/api/sessions/${encodeURIComponent(code)}`);
    if (res.ok) return null;
    const body = (await res.json().catch(() => ({}))) as { message?: unknown };
    return typeof body.message === "string" ? body.message : `The server answered ${res.status}.`;
  } catch {
    return "Could not reach the server. Check the connection and try again.";
  }
}

/** Type the code from the presenter's screen and watch that session. */
export function JoinForm({ autoFocus = false }: { autoFocus?: boolean }) {
  const [code, setCode] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(ev: FormEvent) {
    ev.preventDefault();
    const wanted = code.trim().toUpperCase();
    setBusy(true);
    const found = await problemWithCode(wanted);
    setBusy(false);
    if (found) setProblem(found);
    else navigate(`/watch/${wanted}`);
  }

  return (
    <form className="join-form" onSubmit={submit}>
      <label>
        <span>Join code</span>
        <input
          value={code}
          onChange={(ev) => {
            setCode(ev.target.value.toUpperCase());
            setProblem(null);
          }}
          maxLength={6}
          autoComplete="off"
          spellCheck={false}
          autoCapitalize="characters"
          autoFocus={autoFocus}
          placeholder="ABC234"
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? "join-problem" : undefined}
        />
      </label>
      <button type="submit" className="primary" disabled={busy || code.trim().length === 0}>
        Watch
      </button>
      {problem && (
        <p id="join-problem" className="error-text" role="alert">
          {problem}
        </p>
      )}
    </form>
  );
}
