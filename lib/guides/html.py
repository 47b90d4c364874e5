"""A tailored guide as one self-contained, print-ready HTML file (no scripts, no outside resources).

Every piece of text, the guide's and the lead's, is HTML-escaped: only the guide's structure becomes markup.
"""

from __future__ import annotations

from datetime import date
from html import escape

from lib.contract.dates import format_date
from lib.guides.library import (
    Bullets,
    Checklist,
    FillIn,
    Guide,
    Heading,
    Inline,
    Numbered,
    Paragraph,
    Quote,
    Tailoring,
)

STYLE = """
@page { size: A4; margin: 20mm 22mm 22mm; }
:root { --ink: #1f2933; --muted: #606c76; --accent: #0e6370; --rule: #cdd4d9; --box: #f5f7f8; }
* { box-sizing: border-box; }
body { font-family: "Noto Sans", "Segoe UI", "Helvetica Neue", Arial, sans-serif; color: var(--ink);
       font-size: 10.5pt; line-height: 1.5; max-width: 46em; margin: 2em auto; padding: 0 1.5em; }
header { border-bottom: 2px solid var(--accent); padding-bottom: 1em; margin-bottom: 1.5em; }
.kicker { color: var(--accent); font-weight: 700; font-size: 8.5pt; letter-spacing: .12em; text-transform: uppercase; }
h1 { font-size: 24pt; line-height: 1.2; margin: .2em 0 .3em; }
.summary { color: var(--muted); font-size: 12pt; margin: 0 0 .8em; }
dl.details { display: grid; grid-template-columns: max-content 1fr; gap: .15em 1.2em; margin: 0; font-size: 9.5pt; }
dl.details dt { color: var(--muted); font-weight: 700; font-size: 8pt; text-transform: uppercase; padding-top: .15em; }
dl.details dd { margin: 0; }
h2 { color: var(--accent); font-size: 15pt; margin: 1.6em 0 .4em; break-after: avoid; }
h3 { font-size: 11.5pt; margin: 1.2em 0 .3em; break-after: avoid; }
ul, ol { padding-left: 1.4em; margin: .3em 0 .9em; }
li { margin: .2em 0; break-inside: avoid; }
ul.checklist { list-style: none; padding-left: 0; }
ul.checklist label { display: flex; gap: .6em; align-items: baseline; }
ul.checklist input { width: 1em; height: 1em; margin: 0; flex: none; accent-color: var(--accent); }
p.fill-in { display: flex; gap: .5em; align-items: flex-end; margin: .2em 0; min-height: 2.2em; break-inside: avoid; }
p.fill-in .label { font-weight: 700; font-size: 9.5pt; white-space: nowrap; }
p.fill-in .line { flex: 1; border-bottom: 1px solid var(--muted); min-width: 8em; height: 1.2em; }
figure.template { background: var(--box); border-left: 4px solid var(--accent); margin: .8em 0 1em;
                  padding: .7em 1em; break-inside: avoid; }
figure.template figcaption { color: var(--accent); font-weight: 700; font-size: 7.5pt; letter-spacing: .1em;
                             text-transform: uppercase; }
figure.template pre { font: inherit; font-size: 10pt; white-space: pre-wrap; margin: .3em 0 0; }
footer { color: var(--muted); border-top: 1px solid var(--rule); margin-top: 3em; padding-top: .6em; font-size: 8pt; }
@media print { body { margin: 0; padding: 0; max-width: none; } a { color: inherit; text-decoration: none; } }
"""


def guide_html(guide: Guide, tailoring: Tailoring, on: date | None = None) -> str:
    """The whole HTML document: a header with the program details, the guide's blocks, and a footer."""
    fill = tailoring.fill
    details = [("For", fill(guide.audience)), ("Organisation", tailoring.organisation),
               ("Program", tailoring.program_name), ("Dates", tailoring.period), ("Contact", tailoring.contact),
               ("Issued", format_date(on))]
    rows = "".join(f"<dt>{escape(k)}</dt><dd>{escape(v)}</dd>" for k, v in details if v and v.strip())
    body = "\n".join(_block(block, tailoring) for block in guide.blocks)
    return (f'<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{escape(fill(guide.title))} · {escape(tailoring.label)}</title>\n<style>{STYLE}</style>\n"
            f"</head>\n<body>\n<header>\n<div class=\"kicker\">Mentorship guide · {escape(tailoring.label)}</div>\n"
            f"<h1>{escape(fill(guide.title))}</h1>\n<p class=\"summary\">{escape(fill(guide.summary))}</p>\n"
            f'<dl class="details">{rows}</dl>\n</header>\n<main>\n{body}\n</main>\n'
            f"<footer>Tandem · {escape(tailoring.label)}</footer>\n</body>\n</html>\n")


def _spans(spans: Inline, tailoring: Tailoring) -> str:
    out = []
    for span in spans:
        text = escape(tailoring.fill(span.text))
        if span.italic:
            text = f"<em>{text}</em>"
        if span.bold:
            text = f"<strong>{text}</strong>"
        out.append(text)
    return "".join(out)


def _block(block, tailoring: Tailoring) -> str:
    if isinstance(block, Heading):
        return f"<h{block.level}>{escape(tailoring.fill(block.text))}</h{block.level}>"
    if isinstance(block, Paragraph):
        return f"<p>{_spans(block.spans, tailoring)}</p>"
    if isinstance(block, (Bullets, Numbered)):
        tag = "ul" if isinstance(block, Bullets) else "ol"
        items = "".join(f"<li>{_spans(item, tailoring)}</li>" for item in block.items)
        return f"<{tag}>{items}</{tag}>"
    if isinstance(block, Checklist):
        items = "".join(f'<li><label><input type="checkbox"> <span>{_spans(item, tailoring)}</span></label></li>'
                        for item in block.items)
        return f'<ul class="checklist">{items}</ul>'
    if isinstance(block, FillIn):
        label = f'<span class="label">{escape(tailoring.fill(block.label))}:</span>' if block.label else ""
        return f'<p class="fill-in">{label}<span class="line"></span></p>'
    if isinstance(block, Quote):
        text = escape("\n".join(tailoring.fill(line) for line in block.lines))
        return f'<figure class="template"><figcaption>Message template</figcaption><pre>{text}</pre></figure>'
    raise TypeError(f"not a guide block: {block!r}")

