import type { KeyboardEvent, PointerEvent } from "react";

interface Props {
  /** "vertical" is a bar between left and right panes; "horizontal" between top and bottom. */
  orientation: "vertical" | "horizontal";
  /** Share of the container taken by the first pane, 0..1. */
  value: number;
  onChange: (value: number) => void;
  label: string;
  min?: number;
  max?: number;
}

const KEY_STEP = 0.03;

/** A draggable, keyboard-operable separator (WAI-ARIA window splitter). */
export function Splitter({ orientation, value, onChange, label, min = 0.15, max = 0.85 }: Props) {
  const clamp = (v: number) => Math.min(max, Math.max(min, v));

  function onPointerDown(ev: PointerEvent<HTMLDivElement>) {
    const bar = ev.currentTarget;
    const box = (bar.parentElement as HTMLElement).getBoundingClientRect();
    bar.setPointerCapture(ev.pointerId);
    const move = (e: globalThis.PointerEvent) =>
      onChange(clamp(orientation === "vertical" ? (e.clientX - box.left) / box.width : (e.clientY - box.top) / box.height));
    const up = () => {
      bar.removeEventListener("pointermove", move);
      bar.removeEventListener("pointerup", up);
    };
    bar.addEventListener("pointermove", move);
    bar.addEventListener("pointerup", up);
  }

  function onKeyDown(ev: KeyboardEvent<HTMLDivElement>) {
    const back = orientation === "vertical" ? "ArrowLeft" : "ArrowUp";
    const forth = orientation === "vertical" ? "ArrowRight" : "ArrowDown";
    if (ev.key === back) onChange(clamp(value - KEY_STEP));
    else if (ev.key === forth) onChange(clamp(value + KEY_STEP));
    else return;
    ev.preventDefault();
  }

  return (
    <div
      className={`splitter ${orientation}`}
      role="separator"
      tabIndex={0}
      aria-label={label}
      aria-orientation={orientation}
      aria-valuemin={Math.round(min * 100)}
      aria-valuemax={Math.round(max * 100)}
      aria-valuenow={Math.round(value * 100)}
      onPointerDown={onPointerDown}
      onKeyDown={onKeyDown}
    />
  );
}
