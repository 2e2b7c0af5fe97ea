/** Paths of the read-only shared data (../shared) used by the evaluation: BBC articles and saved web pages. */
import * as path from 'node:path';
import { REPO } from './fixture';

export const SHARED_DIR = path.resolve(REPO, '..', 'shared');
export const WEB_PAGES_DIR = path.join(SHARED_DIR, 'corpora', 'web-news', 'pages');
export const EVAL_LABELS_DIR = path.join(REPO, 'test', 'fixtures', 'eval', 'articles');
