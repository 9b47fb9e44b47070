"""Parsing GIFT and Moodle XML: the project's own fixture files and small inline cases."""

from decimal import Decimal
from pathlib import Path

import pytest

from quizzes.grading import (
    ALL_OR_NOTHING,
    ESSAY,
    MATCHING,
    MULTIPLE,
    NUMERICAL,
    ORDERING,
    PARTIAL,
    SHORTANSWER,
    SINGLE,
    TRUEFALSE,
)
from quizzes.importers import (
    GIFT,
    MOODLE_XML,
    ImportFileError,
    detect_format,
    gift,
    moodle_xml,
    parse_questions,
)
from quizzes.importers.base import ParsedChoice, html_to_plain

FIXTURES = Path(__file__).parent / "fixtures"
D = Decimal
CZECH = "ěščřžýáíéůúťďň ĚŠČŘŽÝÁÍÉŮÚŤĎŇ"


def fixture(name: str):
    return parse_questions((FIXTURES / name).read_bytes(), name)


def refused(data, filename="questions.xml"):
    with pytest.raises(ImportFileError) as raised:
        parse_questions(data, filename)
    return [(p.line, p.reason) for p in raised.value.problems]


def line_of(text: str, needle: str, start: int = 1) -> int:
    """The line (1-based) of the `start`-th line containing `needle`."""
    hits = [number for number, line in enumerate(text.splitlines(), 1) if needle in line]
    return hits[start - 1]


def skipped(result):
    return [(s.name, s.qtype, s.position, s.line) for s in result.skipped]


def choices(question):
    return [(c.text_html, c.fraction, c.feedback_html) for c in question.choices]


# --- The project's own fixtures (the same constructs as Moodle's, in Czech) ---------------


NEW_TYPES = {ESSAY, MATCHING, NUMERICAL, SHORTANSWER}


def chosen(result):
    """The choice questions of a parse, as they were before the typed ones were imported."""
    return [q for q in result.questions if q.type not in NEW_TYPES]


def test_gift_fixture_imports_choice_and_true_false_questions_and_skips_the_rest():
    result = fixture("otazky.gift.txt")
    assert [(q.name, q.type, q.position, q.line) for q in chosen(result)] == [
        ("J1", SINGLE, 3, 15),
        ("barvy", MULTIPLE, 4, 23),
        ("P1", TRUEFALSE, 7, 42),
        ("2-08 Hesla", TRUEFALSE, 8, 47),
        ("2-08 Hesla", TRUEFALSE, 9, 50),
    ]
    # Once skipped, now imported as their own types.
    assert skipped(result) == []
    assert [
        (q.name, q.type, q.position, q.line) for q in result.questions if q.type in NEW_TYPES
    ] == [
        ("E1", ESSAY, 1, 3),
        ("Přiřaďte pojmy", MATCHING, 2, 6),
        ("N1", NUMERICAL, 5, 32),
        ("K1", SHORTANSWER, 6, 35),
    ]
    assert result.categories == []


def test_gift_fixture_single_choice_keeps_per_answer_feedback_in_every_format():
    j1 = chosen(fixture("otazky.gift.txt"))[0]
    assert j1.text_html == "Co uděláte s přílohou od neznámého odesílatele?"
    assert j1.mode == ALL_OR_NOTHING
    assert choices(j1) == [
        ("Nahlásím ji správci IT", D(1), "Správně; dobře!"),
        ("Otevřu ji", D(0), "Ne, <i>nikdy</i> ji neotvírejte"),  # [html] feedback
        ("Přepošlu ji kolegům", D(0), "Ne, tím riziko šíříte"),  # [plain] answer
    ]


def test_gift_fixture_multiple_response_gets_partial_credit_weights():
    barvy = chosen(fixture("otazky.gift.txt"))[1]
    assert barvy.mode == PARTIAL
    assert [(c.text_html, c.fraction) for c in barvy.choices] == [
        ("Naléhavý tón", D("0.5")),
        ("Oslovení <b>jménem</b>", D(-1)),
        ("Odkaz na cizí doménu", D("0.5")),
        ("Podpis s telefonem", D(-1)),
    ]


