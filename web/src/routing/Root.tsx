import { App } from "../App.js";
import { WatchApp } from "../session/WatchApp.js";
import { routeFromPath, usePathname } from "./route.js";

/** Picks the page for the path: a spectator's view of a class, or the workbench (playground, share, lesson). */
export function Root() {
  const route = routeFromPath(usePathname());
  if (route.kind === "watch") return <WatchApp key={route.code} code={route.code} />;
  return <App route={route} />;
}
