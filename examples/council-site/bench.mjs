#!/usr/bin/env node
/**
 * Start-up benchmark of the council site in real Chromium, slowed down like a mid-range phone:
 *
 *   npm run site:bench [-- --runs 3 --rate 4|mid|low --json --detail --only deep --site DIR]
 *
 * Builds the site (or takes one built already: --site DIR), serves it (with the site's CSP), and
 * loads each page `--runs` times with the DevTools protocol's `Emulation.setCPUThrottlingRate` at
 * `--rate` (4× by default). Per load, from a Chromium trace of the page's renderer main thread,
 * from navigation until the element has drawn everything (`data-ready="true"`) and 500 ms more:
 *
 * - the longest task that ran the page's script (any task with script in it: the module, a step
 *   resumed after `scheduler.yield()`, a callback, with what the script forced), and the longest
 *   run of the script alone (in a frame, only the script inside it);
 * - the longest task of the browser's own drawing (style, layout, paint) after the element's module
 *   ran: mostly the layout of what the element wrote, which no script runs in;
 * - the longest task of any kind (with the navigation and the page's own first layout, which a
 *   page with no script at all has too: the role page is that floor);
 * - each of the element's steps (User Timing `career-pathways:*`) with the CPU time of its task;
 * - how many tasks over 50 ms the page's own Long Tasks observer saw, and the gzipped bytes.
 *
 * Two floors are measured in the same run, because a slowed-down Chromium has long tasks of its own:
 * a page of one paragraph and no script (its longest task is navigation and first layout, which
 * every page pays), and the role page (a whole page with no script). And a slowdown is relative to
 * the machine, so the bench scores the machine as Chrome DevTools' CPU calibration does
 * (calibrate.mjs) and prints which phone the slowdown stands for; `--rate mid` or `--rate low`
 * measures at the slowdown that makes this machine score like DevTools' mid-tier or low-tier phone.
 *
 * Figures are thread CPU time (Chromium's throttling keeps the thread busy, so it includes the
 * slowdown; the clock also counts waiting for a core). The machine's load average is printed
 * beside them: on a shared machine every figure is inflated. A benchmark, not a test: it reports,
 * it does not fail on a figure. `--detail` prints what each task over 30 ms is made of; `--only`
 * keeps the scenarios whose name has the text. Three loads per page take about a minute on an
 * idle 2-core machine.
 *
 * Needs Debian's /usr/bin/chromium (CHROMIUM_PATH overrides). Never downloads a browser.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { calibratedRate, calibrationPage, PHONES } from './calibrate.mjs';
import { CSP } from './csp.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');
const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '3' },
    rate: { type: 'string', default: '4' },
    json: { type: 'boolean', default: false },
    detail: { type: 'boolean', default: false },
    only: { type: 'string' },
    site: { type: 'string' },
  },
});
const runs = Math.max(1, Number(values.runs) || 3);
// A number, or the phone to calibrate to (see calibrate.mjs): resolved once the browser is up.
const phone = Object.hasOwn(PHONES, values.rate) ? values.rate : undefined;
let rate = phone ? 1 : Math.max(1, Number(values.rate) || 4);
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--no-first-run',
  '--disable-component-update',
];

// --site DIR: a site built already (by site:build), left as it is; else a fresh build, removed after.
const out = values.site ? resolve(values.site) : mkdtempSync(join(tmpdir(), 'council-site-bench-'));
if (!values.site)
  execFileSync(process.execPath, [join(here, 'build.mjs'), '--quiet', '--outdir', out], {
    cwd: root,
    stdio: 'inherit',
  });

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
};
/** The floor: a page with one paragraph and no script, served beside the site (never written to it). */
const FLOOR_PATH = '/bench-floor.html';
const FLOOR_PAGE =
  '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Floor</title></head><body><p>One paragraph.</p></body></html>';
const server = createServer((req, res) => {
  if (req.url === FLOOR_PATH)
    return void res.writeHead(200, { 'content-type': TYPES['.html'] }).end(FLOOR_PAGE);
  let file = normalize(join(out, decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)));
  if (!file.startsWith(out + sep) && file !== out) return void res.writeHead(403).end();
  if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
  if (!existsSync(file)) return void res.writeHead(404).end();
  res
    .writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'content-security-policy': CSP,
    })
    .end(readFileSync(file));
});
await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
const base = `http://127.0.0.1:${server.address().port}`;

