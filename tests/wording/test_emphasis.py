"""The inline emphasis markup: /{miring}/ and +{tebal}+, what pairs, what prints literally."""

import pytest

from hypothesis import given, settings
from hypothesis import strategies as st

from kpu_docs.wording.emphasis import Span, escape_markup, isolate, plain, spans

I = dict(italic=True)
B = dict(bold=True)


def test_italic_and_bold_spans():
    assert spans("Tim /{Chief Information Officer}/ dan +{tebal}+.") == [
        Span("Tim "), Span("Chief Information Officer", **I), Span(" dan "), Span("tebal", **B), Span("."),
    ]


def test_text_without_markers_is_one_plain_span_unchanged():
    text = "bahwa A & B <C> {{ x }} {%p if y %} {_{ z }_} C:\\path {a} /b/ +c+"
    assert spans(text) == [Span(text)]
    assert spans("") == []


def test_spans_nest_and_combine():
    assert spans("+{/{both}/ bold}+ x") == [Span("both", bold=True, italic=True), Span(" bold", **B), Span(" x")]
    assert spans("/{a /{b}/ c}/") == [Span("a b c", **I)]


@pytest.mark.parametrize(
    "text",
    [
        "a /{b",  # never closed
        "a }/ b",  # closes nothing
        "a }+ b +{",  # closing before opening
        "/{satu\ndua}/",  # a span never crosses a line
    ],
)
def test_unbalanced_markers_print_literally(text):
    assert spans(text) == [Span(text)]
    assert plain(text) == text


def test_crossed_markers_close_the_first_and_print_the_rest():
    assert spans("/{a +{b}/ c}+") == [Span("a +{b", **I), Span(" c}+")]


def test_markup_on_each_line_of_its_own():
    assert spans("/{satu}/\n+{dua}+") == [Span("satu", **I), Span("\n"), Span("dua", **B)]


def test_backslash_escapes_a_marker():
    assert spans(r"\/{bukan}/ miring") == [Span("/{bukan}/ miring")]
    assert spans(r"/{a \}/ b}/") == [Span("a }/ b", **I)]
    assert spans(r"\+{x}+") == [Span("+{x}+")]


def test_two_backslashes_before_a_marker_print_one_other_backslashes_print_as_typed():
    assert spans(r"C:\\/{x}/") == [Span("C:\\"), Span("x", **I)]
    assert spans(r"a\b \\ c /{d}/") == [Span("a\\b \\\\ c "), Span("d", **I)]


def test_markup_characters_inside_a_span_stay_literal():
    assert spans("/{a & <b> {{ c }} {%p d %}}/") == [Span("a & <b> {{ c }} {%p d %}", **I)]


def test_empty_span_prints_nothing():
    assert spans("a/{}/b") == [Span("ab")]


def test_plain_is_the_printed_text():
    assert plain("Penunjukan /{Chief Information Officer}/ +{baru}+") == "Penunjukan Chief Information Officer baru"
    assert plain(r"\/{x}/") == "/{x}/"


@pytest.mark.parametrize(
    "text", ["/{a}/ +{b}+", r"\/{a}/", "\\\\/{a}/", "a }/ b", "/{\n}/", "plain", "x\\", "{a}"]
)
def test_escape_markup_prints_the_text_as_it_is(text):
    assert plain(escape_markup(text)) == text
    assert all(span.plain for span in spans(escape_markup(text)))


def test_the_schema_documents_the_markup_on_running_text():
    from kpu_docs.models import Keputusan
    from kpu_docs.models.base import TEKS

    schema = Keputusan.model_json_schema()
    defs, properties = schema["$defs"], schema["properties"]
    described = [
        properties["menimbang"]["items"],
        properties["diktum"]["items"]["anyOf"][0],
        properties["tembusan"]["items"],
        defs["Diktum"]["properties"]["rincian"]["items"],
        defs["Paragraf"]["properties"]["paragraf"],
        defs["Lampiran"]["properties"]["isi"]["items"]["anyOf"][0],
        defs["Tabel"]["properties"]["baris"]["items"]["items"]["anyOf"][0],
        defs["Kelompok"]["properties"]["baris"]["items"]["items"],
    ]
    assert all(node["description"] == TEKS for node in described)
    assert "/{miring}/" in TEKS and "+{tebal}+" in TEKS
    # fields keep the description under them; settings and numbers are not running text
    assert properties["nomor"]["description"].startswith("Decree number as text")
    assert "description" not in defs["Pengaturan"]["properties"]["huruf"]["anyOf"][0]


_MARKUP = st.lists(st.sampled_from(["/{", "}/", "+{", "}+", "\\", "\\\\", "a", " ", "\n"]), max_size=10).map("".join)


def _merged(parts):
    out = []
    for span in parts:
        if out and (out[-1].bold, out[-1].italic) == (span.bold, span.italic):
            out[-1] = Span(out[-1].text + span.text, span.bold, span.italic)
        elif span.text:
            out.append(span)
    return out


@settings(max_examples=2000)
@given(_MARKUP, _MARKUP)
def test_isolated_fields_keep_their_own_emphasis_when_composed(first, second):
    """A marker left open in one field prints as typed, as it would alone, and never pairs with
    a marker of the next field in a sentence composed of both (a citation's nomor and tentang)."""
    assert spans(isolate(first)) == spans(first)
    composed = spans(isolate(first) + " tentang " + isolate(second))
    assert _merged(composed) == _merged([*spans(first), Span(" tentang "), *spans(second)])
