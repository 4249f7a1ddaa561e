/**
 * Public-site benchmark, all in one run on the same machine:
 * - answer page server render: p50/p99 of in-process `app.request()` (store read + render) over
 *   random answers of a 16k-answer SQLite store;
 * - HTTP: autocannon against 127.0.0.1 for a bounded time on random answer URLs (req/s, latency);
 * - static build of the same 16k answers from the same Markdown files: `medbrief build` (import +
 *   export; also a no-change incremental rebuild) vs Eleventy 3 (markdown-it + one Liquid layout).
 * Writes bench/results/site.json. Sizes: BENCH_SITE_ANSWERS (default 16000), BENCH_SITE_SECONDS (5).
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import autocannon from 'autocannon';
import { buildSite } from '../src/cli/commands/build.js';
import { importContentFolder } from '../src/cli/commands/import.js';
import { serialiseAnswer, serialiseCondition, serialiseReviewers } from '../src/content/index.js';
import { openSqliteStore } from '../src/store/index.js';
import { createApp, startServer } from '../src/web/index.js';
import { generateBundle } from './generate.js';
import { percentile, timed, writeResult } from './lib.js';

const ANSWERS = Number(process.env.BENCH_SITE_ANSWERS ?? 16_000);
const SECONDS = Number(process.env.BENCH_SITE_SECONDS ?? 5);
const RENDER_SAMPLES = 3000;

/** Writes the generated content as the Markdown folder both generators read. */
function writeContentFolder(dir: string) {
  const bundle = generateBundle(ANSWERS);
  bundle.reviewers = [
    { id: 'bench-reviewer', name: 'Bench Reviewer (demo account)', credentials: 'MD (demo)', demo: true },
  ];
  writeFileSync(join(dir, 'reviewers.yaml'), serialiseReviewers(bundle.reviewers));
  for (const c of bundle.conditions) {
    mkdirSync(join(dir, c.slug), { recursive: true });
    writeFileSync(join(dir, c.slug, 'condition.md'), serialiseCondition(c));
  }
  bundle.answers.forEach((a, i) => {
    // Half the answers carry a review, so pages show both review states.
    const answer = i % 2 ? { ...a, review: { reviewer: 'bench-reviewer', reviewed: '2026-03-01' } } : a;
    writeFileSync(join(dir, a.condition, `${a.aspect}.md`), serialiseAnswer(answer));
  });
  return bundle.answers.map((a) => `/conditions/${a.condition}/${a.aspect}`);
}

async function eleventyBuild(input: string, output: string) {
  // @11ty/eleventy ships no type declarations; the one constructor and method used are typed here.
  const eleventyModule = '@11ty/eleventy';
  const { default: Eleventy } = (await import(eleventyModule)) as {
    default: new (
      input: string,
      output: string,
      options: Record<string, unknown>,
    ) => { write(): Promise<unknown> };
  };
  // Eleventy's default layouts folder; made after the MedBrief import, which would reject it.
  const layouts = join(input, '_includes');
  mkdirSync(layouts, { recursive: true });
  // The same page parts as ours, without JSON-LD or review logic: a fair lower bound for templating.
  writeFileSync(
    join(layouts, 'answer.liquid'),
    `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{{ question }}</title>
<meta name="description" content="{{ tldr }}"><link rel="stylesheet" href="/assets/site.css"></head>
<body><main><h1>{{ question }}</h1><section><h2>Short answer</h2><p>{{ tldr }}</p></section>
<div>{{ content }}</div><ol>{% for s in sources %}<li><a href="{{ s.url }}">{{ s.title }}</a></li>{% endfor %}</ol>
<p>Last updated: {{ updated }}</p></main></body></html>`,
  );
  const elev = new Eleventy(input, output, {
    quietMode: true,
    config(cfg: { ignores: { add(g: string): void }; addGlobalData(k: string, v: unknown): void }) {
      // Ignore globs are relative to the project root (the working folder), not to the input.
      cfg.ignores.add(`${relative(process.cwd(), input)}/**/condition.md`);
      cfg.addGlobalData('layout', 'answer.liquid');
      cfg.addGlobalData('permalink', '/conditions/{{ condition }}/{{ aspect }}/index.html');
      return { markdownTemplateEngine: false };
    },
  });
  await elev.write();
}