def test_gift_fixture_true_false_with_feedback_and_general_feedback():
    p1 = chosen(fixture("otazky.gift.txt"))[2]
    # Wrong-answer feedback comes first in GIFT; it belongs to the choice "True" here.
    assert choices(p1) == [
        ("True", D(0), "Heslo se nesděluje nikomu."),
        ("False", D(1), "Správně, heslo patří jen vám."),
    ]
    assert p1.general_feedback_html == (
        "Pravidla pro hesla najdete ve směrnici o kybernetické bezpečnosti."
    )
    # The stray `";` after the closing brace makes it Moodle's missing-word format.
    assert p1.text_html == 'Heslo smím sdělit kolegovi, když jsem na dovolené._____";'
    short, long = chosen(fixture("otazky.gift.txt"))[3:]
    assert short.choices == long.choices
    assert short.choices[0] == ParsedChoice("True", D(1), "")


def test_gift_fixture_with_category_unescapes_and_sanitizes_html():
    result = fixture("otazky_v_kategorii.gift.txt")
    assert [c.path for c in result.categories] == [["Výchozí pro nové kurzy"]]
    link, acronym = chosen(result)
    assert (link.name, link.position, link.line) == ("Odkaz", 2, 14)
    assert link.category_path == ["Výchozí pro nové kurzy"]
    assert link.text_html == (
        '<a href="https://intranet.example.cz/smernice#hesla" rel="noopener noreferrer">'
        "Přečtěte si směrnici:</a><br><br>Kdo schvaluje výjimku z pravidel?"
    )
    assert [(c.text_html, c.fraction) for c in link.choices] == [
        ("Kolega", D(0)),
        ("Manažer kybernetické bezpečnosti", D(1)),
        ("Dodavatel", D(0)),
        ("Nikdo", D(0)),
    ]
    assert link.choices[1].feedback_html == "Ano, výborně!"
    # The inline style is not allowed through the sanitizer.
    assert acronym.text_html == (
        "Zkratka NÚKIB znamená <span>Národní úřad pro kybernetickou a informační bezpečnost</span>."
    )
    assert [c.fraction for c in acronym.choices] == [D(1), D(0)]
    assert skipped(result) == []
    assert [(q.name, q.type) for q in result.questions if q.type in NEW_TYPES] == [
        ("Činnosti podatelny", MATCHING),
        ("Uživatel", SHORTANSWER),
    ]


def test_xml_fixture_nested_categories_with_descriptions():
    result = fixture("vnorene_kategorie.xml")
    assert [(c.path, c.description_html, c.idnumber, c.line) for c in result.categories] == [
        (["Bezpečnost"], "Kategorie Bezpečnost", "bezp", 4),
        (["Bezpečnost", "Hesla"], "Kategorie **Hesla**", "bezp-hesla", 40),
        (["Bezpečnost", "Hesla", "Správci hesel"], "Kategorie Správci hesel", "", 95),
        (["Ostatní"], "Kategorie Ostatní", "ost", 131),
    ]
    assert [(q.name, q.category_path, q.position, q.line) for q in chosen(result)] == [
        ("Otázka Bezpečnost", ["Bezpečnost"], 1, 13),
        ("Otázka Hesla", ["Bezpečnost", "Hesla"], 3, 68),
        ("Otázka Správci hesel", ["Bezpečnost", "Hesla", "Správci hesel"], 4, 104),
        ("Otázka Ostatní", ["Ostatní"], 5, 140),
    ]
    assert skipped(result) == []
    assert (result.questions[1].name, result.questions[1].type) == ("Esej o heslech", ESSAY)
    usb = chosen(result)[3]
    assert (usb.type, usb.text_html, usb.mode) == (
        TRUEFALSE,
        "<p>USB disk z parkoviště zapojím do počítače.</p>",
        ALL_OR_NOTHING,
    )
    assert [(c.text_html, c.fraction) for c in usb.choices] == [("True", D(0)), ("False", D(1))]