/**
 * The longest RunTask on the page's renderer main thread, in ms: by the clock (`dur`) and by
 * the thread's CPU time (`tdur`); and the longest task that ran script (the element's own work).
 * Chromium's throttling keeps the thread busy, so CPU time includes the slowdown: on an idle
 * machine the two agree; on a busy one (a shared box) the clock also counts time the thread
 * waited for a core, and CPU time is the figure to trust.
 */
function longestTask(traceBuffer, origin) {
  const { traceEvents } = JSON.parse(traceBuffer.toString('utf8'));
  const pagePid = traceEvents.find(
    (e) =>
      ['ParseHTML', 'EvaluateScript', 'v8.compileModule', 'ResourceSendRequest'].includes(e.name) &&
      JSON.stringify(e.args ?? {}).includes(origin),
  )?.pid;
  const mains = new Set(
    traceEvents
      .filter(
        (e) =>
          e.ph === 'M' &&
          e.name === 'thread_name' &&
          e.args?.name === 'CrRendererMain' &&
          e.pid === pagePid,
      )
      .map((e) => `${e.pid}:${e.tid}`),
  );
  const onMain = traceEvents.filter((e) => e.ph === 'X' && mains.has(`${e.pid}:${e.tid}`));
  const tasks = onMain.filter((e) => e.name === 'RunTask');
  // RunYieldContinuation: a task resumed after `scheduler.yield()` (each of the element's steps);
  // it has no FunctionCall of its own, so without it those tasks would not count as script.
  const scripts = onMain.filter((e) =>
    [
      'v8.evaluateModule',
      'TimerFire',
      'RunMicrotasks',
      'FunctionCall',
      'EvaluateScript',
      'RunYieldContinuation',
    ].includes(e.name),
  );
  const runsScript = (t) => scripts.some((e) => e.ts >= t.ts && e.ts + e.dur <= t.ts + t.dur);
  const cpu = (e) => (e.tdur ?? e.dur) / 1000;
  const byStart = [...scripts].sort((a, b) => a.ts - b.ts);
  const firstScript =
    byStart.find((e) => e.name === 'v8.evaluateModule')?.ts ?? Number.POSITIVE_INFINITY;
  const has = (t, names) =>
    onMain.some((e) => names.includes(e.name) && e.ts >= t.ts && e.ts + e.dur <= t.ts + t.dur);
  // A frame paints (a layout the script forces does not).
  const isFrame = (t) => has(t, ['Paint']);
  // The browser laying out or drawing: a frame, or a layout of its own (at the load event).
  const draws = (t) =>
    runsScript(t) ? isFrame(t) : has(t, ['Paint', 'Layout', 'UpdateLayoutTree']);
  // The script's own share of a task. In a frame: its outermost script events (a ResizeObserver
  // callback, with what it forced); the rest is the browser drawing. Any other task that runs
  // script is the script's (a step resumed after scheduler.yield runs its code, and the HTML
  // parsing and layout the code asks for, with no script event around it).
  const scriptShare = (t) => {
    if (!isFrame(t)) return cpu(t);
    let sum = 0;
    let end = -1;
    for (const e of byStart) {
      if (e.ts < t.ts || e.ts + e.dur > t.ts + t.dur || e.ts < end) continue;
      sum += cpu(e);
      end = e.ts + e.dur;
    }
    return sum;
  };
  // The element's steps (User Timing), each with the CPU time of the task it ran in.
  const marks = traceEvents.filter(
    (e) =>
      e.ph === 'b' && e.cat?.includes('blink.user_timing') && e.name.startsWith('career-pathways:'),
  );
  const stepTasks = tasks
    .map((t) => ({
      name: marks
        .filter((m) => m.ts >= t.ts && m.ts <= t.ts + t.dur)
        .map((m) => m.name.slice('career-pathways:'.length))
        .join(' + '),
      ms: cpu(t),
    }))
    .filter((s) => s.name);
  return {
    stepTasks,
    detail: values.detail ? taskDetail(tasks, onMain, traceEvents, cpu, runsScript) : [],
    clock: Math.max(0, ...tasks.map((e) => e.dur / 1000)),
    cpu: Math.max(0, ...tasks.map(cpu)),
    scriptCpu: Math.max(0, ...tasks.filter(runsScript).map(cpu)),
    // The longest run of the page's script alone, and the longest task of the browser's own
    // style, layout and paint after the element's module ran (mostly drawing what the element
    // wrote), without any script inside it. (The bench's own injected scripts are classic
    // scripts: the first module is the element's.)
    ownScriptCpu: Math.max(0, ...tasks.filter(runsScript).map(scriptShare)),
    frameAfterScriptCpu: Math.max(
      0,
      ...tasks
        .filter((t) => t.ts > firstScript && draws(t))
        .map((t) => cpu(t) - (runsScript(t) ? scriptShare(t) : 0)),
    ),
  };
}

