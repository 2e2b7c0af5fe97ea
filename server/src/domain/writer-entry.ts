/** One entry of a bibliography the writer keeps (BibTeX or CSL-JSON), as Sourced uses it. Plain data. */
export interface WriterEntry {
  /** The writer's citation key. */
  key: string;
  title: string | null;
  /** "Family, Given" or a literal name, in order. */
  authors: string[];
  /** Journal, newspaper, website or publisher. */
  container: string | null;
  /** ISO date, as precise as the entry gives it: YYYY, YYYY-MM or YYYY-MM-DD. */
  date: string | null;
  url: string | null;
  doi: string | null;
  /** CSL type, e.g. `article-newspaper`. */
  type: string;
  /** Workspace-relative path of the file the entry comes from. */
  file: string;
}