def test_xml_fixture_category_with_html_description_and_idnumber():
    result = fixture("kategorie_s_popisem.xml")
    (category,) = result.categories
    assert (category.path, category.description_html, category.idnumber) == (
        ["Top", "Phishing"],
        "<p>Otázky k <b>podvodným e-mailům</b>.</p>",
        "phishing",
    )
    (question,) = result.questions
    assert (question.name, question.text_html, question.category_path) == (
        "Podezřelý odkaz",
        "<p>Na odkaz v podezřelém e-mailu nikdy neklikám.</p>",
        ["Top", "Phishing"],
    )
    assert question.general_feedback_html == ""
    assert question.explanation_html == ""


def test_xml_fixture_html_characters_in_idnumbers_are_plain_text():
    result = fixture("html_v_idnumber.xml")
    assert result.categories[0].path == ["Znaky <>&"]
    assert result.categories[0].idnumber == "kat <b>&\"'"
    assert result.questions[0].idnumber == 'otázka <i>&"'
    assert result.questions[0].text_html == "<p>Idnumber smí obsahovat &lt; a &amp;.</p>"


def test_xml_fixture_invalid_grades_refuses_the_file_at_the_answer_line():
    # 33 is not a Moodle grade; -50 is (it is the negative of 50), so only 33 is reported.
    problems = refused((FIXTURES / "chybne_znamky.xml").read_bytes())
    assert len(problems) == 1
    line, reason = problems[0]
    assert line == 21
    assert reason.startswith("33% is not one of Moodle's answer grades (100, 90, 83.33333,")


def test_xml_fixture_cloze_question_with_two_gaps_is_one_cloze_question_in_its_category():
    result = fixture("cloze.xml")
    assert skipped(result) == []
    assert [c.path for c in result.categories] == [["Výchozí pro obrázky"]]
    [question] = result.questions
    assert (question.type, question.category_path) == ("cloze", ["Výchozí pro obrázky"])
    assert "útok přes SMS je {#1}" in question.text_html
    assert "hlášení podáte na {#2}." in question.text_html
    assert [(g.type, g.weight) for g in question.gaps] == [("single", 1), ("shortanswer", 1)]
    assert [(c.gap, c.text_html, c.fraction) for c in question.choices] == [
        (1, "smishing", 1),
        (1, "vishing", 0),
        (2, "helpdesk", 1),
        (2, "*", 0),
    ]


def test_xml_fixture_broken_cloze_questions_are_skipped_not_refused():
    result = fixture("vadne_cloze.xml")
    assert result.questions == []
    assert skipped(result) == [
        ("Doplňovačka bez podotázek", "cloze", 1, 3),
        ("Výběr bez voleb", "cloze", 2, 17),
        ("Výběr s jedinou volbou", "cloze", 3, 31),
        ("Výběr bez zcela správné odpovědi", "cloze", 4, 45),
        ("Číselná podotázka s chybou", "cloze", 5, 59),
    ]


