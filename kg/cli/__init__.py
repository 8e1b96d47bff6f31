"""The ``kg`` command line (typer): one module per command in this package.

Exit codes follow pySHACL: 0 success (the graph conforms), 1 the graph does not
conform to the shapes, 2 bad input or usage. Errors go to stderr as one line
with a code (``[E030] ...``) that says how to fix the problem.
"""

from __future__ import annotations

import signal
import sys
from typing import Annotated

import typer
from rich.console import Console

from ..errors import KgError

app = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False,
                  help="kg: read AI-industry news into a validated OWL/RDF knowledge graph.")
err = Console(stderr=True, soft_wrap=True)
out = Console()
#: Verbosity from the global options: -1 quiet (``kg -q``), 0 normal, 1 verbose (``kg -v``).
VERBOSITY = {"level": 0}


@app.callback()
def _options(
    verbose: Annotated[bool, typer.Option("-v", "--verbose", help="Say more; show the traceback of an unexpected error.")] = False,
    quiet: Annotated[bool, typer.Option("-q", "--quiet", help="Print nothing but results and errors.")] = False,
) -> None:
    """kg: read AI-industry news into a validated OWL/RDF knowledge graph."""
    VERBOSITY["level"] = 1 if verbose else -1 if quiet else 0
    err.quiet = quiet  # progress, spinners and notes; errors are printed on a console of their own


def _error_console() -> Console:
    return Console(stderr=True, soft_wrap=True) if err.quiet else err


def _fail(exc: KgError) -> None:
    _error_console().print(f"[red]error[/red] {exc}", highlight=False, soft_wrap=True)
    raise typer.Exit(2)


#: Exit code after Ctrl-C (SIGINT): 128 + 2, as shells report it.
EXIT_INTERRUPTED = 130


class Interrupted(BaseException):
    """Raised by the SIGINT handler; not an ``Exception``, so click and typer let it through."""


def _on_sigint(signum, frame) -> None:
    raise Interrupted()


def main() -> None:
    """Entry point of the ``kg`` console script.

    Ctrl-C (SIGINT) stops kg with exit code 130; temporary files are removed
    on the way out and earlier output is left as it was.
    """
    signal.signal(signal.SIGINT, _on_sigint)
    try:
        app()
    except Interrupted:
        err.print("[red]interrupted[/red]: stopped by SIGINT; earlier output is unchanged.", highlight=False)
        sys.exit(EXIT_INTERRUPTED)
    except Exception as exc:  # a bug or an unforeseen condition: one sentence, the traceback only with -v
        if VERBOSITY["level"] > 0:
            raise
        from rich.markup import escape

        _error_console().print(f"[red]error[/red] unexpected {type(exc).__name__}: {escape(str(exc))}; run again "
                               "with `kg -v ...` for the traceback and report it.", highlight=False, soft_wrap=True)
        sys.exit(2)


# Register the commands (each module decorates its function with @app.command).
from . import build_cmd, validate_cmd, query_cmd, export_cmd, explain_cmd, conflicts_cmd, evaluate_cmd, reason_cmd, docs_cmd, serve_cmd, view_cmd, stats_cmd, fetch_cmd  # noqa: E402,F401
