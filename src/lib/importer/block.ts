/**
 * A block of a document's body as the importer builds it (src/lib/importer/clean.ts) and writes
 * it (mdx.ts): in a module of its own so that the modules that read blocks (letter-footnotes.ts)
 * need not import the module that makes them.
 */
export type Block =
  | { type: 'paragraph'; text: string }
  | { type: 'heading'; text: string }
  | {
      type: 'list';
      items: string[];
      /** Per item, 1 where it is a sub-item of the item before it (the 2014 report's U+F02D dash); absent when none is. */
      levels?: number[];
    };