def test_xml_fixture_ordering_plugin_export_keeps_order_grading_and_says_what_differs():
    """qtype_ordering's export as Moodle writes it (export_to_xml): layouttype, selecttype,
    selectcount, gradingtype, showgrading, combined feedback, answers numbered by fraction."""
    result = fixture("razeni_moodle.xml")
    assert skipped(result) == []
    assert [c.path for c in result.categories] == [["Top", "Incidenty"]]
    steps, passwords, lifecycle, backup = result.questions
    assert {q.type for q in result.questions} == {ORDERING}
    assert [html_to_plain(c.text_html) for c in steps.choices] == [
        "Odpojit počítač od sítě",
        "Zavolat na helpdesk",
        "Změnit heslo",
        "Sepsat, co se stalo",
    ]
    assert "Helpdesk zajistí" in steps.choices[1].feedback_html
    assert (steps.mode, steps.note, steps.idnumber) == (PARTIAL, "", "inc-1")
    assert "odpojit" in steps.general_feedback_html
    # ALL_OR_NOTHING stays all or nothing; the layout (horizontal) does not change grading.
    assert (passwords.mode, passwords.note) == (ALL_OR_NOTHING, "")
    assert [c.text_html for c in passwords.choices] == [
        "heslo123",
        "Praha2024!",
        "kůň-řeka-lampa-modrá",
    ]
    # 3 contiguous of 5 items, graded relative to the next one: imported, and the report says
    # how it differs from Moodle.
    assert lifecycle.mode == PARTIAL and len(lifecycle.choices) == 5
    assert "only some of the items" in lifecycle.note and "relative" in lifecycle.note
    # Empty fields take the plugin's defaults: RANDOM 2 of 3 items, relative grading.
    assert backup.mode == PARTIAL and "only some of the items" in backup.note


def test_ordering_items_keep_the_files_order_whatever_their_fraction():
    # Like the plugin's import_from_xml, which resets every fraction and keeps the order.
    xml = """<quiz><question type="ordering"><name><text>Kroky</text></name>
      <questiontext format="html"><text>Seřaďte.</text></questiontext>
      <selecttype>ALL</selecttype><gradingtype>ABSOLUTE_POSITION</gradingtype>
      <answer fraction="3"><text>První</text></answer>
      <answer fraction="1"><text>Druhý</text></answer>
      <answer fraction="2"><text>Třetí</text></answer>
    </question></quiz>"""
    [question] = parse_questions(xml, "razeni.xml").questions
    assert [c.text_html for c in question.choices] == ["První", "Druhý", "Třetí"]


def test_every_fixture_is_covered_by_a_test():
    covered = {
        "otazky.gift.txt",
        "otazky_v_kategorii.gift.txt",
        "vnorene_kategorie.xml",
        "kategorie_s_popisem.xml",
        "html_v_idnumber.xml",
        "chybne_znamky.xml",
        "cloze.xml",
        "vadne_cloze.xml",
        "razeni_moodle.xml",
    }
    assert {path.name for path in FIXTURES.iterdir()} == covered


# --- format detection ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("filename", "text", "expected"),
    [
        ("bank.xml", "::a::b{T}", MOODLE_XML),
        ("bank.gift", "<?xml version='1.0'?><quiz/>", GIFT),
        ("bank.txt", "// comment\n::a::b{T}", GIFT),
        ("bank.txt", "  <?xml version='1.0'?><quiz/>", MOODLE_XML),
        ("upload", "<quiz></quiz>", MOODLE_XML),
        ("upload", "[html]<p>Otázka</p>{T}", GIFT),
    ],
)
def test_format_comes_from_the_extension_or_the_content(filename, text, expected):
    assert detect_format(text, filename) == expected


# --- Czech and HTML -----------------------------------------------------------------------

CZECH_GIFT = f"""\
$CATEGORY: $course$/top/Phishing/E-mail

// Jednoduchá volba se zpětnou vazbou
::Podvodný e-mail::[html]<p>Co uděláte s e-mailem, který žádá <strong>heslo</strong>?</p>{{
  =Nahlásím ho manažerovi kybernetické bezpečnosti#Správně: {CZECH}.
  ~Odpovím a heslo pošlu#Nikdy neposílejte heslo.
  ~Smažu ho bez nahlášení#Kolegy to neochrání.
  ####<p>Útočníci se často vydávají za IT oddělení.</p>
}}

::Silná hesla::Která hesla jsou silná?{{
  ~%50%Kůň-Žluťoučký-Úpěl-2024
  ~%50%dlouhá věta z několika slov
  ~%-100%heslo123#Příliš krátké a časté.
}}

::Čistý stůl::Zásada čistého stolu platí i o přestávce.{{T#Platí vždy.#Ano, správně.}}
"""


