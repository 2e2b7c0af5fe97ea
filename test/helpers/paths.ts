/** Every test-data path in one place: the repository, its seeds and examples, and the read-only shared corpora. */
import * as path from 'node:path';

export const repoRoot = path.resolve(__dirname, '..', '..');
export const SEEDS_DIR = path.join(repoRoot, 'seeds');
export const EXAMPLES_DIR = path.join(repoRoot, 'examples');
export const FIXTURES_DIR = path.join(repoRoot, 'test', 'fixtures');
/** The shared folder beside the repository (read-only; never copied into the repo). */
export const SHARED_DIR = path.resolve(repoRoot, '..', 'shared');
export const BBC_DIR = path.join(SHARED_DIR, 'corpora', 'bbc-news', 'news');
export const WEB_NEWS_DIR = path.join(SHARED_DIR, 'corpora', 'web-news');
