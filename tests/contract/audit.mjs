// Runs graphql-http's server audit against a live endpoint and prints the results as JSON.
// Usage: node audit.mjs URL [AUTH_HEADER]
import { auditServer } from 'graphql-http';

const [url, authorization] = process.argv.slice(2);
const fetchFn = (input, init = {}) => {
  const headers = new Headers(init.headers);
  if (authorization) headers.set('authorization', authorization);
  return fetch(input, { ...init, headers });
};
const results = await auditServer({ url, fetchFn });
const out = [];
for (const r of results) {
  out.push({
    id: r.id,
    name: r.name,
    status: r.status,
    reason: r.status === 'ok' ? null : r.reason,
  });
}
process.stdout.write(JSON.stringify(out, null, 1));