/**
 * `--detail`: what each main-thread task over 30 ms CPU is made of — the trace events inside it,
 * by name (with the function or script they ran), and the element's User Timing steps it overlaps.
 */
function taskDetail(tasks, onMain, traceEvents, cpu, runsScript) {
  const steps = traceEvents.filter(
    (e) => e.cat?.includes('blink.user_timing') && e.name.startsWith('career-pathways:'),
  );
  const t0 = Math.min(...tasks.map((t) => t.ts));
  const label = (e) => {
    const d = e.args?.data ?? e.args?.beginData ?? {};
    const what =
      d.functionName ||
      d.url?.replace(/^https?:\/\/[^/]+/, '') ||
      (e.name === 'Layout' && d.totalObjects
        ? `${d.dirtyObjects} of ${d.totalObjects} objects dirty`
        : '');
    return what ? `${e.name}(${what})` : e.name;
  };
  /** The events inside `parent`, as a tree three deep (over 2 ms CPU). */
  const tree = (parent, events, depth) => {
    if (depth > 8) return [];
    const inside = events.filter(
      (e) => e !== parent && e.ts >= parent.ts && e.ts + e.dur <= parent.ts + parent.dur,
    );
    const top = inside.filter(
      (e) =>
        !inside.some(
          (o) => o !== e && o.ts <= e.ts && o.ts + o.dur >= e.ts + e.dur && o.dur > e.dur,
        ),
    );
    return top
      .filter((e) => cpu(e) >= 2)
      .flatMap((e) => [
        `${'  '.repeat(depth)}${label(e)} ${cpu(e).toFixed(1)}`,
        ...tree(e, inside, depth + 1),
      ]);
  };
  return tasks
    .filter((t) => cpu(t) > 30)
    .map((t) => ({
      at: ((t.ts - t0) / 1000).toFixed(0),
      cpu: cpu(t).toFixed(1),
      script: runsScript(t),
      inside: tree(t, onMain, 0),
      steps: [
        ...new Set(
          steps
            .filter((s) => s.ts >= t.ts && s.ts <= t.ts + t.dur)
            .map((s) => s.name.slice('career-pathways:'.length)),
        ),
      ],
    }));
}

/** The element's longest step: median over the loads of each load's longest. */
function longestStep(loads) {
  if (!loads.length) return undefined;
  const longest = loads
    .map((l) => l.reduce((a, b) => (b.ms > a.ms ? b : a), { name: '', ms: 0 }))
    .sort((a, b) => a.ms - b.ms);
  return longest[Math.floor(longest.length / 2)];
}

/** Waits for the element without Playwright's selector engine (its injected script would be a long task of its own). */
async function waitReady(page) {
  for (let i = 0; i < 600; i++) {
    // `busy` while a render runs: wait for the whole start-up (`true`), or its failure.
    const ready = await page.evaluate(
      () => document.querySelector('career-pathways')?.dataset.ready,
    );
    if (ready === 'true' || ready === 'error') return;
    await new Promise((ok) => setTimeout(ok, 100));
  }
  throw new Error('site:bench: the element never became ready');
}

