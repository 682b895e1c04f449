import { useEffect, useMemo, useState } from "react";
import type { LessonSummary } from "../../../protocol/lessons.js";
import { followLink } from "../routing/route.js";
import { fetchLessonList, groupByPart } from "./lessonApi.js";
import { useProgress } from "./progress.js";

interface Props {
  currentId: string | null;
  /** Called after following a lesson link, so the dialog around the list can close. */
  onChosen: () => void;
}

const matches = (lesson: LessonSummary, filter: string) => {
  const f = filter.trim().toLowerCase();
  return !f || lesson.title.toLowerCase().includes(f) || lesson.concepts.some((c) => c.toLowerCase().includes(f));
};

/** Every lesson by part, with a tick for each solved one and the concepts it teaches. */
export function LessonList({ currentId, onChosen }: Props) {
  const [lessons, setLessons] = useState<LessonSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [filter, setFilter] = useState("");
  const { solved } = useProgress();

  useEffect(() => {
    fetchLessonList().then(setLessons, (err: unknown) => setError(err instanceof Error ? err.message : String(err)));
  }, []);

  const parts = useMemo(() => groupByPart((lessons ?? []).filter((l) => matches(l, filter))), [lessons, filter]);
  if (error)
    return (
      <p className="hint" role="alert">
        {error}
      </p>
    );
  if (!lessons)
    return (
      <p className="hint" role="status">
        Loading the lessons…
      </p>
    );
  const solvedCount = lessons.filter((l) => l.id in solved).length;

  return (
    <div className="lesson-list">
      <div className="lesson-list-tools">
        <p className="lesson-progress" data-solved-count={solvedCount}>
          {solvedCount} of {lessons.length} lessons solved
        </p>
        <label className="lesson-filter">
          <span>Find a lesson or concept</span>
          <input type="search" autoFocus value={filter} onChange={(ev) => setFilter(ev.target.value)} placeholder="e.g. PUB/SUB, ROUTER" />
        </label>
      </div>
      {parts.length === 0 && <p className="hint">No lesson teaches “{filter}”.</p>}
      {parts.map((part) => (
        <section key={part.number} className="lesson-part" aria-labelledby={`part-${part.number}`}>
          <h3 id={`part-${part.number}`}>
            {part.number}. {part.title}
          </h3>
          <ol>
            {part.lessons.map((l) => {
              const done = l.id in solved;
              const path = `/lessons/${l.id}`;
              return (
                <li key={l.id} className={done ? "lesson-item solved" : "lesson-item"} data-lesson-id={l.id} data-solved={done}>
                  <span className={done ? "tick done" : "tick"} aria-hidden="true">
                    {done ? "✓" : ""}
                  </span>
                  <div>
                    <a
                      href={path}
                      aria-current={l.id === currentId ? "page" : undefined}
                      onClick={(ev) => {
                        followLink(ev, path);
                        onChosen();
                      }}
                    >
                      {part.number}.{l.number} {l.title}
                      <span className="visually-hidden">{done ? ", solved" : ", not solved yet"}</span>
                    </a>
                    <span className="lesson-minutes">{l.minutes} min</span>
                    <ul className="concepts" aria-label={`Concepts in ${l.title}`}>
                      {l.concepts.map((c) => (
                        <li key={c}>{c}</li>
                      ))}
                    </ul>
                  </div>
                </li>
              );
            })}
          </ol>
        </section>
      ))}
    </div>
  );
}
