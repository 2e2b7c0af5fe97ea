/** Types of test/helpers/editor-configs.mjs. */
export interface EditorConfig {
  name: string;
  language: string;
  text: string;
}
export const REPO_ROOT: string;
export const README: string;
export const PLACEHOLDER: string;
export function editorConfigs(readme?: string): EditorConfig[];
export function editorConfig(name: string, repo?: string): EditorConfig;