def test_czech_gift_survives_in_names_texts_choices_feedback_and_categories():
    result = parse_questions(CZECH_GIFT.encode(), "školení.gift")
    assert [c.path for c in result.categories] == [["Phishing", "E-mail"]]
    email, passwords, desk = result.questions
    assert email.name == "Podvodný e-mail"
    assert email.category_path == ["Phishing", "E-mail"]
    assert email.text_html == "<p>Co uděláte s e-mailem, který žádá <strong>heslo</strong>?</p>"
    assert email.choices[0] == ParsedChoice(
        "Nahlásím ho manažerovi kybernetické bezpečnosti", D(1), f"Správně: {CZECH}."
    )
    assert email.general_feedback_html == "<p>Útočníci se často vydávají za IT oddělení.</p>"
    assert (passwords.type, passwords.mode) == (MULTIPLE, PARTIAL)
    assert choices(passwords) == [
        ("Kůň-Žluťoučký-Úpěl-2024", D("0.5"), ""),
        ("dlouhá věta z několika slov", D("0.5"), ""),
        ("heslo123", D(-1), "Příliš krátké a časté."),
    ]
    assert desk.name == "Čistý stůl"
    assert choices(desk) == [("True", D(1), "Ano, správně."), ("False", D(0), "Platí vždy.")]


def test_utf8_with_bom_bytes_and_str_give_the_same_result():
    from_bytes = parse_questions(b"\xef\xbb\xbf" + CZECH_GIFT.encode(), "a.gift")
    from_str = parse_questions(CZECH_GIFT, "a.gift")
    assert from_bytes == from_str
    assert from_bytes.questions[0].name == "Podvodný e-mail"


def test_gift_escapes_become_literal_characters():
    text = r"::Únik\: test::Platí 1 \= 1, \{závorky\}, \~ a \# i \\?{=ano ~ne}"
    (question,) = parse_questions(text, "a.gift").questions
    assert question.name == "Únik: test"
    assert question.text_html == "Platí 1 = 1, {závorky}, ~ a # i \\?"


def test_gift_plain_text_is_escaped_and_moodle_text_is_sanitized():
    text = (
        "::Prostý::[plain]Je <script>alert(1)</script> & spol. nebezpečný?{T}\n\n"
        "::Moodle::Řádek <b onclick='x()'>tučně</b><script>alert(1)</script>\ndruhý řádek{F}\n"
    )
    plain, moodle = parse_questions(text, "a.gift").questions
    assert plain.text_html == "Je &lt;script&gt;alert(1)&lt;/script&gt; &amp; spol. nebezpečný?"
    assert moodle.text_html == "Řádek <b>tučně</b><br>druhý řádek"


def test_gift_question_without_a_name_is_named_after_its_text():
    text = "[html]<p>Smí se heslo <em>zapsat</em> na papírek pod klávesnicí?</p>{F}"
    (question,) = parse_questions(text, "a.gift").questions
    assert question.name == "Smí se heslo zapsat na papírek pod klávesnicí?"


def test_gift_missing_word_format_leaves_a_blank():
    text = "::Cena::Moodle stojí {~hodně peněz =nic ~trochu} ke stažení."
    (question,) = parse_questions(text, "a.gift").questions
    assert question.text_html == "Moodle stojí _____ ke stažení."
    assert [c.fraction for c in question.choices] == [D(0), D(1), D(0)]


def test_gift_description_and_comment_only_blocks():
    text = "// jen komentář\n\n::Úvod::Tento test ověřuje znalosti.\n\n::Otázka::Ano?{T}\n"
    result = parse_questions(text, "a.gift")
    assert skipped(result) == [("Úvod", "description", 1, 3)]
    assert [(q.name, q.position, q.line) for q in result.questions] == [("Otázka", 2, 5)]


def test_gift_grade_of_a_third_is_read_at_moodle_precision():
    text = "::Třetiny::Vyberte.{~%33.333%a ~%33.33333%b ~%33.3333%c ~%-100%d}"
    (question,) = parse_questions(text, "a.gift").questions
    assert [c.fraction for c in question.choices] == [D("0.3333333")] * 3 + [D(-1)]


