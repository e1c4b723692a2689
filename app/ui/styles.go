package ui

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// pageStyle is the style of the parts of the page this package added after the site's
// style sheet (app/site/static/web/style.css) was written: the embed view, the share panel, the
// panel toggles. It is a <style> element in the page (which the site's
// Content-Security-Policy allows: style-src 'unsafe-inline'), so the components and
// their look ship together in app.wasm; it uses the style sheet's colours (its :root
// variables) and classes (.btn, .chip, .card), and may move into it as it is.
//
// It is written as raw HTML: a <style> element's text is not HTML-escaped by the parser,
// and go-app would escape the quotes and ">" of the selectors.
func pageStyle() app.UI {
	return app.Raw("<style>" + pageCSS + lessonCSS + teacherCSS + "</style>")
}

const pageCSS = `
.slot:empty { display: none; }

/* ------------------------------------------------ panel toggles (full page) */
.panel-bar { display: flex; flex-wrap: wrap; align-items: center; gap: 6px; }
.panel-bar-label { color: var(--ink-soft); font-size: 0.85rem; font-weight: 600; margin-right: 2px; }
@media (max-width: 419px) {
  .panel-bar-label { display: none; }
}
.chip.chip-small { min-height: 32px; padding: 4px 10px; font-size: 0.85rem; }

/* ------------------------------------------------ the memory wall's zoom (under the canvas) */
.wall-zoom { display: flex; flex-wrap: wrap; align-items: center; gap: 6px; margin-top: 6px; }
.wall-zoom-label { color: var(--ink-soft); font-size: 0.85rem; font-variant-numeric: tabular-nums; min-width: 8em; text-align: center; }

/* ------------------------------------------------ before and after an input randomization */
.input-strip { margin: 0; display: flex; flex-direction: column; gap: 4px; }
.input-strip-line { display: flex; align-items: center; gap: 6px; flex-wrap: wrap; }
.input-strip-row { color: var(--ink-soft); font-size: 0.85rem; width: 3.5em; }
.input-strip-img { image-rendering: pixelated; width: 48px; height: 48px; border: 1px solid var(--ink-soft); }
.input-strip figcaption { color: var(--ink-soft); font-size: 0.85rem; }

/* ------------------------------------------------ the paper's figures */
.figures { display: flex; flex-direction: column; gap: 6px; }
.figures-title { margin: 0; font-size: 0.92rem; color: var(--ink-soft); }
.figure-options { display: flex; flex-wrap: wrap; align-items: center; gap: 6px 16px; font-size: 0.88rem; }
.figure-option select { margin-left: 4px; min-height: 32px; font: inherit; }
.figure-progress { display: flex; flex-wrap: wrap; align-items: center; gap: 4px 10px; margin: 0 0 8px; }
.figure-progress progress { flex: 1 1 120px; height: 10px; accent-color: var(--accent); }
.figure-progress p { margin: 0; color: var(--ink-soft); font-size: 0.88rem; }
.figure-empty { color: var(--ink-soft); font-style: italic; }

/* ------------------------------------------------ notices */
.notice ul { flex: 1 1 240px; }
.notice li { overflow-wrap: anywhere; }

/* ------------------------------------------------ share and export */
.share-panel {
  display: flex; flex-direction: column; gap: 14px;
  background: var(--card); border: 1px solid var(--line); border-radius: var(--radius);
  padding: 12px 14px;
}
.share-panel h2 { margin: 0; font-size: 1.05rem; }
.share-label { display: block; margin: 0 0 5px; font-size: 0.92rem; font-weight: 700; }
.share-help { margin: 5px 0 0; color: var(--ink-soft); font-size: 0.8rem; line-height: 1.4; }
.copy-row { display: flex; gap: 8px; align-items: flex-start; }
.copy-row .btn { flex: none; }
.copy-field {
  flex: 1 1 auto; min-width: 0; min-height: 40px; margin: 0; padding: 8px 9px;
  font: 0.8rem/1.45 ui-monospace, "SF Mono", SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace;
  color: var(--ink); background: #f8f9fb;
  border: 1px solid var(--line-strong); border-radius: 7px;
}
textarea.copy-field { resize: vertical; min-height: 6.4em; word-break: break-all; }
.embed-options { margin: 0 0 12px; padding: 0; border: 0; min-width: 0; }
.check-grid {
  display: grid; grid-template-columns: repeat(auto-fill, minmax(112px, 1fr));
  gap: 2px 10px; margin: 0 0 4px;
}
.check-grid + .check-grid { grid-template-columns: minmax(0, 1fr); }
.check { display: flex; align-items: center; gap: 7px; min-height: 30px; font-size: 0.88rem; cursor: pointer; }
.check input { flex: none; width: 17px; height: 17px; margin: 0; accent-color: var(--accent); }
.share-status { margin: -6px 0 0; color: var(--good); font-size: 0.85rem; font-weight: 600; }
.share-status:empty { display: none; }
.share-block > .share-status { margin: 8px 0 0; }
.export-row { display: flex; flex-wrap: wrap; gap: 8px; }
@media (max-width: 399px) {
  .copy-row { flex-direction: column; align-items: stretch; }
}

/* ------------------------------------------------ transport with fewer buttons (embed) */
@media (max-width: 499px) {
  .transport-0 .transport-buttons { display: none; }
  .transport-1 .transport-buttons { grid-template-columns: minmax(0, 1fr); }
  .transport-2 .transport-buttons { grid-template-columns: repeat(2, minmax(0, 1fr)); }
  .transport-3 .transport-buttons { grid-template-columns: repeat(3, minmax(0, 1fr)); }
}

/* ------------------------------------------------ the embed view */
.embed {
  display: flex; flex-direction: column; gap: 8px;
  min-height: 100vh; min-height: 100dvh;
  padding: 8px;
}
.embed.embed-fill { height: 100vh; height: 100dvh; }
.embed-fill .canvas-wrap { flex: 1 1 0; min-height: 160px; aspect-ratio: auto; }
.embed .canvas-wrap { flex: none; border-radius: 8px; }
.embed-fill .canvas-wrap { flex: 1 1 0; }
.embed-bar {
  display: flex; flex-wrap: wrap; align-items: center; justify-content: space-between;
  gap: 6px 14px;
}
.embed-bar:empty { display: none; }
.embed-bar .transport { flex: 1 1 auto; gap: 6px 14px; }
.embed .btn { min-height: 36px; padding: 5px 12px; }
.embed .speed input[type="range"] { width: 96px; }
.embed-open {
  margin-left: auto; color: var(--ink-soft); font-size: 0.8rem; white-space: nowrap;
  text-decoration: none; padding: 6px 2px;
}
.embed-open:hover { color: var(--accent); text-decoration: underline; }
.embed .notice { padding: 8px 10px; font-size: 0.85rem; }
.embed .notice .btn-quiet { min-height: 30px; padding: 2px 10px; }
.embed .presets .look-for { margin-top: 6px; font-size: 0.85rem; }
.embed-settings > summary { cursor: pointer; padding: 2px 0 6px; }
@media (max-width: 379px) {
  /* Four buttons in a 320 px frame (less a scroll bar): their names, without icons. */
  .embed .transport-4 .icon { display: none; }
  .embed .transport-4 .transport-buttons .btn { padding: 5px 2px; }
}
@media (max-width: 499px) {
  .embed { padding: 6px; gap: 6px; }
  .embed-bar .transport { width: 100%; }
  .embed-open { margin: 0 auto; }
}
`

