"""A ranking Result as an XLSX workbook: ranking, criteria and weights, stability — one sheet each."""

from __future__ import annotations

import io

from cluster_assess.rank.messages import tr
from cluster_assess.rank.render import notes, ranking_rows, stability_rows, weight_rows
from cluster_assess.rank.run import Result


def workbook_bytes(r: Result, lang: str) -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = tr("rank_title", lang)[:31]
    sheet.append([r.convention(lang)])
    headers, rows = ranking_rows(r, lang)
    sheet.append(headers)
    for row in rows:
        sheet.append(row)
    for line in notes(r, lang):
        sheet.append([line])
    for title, (headers, rows) in ((tr("rank_weights_title", lang), weight_rows(r, lang)),
                                   (tr("rank_stability_title", lang), stability_rows(r, lang))):
        if not rows:
            continue
        extra = book.create_sheet(title[:31])
        extra.append(headers)
        for row in rows:
            extra.append(row)
    buf = io.BytesIO()
    book.save(buf)
    return buf.getvalue()
