import type { CheckResult } from "../../../protocol/lessons.js";
import type { CheckStatus } from "./useLesson.js";

interface Props {
  status: CheckStatus;
  check: CheckResult | null;
  checking: boolean;
}

function summary({ status, check, checking }: Props): string {
  if (checking) return "Running and checking your code…";
  if (!check) return "Run your code to check it.";
  const passed = check.assertions.filter((a) => a.passed).length;
  if (status === "pass") return `Passed: all ${check.assertions.length} checks hold. Lesson solved!`;
  return `Not yet: ${passed} of ${check.assertions.length} checks hold.`;
}

/** The lesson check of the latest run: each assertion with its sentence, saying what was seen or what to change. */
export function CheckPanel(props: Props) {
  const { status, check } = props;
  return (
    <section className={`check-panel check-${status}`} data-check-status={status} aria-labelledby="check-heading" tabIndex={0}>
      <div className="check-head">
        <h3 id="check-heading">Check</h3>
        <p className="check-summary" role="status">
          {summary(props)}
        </p>
      </div>
      {check && status === "fail" && <AssertionList check={check} />}
      {check && status === "pass" && (
        <details className="assertion-details">
          <summary>Show the {check.assertions.length} checks</summary>
          <AssertionList check={check} />
        </details>
      )}
      {check && status === "fail" && check.run && <p className="check-run">{check.run}</p>}
    </section>
  );
}

function AssertionList({ check }: { check: CheckResult }) {
  return (
    <ul className="assertions">
      {check.assertions.map((a) => (
        <li key={a.name} className={a.passed ? "assertion passed" : "assertion failed"} data-passed={a.passed} title={a.passed ? a.message : undefined}>
          <span className="assertion-mark" aria-hidden="true">
            {a.passed ? "✓" : "✗"}
          </span>
          <span>
            <span className="visually-hidden">{a.passed ? "Passed: " : "Not yet: "}</span>
            <strong>{a.name}.</strong>
            {a.passed ? null : ` ${a.message}`}
          </span>
        </li>
      ))}
    </ul>
  );
}
