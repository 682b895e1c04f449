import { followLink } from "../routing/route.js";
import { CheckPanel } from "./CheckPanel.js";
import { HintList } from "./HintList.js";
import { Markdown } from "./Markdown.js";
import type { LessonState } from "./useLesson.js";

interface Props {
  state: LessonState;
  onReset: () => void;
  onShowSolution: () => void;
  onNext: (lessonId: string) => void;
}

/** The lesson beside the editor: prose, objectives, hints, the check of the latest run, and the way on. */
export function LessonPane({ state, onReset, onShowSolution, onNext }: Props) {
  const { lesson, error } = state;
  if (!lesson) {
    return (
      <section className="pane lesson-pane" aria-label="Lesson">
        <p className="hint" role={error ? "alert" : "status"}>{error ?? "Loading the lesson…"}</p>
        {error && <p className="hint"><a href="/" onClick={(ev) => followLink(ev, "/")}>Back to the playground</a></p>}
      </section>
    );
  }
  return (
    <section className="pane lesson-pane" aria-labelledby="lesson-title" data-lesson-id={lesson.id}>
      <header className="lesson-head">
        <p className="lesson-crumb">
          <a href="/" onClick={(ev) => followLink(ev, "/")}>← Playground</a>
          <span>Part {lesson.partNumber} · {lesson.part} · lesson {lesson.number} · {lesson.minutes} min</span>
        </p>
        <h2 id="lesson-title">
          {lesson.title}
          {state.solved && <span className="solved-badge" data-solved="true"><span aria-hidden="true">✓</span> Solved</span>}
        </h2>
      </header>
      <div className="lesson-scroll" tabIndex={0} aria-label="Lesson text">
        <p className="lesson-summary">{lesson.summary}</p>
        <section className="objectives" aria-labelledby="objectives-heading">
          <h3 id="objectives-heading">You will</h3>
          <ul>{lesson.objectives.map((o) => <li key={o}>{o}</li>)}</ul>
        </section>
        <Markdown source={lesson.body} baseLevel={3} />
        <HintList hints={lesson.hints} shown={state.hintsShown} onShowHint={state.showHint} />
      </div>
      <CheckPanel status={state.status} check={state.check} checking={state.checking} />
      <div className="lesson-actions">
        <button type="button" onClick={onReset} title="Put the starter files back in the editor">Reset</button>
        <button type="button" onClick={onShowSolution} title="Fill the editor with a solution; the lesson is not marked solved">Show solution</button>
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
