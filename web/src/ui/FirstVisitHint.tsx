import { useEffect, useState } from "react";
import type { LessonSummary } from "../../../protocol/lessons.js";
import { fetchLessonList } from "../lessons/lessonApi.js";
import { followLink } from "../routing/route.js";
import { isBoolean, usePersistentState } from "./usePersistentState.js";

/** On a first visit to the playground, one line that points at the first lesson; gone once dismissed or followed. */
export function FirstVisitHint() {
  const [welcomed, setWelcomed] = usePersistentState("zmq-workbench.welcomed", false, isBoolean);
  const [first, setFirst] = useState<LessonSummary | null>(null);

  useEffect(() => {
    if (welcomed) return;
    let current = true;
    fetchLessonList().then(
      (lessons) => current && setFirst(lessons[0] ?? null),
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [welcomed]);

  if (welcomed || !first) return null;
  const path = `/lessons/${first.id}`;
  return (
    <section className="first-visit" aria-label="Getting started">
      <span>New to ZeroMQ? The lessons start from the first socket:</span>
      <a
        href={path}
        onClick={(ev) => {
          setWelcomed(true);
          followLink(ev, path);
        }}
      >
        Start with “{first.title}” →
      </a>
      <button type="button" className="quiet" onClick={() => setWelcomed(true)}>
        Not now
      </button>
    </section>
  );
}
