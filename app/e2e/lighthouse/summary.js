// summary.js NAME FORM REPORT: prints the accessibility score of a Lighthouse JSON
// report, and each failing audit with the elements it failed on; exits 1 under 100.
const fs = require("fs");
const [name, form, file] = process.argv.slice(2);
const lhr = JSON.parse(fs.readFileSync(file, "utf8"));
const cat = lhr.categories.accessibility;
const score = Math.round(cat.score * 100);
console.log(`${name} (${form}): accessibility ${score}  ${lhr.finalDisplayedUrl}`);
for (const ref of cat.auditRefs) {
  const a = lhr.audits[ref.id];
  if (ref.weight === 0 || a.score === null || a.score === 1) continue;
  console.log(`  FAIL ${a.id}: ${a.title}`);
  for (const item of (a.details && a.details.items) || []) {
    const n = item.node || {};
    console.log(`    ${n.selector || ""}  ${(n.explanation || "").replace(/\s+/g, " ").slice(0, 300)}`);
  }
}
process.exit(score === 100 ? 0 : 1);
