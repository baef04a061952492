// Prints the driver x deployment table, every failure, and what the flagged
// (skipped) cases showed; returns the counts for record_counts.
import { DEPLOYMENTS } from "./values.mjs";

function cell(vs) {
  const pass = vs.filter((v) => v.status === "pass").length;
  const fail = vs.filter((v) => v.status === "fail").length;
  const skip = vs.filter((v) => v.status === "skip").length;
  return `${pass}/${pass + fail}` + (skip ? ` (${skip} skip)` : "") + (fail ? " FAIL" : "");
}

export function printReport({ cases, verdicts, snippetVerdicts, seconds }) {
  const drivers = [...new Set(cases.map((c) => c.driver))];
  const width = [14, ...DEPLOYMENTS.map(() => 22), 20];
  const row = (cols) => cols.map((c, i) => String(c).padEnd(width[i])).join(" ");
  console.log("\nConnections (passed/run per driver x deployment; each value set + the wrong-host control)");
  console.log(row(["driver", ...DEPLOYMENTS, "snippet checks"]));
  for (const d of drivers) {
    const snip = snippetVerdicts.filter((s) => s.driver === d);
    const snipOk = snip.filter((s) => s.ok).length;
    console.log(row([d, ...DEPLOYMENTS.map((dep) => cell(verdicts.filter((v) => v.driver === d && v.deployment === dep))),
      `${snipOk}/${snip.length}${snipOk < snip.length ? " FAIL" : ""}`]));
  }
  const failures = verdicts.filter((v) => v.status === "fail");
  if (failures.length) {
    console.log("\nFailures:");
    for (const f of failures) console.log(`  ${f.id}: ${f.problems.join("; ")}`);
  }
  const skipped = verdicts.filter((v) => v.status === "skip");
  if (skipped.length) {
    console.log("\nSkipped because the core reports value-not-carried (run anyway to check the claim):");
    for (const s of skipped) {
      console.log(`  ${s.id} [${s.flagged.join(",")}]: fails as predicted: ${String(s.problems[0]).slice(0, 140)}`);
    }
  }
  const badSnippets = snippetVerdicts.filter((s) => !s.ok);
  if (badSnippets.length) {
    console.log("\nSnippet failures:");
    for (const s of badSnippets) console.log(`  ${s.id}: ${s.detail}`);
  }
  const passed = verdicts.filter((v) => v.status === "pass").length + snippetVerdicts.filter((s) => s.ok).length;
  const failed = failures.length + badSnippets.length;
  console.log(`\ncompat: ${passed} passed, ${failed} failed, ${skipped.length} skipped in ${seconds.toFixed(1)} s`);
  return { passed, failed, skipped: skipped.length, seconds, failures, skippedCases: skipped, badSnippets };
}
