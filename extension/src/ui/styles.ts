/**
 * Shadow-DOM styles. `all: initial` on the host keeps LinkedIn's CSS out; text colours meet WCAG
 * AA (>= 4.5:1) on their backgrounds in light and dark schemes (checked by axe-core in the
 * browser tests). The collapsed badge is one line: it never wraps, the headline is cut with "…".
 */
export const STYLES = `
:host { all: initial; display: block; margin: 4px 12px 8px; font: 13px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1f2328; }
:host([hidden]) { display: none; }
.tc { border: 1px solid #c9d1d9; border-radius: 6px; background: #ffffff; padding: 1px 6px; }
.tc.draft { border-color: #0a66c2; }
.line { display: flex; flex-wrap: nowrap; align-items: center; gap: 6px; margin: 0; min-width: 0; white-space: nowrap; }
.brand { flex: none; font-weight: 600; color: #0b4f96; }
button { font: inherit; color: inherit; cursor: pointer; }
.toggle { flex: 1 1 auto; min-width: 0; display: flex; align-items: center; gap: 6px; background: none; border: 0; padding: 2px 4px; border-radius: 4px; text-align: start; white-space: nowrap; }
.toggle:hover .more { text-decoration: underline; }
.headline { flex: 0 1 auto; min-width: 0; overflow: hidden; text-overflow: ellipsis; }
button:focus-visible, a:focus-visible, summary:focus-visible { outline: 2px solid #0a66c2; outline-offset: 2px; }
.badge { flex: none; border-radius: 999px; padding: 0 7px; font-weight: 600; font-size: 12px; }
.badge.individual { background: #fde8d7; color: #7a2e00; }
.badge.balanced { background: #e6edf5; color: #1d3a5f; }
.badge.collective { background: #dcf2e3; color: #14532d; }
.badge.mixed { background: #eeeeee; color: #333333; }
.more { flex: none; margin-inline-start: auto; color: #0b4f96; }
.details { margin: 4px 0 6px; display: grid; gap: 6px; }
.details[hidden] { display: none; }
.row { display: flex; flex-wrap: wrap; gap: 4px 8px; align-items: baseline; }
.label { font-weight: 600; margin: 0; }
ul { display: inline; list-style: none; margin: 0; padding: 0; }
li { display: inline; }
.people li:not(:last-child)::after, .evidence li:not(:last-child)::after { content: ", "; }
.kind { color: #57606a; font-size: 12px; }
mark { background: #fff1a8; color: #1f2328; border-radius: 2px; padding: 0 2px; }
p { margin: 0; }
.suggestion blockquote { margin: 4px 0; padding: 3px 8px; border-inline-start: 3px solid #0a66c2; background: #f3f6f8; white-space: pre-wrap; }
.actions { display: flex; flex-wrap: wrap; align-items: center; gap: 8px; }
.actions button { border-radius: 999px; padding: 2px 12px; font-weight: 600; border: 1px solid #0a66c2; background: #ffffff; color: #0b4f96; }
.actions button.primary { background: #0a66c2; color: #ffffff; }
.actions button.primary:hover { background: #004182; }
.done, .note, .culture { color: #3d444d; }
a.source { color: #0b4f96; }
details.source { display: inline; }
summary { display: inline; cursor: pointer; color: #0b4f96; text-decoration: underline; }
@media (prefers-color-scheme: dark) {
  :host { color: #e6edf3; }
  .tc { background: #1b1f23; border-color: #3d444d; }
  .brand, .more, a.source, summary { color: #8cc4ff; }
  .kind { color: #9da7b3; }
  .badge.individual { background: #5a2600; color: #ffe2cc; }
  .badge.balanced { background: #1d3a5f; color: #dbe8f7; }
  .badge.collective { background: #14532d; color: #d8f5e1; }
  .badge.mixed { background: #3a3a3a; color: #eeeeee; }
  mark { background: #6b5a00; color: #fff8d6; }
  .done, .note, .culture { color: #c2ccd6; }
  .suggestion blockquote { background: #22272e; }
  .actions button { background: #1b1f23; color: #8cc4ff; border-color: #8cc4ff; }
  .actions button.primary { background: #8cc4ff; color: #0d1117; }
  .actions button.primary:hover { background: #b6dbff; }
  button:focus-visible, a:focus-visible, summary:focus-visible { outline-color: #8cc4ff; }
}
`;

/** The page's one status line (status-line.ts): fixed at the bottom, above LinkedIn's chat. */
export const STATUS_STYLES = `
:host { all: initial; position: fixed; z-index: 2147483000; inset-inline-start: 16px; bottom: 16px; max-width: min(560px, calc(100vw - 32px)); font: 13px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1f2328; }
:host([hidden]) { display: none; }
.bar { display: flex; gap: 10px; align-items: flex-start; border: 1px solid #bc4c00; border-radius: 8px; background: #fff8f2; padding: 8px 10px; box-shadow: 0 2px 8px rgba(0,0,0,.15); }
p { margin: 0; }
button { flex: none; font: inherit; font-weight: 600; cursor: pointer; border-radius: 999px; padding: 1px 10px; border: 1px solid #6e2b00; background: #ffffff; color: #6e2b00; }
button:focus-visible { outline: 2px solid #0a66c2; outline-offset: 2px; }
@media (prefers-color-scheme: dark) {
  :host { color: #e6edf3; }
  .bar { background: #2b1a0d; border-color: #ffb77a; }
  button { background: #1b1f23; color: #ffb77a; border-color: #ffb77a; }
  button:focus-visible { outline-color: #8cc4ff; }
}
`;
