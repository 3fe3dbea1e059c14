import { readFileSync } from "node:fs";

/**
 * `npx tsx bench/cpu-profile-summary.ts <file.cpuprofile> [count]`: the functions with the most self time in a
 * V8 CPU profile (node --cpu-prof, or CDP Profiler from bench/preview-report.ts with BENCH_PROFILE_DIR), with
 * their script and line, so a missed goal can be traced to a function.
 */
interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const [file, countText] = process.argv.slice(2);
if (!file) {
  process.stderr.write("Usage: npx tsx bench/cpu-profile-summary.ts <file.cpuprofile> [count]\n");
  process.exit(2);
}
const profile = JSON.parse(readFileSync(file, "utf8")) as Profile;
const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const selfMs = new Map<string, number>();
let totalMs = 0;
profile.samples.forEach((id, index) => {
  const frame = byId.get(id)!.callFrame;
  const key = `${frame.functionName || "(anonymous)"}  ${frame.url.replace(/^.*\/(?=[^/]+\/[^/]+$)/, "")}:${frame.lineNumber + 1}:${frame.columnNumber + 1}`;
  const ms = (profile.timeDeltas[index] ?? 0) / 1000;
  totalMs += ms;
  selfMs.set(key, (selfMs.get(key) ?? 0) + ms);
});
process.stdout.write(`${file}: ${totalMs.toFixed(0)} ms sampled; most self time:\n`);
for (const [key, ms] of [...selfMs].sort((a, b) => b[1] - a[1]).slice(0, Number(countText ?? 25))) {
  process.stdout.write(`${ms.toFixed(1).padStart(9)} ms ${((ms / totalMs) * 100).toFixed(1).padStart(5)}%  ${key}\n`);
}
