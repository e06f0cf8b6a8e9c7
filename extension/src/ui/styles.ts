/**
 * Shadow-DOM styles. `all: initial` on the host keeps LinkedIn's CSS out; colours meet WCAG AA
 * (>= 4.5:1) for text on their backgrounds, in light and dark schemes.
 */
export const STYLES = `
:host { all: initial; display: block; margin: 8px 12px 12px; font: 13px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1f2328; }
:host([hidden]) { display: none; }
.tc { border: 1px solid #c9d1d9; border-radius: 8px; background: #ffffff; padding: 6px 10px; }
.tc.draft { border-color: #0a66c2; }
.line { display: flex; flex-wrap: wrap; align-items: center; gap: 6px; margin: 0; }
.line.error { color: #6e2b00; }
.brand { font-weight: 600; color: #0b4f96; }
button { font: inherit; color: inherit; cursor: pointer; }
.toggle { display: inline-flex; flex-wrap: wrap; align-items: center; gap: 6px; background: none; border: 0; padding: 2px 4px; border-radius: 4px; text-align: start; }
.toggle:hover .more { text-decoration: underline; }
button:focus-visible { outline: 2px solid #0a66c2; outline-offset: 2px; }
.badge { border-radius: 999px; padding: 1px 8px; font-weight: 600; }
.badge.individual { background: #fde8d7; color: #7a2e00; }
.badge.balanced { background: #e6edf5; color: #1d3a5f; }
.badge.collective { background: #dcf2e3; color: #14532d; }
.badge.mixed { background: #eeeeee; color: #333333; }
.sep { color: #57606a; }
.more { color: #0b4f96; }
.details { margin-top: 6px; }
.details[hidden] { display: none; }
h3 { font-size: 13px; margin: 10px 0 4px; }
ul { margin: 0; padding-inline-start: 18px; }
li { margin: 2px 0; }
.kind { color: #57606a; font-size: 12px; }
mark { background: #fff1a8; color: #1f2328; border-radius: 2px; padding: 0 1px; }
.why { display: block; color: #3d444d; }
.phrasing blockquote { margin: 6px 0; padding: 4px 8px; border-inline-start: 3px solid #0a66c2; background: #f3f6f8; white-space: pre-wrap; }
.copy { background: #0a66c2; color: #ffffff; border: 0; border-radius: 999px; padding: 3px 12px; font-weight: 600; }
.copy:hover { background: #004182; }
.copied, .note, .sources { color: #3d444d; }
.sources { font-size: 12px; }
@media (prefers-color-scheme: dark) {
  :host { color: #e6edf3; }
  .tc { background: #1b1f23; border-color: #3d444d; }
  .brand, .more { color: #8cc4ff; }
  .line.error { color: #ffb77a; }
  .sep, .kind { color: #9da7b3; }
  .badge.individual { background: #5a2600; color: #ffe2cc; }
  .badge.balanced { background: #1d3a5f; color: #dbe8f7; }
  .badge.collective { background: #14532d; color: #d8f5e1; }
  .badge.mixed { background: #3a3a3a; color: #eeeeee; }
  mark { background: #6b5a00; color: #fff8d6; }
  .why, .copied, .note, .sources { color: #c2ccd6; }
  .phrasing blockquote { background: #22272e; }
}
`;