CZECH_XML = f"""\
<?xml version="1.0" encoding="UTF-8"?>
<quiz>
  <question type="category">
    <category><text>$course$/top/Hesla//PIN</text></category>
  </question>
  <question type="multichoice">
    <name><text>Správa hesel</text></name>
    <questiontext format="html">
      <text><![CDATA[<p onclick="x()">Které zásady platí? {CZECH}</p>
<script>alert(1)</script>]]></text>
    </questiontext>
    <generalfeedback format="html">
      <text><![CDATA[<p>Viz směrnice č. 5.</p>]]></text>
    </generalfeedback>
    <single>false</single>
    <answer fraction="50" format="html">
      <text>Používat správce hesel</text>
      <feedback format="html"><text>Ano.</text></feedback>
    </answer>
    <answer fraction="50" format="plain_text">
      <text>Délka &lt;b&gt;alespoň&lt;/b&gt; 12 znaků</text>
    </answer>
    <answer fraction="-100" format="html"><text>Sdílet heslo s kolegou</text></answer>
  </question>
  <question type="multichoice">
    <name><text>Bez značky single</text></name>
    <questiontext format="moodle_auto_format"><text>První řádek
druhý řádek</text></questiontext>
    <answer fraction="100"><text>Ano</text></answer>
    <answer fraction="0"><text>Ne</text></answer>
    <answer fraction="0"><text></text></answer>
  </question>
</quiz>
"""


def test_czech_xml_survives_and_html_is_sanitized():
    result = parse_questions(CZECH_XML.encode(), "hesla.xml")
    assert [c.path for c in result.categories] == [["Hesla/PIN"]]
    passwords, untagged = result.questions
    assert (passwords.name, passwords.type, passwords.mode) == ("Správa hesel", MULTIPLE, PARTIAL)
    assert passwords.category_path == ["Hesla/PIN"]
    assert passwords.text_html == f"<p>Které zásady platí? {CZECH}</p>"
    assert passwords.general_feedback_html == "<p>Viz směrnice č. 5.</p>"
    assert choices(passwords) == [
        ("Používat správce hesel", D("0.5"), "Ano."),
        ("Délka &lt;b&gt;alespoň&lt;/b&gt; 12 znaků", D("0.5"), ""),
        ("Sdílet heslo s kolegou", D(-1), ""),
    ]
    # Moodle reads a missing <single> as single choice; an empty 0 % answer slot is dropped.
    assert (untagged.type, untagged.text_html) == (SINGLE, "První řádek<br>druhý řádek")
    assert [c.text_html for c in untagged.choices] == ["Ano", "Ne"]


def test_xml_declaring_another_encoding_is_still_read_as_utf8():
    data = CZECH_XML.replace('encoding="UTF-8"', 'encoding="windows-1250"').encode()
    assert parse_questions(data, "a.xml").questions[0].name == "Správa hesel"


def test_a_file_that_is_not_utf8_is_refused_with_its_line():
    data = "::a::b{T}\n\n::Otázka::Čistý stůl?{T}\n".encode("cp1250")
    assert refused(data, "a.gift") == [
        (3, "The file is not UTF-8 text; save it as UTF-8 and try again.")
    ]


# --- malformed XML ------------------------------------------------------------------------


def xml_quiz(*questions: str) -> str:
    return '<?xml version="1.0" encoding="UTF-8"?>\n<quiz>\n' + "".join(questions) + "</quiz>\n"


def multichoice(name, answers, single="true", text="<p>Otázka?</p>"):
    rows = "".join(
        f'    <answer fraction="{fraction}" format="html"><text>{answer}</text></answer>\n'
        for fraction, answer in answers
    )
    return (
        '  <question type="multichoice">\n'
        f"    <name><text>{name}</text></name>\n"
        f'    <questiontext format="html"><text><![CDATA[{text}]]></text></questiontext>\n'
        f"    <single>{single}</single>\n{rows}  </question>\n"
    )


