"""Robustness: generated and extreme .txt sources through the whole pipeline.

Every run must end in a valid brief (the DOCX reopens in python-docx, the PDF in pypdf,
the JSON round-trips through ``brief_from_json``, every bullet shows literally and is
built from sentences the source really has) or in one clear line on stderr with exit 2.
Never a traceback, never "internal error", never a half-written output.

Property tests run the CLI's ``main()`` in-process (a subprocess per example would cost
half a second each).  ``make test`` runs a fixed, bounded set of examples; ``make fuzz``
runs the same properties with many more random examples (HYPOTHESIS_PROFILE=fuzz).
The extreme inputs run in a subprocess so their time and peak memory are measured.
"""

from __future__ import annotations

import contextlib
import functools
import io
import json
import os
import random
import re
import subprocess
import sys
import time
from html.parser import HTMLParser
from pathlib import Path

import docx
import pypdf
import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from briefgen.cli import main
from briefgen.model import brief_from_json, brief_to_json
from briefgen.read import read_sources
from tests.conftest import INPUTS

settings.register_profile(
    "robust",
    max_examples=int(os.environ.get("BRIEFGEN_ROBUST_EXAMPLES", "40")),
    deadline=None,
    derandomize=True,  # the same examples on every `make test`: no flaky CI
    database=None,
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        HealthCheck.function_scoped_fixture,
    ],
)
settings.register_profile(
    "fuzz",
    max_examples=int(os.environ.get("BRIEFGEN_FUZZ_EXAMPLES", "1500")),
    deadline=None,
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        HealthCheck.function_scoped_fixture,
    ],
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "robust"))

FORMATS = ("docx", "pdf", "md", "json", "html")
# Generous bounds: these catch a hang or a blow-up, not a slowdown (speed lives in bench/).
TIME_LIMIT_S = 120
MEMORY_LIMIT_MB = 800

# --- generated sources ------------------------------------------------------------

NEWS_WORDS = (
    "the of and said officials ceasefire talks agreement Russia Ukraine prisoners energy "
    "positive obstacle President Minister Geneva Kremlin Washington deal troops sanctions "
    "175 23 30-day 3.5% $1.2bn March 18 U.S. Mr. Dr. e.g. «quoted» “smart” ‘single’"
).split()
ODD_WORDS = [
    "\x00",
    "\x07",
    "\x1b[31m",
    "\ufeff",
    "\u200b",
    "\u200e",
    "\u202e",
    "\u2066",
    "\ufffe",
    "\uffff",
    "\ud800",
    "\udfff",
    "שלום",
    "مرحبا",
    "Привет",
    "Tiếng Việt",
    "日本語",
    "👩‍👩‍👧‍👦",
    "🇺🇦",
    "e\u0301\u0302\u0303",
    "Z̤̺̦̤̰̠͎a̵̧l̴g̷o",
    "{{ 7*7 }}",
    "{%",
    "<b>",
    "<para>",
    "&amp;",
    "]]>",
    "# ",
    "|",
    "*",
    "[x](javascript:alert(1))",
    "\\",
    "`",
    "---",
    "1.",
    "- ",
    "> ",
    "http://",
    "Source: https://x.example/2025/03/19/a",
]
LINE_BREAKS = [
    "\n",
    "\n",
    "\n\n",
    "\r\n",
    "\r",
    "\u2028",
    "\u2029",
    "\x85",
    "\x0b",
    "\x0c",
    "\x1c",
    "\x1e",
]
ENDINGS = [".", ".", ".", "!", "?", "", "…", '."', ".”", ".)", "...", "?!"]

# Two kinds of source: plain ones (news words and any printable script, ordinary line
# breaks) get through reading into analysis and rendering; hostile ones add control
# characters, NUL, lone surrogates, odd line breaks and byte noise, which the reader may
# rightly refuse as binary (over 2% control characters).
plain_word = st.one_of(
    st.sampled_from(NEWS_WORDS),
    st.sampled_from(NEWS_WORDS),
    st.sampled_from(
        ODD_WORDS[12:]
    ),  # scripts, emoji, combining marks, markup: no control characters
    st.text(st.characters(exclude_categories=["Cc", "Cs"]), min_size=1, max_size=8),
)
hostile_word = st.one_of(
    plain_word,
    st.sampled_from(ODD_WORDS),
    st.text(st.characters(codec=None), min_size=1, max_size=8),  # any code point, surrogates too
)


