"""Writes the two notebooks from the cells below (run: python3 make.py). Edit here, not the .ipynb."""
import json

def nb(cells, kernel, lang):
    out = []
    for kind, src in cells:
        src = src.strip("\n")
        lines = [l + "\n" for l in src.split("\n")]
        lines[-1] = lines[-1].rstrip("\n")
        cell = {"cell_type": kind, "metadata": {}, "source": lines}
        if kind == "code":
            cell["execution_count"] = None
            cell["outputs"] = []
        out.append(cell)
    return {"cells": out, "metadata": {"kernelspec": kernel, "language_info": {"name": lang}}, "nbformat": 4, "nbformat_minor": 5}

TS = [
("markdown", """
# career-lattice in TypeScript (Deno kernel)

Questions about social work careers in England, answered with the **built** package (`dist/`) in
Jupyter's Deno kernel. Set up once (see the README's analyst section):

```sh
npm run build
npx deno jupyter --install      # registers the "deno" kernel
jupyter notebook examples/notebooks/career-lattice.ipynb
```
"""),
("code", """
import {
  createLattice, ukSocialWork, routeRows, gapRows, toSvg, datasetFromOnet, type Row,
} from "../../dist/index.js";

const lattice = createLattice(ukSocialWork);
const esc = (s: unknown) => String(s ?? "").replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]!);
/** Rows as an HTML table (every cell escaped). */
function table(rows: readonly Row[], columns: readonly string[]) {
  const head = columns.map((c) => `<th>${esc(c)}</th>`).join("");
  const body = rows.map((r) => `<tr>${columns.map((c) => `<td>${esc(r[c])}</td>`).join("")}</tr>`).join("");
  return Deno.jupyter.html`${`<table><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`}`;
}
console.log(`${lattice.dataset.title}: ${lattice.dataset.roles.length} roles, ${lattice.transitions().length} moves`);
"""),
("markdown", "## Routes: newly qualified social worker to principal social worker, best first"),
("code", """
const routes = lattice.pathsBetween("newly-qualified-social-worker", "principal-social-worker", { limit: 3 }).routes;
if (routes.length === 0) throw new Error("expected a route from NQSW to principal social worker");
const rows = routeRows(lattice, routes);
console.log(`route 1: ${routes[0].months} months, ${routes[0].steps} steps`);
table(rows, ["route", "step", "to_title", "kind", "months", "cumulative_months", "requires_qualifications"]);
"""),
("markdown", "## Prerequisites: what becoming an approved mental health professional takes"),
("code", """
const amhp = lattice.prerequisitesFor("approved-mental-health-professional");
console.log(`every route needs: ${amhp.every.join(", ") || "nothing in particular"}`);
console.log(`quickest: ${amhp.months} months, ${amhp.steps} steps`);
table(amhp.incoming.map((i) => ({ from: i.from.title, kind: i.transition.kind, months: i.transition.months, needs: (i.requires.qualifications ?? []).join(" ") })), ["from", "kind", "months", "needs"]);
"""),
("markdown", "## A gap: a social worker with registration and the ASYE, 18 months in post, aiming for team manager"),
("code", """
const gap = lattice.gapTo({ role: "social-worker", qualifications: ["social-work-england-registration", "asye"], monthsInRole: 18, monthsQualified: 30 }, "team-manager");
if (!gap.reachable) throw new Error("expected team manager to be reachable");
console.log(`gap months: ${gap.months}`);
table(gapRows(lattice, gap), ["step", "to_title", "kind", "wait", "duration", "cumulative_months", "missing_months_qualified"]);
"""),
("markdown", "## The route as a diagram (`toSvg`)"),
("code", """
const best = routes[0];
const picture = toSvg(lattice, { highlight: { route: best }, roles: [...best.roles], direction: "LR", idPrefix: "nb-route" });
if (!picture.startsWith("<svg")) throw new Error("expected an SVG");
await Deno.jupyter.display({ "image/svg+xml": picture, "text/plain": best.roles.join(" -> ") }, { raw: true });
"""),
("markdown", "## The O*NET taxonomy (when its files are present)\n\nSet `ONET_DIR` to the folder holding `Related Occupations.txt`, `Job Zones.txt` and `Occupation Data.txt` (O*NET 29.3 Database, USDOL/ETA, CC BY 4.0)."),
("code", """
const onetDir = Deno.env.get("ONET_DIR");
let onetSummary = "O*NET: skipped (set ONET_DIR)";
if (onetDir) {
  try {
    const read = (f: string) => Deno.readTextFileSync(`${onetDir}/${f}`);
    const onet = createLattice(datasetFromOnet({ related: read("Related Occupations.txt"), jobZones: read("Job Zones.txt"), occupations: read("Occupation Data.txt") }));
    const byZone = [1, 2, 3, 4, 5].map((z) => ({ job_zone: z, occupations: onet.roles({ level: z }).length }));
    onetSummary = `O*NET: ${onet.dataset.roles.length} occupations, ${onet.transitions().length} links`;
    console.log(onetSummary);
    table(byZone, ["job_zone", "occupations"]);
  } catch (error) {
    if (error instanceof Deno.errors.NotFound) console.log(`O*NET: skipped (${onetDir} has no O*NET tables)`);
    else throw error;
  }
} else console.log(onetSummary);
"""),
]

