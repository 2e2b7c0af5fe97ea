/**
 * `npx tsx scripts/make-example-sources.ts`: writes the example workspace's non-text sources into
 * examples/sources/ — a saved web page, a PDF briefing and a Word memo, all made up here (a fictional
 * town and people), so the example shows the HTML, PDF and DOCX readers. Deterministic: the same bytes each run
 * except the PDF's modification date, which pdf-lib always sets.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { makeDocx } from '../test/helpers/make-docx';
import { makePdf } from '../test/helpers/make-pdf';

const OUT = path.resolve(__dirname, '..', 'examples', 'sources');

const PAGE = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Eastport opens its new ferry pier | The Eastport Courier</title>
<meta property="og:title" content="Eastport opens its new ferry pier">
<meta property="og:site_name" content="The Eastport Courier">
<meta property="og:url" content="https://courier.example/2025/06/02/ferry-pier">
<meta property="article:published_time" content="2025-06-02T08:30:00Z">
<link rel="canonical" href="https://courier.example/2025/06/02/ferry-pier">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Eastport opens its new ferry pier","author":{"@type":"Person","name":"Mira Holt"},"datePublished":"2025-06-02T08:30:00Z","publisher":{"@type":"Organization","name":"The Eastport Courier"}}</script>
<script>window.analytics = { track: function () { return 'tracking-code-never-indexed'; } };</script>
<style>.nav { color: red; }</style>
</head>
<body>
<nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
<div class="ad">Advertisement: buy a boat today</div>
<article>
<h1>Eastport opens its new ferry pier</h1>
<p class="byline">By Mira Holt</p>
<p>The new ferry pier in Eastport opened on Monday, two years after the old one was closed for repairs.</p>
<p>&ldquo;This pier will carry the town&rsquo;s ferries for the next fifty years,&rdquo; said Tomas Reyes, the harbour master. He said cargo ships would follow in July.</p>
<p>The works cost 14 million euros, according to the town council, and were finished three weeks ahead of sch&shy;edule.</p>
<p>&ldquo;We kept every promise we made to the island&nbsp;villages,&rdquo; said Lena Ortiz, the mayor of Eastport.</p>
</article>
<aside class="comments"><h3>Comments</h3><p>First! Great news for the island.</p></aside>
<footer>&copy; The Eastport Courier</footer>
</body>
</html>
`;

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  writeFileSync(path.join(OUT, 'ferry-pier.html'), PAGE);
  const pdf = await makePdf({
    title: 'Harbour Budget Briefing',
    author: 'Tomas Reyes',
    date: new Date('2025-05-20T09:00:00Z'),
    pages: [
      [
        'Harbour Budget Briefing',
        '',
        'The harbour office presents its budget for the coming year. Ferry traffic',
        'grew by 12 percent last year. \u201cThe pier gives us room to double the num-',
        'ber of crossings by 2030,\u201d said Tomas Reyes, the harbour master.',
        '',
        'The office asks the council for 2.1 million euros to dredge the approach',
      ],
      ['channel before the autumn storms. \u201cWithout dredging, the largest ferries cannot', 'dock at low tide,\u201d Reyes said.'],
    ],
  });
  writeFileSync(path.join(OUT, 'harbour-briefing.pdf'), pdf);
  writeFileSync(
    path.join(OUT, 'council-memo.docx'),
    makeDocx({
      title: 'Memo to the Council on Island Ferries',
      author: 'Lena Ortiz',
      created: '2025-05-28T10:00:00Z',
      paragraphs: [
        '# Island ferries',
        'The island villages asked for a morning crossing before 7 a.m. so that pupils reach school on time.',
        '\u201cA morning ferry is the first thing the new pier must give the islands,\u201d said Lena Ortiz, the mayor.',
        '# Next steps',
        'The council votes on the timetable on 12 June.',
      ],
    }),
  );
  process.stdout.write(`wrote ${OUT}/ferry-pier.html, harbour-briefing.pdf, council-memo.docx\n`);
}

void main();