def _sentence(word):
    return st.builds(
        lambda words, end, cap: (" ".join(words).capitalize() if cap else " ".join(words)) + end,
        st.lists(word, min_size=1, max_size=25),
        st.sampled_from(ENDINGS),
        st.booleans(),
    )


hostile_prose = st.lists(_sentence(hostile_word), min_size=1, max_size=6).map(" ".join)


@st.composite
def source_bytes(draw) -> bytes:
    """The bytes of one .txt source: headline, paragraphs, line breaks, any encoding."""
    hostile = draw(st.sampled_from([False, False, True]))
    sentence = _sentence(hostile_word if hostile else plain_word)
    paragraph = st.lists(sentence, min_size=1, max_size=6).map(" ".join)
    breaks = LINE_BREAKS if hostile else ["\n", "\n\n", "\r\n"]
    text = ""
    for line in [draw(sentence)] + draw(st.lists(paragraph, min_size=0, max_size=12)):
        text += line + draw(st.sampled_from(breaks))
    encoding = draw(st.sampled_from(["utf-8", "utf-8", "utf-8-sig", "utf-16", "cp1252"]))
    # surrogatepass writes lone surrogates as the (invalid) bytes UTF-8 would give them.
    data = text.encode(encoding, "replace" if encoding == "cp1252" else "surrogatepass")
    if hostile:
        noise = draw(
            st.lists(
                st.tuples(st.integers(0, len(data)), st.binary(min_size=1, max_size=6)), max_size=2
            )
        )
        for at, chunk in sorted(noise, reverse=True):
            data = data[:at] + chunk + data[at:]
    return data


file_name = st.one_of(
    st.text(
        st.characters(codec="utf-8", exclude_characters="/\x00", exclude_categories=["Cs"]),
        min_size=1,
        max_size=24,
    ),
    st.binary(min_size=1, max_size=24).map(
        lambda b: os.fsdecode(b.replace(b"/", b"_").replace(b"\x00", b"_"))
    ),  # not UTF-8
).map(lambda s: s.replace(".", "_"))


def run_main(*args: str) -> tuple[int, str, str]:
    """The CLI's main() in this process: exit code, stdout, stderr."""
    out, err = io.StringIO(), io.StringIO()
    argv = sys.argv
    sys.argv = ["briefgen", *map(str, args)]
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                main()
                code = 0
            except SystemExit as exc:
                code = exc.code if isinstance(exc.code, int) else 1
    finally:
        sys.argv = argv
    return code, out.getvalue(), err.getvalue()


