"""Conventions of texts the actors publish themselves: bylines, joint texts, transcripts."""

from sources.extraction import ActorRecord, Engine, IssueRecord, Registry

REGISTRY = Registry(
    actors=(
        ActorRecord("Ruritania", "state"),
        ActorRecord("Freedonia", "state"),
        ActorRecord("Sylvania", "state"),
        ActorRecord("Osmanya", "state"),
        ActorRecord("Nordic Union", "organisation"),
        ActorRecord("Mara Velloso", "person", role="Foreign Minister", affiliation="Ruritania"),
        ActorRecord("Kemal Şahinoğlu", "person", role="Foreign Minister", affiliation="Osmanya"),
        ActorRecord(
            "Quartet and Nordic Union",
            "group",
            aliases=(
                "The members of the Quartet (Freedonia, Sylvania and Ruritania) "
                "and the Nordic Union",
            ),
        ),
    ),
    issues=(
        IssueRecord(
            "river-truce",
            "Truce on the Blue River",
            "Whether the parties should keep the truce on the Blue River",
            keywords=("truce", "ceasefire"),
        ),
    ),
)


def run(text, header=None):
    return Engine(REGISTRY).extract(text, header=header or {}).statements


def test_capital_turn_labels_with_accented_letters_are_speaker_turns():
    text = (
        "FOREIGN MINISTER VELLOSO: We support the truce on the Blue River.\n"
        "FOREIGN MINISTER ŞAHİNOĞLU: Our country will respect the truce as well.\n"
        "FOREIGN MINISTER VELLOSO: Thank you, Kemal."
    )
    statements = run(text, {"outlet": "Ministry of Foreign Affairs"})
    assert [(s.speaker, s.kind) for s in statements] == [
        ("Mara Velloso", "direct"),
        ("Kemal Şahinoğlu", "direct"),
    ]


def test_a_byline_over_two_lines_makes_the_named_person_the_speaker():
    text = (
        "Ambassador Mara Velloso\n"
        "Permanent Representative\n"
        "We call on all parties to keep the truce on the Blue River."
    )
    statements = run(text, {"outlet": "Mission of Ruritania to the United Nations"})
    assert [(s.speaker, s.kind) for s in statements] == [("Mara Velloso", "direct")]


def test_a_joint_text_naming_its_signatories_as_its_subject_speaks_for_their_group():
    text = (
        "Office of the Spokesperson\n"
        "The members of the Quartet (Freedonia, Sylvania and Ruritania) and the Nordic Union "
        "extend our support to the people of the Blue River valley.\n"
        "We urge all parties to keep the truce on the Blue River."
    )
    statements = run(text, {"outlet": "Ministry of Foreign Affairs of Ruritania"})
    assert {s.speaker for s in statements} == {"Quartet and Nordic Union"}


def test_an_opening_sentence_with_a_verb_between_names_names_no_signatories():
    text = (
        "Office of the Spokesperson\n"
        "Ruritania welcomes the truce between Freedonia and Sylvania; we urge both to keep it.\n"
    )
    statements = run(text, {"outlet": "Ministry of Foreign Affairs of Ruritania"})
    assert {s.speaker for s in statements} == {"Ruritania"}


def test_a_name_addressed_in_a_turn_is_not_a_speaker():
    registry = Registry(
        REGISTRY.actors
        + (ActorRecord("Tomas Ardent", "person", aliases=("Tom",), role="Foreign Minister"),),
        REGISTRY.issues,
    )
    text = (
        "FOREIGN MINISTER ARDENT:  We support the truce on the Blue River fully.\n"
        "FOREIGN MINISTER ŞAHİNOĞLU:  Thank you.\n"
        "You know, Tom, Osmanya has been supporting the truce on the Blue River since the start.\n"
    )
    statements = Engine(registry).extract(text, header={"outlet": "Foreign Ministry"}).statements
    assert [s.speaker for s in statements] == ["Tomas Ardent", "Kemal Şahinoğlu"]


