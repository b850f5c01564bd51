/**
 * The few DOM helpers every browser feature shares (src/browser/): finding an element the page
 * must have, making elements, and the button whose visible words are short and whose hidden words
 * say which paragraph it acts on.
 */

/**
 * A page's template and its script disagree: the script looked for an element the page does not
 * have (an attribute renamed on one side only). Named, so the console says which element and
 * which feature, not "Cannot read properties of null".
 */
export class MissingElementError extends Error {
  override name = 'MissingElementError';
  constructor(what: string, selector: string) {
    super(`${what}: the page has no element matching ${selector}; check the page's template still has it`);
  }
}

/** The element matching `selector` in `root`, which `what` (the feature) cannot work without. */
export function required<T extends Element = HTMLElement>(root: ParentNode, selector: string, what: string): T {
  const found = root.querySelector<T>(selector);
  if (!found) throw new MissingElementError(what, selector);
  return found;
}

/** An element with properties (`className`, `href`, ...) and children. */
export function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  properties: Partial<HTMLElementTagNameMap[K]> = {},
  ...children: Array<Node | string>
): HTMLElementTagNameMap[K] {
  const node = Object.assign(document.createElement(tag), properties);
  node.append(...children);
  return node;
}

/**
 * A button showing `words` ("Copy link"), whose accessible name goes on with `hidden` words
 * (" to paragraph 12"). The visible words are its first child, a text node, which a feature may
 * change ("Link copied"); the hidden words follow in a visually hidden span.
 */
export function buttonWithHiddenWords(words: string, hidden: string, className: string): HTMLButtonElement {
  const control = element('button', { type: 'button', className }, document.createTextNode(words), element('span', { className: 'visually-hidden' }, hidden));
  return control;
}
