"""The exceptions briefgen raises on purpose; the CLI catches them once.

``InputError`` means the user's input (a source, a profile, an option) is bad: exit 2.
``ProcessingError`` means the input was fine but a stage failed: exit 1.
Messages are one line and name the thing at fault.
"""


class BriefgenError(Exception):
    """Base of every error briefgen reports to the user."""

    exit_code = 1


class InputError(BriefgenError):
    """A source, profile, template or option the user gave cannot be used."""

    exit_code = 2


class ProcessingError(BriefgenError):
    """A stage failed on input that was itself acceptable."""

    exit_code = 1


def unreadable(where: str, exc: OSError) -> InputError:
    """The error for a file that cannot be read, worded the same everywhere: "no such file"
    rather than the system's "[Errno 2] No such file or directory"."""
    if isinstance(exc, FileNotFoundError):
        return InputError(f"{where}: no such file")
    if isinstance(exc, IsADirectoryError):
        return InputError(f"{where}: is a folder, not a file")
    return InputError(f"{where}: cannot read ({exc.strerror or exc})")
