import { followLink } from "../routing/route.js";
import { CheckPanel } from "./CheckPanel.js";
import { GoalView } from "./GoalView.js";
import { HintList } from "./HintList.js";
import { Markdown } from "./Markdown.js";
import type { LessonState } from "./useLesson.js";

interface Props {
  state: LessonState;
  onReset: () => void;
  /** Shows the solution, or puts the learner's own code back while it is shown. */
  onToggleSolution: () => void;
  showingSolution: boolean;
  /** Present when the learner's code was put aside for the starter: puts it back. */
  onBackToOwnCode?: () => void;
  onNext: (lessonId: string) => void;
  /** Opens the scenario the lesson links to (front matter `scenario:`). */
  onOpenScenario?: (scenarioId: string) => void;
}

/** The lesson beside the editor: prose, objectives, hints, the check of the latest run, and the way on. */
export function LessonPane({ state, onReset, onToggleSolution, showingSolution, onBackToOwnCode, onNext, onOpenScenario }: Props) {
  const { lesson, error } = state;
  if (!lesson) {
    return (
      <section className="pane lesson-pane" aria-label="Lesson">
        <p className="hint" role={error ? "alert" : "status"}>
          {error ?? "Loading the lesson…"}
        </p>
        {error && (
          <p className="hint">
            <a href="/" onClick={(ev) => followLink(ev, "/")}>
              Back to the playground
            </a>
          </p>
        )}
      </section>
    );
  }
  return (
    <section className="pane lesson-pane" aria-labelledby="lesson-title" data-lesson-id={lesson.id}>
      <header className="lesson-head">
        <p className="lesson-crumb">
          <a href="/" onClick={(ev) => followLink(ev, "/")}>
            ← Playground
          </a>
          <span>
            Part {lesson.partNumber} · {lesson.part} · lesson {lesson.number} · {lesson.minutes} min
          </span>
        </p>
        <h2 id="lesson-title">
          {lesson.title}
          {state.solved && (
            <span className="solved-badge" data-solved="true">
              <span aria-hidden="true">✓</span> Solved
            </span>
          )}
        </h2>
      </header>
      <div className="lesson-scroll" tabIndex={0} aria-label="Lesson text">
        <p className="lesson-summary">{lesson.summary}</p>
        {lesson.goal && <GoalView goal={lesson.goal} check={state.check} />}
        {lesson.scenario && onOpenScenario && (
          <p className="lesson-scenario">
            <button type="button" onClick={() => onOpenScenario(lesson.scenario as string)} data-scenario-id={lesson.scenario}>
              Open the scenario
            </button>{" "}
            <span className="hint">to watch this pattern live and change its parameters.</span>
          </p>
        )}
        <section className="objectives" aria-labelledby="objectives-heading">
          <h3 id="objectives-heading">You will</h3>
          <ul>
            {lesson.objectives.map((o) => (
              <li key={o}>{o}</li>
            ))}
          </ul>
        </section>
        <Markdown source={lesson.body} baseLevel={3} />
        <HintList hints={lesson.hints} shown={state.hintsShown} onShowHint={state.showHint} />
      </div>
      <CheckPanel status={state.status} check={state.check} checking={state.checking} />
      <div className="lesson-actions">
        <button type="button" onClick={onReset} title="Put the starter files back in the editor">
          Reset
        </button>
        <button
          type="button"
          aria-pressed={showingSolution}
          onClick={onToggleSolution}
          title={showingSolution ? "Put your own code back in the editor" : "Show a solution; your code is kept, and the lesson is not marked solved"}
        >
          {showingSolution ? "Back to my code" : "Show solution"}
        </button>
        {onBackToOwnCode && !showingSolution && (
          <button type="button" onClick={onBackToOwnCode}>
            Back to my code
          </button>
        )}
        <span className="spacer" />
        {lesson.next && (
          <button type="button" className={state.solved ? "primary" : undefined} onClick={() => onNext(lesson.next as string)}>
            Next lesson →
          </button>
        )}
      </div>
    </section>
  );
}
