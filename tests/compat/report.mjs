// Prints the driver x deployment table, every failure, and what the flagged
// (skipped) cases showed; returns the counts for record_counts.
function cell(vs) {
  const pass = vs.filter((v) => v.status === "pass").length;
  const fail = vs.filter((v) => v.status === "fail").length;
  const skip = vs.filter((v) => v.status === "skip").length;
  return `${pass}/${pass + fail}` + (skip ? ` (${skip} skip)` : "") + (fail ? " FAIL" : "");
}

// One check per generation: the npm package's whole result equals the CLI's.
function npmVerdicts(generations) {
  return generations.map((g) => ({
    id: `npm=cli ${g.scenario} ${g.set} ${g.keyFlavor}`, ok: g.npmDifference === null, detail: g.npmDifference,
  }));
}

export function printReport({ cases, verdicts, snippetVerdicts, generations, extraVerdicts = [], seconds }) {
  const drivers = [...new Set(cases.map((c) => c.driver))];
  const columns = [...new Set(cases.map((c) => c.column))];
  const width = [14, ...columns.map(() => 17), 14];
  const row = (cols) => cols.map((c, i) => String(c).padEnd(width[i])).join(" ");
  console.log("\nConnections (passed/run per driver x scenario; each value set + the wrong-host control)");
  console.log(row(["driver", ...columns, "snippet checks"]));
  for (const d of drivers) {
    const snip = snippetVerdicts.filter((s) => s.driver === d);
    const snipOk = snip.filter((s) => s.ok).length;
    console.log(row([d, ...columns.map((col) => cell(verdicts.filter((v) => v.driver === d && v.column === col))),
      `${snipOk}/${snip.length}${snipOk < snip.length ? " FAIL" : ""}`]));
  }
  const npm = npmVerdicts(generations);
  const npmDiffering = npm.filter((v) => !v.ok);
  const npmCases = cases.filter((c) => c.source === "npm").length;
  console.log(`\nnpm package: ${npm.length - npmDiffering.length}/${npm.length} results identical to the CLI's` +
    (npmCases ? `; ${npmCases} differing outputs were run through their drivers too` : "; drivers ran once on each (identical) output"));
  for (const v of npmDiffering) console.log(`  ${v.id}: ${v.detail}`);
  for (const group of extraVerdicts) {
    const bad = group.verdicts.filter((v) => v.status === "fail");
    console.log(`\n${group.title}: ${group.verdicts.length - bad.length}/${group.verdicts.length} passed`);
    for (const v of group.verdicts) console.log(`  ${v.status.padEnd(4)} ${v.id}${v.problems.length ? ": " + v.problems.join("; ").slice(0, 300) : ""}`);
  }
  const allExtra = extraVerdicts.flatMap((g) => g.verdicts);
  const failures = [...verdicts, ...allExtra].filter((v) => v.status === "fail");
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
  const passed = [...verdicts, ...allExtra].filter((v) => v.status === "pass").length +
    snippetVerdicts.filter((s) => s.ok).length + npm.length - npmDiffering.length;
  const failed = failures.length + badSnippets.length + npmDiffering.length;
  console.log(`\ncompat: ${passed} passed, ${failed} failed, ${skipped.length} skipped in ${seconds.toFixed(1)} s`);
  return { passed, failed, skipped: skipped.length, seconds, failures, skippedCases: skipped, badSnippets,
    npmDiffering };
}
