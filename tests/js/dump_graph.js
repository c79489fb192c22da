// Reads a GraphML or GEXF file with the parsers of Gephi Lite (graphology-graphml,
// graphology-gexf) and prints what they saw as JSON on stdout:
//   {"type", "multi", "warnings": [...], "nodes": [{key, attributes}],
//    "edges": [{key, source, target, attributes}]}
// Any warning or error the XML parser reports is listed in "warnings".
// Usage: node dump_graph.js graphml|gexf FILE
'use strict';

const fs = require('fs');
const Graph = require('graphology');

const [format, file] = process.argv.slice(2);
const parsers = {graphml: 'graphology-graphml', gexf: 'graphology-gexf'};
if (!parsers[format] || !file) {
  process.stderr.write('usage: node dump_graph.js graphml|gexf FILE\n');
  process.exit(2);
}

// xmldom reports recoverable problems through the console: collect them instead.
const warnings = [];
for (const level of ['log', 'info', 'warn', 'error']) {
  console[level] = (...args) => warnings.push(args.map(String).join(' '));
}

const graph = require(parsers[format]).parse(Graph, fs.readFileSync(file, 'utf8'));
const out = {type: graph.type, multi: graph.multi, warnings, nodes: [], edges: []};
graph.forEachNode((key, attributes) => out.nodes.push({key, attributes}));
graph.forEachEdge((key, attributes, source, target) =>
  out.edges.push({key, source, target, attributes}));
process.stdout.write(JSON.stringify(out));