PY = [
("markdown", """
# career-lattice in Python (pandas, networkx, matplotlib)

Reads what the command line writes — CSV rows and a GraphML export — into pandas and networkx.
Set up once (Debian's packages; see the README's analyst section):

```sh
sudo apt-get install jupyter-nbconvert python3-ipykernel python3-pandas python3-networkx python3-matplotlib
npm run build
jupyter nbconvert --to notebook --execute examples/notebooks/career-lattice-python.ipynb
```

`CAREER_LATTICE` names the command (default: `node ../../dist/cli.cjs`).
"""),
("code", """
import io, os, shlex, subprocess
import pandas as pd
import networkx as nx
%matplotlib inline
import matplotlib.pyplot as plt

CLI = shlex.split(os.environ.get("CAREER_LATTICE", "node ../../dist/cli.cjs"))

def run(*args):
    \"\"\"Runs career-lattice and returns its stdout (exit 1, nothing found, is not an error).\"\"\"
    done = subprocess.run([*CLI, *args], capture_output=True, text=True)
    if done.returncode not in (0, 1):
        raise RuntimeError(f"career-lattice {' '.join(args)} failed ({done.returncode}): {done.stderr}")
    return done.stdout

def csv(*args):
    return pd.read_csv(io.StringIO(run(*args, "--format", "csv")))
"""),
("markdown", "## Routes as a DataFrame: one row per step"),
("code", """
routes = csv("paths", "newly-qualified-social-worker", "principal-social-worker", "--limit", "5")
assert len(routes) > 0, "expected routes"
assert routes.groupby("route")["cumulative_months"].max().equals(routes.groupby("route")["route_months"].first()), "cumulative months must add up to the route's months"
print(routes.groupby("route").agg(months=("route_months", "first"), steps=("step", "max")))
routes[["route", "step", "to_title", "kind", "months", "cumulative_months"]].head(12)
"""),
("markdown", "## Least months between roles: a heatmap from `career-lattice matrix`"),
("code", """
matrix = pd.read_csv(io.StringIO(run("matrix")))
roles = pd.read_csv(io.StringIO(run("roles", "--format", "csv")))
assert len(matrix) == len(roles) * (len(roles) - 1), "one row per ordered pair"
practice = roles[roles.track.isin(["practice", "management"])].sort_values(["level", "id"]).id.tolist()
grid = matrix[matrix["from"].isin(practice) & matrix["to"].isin(practice)].pivot(index="from", columns="to", values="months").reindex(index=practice, columns=practice)
fig, ax = plt.subplots(figsize=(9, 8))
im = ax.imshow(grid.values.astype(float), cmap="viridis")
ax.set_xticks(range(len(practice)), practice, rotation=90, fontsize=7)
ax.set_yticks(range(len(practice)), practice, fontsize=7)
fig.colorbar(im, label="least months (blank: no route)")
ax.set_title("Least months from role (row) to role (column)")
fig.tight_layout()
plt.show()
reachable = matrix.months.notna().mean()
print(f"{len(matrix)} ordered pairs; {reachable:.0%} reachable")
"""),
("markdown", "## Centrality of roles in the lattice (GraphML export, networkx)"),
("code", """
import tempfile
path = os.path.join(tempfile.mkdtemp(), "lattice.graphml")
run("export", "--format", "graphml", "--out", path)
g = nx.read_graphml(path)
assert g.number_of_nodes() == len(roles), "every role is a node"
simple = nx.DiGraph(g)
between = nx.betweenness_centrality(simple)
central = pd.DataFrame({"role": list(between), "betweenness": list(between.values())})
central["in_degree"] = central.role.map(dict(simple.in_degree()))
central["out_degree"] = central.role.map(dict(simple.out_degree()))
central = central.sort_values("betweenness", ascending=False).reset_index(drop=True)
assert central.betweenness.iloc[0] > 0
print(f"most central role: {central.role.iloc[0]}")
central.head(10)
"""),
]

json.dump(nb(TS, {"name": "deno", "display_name": "Deno", "language": "typescript"}, "typescript"), open("career-lattice.ipynb", "w"), indent=1)
json.dump(nb(PY, {"name": "python3", "display_name": "Python 3", "language": "python"}, "python"), open("career-lattice-python.ipynb", "w"), indent=1)
