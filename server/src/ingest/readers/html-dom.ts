/**
 * The few DOM members the HTML reader uses, typed structurally: the server is compiled without the DOM
 * library, and linkedom's own classes are cast to these at the one place a document is made.
 */

export interface DomNode {
  readonly nodeType: number;
  readonly nodeName: string;
  readonly textContent: string | null;
  readonly childNodes: ArrayLike<DomNode>;
}

export interface DomElement extends DomNode {
  readonly tagName: string;
  getAttribute(name: string): string | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
  getElementsByTagName(name: string): ArrayLike<DomElement>;
}

export interface DomDocument {
  readonly documentElement: DomElement | null;
  readonly body: (DomElement & { readonly innerHTML: string }) | null;
  readonly title: string;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
  /** A walk of the tree (linkedom: much cheaper than a CSS selector, which it matches against every node). */
  getElementsByTagName(name: string): ArrayLike<DomElement>;
}

export const ELEMENT_NODE = 1;
export const TEXT_NODE = 3;