const loadBefore = (await import('node:os')).loadavg();
const started = Date.now();
const browser = await chromium.launch({ executablePath: chromiumPath, args: ARGS });
const calibration = await calibrationPage(browser);
if (phone) rate = await calibratedRate(calibration, PHONES[phone]);
const machine = {
  indexUnthrottled: await calibration.score(1),
  indexAtRate: await calibration.score(rate),
};
await calibration.close();
const scenarios = [
  { name: 'floor: one paragraph, no script', path: FLOOR_PATH, static: true, floor: true },
  { name: 'planner, empty', path: '/' },
  {
    name: 'planner, deep link with routes',
    path: '/?from=newly-qualified-social-worker&to=principal-social-worker',
  },
  { name: 'role page (no JavaScript)', path: '/roles/team-manager.html', static: true },
];
const results = [];
for (const scenario of scenarios.filter((s) => !values.only || s.name.includes(values.only))) {
  const longest = [];
  const longestCpu = [];
  const scriptCpu = [];
  const ownScript = [];
  const stepCpu = [];
  const frames = [];
  const observed = [];
  const ready = [];
  const steps = [];
  let bytes = 0;
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext({ viewport: { width: 412, height: 915 } });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate });
    await page.addInitScript(() => {
      window.__longTasks = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) window.__longTasks.push(e.duration);
      }).observe({ type: 'longtask', buffered: true });
    });
    const fetched = new Set();
    page.on('request', (r) => fetched.add(new URL(r.url()).pathname));
    await browser.startTracing(page, {
      categories: [
        'devtools.timeline',
        'disabled-by-default-devtools.timeline',
        'blink.user_timing',
        ...(values.detail ? ['v8', 'blink'] : []),
      ],
    });
    const t0 = Date.now();
    await page.goto(base + scenario.path);
    if (!scenario.static) await waitReady(page);
    ready.push(Date.now() - t0);
    // Let anything the start-up queued run, then stop.
    await page.waitForTimeout(500);
    const trace = await browser.stopTracing();
    const task = longestTask(trace, base);
    if (values.detail) {
      console.log(`\n${scenario.name}, load ${i + 1}: tasks over 30 ms CPU (start ms, CPU ms)`);
      for (const d of task.detail)
        console.log(
          `  @${d.at} ${d.cpu} ms${d.script ? ' [script]' : ''}${d.steps.length ? ` steps: ${d.steps.join(', ')}` : ''}\n      ${d.inside.join('\n      ')}`,
        );
    }
    stepCpu.push(task.stepTasks);
    longest.push(task.clock);
    ownScript.push(task.ownScriptCpu);
    frames.push(task.frameAfterScriptCpu);
    longestCpu.push(task.cpu);
    scriptCpu.push(task.scriptCpu);
    observed.push(await page.evaluate(() => window.__longTasks.length));
    if (!scenario.static)
      steps.push(
        await page.evaluate(() =>
          performance
            .getEntriesByType('measure')
            .filter((m) => m.name.startsWith('career-pathways:'))
            .map((m) => ({ name: m.name.slice('career-pathways:'.length), ms: m.duration })),
        ),
      );
    if (values.detail && steps.length)
      console.log(
        `  element steps (clock ms): ${steps[steps.length - 1].map((m) => `${m.name} ${m.ms.toFixed(1)}`).join(', ')}`,
      );
    bytes = [...fetched].reduce((sum, path) => {
      const file = join(out, path.endsWith('/') ? `${path}index.html` : path);
      return existsSync(file) ? sum + gzipSync(readFileSync(file), { level: 9 }).length : sum;
    }, 0);
    await context.close();
  }
  const sorted = [...longest].sort((a, b) => a - b);
  const sortedCpu = [...longestCpu].sort((a, b) => a - b);
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  results.push({
    scenario: scenario.name,
    path: scenario.path,
    ...(scenario.floor ? { floor: true } : {}),
    runs,
    cpuSlowdown: rate,
    longestTaskMs: {
      median: sorted[Math.floor(sorted.length / 2)],
      max: sorted[sorted.length - 1],
    },
    longestTaskCpuMs: {
      median: sortedCpu[Math.floor(sortedCpu.length / 2)],
      max: sortedCpu[sortedCpu.length - 1],
    },
    longestScriptTaskCpuMs: { median: median(scriptCpu), max: Math.max(...scriptCpu) },
    longestScriptAloneCpuMs: { median: median(ownScript), max: Math.max(...ownScript) },
    longestFrameAfterScriptCpuMs: { median: median(frames), max: Math.max(...frames) },
    longTasksOver50ms: Math.max(...observed),
    readyMs: { median: [...ready].sort((a, b) => a - b)[Math.floor(ready.length / 2)] },
    longestStep: longestStep(steps),
    longestStepCpu: longestStep(stepCpu),
    // Each step's CPU (the task it ran in), median over the loads, longest first.
    stepsCpuMs: Object.fromEntries(
      [...new Set(stepCpu.flat().map((x) => x.name))]
        .map((name) => [
          name,
          median(
            stepCpu.map((l) => Math.max(0, ...l.filter((x) => x.name === name).map((x) => x.ms))),
          ),
        ])
        .sort((a, b) => b[1] - a[1]),
    ),
    downloadedGzipBytes: bytes,
  });
}
await browser.close();
server.close();
const loadAfter = (await import('node:os')).loadavg();
const seconds = (Date.now() - started) / 1000;

