/** The report page's CSS: readable on screen, and complete on paper (every section, every table). */
export const toReportStyle = (fontCss: string, family: string): string => `${fontCss}
:root{--ink:#1a1a1a;--muted:#555;--line:#d0d0d0;--accent:#0072B2;--panel:#f6f7f8}
*{box-sizing:border-box}
body{margin:0;font-family:"${family}",Arial,sans-serif;color:var(--ink);line-height:1.5;background:#fff}
header,main,footer{max-width:1200px;margin:0 auto;padding:0 20px}
header{padding-top:24px}
h1{font-size:1.8rem;margin:.2em 0}
h2{font-size:1.35rem;margin:1.8em 0 .4em;padding-top:.6em;border-top:2px solid var(--line)}
h3{font-size:1.05rem;margin:1.2em 0 .3em}
nav ul{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.4em 1.2em}
a{color:var(--accent)}
.lead{font-size:1.1rem;color:var(--muted);max-width:60em}
.figures{display:grid;grid-template-columns:repeat(auto-fit,minmax(200px,1fr));gap:12px;margin:1em 0}
.figure{background:var(--panel);border-radius:8px;padding:12px 14px}
.figure b{display:block;font-size:1.5rem}
figure{margin:1em 0;overflow-x:auto}
figure svg{max-width:100%;height:auto}
.swimlane svg{max-width:none}
#map-frame{border:1px solid var(--line);border-radius:8px;height:75vh;overflow:hidden;cursor:grab;touch-action:manipulation;background:#fff}
#map-frame.active{touch-action:none}
#map-frame:focus{outline:3px solid var(--accent)}
#map-frame svg{width:100%;height:100%;display:block}
.controls{display:flex;gap:.5em;align-items:center;margin:.5em 0;flex-wrap:wrap}
button{font:inherit;padding:.3em .8em;border:1px solid var(--line);border-radius:6px;background:#fff;cursor:pointer}
button:hover,button[aria-pressed="true"]{background:#e8f1f8;border-color:var(--accent)}
input[type=search]{font:inherit;padding:.35em .6em;width:min(32em,100%);border:1px solid #999;border-radius:6px}
#pathway-list{list-style:none;padding:0;max-height:26em;overflow-y:auto;border:1px solid var(--line);border-radius:8px}
#pathway-list li{border-bottom:1px solid #eee}
#pathway-list button{display:block;width:100%;text-align:left;border:0;border-radius:0;padding:.5em .8em}
#pathway-list .meta{color:var(--muted);font-size:.9em}
#pathway-list .unlaned{padding:.5em .8em}
table{border-collapse:collapse;margin:.6em 0;font-size:.92rem}
th,td{border:1px solid var(--line);padding:.3em .55em;text-align:left;vertical-align:top}
td:last-child{font-variant-numeric:tabular-nums}
details{margin:.4em 0 1em}
summary{cursor:pointer;color:var(--accent)}
.function p{max-width:60em}
footer{color:var(--muted);font-size:.9rem;padding-bottom:40px;margin-top:3em;border-top:1px solid var(--line)}
@media (max-width:700px){
  figure svg{max-width:none}
  #map-frame{height:55vh}
}
#map-print{display:none}
@media print{
  header,main,footer{max-width:none;padding:0}
  nav,.controls,#pathway-search,#pathway-count{display:none}
  #map-frame{height:auto;border:0;overflow:visible}
  #map-print{display:block}
  #map-print figure{break-before:page;break-inside:avoid;margin:0}
  #map-print figure>svg{width:100%;height:auto;max-height:260mm}
  .swimlane[hidden]{display:block}
  .swimlane{break-inside:avoid}
  #pathway-list{max-height:none;border:0}
  details{display:block}
  details>summary{display:none}
  details:not([open])>*{display:block}
  details::details-content{content-visibility:visible;display:block}
  table{break-inside:auto;max-width:100%}
  /* A matrix with a column for every agency fits the page with its column headings written upwards. */
  table.matrix,table.compact{font-size:.8rem}
  table.matrix thead th:not(:first-child){writing-mode:vertical-rl;transform:rotate(180deg);white-space:nowrap;text-align:left;vertical-align:bottom;padding:6px 2px}
  .wide{overflow:visible}
  h2{break-before:page;border-top:0}
  section:first-of-type h2{break-before:auto}
  figure svg,.swimlane svg{max-width:100%}
  a{color:inherit;text-decoration:none}
}`;