def truefalse(name, true_fraction, false_fraction, true_text="true"):
    return (
        '  <question type="truefalse">\n'
        f"    <name><text>{name}</text></name>\n"
        '    <questiontext format="html"><text>Platí to?</text></questiontext>\n'
        f'    <answer fraction="{true_fraction}"><text>{true_text}</text></answer>\n'
        f'    <answer fraction="{false_fraction}"><text>false</text></answer>\n'
        "  </question>\n"
    )


def test_xml_that_is_not_well_formed_is_refused_with_line_and_reason():
    data = xml_quiz('  <question type="truefalse">\n    <name><text>x</name>\n  </question>\n')
    assert refused(data) == [(4, "The file is not well-formed XML: mismatched tag.")]


def test_xml_entities_and_dtds_are_refused_so_no_file_is_read():
    xxe = (
        '<?xml version="1.0"?>\n<!DOCTYPE quiz [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n'
        "<quiz><question type='truefalse'><name><text>&xxe;</text></name></question></quiz>"
    )
    laughs = '<?xml version="1.0"?>\n<!DOCTYPE quiz [<!ENTITY a "aaaaaaaaaa">]>\n<quiz>&a;</quiz>'
    message = "The file declares a DTD or entities, which are not allowed."
    assert refused(xxe) == [(None, message)]
    assert refused(laughs) == [(None, message)]


def test_xml_without_a_quiz_root_is_refused():
    assert refused("<questions/>") == [
        (1, "The file is XML but not a Moodle question file (no <quiz>).")
    ]


def test_every_problem_of_a_file_is_reported_in_file_order_and_nothing_is_returned():
    text = xml_quiz(
        multichoice("Dobrá", [(100, "a"), (0, "b")]),
        multichoice("Bez správné", [(50, "a"), (0, "b")]),
        multichoice("Součet 90", [(50, "a"), (40, "b"), (-100, "c")], single="false"),
        multichoice("Nic správně", [(0, "a"), (-50, "b")], single="false"),
        multichoice("Prázdná", [(100, "a"), (0, "b")], text="<script>x</script> "),
        multichoice("Jedna odpověď", [(100, "a")]),
        "  <question>\n    <name><text>Bez typu</text></name>\n  </question>\n",
    )
    assert refused(text) == [
        (line_of(text, "Bez správné") - 1, "No answer is fully right (100%)."),
        (
            line_of(text, "Součet 90") - 1,
            "The right answers add up to 90%; they must add up to 100%.",
        ),
        (line_of(text, "Nic správně") - 1, "No answer is marked right."),
        (line_of(text, "Prázdná") - 1, "The question text is empty."),
        (line_of(text, "Jedna odpověď") - 1, "A question needs at least two answers."),
        (line_of(text, "Bez typu") - 1, "A <question> element has no type."),
    ]


def test_three_thirds_add_up_to_a_hundred_percent():
    text = xml_quiz(
        multichoice(
            "Třetiny", [(33.33333, "a"), (33.33333, "b"), (33.33333, "c"), (-100, "d")], "false"
        )
    )
    (question,) = parse_questions(text, "a.xml").questions
    assert question.mode == PARTIAL


def test_answer_problems_point_at_the_answer_line():
    text = xml_quiz(
        multichoice("Čísla", [(100, "a"), ("abc", "b"), (12, "c")]),
        multichoice("Prázdná odpověď", [(100, "a"), (100, ""), (0, "c")], single="false"),
    )
    problems = refused(text)
    assert [line for line, _ in problems] == [
        line_of(text, 'fraction="abc"'),
        line_of(text, 'fraction="12"'),
        line_of(text, "<text></text>"),
    ]
    assert problems[0][1].startswith("abc% is not one of Moodle's answer grades")
    assert problems[2][1] == "An answer worth 100% has no text."


