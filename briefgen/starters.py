"""The shipped templates, by name, for a user to start their own ``--template`` folder from.

``template_names()`` lists them as paths inside the template folder (``brief.md.j2``,
``email.md.j2``, ``sections/bullets.md.j2``…), which is where a file of the same name in a
``--template`` folder takes over.  ``template_text(name)`` gives one; a name may leave out
``.md.j2`` and, for a section kind's partial, ``sections/`` (``bullets``).
"""

from __future__ import annotations

from .errors import InputError

DEFAULT_TEMPLATE = "brief.md.j2"
SUFFIX = ".md.j2"


def template_names() -> list[str]:
    """The shipped templates, as paths relative to the template folder (``/`` between parts),
    the top-level ones first."""
    from .typeset.markdown import shipped_template_dir

    folder = shipped_template_dir()
    names = [p.relative_to(folder).as_posix() for p in folder.rglob("*.j2") if p.is_file()]
    return sorted(names, key=lambda n: (n.count("/"), n))


def template_text(name: str = DEFAULT_TEMPLATE) -> str:
    """The text of the shipped template ``name`` (see the module docstring for the short
    forms); an ``InputError`` listing the names there are when there is none of that name."""
    from .typeset.markdown import shipped_template_dir
    from .validate import did_you_mean

    names = template_names()
    wanted = name.replace("\\", "/")
    for candidate in (wanted, wanted + SUFFIX, f"sections/{wanted}", f"sections/{wanted}{SUFFIX}"):
        if candidate in names:
            return (shipped_template_dir() / candidate).read_text(encoding="utf-8")
    short = [n.removeprefix("sections/").removesuffix(SUFFIX) for n in names]
    raise InputError(
        f"template {name!r}: no such shipped template (one of {', '.join(names)})"
        + did_you_mean(wanted.removesuffix(SUFFIX), short)
    )
