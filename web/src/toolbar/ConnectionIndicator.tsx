import { useEffect, useRef, useState } from "react";

/** How long "Connected again" stays up after the server is back. */
const BACK_NOTICE_MS = 4000;

type Shown = "fine" | "lost" | "back";

/**
 * Says at once when the page's connection to the server drops (the socket's close), and when it is back, whatever
 * the run is doing: a finished run's "Finished" would otherwise hide a dead server until the next Run.
 */
export function ConnectionIndicator({ connection }: { connection: "connecting" | "open" | "closed" }) {
  const [shown, setShown] = useState<Shown>("fine");
  const everOpen = useRef(false);

  useEffect(() => {
    if (connection === "open") {
      setShown((s) => (s === "lost" ? "back" : s));
      everOpen.current = true;
    } else if (everOpen.current) setShown("lost");
  }, [connection]);

  useEffect(() => {
    if (shown !== "back") return;
    const timer = setTimeout(() => setShown("fine"), BACK_NOTICE_MS);
    return () => clearTimeout(timer);
  }, [shown]);

  return (
    <span className={`connection connection-${shown}`} role="status" data-connection={shown}>
      {shown === "lost" ? "Server connection lost · reconnecting…" : shown === "back" ? "Connected again" : ""}
    </span>
  );
}
