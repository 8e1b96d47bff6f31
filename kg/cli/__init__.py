"""The ``kg`` command line (typer): one module per command in this package.

Exit codes follow pySHACL: 0 success (the graph conforms), 1 the graph does not
conform to the shapes, 2 bad input or usage; 130 after Ctrl-C (``kg serve``,
whose way to stop is Ctrl-C, exits 0 once it serves). Errors go to stderr as one line
with a code (``[E030] ...``, see :mod:`kg.errors`) that says how to fix the problem.

The library logs through ``logging.getLogger("kg")``; the CLI shows its
warnings on stderr, its debug messages too with ``kg -v``, and only its errors
with ``kg -q``.
"""

from __future__ import annotations

import logging
import signal
import sys
from enum import Enum
from typing import Annotated

import typer
from rich.console import Console
from typer.core import TyperCommand, TyperGroup

from ..errors import KgError

#: ``-h`` and ``--help`` on the group and on every command (click passes it down to each subcommand's context).
CONTEXT_SETTINGS = {"help_option_names": ["-h", "--help"]}


def _plain_help(params) -> None:
    """Make help show choices and names, never Python types (typer 0.29 writes ``<bool>``,
    ``<str>``, ``<list[str]>``): a flag or ``--help`` shows no type, an argument shows its
    name only (``CORPUS``), an option its metavar (``NAME=VALUE``, else its name in capitals:
    ``--encoding ENCODING``) or its choices (``<table|csv|json>``)."""
    for param in params:
        if param.param_type_name == "argument" and hasattr(param, "display_type_rich"):
            param.display_type_rich = _no_type
        if param.metavar is not None:
            continue
        if getattr(param, "is_flag", False):
            param.metavar = ""
        elif param.param_type_name == "argument":
            param.metavar = param.name.upper()
        elif not _is_choice(param):
            param.metavar = max(param.opts, key=len).lstrip("-").replace("-", "_").upper()


def _is_choice(param) -> bool:
    """Whether a parameter takes one of a set of values (an Enum; typer 0.29 or click's Choice)."""
    descriptor = getattr(param, "type_descriptor", None)
    if descriptor is not None:
        return bool(descriptor.is_choice)
    return hasattr(getattr(param, "type", None), "choices")


def _no_type(ctx) -> None:
    return None


class _PlainHelp:
    """Mixin for a click command or group: help and usage without Python types (:func:`_plain_help`)."""

    params: list  # click.Command's, set by the class this is mixed into

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _plain_help(self.params)

    def get_help_option(self, ctx):
        """The ``-h``/``--help`` option, shown without a type."""
        option = super().get_help_option(ctx)  # type: ignore[misc]  # click.Command's, after this mixin
        if option is not None:
            _plain_help([option])
        return option


class KgCommand(_PlainHelp, TyperCommand):
    """A kg command (:class:`_PlainHelp`)."""


class KgGroup(_PlainHelp, TyperGroup):
    """The ``kg`` group (:class:`_PlainHelp`)."""


class KgTyper(typer.Typer):
    """``typer.Typer`` whose commands are :class:`KgCommand` unless told otherwise."""

    def command(self, *args, cls=None, **kwargs):
        """Register a command, as :meth:`typer.Typer.command`, with ``cls`` :class:`KgCommand` by default."""
        return super().command(*args, cls=cls or KgCommand, **kwargs)


class RowFormat(str, Enum):
    """How ``kg query`` and ``kg conflicts`` print rows."""

    table = "table"
    csv = "csv"
    json = "json"


app = KgTyper(add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False, cls=KgGroup,
              context_settings=CONTEXT_SETTINGS,
              help="kg: read AI-industry news into a validated OWL/RDF knowledge graph.")
err = Console(stderr=True, soft_wrap=True)
out = Console()
#: Verbosity from the global options: -1 quiet (``kg -q``), 0 normal, 1 verbose (``kg -v``).
VERBOSITY = {"level": 0}


def _version(value: bool) -> None:
    if not value:
        return
    from ..nlp.model import versions

    try:
        lines = versions()
    except KgError as exc:
        _fail(exc)
    for name, version in lines:
        out.print(f"{name} {version}", highlight=False)
    raise typer.Exit(0)


@app.callback()
def _options(
    verbose: Annotated[bool, typer.Option("-v", "--verbose", help="Say more; show the traceback of an unexpected error.")] = False,
    quiet: Annotated[bool, typer.Option("-q", "--quiet", help="Print nothing but results and errors.")] = False,
    version: Annotated[bool, typer.Option("--version", is_eager=True, callback=_version, expose_value=False,
                                          help="Print the versions of kg, the ontology, spaCy and the model, and exit.")] = False,
) -> None:
    """kg: read AI-industry news into a validated OWL/RDF knowledge graph."""
    VERBOSITY["level"] = 1 if verbose else -1 if quiet else 0
    err.quiet = quiet  # progress, spinners and notes; errors are printed on a console of their own
    _log_to_console(logging.DEBUG if verbose else logging.ERROR if quiet else logging.WARNING)


class ConsoleLogHandler(logging.Handler):
    """Writes the records of kg's logger on the CLI's error console, one line each
    (``debug ...``, ``warning ...``), like the CLI's own notes."""

    STYLES = {"DEBUG": "dim", "INFO": "dim", "WARNING": "yellow"}

    def emit(self, record: logging.LogRecord) -> None:
        """Print one record (errors on a console that ``-q`` does not silence)."""
        from rich.markup import escape

        try:
            style = self.STYLES.get(record.levelname, "red")
            console = err if record.levelno < logging.ERROR else _error_console()
            console.print(f"[{style}]{record.levelname.lower()}[/{style}] {escape(self.format(record))}",
                          highlight=False, soft_wrap=True)
        except Exception:  # noqa: BLE001 - logging must never break the command
            self.handleError(record)


def _log_to_console(level: int) -> None:
    """Send kg's log records at ``level`` and above to the error console (one handler, replaced per run)."""
    logger = logging.getLogger("kg")
    for handler in [h for h in logger.handlers if isinstance(h, ConsoleLogHandler)]:
        logger.removeHandler(handler)
    handler = ConsoleLogHandler(level)
    logger.addHandler(handler)
    logger.setLevel(level)


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
from . import build_cmd, validate_cmd, query_cmd, export_cmd, explain_cmd, conflicts_cmd, evaluate_cmd, reason_cmd, docs_cmd, serve_cmd, view_cmd, stats_cmd, fetch_cmd  # noqa: E402,F401,I001 - registration order is the help order