// teacherCSS is the style of a teacher's locked lesson (teacher_lock.go) and of what
// keeps the page within a phone's width (issue #11: the figure tables, the zoomed wall).
const teacherCSS = `
/* ------------------------------------------------ a teacher's locked lesson */
.lock-note {
  margin: 0 0 8px; padding: 6px 10px; font-size: 0.85rem; line-height: 1.4;
  background: var(--card); border: 1px dashed var(--line-strong); border-radius: 8px;
}
.lock-note a { color: var(--accent); white-space: nowrap; }

/* ------------------------------------------------ many runs in a narrow numbers panel
   The readouts panel is a container: when three runs are in less than 340 px, or four in
   less than 480 (a phone; four beside the canvas), each column is narrowed to its numbers:
   the heads keep "Run 1" for the eye (the names, still in the heads for screen readers,
   move to the legend above), units go under their numbers, and the type shrinks a step.
   The table stays a table; nothing scrolls sideways. */
.readouts { container-type: inline-size; }
.run-legend { display: none; }
@container (max-width: 339px) {
  .readouts:has(.runs-3) .run-legend { display: flex; }
  .runs-3 { font-size: 0.8rem; }
  .runs-3 th, .runs-3 td { padding: 4px 2px; }
  .runs-3 .run-index { letter-spacing: 0; }
  .runs-3 .run-dot { margin-right: 3px; }
  .runs-3 .run-head { min-width: 0; }
  .runs-3 .run-head > :not(.run-index) { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
  .runs-3 .unit { display: block; font-size: 0.72rem; }
  .runs-3 .badge { padding: 1px 5px; font-size: 0.7rem; }
}
@container (max-width: 479px) {
  .readouts:has(.runs-4) .run-legend { display: flex; }
  .runs-4 { font-size: 0.8rem; }
  .runs-4 th, .runs-4 td { padding: 4px 2px; }
  .runs-4 .run-index { letter-spacing: 0; }
  .runs-4 .run-dot { margin-right: 3px; }
  .runs-4 .run-head { min-width: 0; }
  .runs-4 .run-head > :not(.run-index) { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
  .runs-4 .unit { display: block; font-size: 0.72rem; }
  .runs-4 .badge { padding: 1px 5px; font-size: 0.7rem; }
}
.run-legend {
  flex-direction: column; gap: 2px; margin: 0 0 6px; padding: 0; list-style: none;
  font-size: 0.8rem; color: var(--ink-soft);
}
.run-legend li { display: flex; flex-wrap: wrap; align-items: baseline; gap: 0 6px; }
.run-legend strong { color: var(--ink); }
.run-legend .run-variant { display: inline; }

/* ------------------------------------------------ a figure's table in a narrow column
   Up to five measures beside the runs' names: in less than 480 px the heads take their
   short names (abbr, its title the full one; screen readers still say the full name, only
   hidden from the eye), the type shrinks a step and the cells' padding narrows, so that
   the table fits without scrolling sideways. */
.metric-short { display: none; text-decoration: none; }
@container (max-width: 479px) {
  .figure-table .readout-table { font-size: 0.75rem; }
  .figure-table .readout-table th, .figure-table .readout-table td { padding: 4px 2px; }
  .figure-table .metric-short { display: inline; }
  .figure-table .metric-full { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
}
`
