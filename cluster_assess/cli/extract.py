"""`cluster-assess extract`: read a report (.txt, .md, .docx, text PDF) and draft a profile of cited facts.

The draft is valid as written; each fact carries its document and paragraph and a quote, and is
marked as extracted for the reader to check. Uncertain readings and possible rating evidence are
comments. `--into PROFILE` adds to a profile only the facts it does not state.
"""

from __future__ import annotations

from pathlib import Path

import typer

from cluster_assess.cli.app import app
from cluster_assess.cli.options import ForceOption, Lang, LangOption, OutputOption, lang_of, note

_PROGRESS_FROM = 400  # sentences: below this a document reads in a blink


@app.command()
def extract(
    texts: list[Path] = typer.Argument(..., help="Reports to read: .txt or .md (UTF-8 or GBK), .docx, text PDF.",
                                       show_default=False, metavar="TEXT"),
    output: str = OutputOption,
    industry: str | None = typer.Option(
        None, "--industry", "-i",
        help="Reference value chain for segments: a chain id of the rubric (`cluster-assess rubric list` "
             "names them) or an industry word such as 服装 or 五金; default: guessed from the text."),
    into: Path | None = typer.Option(
        None, "--into", help="Add to this profile the facts it does not state (its comments kept), "
                             "instead of writing a draft.", show_default=False),
    lang: Lang | None = LangOption,
    force: bool = ForceOption,
) -> None:
    """Draft a profile from reports: facts with their sentence, uncertain readings as comments.

    Examples: cluster-assess extract report.docx -o draft.yaml ;
    cluster-assess extract survey.pdf --into my-town.yaml
    """
    from cluster_assess.errors import UserError
    from cluster_assess.extract.draft import draft_from
    from cluster_assess.extract.messages import msg
    from cluster_assess.extract.reading import read_document
    from cluster_assess.extract.render import add_into, render_draft
    from cluster_assess.i18n import msg as say_msg
    from cluster_assess.io.output import check_output, open_output

    language = lang_of(lang)
    if into is not None and output != "-":
        raise UserError.single(say_msg("ex_into_output"), field="--into")
    if into is None:
        check_output(output, force)
    elif not into.is_file():
        raise UserError.single(say_msg("ex_into_missing"), file=str(into))
    documents = [read_document(path) for path in texts]
    for document in documents:
        for text in document.notes:
            note(f"{document.name}: {text}")
    total = sum(len(d.paragraphs) for d in documents)

    def progress(done: int, count: int) -> None:
        if count >= _PROGRESS_FROM:
            note(msg("progress", language).format(done=done, total=count))

    draft = draft_from(documents, industry, progress if total else None)
    summary = msg("summary", language).format(facts=len(draft.facts), uncertain=len(draft.uncertain),
                                              hints=draft.hint_count)
    if into is not None:
        added, kept = add_into(into, draft, language)
        note(summary)
        note(msg("into", language).format(file=into, added=added, kept=kept))
        return
    with open_output(output, force) as stream:
        stream.write(render_draft(draft, language))
    note(summary)
    if output != "-":
        note(msg("wrote", language).format(file=output))
