// Neo4j's Cypher front end over a batch of statements: reads
// {"labels": [...], "relationshipTypes": [...], "statements": [{"id", "text"}]} on stdin and
// writes {"results": [{"id", "diagnostics": [{"severity", "message", "line", "column"}]}],
// "procedures": [names]} on stdout.
//
// `lintCypherQuery` is the semantic analysis of Neo4j's Java front end compiled to
// JavaScript. It catches its own exceptions and then reports nothing, so a clean result
// proves nothing on its own: the Python test first checks that known-bad statements are
// reported (tests/graph/test_neo4j_frontend.py).
import { lintCypherQuery, isNotParamError, testData } from '@neo4j-cypher/language-support';

const VERSION = 'CYPHER 5';

// Neo4j's built-in functions and procedures, as the package ships them (a dump of a Neo4j 5
// server's SHOW FUNCTIONS / SHOW PROCEDURES). That server also had the APOC and GDS plugins,
// which TeamCredit does not require: their names are left out, so using one is an error.
const plugin = (name) => name.startsWith('apoc.') || name.startsWith('gds.');
function builtins(registry) {
  const out = {};
  for (const [name, value] of Object.entries(registry[VERSION] ?? {})) {
    if (!plugin(name)) out[name] = value;
  }
  return { [VERSION]: out };
}

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const input = JSON.parse(Buffer.concat(chunks).toString('utf8'));

const schema = {
  labels: input.labels,
  relationshipTypes: input.relationshipTypes,
  functions: builtins(testData.mockSchema.functions),
  procedures: builtins(testData.mockSchema.procedures),
  defaultLanguage: VERSION,
};

const results = input.statements.map(({ id, text }) => {
  const { diagnostics } = lintCypherQuery(text, schema, { consoleCommandsEnabled: false });
  return {
    id,
    // Parameters are bound at run time: "Parameter $x is not defined" is not a finding.
    diagnostics: diagnostics.filter(isNotParamError).map((d) => ({
      severity: d.severity === 1 ? 'error' : d.severity === 2 ? 'warning' : 'info',
      message: d.message,
      line: d.range.start.line + 1,
      column: d.range.start.character + 1,
    })),
  };
});
process.stdout.write(
  JSON.stringify({ results, procedures: Object.keys(schema.procedures[VERSION]) }),
);
