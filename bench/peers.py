"""
Python peers for the k-shortest-routes benchmark: networkx shortest_simple_paths and
igraph get_k_shortest_paths, timed inside Python (time.perf_counter around the query only;
graphs built once).

Usage: peers.py GRAPH.tsv PAIRS.tsv K
  GRAPH.tsv: "n m" then one "u<TAB>v<TAB>weight" per transition (node indices)
  PAIRS.tsv: one "s<TAB>t" per query
Then, on stdin, one command per line: "round nx ig" (either or both) runs every pair once with
each named library and prints one JSON line: {"nx": [ms...], "ig": [ms...], "nxW": [[w...]...],
"igW": [[w...]...]}. "quit" ends.

networkx's shortest_simple_paths does not take multigraphs: it gets a DiGraph with the cheapest
of parallel transitions (so its k routes are node paths). igraph gets the multigraph itself
(its k routes are edge paths, as ours are: parallel transitions are different routes).
"""
import json
import sys
import time
from itertools import islice


def main():
    graph_file, pairs_file, k = sys.argv[1], sys.argv[2], int(sys.argv[3])
    import networkx as nx
    import igraph

    with open(graph_file) as f:
        n, m = map(int, f.readline().split())
        edges = []
        weights = []
        for line in f:
            u, v, w = line.split('\t')
            edges.append((int(u), int(v)))
            weights.append(float(w))
    pairs = []
    with open(pairs_file) as f:
        for line in f:
            s, t = line.split('\t')
            pairs.append((int(s), int(t)))

    t0 = time.perf_counter()
    G = nx.DiGraph()
    G.add_nodes_from(range(n))
    for (u, v), w in zip(edges, weights):
        if G.has_edge(u, v):
            if w < G[u][v]['weight']:
                G[u][v]['weight'] = w
        else:
            G.add_edge(u, v, weight=w)
    t1 = time.perf_counter()
    g = igraph.Graph(n=n, edges=edges, directed=True)
    g.es['weight'] = weights
    t2 = time.perf_counter()
    print(json.dumps({'ready': True, 'networkx': nx.__version__, 'igraph': igraph.__version__,
                      'buildNx': (t1 - t0) * 1000, 'buildIg': (t2 - t1) * 1000}), flush=True)

    def run_nx(s, t):
        start = time.perf_counter()
        try:
            paths = list(islice(nx.shortest_simple_paths(G, s, t, weight='weight'), k))
        except nx.NetworkXNoPath:
            paths = []
        elapsed = (time.perf_counter() - start) * 1000
        ws = [sum(G[a][b]['weight'] for a, b in zip(p, p[1:])) for p in paths]
        return elapsed, ws

    def run_ig(s, t):
        start = time.perf_counter()
        paths = g.get_k_shortest_paths(s, t, k=k, weights='weight', mode='out', output='epath')
        elapsed = (time.perf_counter() - start) * 1000
        ws = [sum(weights[e] for e in p) for p in paths]
        return elapsed, ws

    for line in sys.stdin:
        cmd = line.split()
        if not cmd or cmd[0] == 'quit':
            break
        out = {}
        if 'nx' in cmd:
            res = [run_nx(s, t) for s, t in pairs]
            out['nx'] = [r[0] for r in res]
            out['nxW'] = [r[1] for r in res]
        if 'ig' in cmd:
            res = [run_ig(s, t) for s, t in pairs]
            out['ig'] = [r[0] for r in res]
            out['igW'] = [r[1] for r in res]
        print(json.dumps(out), flush=True)


if __name__ == '__main__':
    main()
