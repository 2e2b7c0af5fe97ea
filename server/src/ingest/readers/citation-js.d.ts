/** The part of citation-js Sourced uses (the package ships no types). */
declare module '@citation-js/core' {
  export class Cite {
    static async(data: string, options?: { generateGraph?: boolean; forceType?: string }): Promise<Cite>;
    data: Record<string, unknown>[];
  }
}
declare module '@citation-js/plugin-bibtex';
declare module '@citation-js/plugin-csl';