def test_true_false_needs_one_right_answer_and_both_answers():
    no_false = truefalse("Jen pravda", 100, 0).replace("<text>false</text>", "<text>x</text>")
    text = xml_quiz(truefalse("Obě", 100, 100), no_false)
    # "Jen pravda" has "true" and "x": no false answer, and not an old-style pair either.
    assert refused(text) == [
        (line_of(text, "Obě") - 1, "A true/false question needs exactly one right answer."),
        (
            line_of(text, "Jen pravda") - 1,
            'A true/false question needs a "true" and a "false" answer.',
        ),
    ]


def test_old_style_true_false_answers_are_taken_in_order():
    text = xml_quiz(truefalse("Stará", 0, 100, true_text="Ano").replace(">false<", ">Ne<"))
    (question,) = parse_questions(text, "a.xml").questions
    assert [(c.text_html, c.fraction) for c in question.choices] == [
        ("True", D(0)),
        ("False", D(1)),
    ]


def test_a_name_longer_than_255_characters_is_refused():
    text = xml_quiz(multichoice("Ž" * 256, [(100, "a"), (0, "b")]))
    assert refused(text) == [(3, "The question name is longer than 255 characters.")]


def test_the_error_message_lists_lines():
    with pytest.raises(ImportFileError, match=r"line 3: No answer is fully right \(100%\)\."):
        moodle_xml.parse(xml_quiz(multichoice("x", [(50, "a"), (0, "b")])))


# --- malformed GIFT -----------------------------------------------------------------------


def test_gift_unterminated_brace_is_refused_at_its_line():
    text = "::Dobrá::Ano?{T}\n\n// komentář\n::Neukončená::Platí to?{\n=ano\n~ne\n\n::Další::x{T}\n"
    assert refused(text, "a.gift") == [(4, "The { that starts the answers is never closed by }.")]


def test_gift_closing_brace_without_opening_is_refused():
    assert refused("::Špatná::Platí to?} T\n", "a.gift") == [
        (1, "A } has no { before it; write \\} for a literal brace.")
    ]


def test_gift_questions_without_a_blank_line_between_are_refused():
    text = "::První::Ano?{T}\n::Druhá::Ne?{F}\n"
    assert refused(text, "a.gift") == [
        (
            2,
            "A second { or } in one question: separate questions with a blank line, "
            "or write \\{ and \\} for literal braces.",
        )
    ]


def test_gift_choice_problems_are_all_reported():
    text = (
        "::Bez správné::Co?{~a ~b}\n\n"
        "::Špatná váha::Co?{\n~%33%a\n~%67%b\n}\n\n"
        "::Nečitelná váha::Co?{~%abc%a ~%100%b}\n\n"
        "::Prázdná::{T}\n\n"
        "::Neukončené jméno {T}\n"
    )
    assert refused(text, "a.gift") == [
        (1, "No answer is marked right."),
        (
            4,
            "33% is not one of Moodle's answer grades (100, 90, 83.33333, 80, 75, 70, "
            "66.66667, 60, 50, 40, 33.33333, 30, 25, 20, 16.66667, 14.28571, 12.5, 11.11111, "
            "10, 5, 0 or their negatives).",
        ),
        (
            5,
            "67% is not one of Moodle's answer grades (100, 90, 83.33333, 80, 75, 70, "
            "66.66667, 60, 50, 40, 33.33333, 30, 25, 20, 16.66667, 14.28571, 12.5, 11.11111, "
            "10, 5, 0 or their negatives).",
        ),
        (8, 'The weight of "%abc%a" is not written like %50%.'),
        (10, "The question text is empty."),
        (12, "The name is not closed by ::."),
    ]


def test_problems_carry_the_question_position():
    with pytest.raises(ImportFileError) as raised:
        gift.parse("::a::Ano?{T}\n\n::b::Co?{~x ~y}\n")
    assert [(p.position, p.line) for p in raised.value.problems] == [(2, 3)]
    assert raised.value.problems[0].message == "No answer is marked right."
