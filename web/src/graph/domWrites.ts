/*
 * DOM writes that skip when nothing changed. A busy run redraws the graph many times a second, mostly with the same
 * words and attributes, and the browser lays out and repaints SVG whose attribute was written, even with the same value.
 */

export function setText(el: Element, text: string): void {
  if (el.textContent !== text) el.textContent = text;
}

/** `null` removes the attribute. */
export function setAttr(el: Element, name: string, value: string | null): void {
  if (value === null) {
    if (el.hasAttribute(name)) el.removeAttribute(name);
  } else if (el.getAttribute(name) !== value) el.setAttribute(name, value);
}

/** SVG elements redo their style and layout whenever `class` is written, even to the same classes. */
export function setClass(el: Element, name: string, on: boolean): void {
  if (el.classList.contains(name) !== on) el.classList.toggle(name, on);
}
