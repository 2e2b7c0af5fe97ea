/** Types of scripts/system-packages.mjs, for the tests that import it. */
export interface SystemPackage {
  name: string;
  for: ('test' | 'start')[];
  why: string;
}
export interface Facts {
  missing: string[];
  root: boolean;
  interactive: boolean;
  ci: boolean;
  sudo: boolean;
  yes: boolean;
  check: boolean;
}
export const PACKAGES: SystemPackage[];
export function packagesFor(purpose: string): SystemPackage[];
export function installCommand(names: string[]): string;
export function decide(facts: Facts): { action: 'none' | 'install' | 'ask' | 'stop'; sudo: boolean };
export function missingPackages(names: string[]): string[] | null;
export function ensureSystemPackages(options?: {
  purpose?: string;
  yes?: boolean;
  check?: boolean;
  log?: (line: string) => void;
}): Promise<number>;