export async function main() {
  const loadAtStart = loadavg();
  const work = join(tmpdir(), `medbrief-bench-site-${process.pid}`);
  rmSync(work, { recursive: true, force: true });
  const content = join(work, 'content');
  mkdirSync(content, { recursive: true });
  console.log(`site bench: generating ${ANSWERS} answers as Markdown…`);
  const paths = writeContentFolder(content);

  // --- medbrief build: import the Markdown, export the static site (fresh, then unchanged).
  const store = await openSqliteStore(join(work, 'site.db'));
  const imported = await timed(() => importContentFolder(store, content, 'bench'));
  const out = join(work, 'dist');
  const full = await timed(() => buildSite({ store, outDir: out, baseUrl: 'https://bench.example' }));
  const again = await timed(() => buildSite({ store, outDir: out, baseUrl: 'https://bench.example' }));
  console.log(
    `medbrief: import ${imported.seconds.toFixed(1)} s, build ${full.seconds.toFixed(1)} s (${full.value.total} files), ` +
      `rebuild ${again.seconds.toFixed(1)} s (${again.value.written} written)`,
  );

  // --- Eleventy on the same Markdown files.
  let eleventy: { seconds: number } | { error: string };
  try {
    eleventy = await timed(() => eleventyBuild(content, join(work, 'eleventy-out')));
    console.log(`eleventy: ${eleventy.seconds.toFixed(1)} s`);
  } catch (err) {
    eleventy = { error: (err as Error).message };
    console.error('eleventy failed:', err);
  }

  // --- server render, in process.
  const { app } = createApp({ store, config: { baseUrl: 'https://bench.example' } });
  for (let i = 0; i < 200; i++) await (await app.request(paths[i % paths.length]!)).text(); // warm up
  const times: number[] = [];
  let seed = 7;
  const pick = () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return paths[seed % paths.length]!;
  };
  for (let i = 0; i < RENDER_SAMPLES; i++) {
    const t = performance.now();
    const res = await app.request(pick());
    await res.text();
    times.push(performance.now() - t);
    if (res.status !== 200) throw new Error(`render returned ${res.status}`);
  }
  times.sort((a, b) => a - b);
  const render = {
    samples: RENDER_SAMPLES,
    p50Ms: percentile(times, 50),
    p99Ms: percentile(times, 99),
    meanMs: times.reduce((a, b) => a + b, 0) / times.length,
  };
  console.log(`render: p50 ${render.p50Ms.toFixed(2)} ms, p99 ${render.p99Ms.toFixed(2)} ms`);

  // --- Real-sized pages: the demo answers (longer bodies, headings, several sources), first render
  // (Markdown not yet cached) and repeat renders.
  const demoStore = await openSqliteStore(':memory:');
  await importContentFolder(demoStore, join(import.meta.dirname, '..', 'demo', 'content'), 'bench');
  const demo = createApp({ store: demoStore }).app;
  const demoPaths = (await demoStore.allPublishedAnswers()).map(
    (v) => `/conditions/${v.conditionSlug}/${v.slug}`,
  );
  const first: number[] = [];
  for (const p of demoPaths) {
    const t = performance.now();
    await (await demo.request(p)).text();
    first.push(performance.now() - t);
  }
  const repeat: number[] = [];
  for (let i = 0; i < 2000; i++) {
    const t = performance.now();
    await (await demo.request(demoPaths[i % demoPaths.length]!)).text();
    repeat.push(performance.now() - t);
  }
  first.sort((a, b) => a - b);
  repeat.sort((a, b) => a - b);
  const demoRender = {
    answers: demoPaths.length,
    firstRenderP50Ms: percentile(first, 50),
    firstRenderP99Ms: percentile(first, 99),
    repeatRenderP50Ms: percentile(repeat, 50),
    repeatRenderP99Ms: percentile(repeat, 99),
  };
  await demoStore.close();
  console.log(
    `demo pages: first p50 ${demoRender.firstRenderP50Ms.toFixed(2)} ms, repeat p50 ${demoRender.repeatRenderP50Ms.toFixed(2)} ms`,
  );

  // --- HTTP under load.
  const server = await startServer(app, 0);
  const load = await autocannon({
    url: server.url,
    duration: SECONDS,
    connections: 10,
    // autocannon's typings declare setupRequest over fetch's Request; it really passes its own request object.
    requests: [
      {
        setupRequest: ((req: Record<string, unknown>) => ({
          ...req,
          path: pick(),
        })) as unknown as NonNullable<autocannon.Request['setupRequest']>,
      },
    ],
  });
  await server.close();
  const http = {
    seconds: SECONDS,
    connections: 10,
    requestsPerSecond: load.requests.average,
    latencyP50Ms: load.latency.p50,
    latencyP99Ms: load.latency.p99,
    non2xx: load.non2xx,
    errors: load.errors,
  };
  console.log(
    `http: ${http.requestsPerSecond} req/s, p50 ${http.latencyP50Ms} ms, p99 ${http.latencyP99Ms} ms`,
  );
  await store.close();

  writeResult('site', {
    answers: ANSWERS,
    // The machine is shared: say how busy it was, since every figure here is wall-clock time.
    loadAverageAtStart: loadAtStart,
    loadAverageAtEnd: loadavg(),
    render,
    demoRender,
    targetRenderP50Ms: 5,
    http,
    staticBuild: {
      medbrief: {
        importSeconds: imported.seconds,
        buildSeconds: full.seconds,
        totalSeconds: imported.seconds + full.seconds,
        files: full.value.total,
        pages: full.value.pages,
        unchangedRebuildSeconds: again.seconds,
        unchangedRebuildWritten: again.value.written,
        note: 'medbrief writes answer + hub + reviewer + about pages with JSON-LD, sitemap, feed, JSON API snapshot and search index',
      },
      eleventy,
      eleventyNote:
        'Eleventy 3 on the same Markdown files, one Liquid layout, answer pages only (no hubs, JSON-LD, API or index)',
    },
  });
  rmSync(work, { recursive: true, force: true });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
