import { parseDraft } from '../server/src/features/drafts/parse-draft';
import { pathologicalDrafts } from '../test/reliability/helpers/pathological-drafts';
const s = pathologicalDrafts(Number(process.argv[3] ?? 0.3)).find((d) => d.name.includes(process.argv[2]!))!;
const t = Date.now(); parseDraft('x', 1, s.text); console.log(s.name, s.text.length, Date.now() - t);