class _HTMLText(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []

    def handle_data(self, data) -> None:
        self.text.append(data)


def _docx_text(path: Path) -> str:
    document = docx.Document(str(path))
    cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


def _flat(text: str) -> str:
    return " ".join(text.split())


def assert_valid_brief_or_clear_error(
    code: int, stdout: str, stderr: str, sources: list[Path], out: Path
) -> None:
    """The property every run must have, whatever it was given."""
    assert "Traceback" not in stderr and "internal error" not in stderr, stderr
    if code == 2:
        # warnings (a duplicate source, a skipped one) and a slow run's progress may come first, one
        # line each
        *warnings, error = stderr.splitlines()
        assert error.startswith("briefgen: error: ") and stderr.endswith("\n"), repr(stderr)
        assert all(
            w.startswith(("briefgen: warning: ", "reading [", "analysing [")) for w in warnings
        ), repr(stderr)
        assert not out.exists() or not [p for p in out.iterdir() if not p.name.startswith(".")], (
            "a failed run wrote files"
        )
        return
    assert code == 0, (code, stderr)
    written = [Path(line) for line in stdout.splitlines()]
    assert sorted(p.suffix for p in written) == sorted(f".{f}" for f in FORMATS)
    files = {p.suffix[1:]: p for p in written}

    json_text = files["json"].read_text(encoding="utf-8")
    brief = brief_from_json(json_text)
    assert brief_to_json(brief) == json_text

    document_text = _flat(_docx_text(files["docx"]))
    reader = pypdf.PdfReader(str(files["pdf"]))
    assert len(reader.pages) >= 1
    pdf_text = "".join(page.extract_text() for page in reader.pages)
    assert "Sources" in pdf_text
    markdown = files["md"].read_text(encoding="utf-8")
    assert markdown.startswith("# ")
    page = _HTMLText()
    page.feed(files["html"].read_text(encoding="utf-8"))
    page.close()
    html_text = _flat("".join(page.text))

    # Every bullet shows in the DOCX as written (XML-forbidden characters aside), and is
    # built from sentences the source really contains: nothing invented.
    texts = (
        {i + 1: _flat(a.text) for i, a in enumerate(read_sources([str(s) for s in sources]))}
        if sources
        else {}
    )
    for section in brief.sections:
        for item in (
            section.items if section.kind in ("bluf", "bullets") else []
        ):  # other kinds show other fields
            shown = _flat(_without_xml_forbidden(item.text))
            assert shown in document_text, item.text
            assert shown in html_text, item.text
            for evidence in item.evidence if sources else []:
                assert _flat(evidence.sentence) in texts[evidence.source], evidence.sentence


def _without_xml_forbidden(text: str) -> str:
    """What a DOCX can hold of ``text``: XML 1.0 forbids some control characters."""
    return re.sub("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]", "", text)


@given(
    sources=st.lists(
        st.tuples(file_name, source_bytes()), min_size=1, max_size=3, unique_by=lambda t: t[0]
    )
)
def test_any_generated_sources_give_a_valid_brief_or_a_clear_error(tmp_path_factory, sources):
    folder = tmp_path_factory.mktemp("src")
    paths = []
    for name, data in sources:
        path = folder / f"{name}.txt"
        path.write_bytes(data)
        paths.append(path)
    out = tmp_path_factory.mktemp("out") / "brief"
    code, stdout, stderr = run_main("build", folder, "-o", out, "--format", ",".join(FORMATS))
    event(f"exit {code}" + (f": {stderr.split(': ')[-1].strip()}" if code else ""))
    assert_valid_brief_or_clear_error(code, stdout, stderr, sorted(paths), out)


@functools.cache
def _sample_brief_json() -> str:
    from briefgen.analyse import analyse
    from briefgen.profile import load_profile

    return brief_to_json(analyse(read_sources([str(INPUTS)]), load_profile("default")))


def _string_leaves(value, path=()) -> list[tuple]:
    if isinstance(value, dict):
        return [leaf for k, v in value.items() for leaf in _string_leaves(v, path + (k,))]
    if isinstance(value, list):
        return [leaf for i, v in enumerate(value) for leaf in _string_leaves(v, path + (i,))]
    return [path] if isinstance(value, str) else []


@st.composite
def edited_brief_file(draw) -> bytes:
    """The sample brief's JSON with some of its strings replaced by anything, as an editor might."""
    data = json.loads(_sample_brief_json())
    leaves = _string_leaves(data)
    for index in draw(st.sets(st.integers(0, len(leaves) - 1), min_size=1, max_size=10)):
        *parents, last = leaves[index]
        target = data
        for key in parents:
            target = target[key]
        target[last] = draw(
            st.one_of(
                hostile_prose,
                st.sampled_from(ODD_WORDS),
                st.text(st.characters(codec=None), max_size=40),
            )
        )
    # ASCII-escaped JSON can carry lone surrogates as \ud800; raw UTF-8 can carry their bytes.
    return json.dumps(data, ensure_ascii=draw(st.booleans())).encode("utf-8", "surrogatepass")


@given(edited=edited_brief_file())
def test_any_edited_brief_json_renders_or_gives_a_clear_error(tmp_path_factory, edited):
    folder = tmp_path_factory.mktemp("edited")
    (folder / "brief.json").write_bytes(edited)
    out = folder / "out"
    code, stdout, stderr = run_main(
        "render", folder / "brief.json", "-o", out, "--format", ",".join(FORMATS)
    )
    event(f"exit {code}")
    assert_valid_brief_or_clear_error(code, stdout, stderr, [], out)


# --- extreme inputs, measured in a subprocess ------------------------------------

_MEASURE = """
import json, resource, subprocess, sys, time
started = time.monotonic()
stdin = open(sys.argv[3], "rb") if sys.argv[3] else subprocess.DEVNULL
result = subprocess.run([sys.executable, "-m", "briefgen", *sys.argv[4:]], stdin=stdin, \
capture_output=True, timeout=float(sys.argv[2]))
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
with open(sys.argv[1], "w") as f:
    json.dump({"code": result.returncode, "stdout": result.stdout.decode("utf-8", "replace"),
               "stderr": result.stderr.decode("utf-8", "replace"), \
"seconds": time.monotonic() - started,
               "max_rss_mb": usage.ru_maxrss / 1024}, f)
"""


def measured_run(
    tmp_path: Path, *args: str, timeout: float = TIME_LIMIT_S, stdin: str = ""
) -> dict:
    """Run ``briefgen ARGS`` in a child process (standard input from the file ``stdin``);
    its exit, output, wall time and peak memory."""
    report = tmp_path / f"measure-{time.monotonic_ns()}.json"
    subprocess.run(
        [sys.executable, "-c", _MEASURE, str(report), str(timeout), stdin, *map(str, args)],
        timeout=timeout + 30,
        check=True,
    )
    result = json.loads(report.read_text())
    print(
        f"{Path(str(args[1])).name}: exit {result['code']}, {result['seconds']:.2f}s, "
        f"{result['max_rss_mb']:.0f} MB"
    )
    assert result["max_rss_mb"] < MEMORY_LIMIT_MB, result
    return result


def _extreme_sources() -> dict[str, bytes]:
    rng = random.Random(8)
    words = [w for w in NEWS_WORDS if w.isalpha()]
    prose = (
        "Leaders agreed on a ceasefire in Geneva on Tuesday, officials said. "
        "Talks on prisoners will continue. "
    )
    return {
        "one-megabyte-line": (
            "Headline of the day\n" + " ".join(rng.choice(words) for _ in range(170_000)) + "\n"
        ).encode(),
        "one-megabyte-word": b"Headline of the day\n" + b"x" * 1_000_000 + b"\n",
        "thousands-of-tiny-paragraphs": (
            "Headline of the day\n" + "".join(f"Ok {i}.\n" for i in range(20_000))
        ).encode(),
        "tiny-sentences-one-line": ("Headline of the day\n" + "Ok. " * 100_000).encode(),
        "no-sentences": "\n".join(rng.choice(words) for _ in range(2_000)).encode(),
        "only-punctuation": ("...!?\n" * 5_000).encode(),
        "only-numbers": "\n".join(str(rng.randint(0, 10**9)) for _ in range(2_000)).encode(),
        "only-whitespace": b" \t\n\r\n\x0c" * 1000,
        "empty": b"",
        "bom-only": b"\xef\xbb\xbf",
        "nul-in-head": b"Headline\n\x00\x00binary",
        "nul-deep-inside": b"Headline of the day\n"
        + prose.encode() * 60
        + b"\x00 after NUL. "
        + prose.encode(),
        "utf16-odd-length": b"\xff\xfe" + "Headline\nText here.".encode("utf-16-le") + b"\x00",
        "lone-surrogates": ("Headline \ud800 of the day\n" + prose + "\udfff" + prose).encode(
            "utf-8", "surrogatepass"
        ),
        "two-megabytes-of-prose": ("Headline of the day\n" + (prose + "\n") * 20_000).encode(),
        "long-headline": ("A" + " very" * 20_000 + " long headline\n" + prose).encode(),
        "rtl-and-combining": (
            "\u202eHeadline \u05e9\u05dc\u05d5\u05dd e\u0301\u0302\n"
            + "\u202e"
            + prose * 3
            + "\u0301" * 5000
        ).encode(),
    }


@pytest.mark.parametrize("name", sorted(_extreme_sources()))
def test_extreme_source_gives_a_valid_brief_or_a_clear_error_in_bounded_time_and_memory(
    tmp_path, name
):
    source = tmp_path / "in" / f"{name}.txt"
    source.parent.mkdir()
    source.write_bytes(_extreme_sources()[name])
    out = tmp_path / "out"
    result = measured_run(tmp_path, "build", source, "-o", out, "--format", ",".join(FORMATS))
    assert_valid_brief_or_clear_error(
        result["code"], result["stdout"], result["stderr"], [source], out
    )


def test_many_sources_in_bounded_time_and_memory(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    rng = random.Random(8)
    for n in range(300):
        words = " ".join(rng.choice(NEWS_WORDS) for _ in range(60))
        (folder / f"source-{n:03}.txt").write_text(
            f"Headline number {n} of the day\n{words}. More talks said {n}.\n", encoding="utf-8"
        )
    out = tmp_path / "out"
    result = measured_run(tmp_path, "build", folder, "-o", out, "--format", ",".join(FORMATS))
    assert_valid_brief_or_clear_error(
        result["code"], result["stdout"], result["stderr"], sorted(folder.iterdir()), out
    )


# --- what the properties found, kept as plain regression tests ---------------------

ARTICLE = (
    "Leaders meet in Geneva\nThe ceasefire talks went on in Geneva on Tuesday, officials said.\n"
)


def test_source_name_with_a_newline_gives_a_one_line_error(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "bad\nname.txt").write_bytes(b"\x00binary")
    code, _, stderr = run_main("build", tmp_path / "in", "-o", tmp_path / "out")
    assert code == 2 and stderr.count("\n") == 1 and "bad\\nname.txt: binary data" in stderr, stderr


def test_source_name_that_is_not_utf8_still_gives_a_brief(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    Path(os.fsdecode(bytes(folder) + b"/caf\xe9-2025-03-19.txt")).write_text(
        ARTICLE, encoding="utf-8"
    )
    code, stdout, stderr = run_main(
        "build", folder, "-o", tmp_path / "out", "--format", ",".join(FORMATS)
    )
    assert_valid_brief_or_clear_error(
        code, stdout, stderr, sorted(folder.iterdir()), tmp_path / "out"
    )
    assert code == 0
    assert (
        brief_from_json((tmp_path / "out" / "brief-2025-03-19.json").read_text(encoding="utf-8"))
        .sources[0]
        .outlet
        == "caf\ufffd-2025-03-19"
    )


@pytest.mark.parametrize(
    ("field", "value", "reason"),
    [
        ("title", "lone \ud800 surrogate", "brief.title holds a lone surrogate \\ud800"),
        ("date", "../../escape", "brief.date should be YYYY-MM-DD"),
        ("date", "2025-03-19\x00", "brief.date should be YYYY-MM-DD"),
    ],
)
def test_edited_brief_json_that_no_format_can_hold_is_refused(tmp_path, field, value, reason):
    data = json.loads(_sample_brief_json())
    data[field] = value
    (tmp_path / "brief.json").write_text(json.dumps(data), encoding="ascii")
    code, _, stderr = run_main("render", tmp_path / "brief.json", "-o", tmp_path / "out")
    assert code == 2 and reason in stderr and stderr.count("\n") == 1, stderr
    assert not (tmp_path / "out").exists()


def test_skipped_source_whose_name_is_not_utf8_is_listed_in_the_brief(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "talks-2025-03-19.txt").write_text(ARTICLE, encoding="utf-8")
    Path(os.fsdecode(bytes(folder) + b"/broken\xff.pdf")).write_bytes(b"not a pdf")
    code, stdout, stderr = run_main(
        "build", folder, "-o", tmp_path / "out", "--format", ",".join(FORMATS), "--keep-going", "-q"
    )
    assert code == 0, stderr
    brief = brief_from_json(
        (tmp_path / "out" / "brief-2025-03-19.json").read_text(encoding="utf-8")
    )
    assert brief.skipped[0].location.endswith("broken\ufffd.pdf")