def test_the_purpose_of_a_call_is_said_by_the_one_who_called():
    registry = Registry(
        REGISTRY.actors
        + (ActorRecord("Ivo Marek", "person", role="President", affiliation="Freedonia"),),
        REGISTRY.issues,
    )
    text = (
        "Office of the Spokesperson\n"
        "Foreign Minister Mara Velloso spoke today with Freedonian President Ivo Marek to "
        "reiterate the importance of keeping the truce on the Blue River.\n"
    )
    header = {"outlet": "Ministry of Foreign Affairs of Ruritania"}
    (statement,) = Engine(registry).extract(text, header=header).statements
    assert statement.speaker == "Mara Velloso"
    assert statement.quote.endswith("keeping the truce on the Blue River")


def test_a_release_opening_with_a_said_line_is_that_persons_statement():
    text = (
        "Foreign Minister Mara Velloso said:\n"
        "We condemn the attack on the truce on the Blue River.\n"
        "Sylvania's shelling of the river villages is a flagrant breach of the truce. "
        "It must stop at once.\n"
    )
    statements = run(text, {"outlet": "Ministry of Foreign Affairs of Ruritania"})
    assert {s.speaker for s in statements} == {"Mara Velloso"}
    assert any(s.quote.startswith("Sylvania's shelling") for s in statements)


def test_governments_that_have_issued_the_following_joint_statement_speak_as_their_group():
    text = (
        "Office of the Spokesperson\n"
        "The governments of Freedonia, Sylvania and Ruritania have issued the following joint "
        "statement.\n"
        "Begin text:\n"
        "We reiterate our support for the truce on the Blue River.\n"
    )
    registry = Registry(
        REGISTRY.actors
        + (ActorRecord("Freedonia, Sylvania and Ruritania", "group", aliases=("The Trio",)),),
        REGISTRY.issues,
    )
    header = {"outlet": "Ministry of Foreign Affairs of Ruritania"}
    statements = Engine(registry).extract(text, header=header).statements
    assert [s.speaker for s in statements] == ["Freedonia, Sylvania and Ruritania"]


def test_courtesies_and_the_shape_of_a_speech_are_no_statements():
    text = (
        "Mara Velloso, Foreign Minister\n"
        "Thank you very much and thank you for giving me this opportunity today. Much "
        "appreciated, Madam President. I feel that I must make four critical points.\n"
        "First, the truce on the Blue River must hold.\n"
    )
    statements = run(text, {"outlet": "Ministry of Foreign Affairs of Ruritania"})
    assert [s.quote for s in statements] == ["First, the truce on the Blue River must hold"]


def test_a_named_interviewer_whose_turns_ask_takes_no_position():
    registry = Registry(
        actors=(
            *REGISTRY.actors,
            ActorRecord("Lena Dorn", "person", role="journalist"),
        ),
        issues=REGISTRY.issues,
    )
    text = (
        "MS DORN: Since we have only a few minutes, I am going straight to it. Why is the "
        "truce on the Blue River suddenly at the forefront?\n"
        "FOREIGN MINISTER VELLOSO: We support the truce on the Blue River fully.\n"
        "MS DORN: And what will Ruritania do if the truce fails?\n"
        "FOREIGN MINISTER VELLOSO: We will keep the truce, whatever others do."
    )
    statements = Engine(registry).extract(text, header={}).statements
    assert {s.speaker for s in statements} == {"Mara Velloso"}


def test_a_spokespersons_press_conference_answers_for_the_government_via_them():
    registry = Registry(
        actors=(
            *REGISTRY.actors,
            ActorRecord(
                "Ruritanian Foreign Ministry",
                "organisation",
                aliases=("Foreign Ministry",),
                part_of="Ruritania",
            ),
            ActorRecord(
                "Ivo Brand",
                "person",
                role="Foreign Ministry Spokesperson",
                affiliation="Ruritanian Foreign Ministry",
            ),
        ),
        issues=REGISTRY.issues,
    )
    text = (
        "Q: What is the comment of Ruritania on the truce?\n"
        "A: We firmly support the truce on the Blue River and urge all parties to respect it."
    )
    header = {"title": "Foreign Ministry Spokesperson Ivo Brand's Regular Press Conference"}
    statements = Engine(registry).extract(text, header=header).statements
    assert [(s.speaker, s.via, s.kind) for s in statements] == [
        ("Ruritania", "Ivo Brand", "direct")
    ]
