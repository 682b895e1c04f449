import { useEffect } from "react";
import { isBoolean, usePersistentState } from "./usePersistentState.js";

export interface Theme {
  dark: boolean;
  setDark(dark: boolean): void;
}

/** The light or dark theme, kept across visits and pages, and applied to the whole document. */
export function useTheme(): Theme {
  const [dark, setDark] = usePersistentState("zmq-workbench.dark", false, isBoolean);
  useEffect(() => {
    document.documentElement.dataset.theme = dark ? "dark" : "light";
  }, [dark]);
  return { dark, setDark };
}

/** The toolbar's theme switch. */
export function ThemeButton({ theme }: { theme: Theme }) {
  return (
    <button type="button" className="quiet" aria-pressed={theme.dark} onClick={() => theme.setDark(!theme.dark)}>
      {theme.dark ? "Light theme" : "Dark theme"}
    </button>
  );
}