const gz = (f) => gzipSync(readFileSync(join(out, f)), { level: 9 }).length;
const sizes = {
  elementJsGzip: gz('element.js'),
  payloadJsonGzip: gz('payload.json'),
  payloadJsonBytes: statSync(join(out, 'payload.json')).size,
};
if (!values.site) rmSync(out, { recursive: true, force: true });

const uptime = (l) => l.map((x) => x.toFixed(2)).join(', ');
if (values.json) {
  console.log(
    JSON.stringify(
      {
        loadAverage: { before: loadBefore, after: loadAfter },
        seconds,
        cpuSlowdown: rate,
        machine,
        results,
        sizes,
      },
      null,
      2,
    ),
  );
} else {
  const ms = (x) => `${x.toFixed(1)} ms`;
  console.log(
    `Council site start-up: Chromium at ${rate}× CPU slowdown${phone ? ` (calibrated to DevTools' ${phone}-tier phone)` : ''}, 412×915, ${runs} loads per page (median, max).`,
  );
  console.log(
    `This machine scores ${machine.indexUnthrottled.toFixed(0)} on Lighthouse's BenchmarkIndex, ${machine.indexAtRate.toFixed(0)} at ${rate}× (DevTools' mid-tier phone ${PHONES.mid}, low-tier ${PHONES.low}; see calibrate.mjs).`,
  );
  console.log(
    `Load average (uptime: 1, 5, 15 min) ${uptime(loadBefore)} before, ${uptime(loadAfter)} after; ${seconds.toFixed(0)} s.`,
  );
  console.log(
    "Target: the longest main-thread task the page's script causes at start-up ≤ 50 ms (thread CPU time; the clock also counts waiting for a core).",
  );
  const floor = results.find((r) => r.floor);
  for (const r of results) {
    console.log(`\n  ${r.scenario} (${r.path})`);
    if (r.floor) {
      console.log(
        `    longest task of any kind                ${ms(r.longestTaskCpuMs.median)} CPU (max ${ms(r.longestTaskCpuMs.max)}): what any page pays here`,
      );
      continue;
    }
    console.log(
      `    longest task running the page's script  ${ms(r.longestScriptTaskCpuMs.median)} CPU (max ${ms(r.longestScriptTaskCpuMs.max)})`,
    );
    console.log(
      `    longest run of the script alone          ${ms(r.longestScriptAloneCpuMs.median)} CPU (max ${ms(r.longestScriptAloneCpuMs.max)})`,
    );
    console.log(
      `    longest browser drawing after the module ${ms(r.longestFrameAfterScriptCpuMs.median)} CPU (max ${ms(r.longestFrameAfterScriptCpuMs.max)}): style, layout, paint (mostly of what the element wrote)`,
    );
    console.log(
      `    longest task of any kind                ${ms(r.longestTaskCpuMs.median)} CPU (max ${ms(r.longestTaskCpuMs.max)}); by the clock ${ms(r.longestTaskMs.median)} (max ${ms(r.longestTaskMs.max)})${floor ? `; ${(r.longestTaskCpuMs.median / floor.longestTaskCpuMs.median).toFixed(1)}× the floor's` : ''}`,
    );
    if (r.longestStepCpu)
      console.log(
        `    the element's longest steps, CPU of their task (median): ${Object.entries(r.stepsCpuMs)
          .slice(0, 5)
          .map(([name, x]) => `${name} ${ms(x)}`)
          .join(', ')}`,
      );
    console.log(
      `    long tasks (> 50 ms) the page saw: ${r.longTasksOver50ms}; ready in ${r.readyMs.median} ms; ${(r.downloadedGzipBytes / 1024).toFixed(1)} KB gzipped downloaded`,
    );
  }
  console.log(
    `\n  element.js ${(sizes.elementJsGzip / 1024).toFixed(1)} KB gzipped (the planner chunk loads beside the data: see downloads); payload.json ${(sizes.payloadJsonGzip / 1024).toFixed(1)} KB gzipped`,
  );
}
