"""The engine's cases from issue 5, one behaviour per test."""

import subprocess
import sys
from pathlib import Path

import pytest

from sources.extraction import Engine


def one(statements, speaker):
    found = [s for s in statements if s.speaker == speaker]
    assert found, f"no statement by {speaker}: {[(s.speaker, s.quote) for s in statements]}"
    return found


def test_engine_imports_without_django_when_loaded_alone():
    code = "import sys, sources.extraction; assert 'django' not in sys.modules, 'django loaded'"
    root = Path(__file__).resolve().parents[3]
    subprocess.run([sys.executable, "-c", code], check=True, cwd=root)


def test_direct_quote_is_attributed_to_the_name_after_it_when_it_ends_with_said(run):
    text = "“Russia will not tolerate NATO troops on Ukrainian soil,” Lavrov declared."
    (statement,) = run(text)
    assert statement.speaker == "Sergey Lavrov"
    assert statement.kind == "direct"
    assert statement.quote == "Russia will not tolerate NATO troops on Ukrainian soil"
    assert text[statement.start : statement.end] == statement.quote


def test_quote_split_around_its_attribution_is_two_statements_when_marks_pair_twice(run):
    text = "“We will not send troops,” Blinken said, “but we will keep supporting the peace talks.”"
    statements = one(run(text), "Antony Blinken")
    assert [s.quote for s in statements] == [
        "We will not send troops",
        "but we will keep supporting the peace talks",
    ]


def test_pronoun_speaker_resolves_to_the_last_subject_when_he_speaks(run):
    text = (
        "Sergey Lavrov, the Russian foreign minister, met reporters in Moscow.\n"
        "He condemned European nations for pushing for a peacekeeping presence in Ukraine."
    )
    statement = one(run(text), "Sergey Lavrov")[0]
    assert statement.kind == "reported"
    assert statement.quote.startswith("condemned European nations")


def test_metonym_resolves_to_the_state_when_a_capital_speaks(run):
    text = "Moscow warned that any deployment of peacekeepers would be a direct threat."
    statement = one(run(text), "Russia")[0]
    assert statement.quote.startswith("any deployment of peacekeepers")
    assert statement.stance == "oppose"


def test_unknown_speaker_becomes_a_new_actor_when_the_registry_lacks_them(engine):
    text = "Foreign Minister Jean Dupont said the ceasefire talks must resume without delay."
    result = engine.extract(text)
    (statement,) = result.statements
    assert statement.speaker == "Jean Dupont"
    assert statement.is_new_actor
    assert [a.name for a in result.new_actors] == ["Jean Dupont"]


def test_look_alike_surname_is_not_merged_when_the_first_name_differs(run):
    text = "Maria Lavrov said the peace talks should resume."
    statement = run(text)[0]
    assert statement.speaker == "Maria Lavrov"
    assert statement.is_new_actor


def test_transliteration_resolves_to_the_registry_name_when_spelt_differently(run):
    text = "Sergei Lavrov said that the peacekeeping plan was unacceptable."
    assert run(text)[0].speaker == "Sergey Lavrov"


def test_trailing_attribution_takes_the_clause_before_it_when_the_sentence_ends_with_said(run):
    text = "Any ceasefire must be negotiated between the parties, Lavrov said on Tuesday."
    statement = one(run(text), "Sergey Lavrov")[0]
    assert statement.quote == "Any ceasefire must be negotiated between the parties"
    assert statement.said_on.isoformat() == "2025-04-01"  # Tuesday 1 April 2025


def test_according_to_attributes_the_rest_of_the_sentence_when_it_opens_it(run):
    text = "According to Blinken, the peace talks are the only way to end the war."
    statement = one(run(text), "Antony Blinken")[0]
    assert "peace talks are the only way" in statement.quote


def test_group_subject_resolves_to_the_group_named_before_when_countries_speak(run):
    text = (
        "Leaders of 30 nations, self-described as a “coalition of the willing”, met in Paris.\n"
        "Several countries at the summit expressed readiness to take part in a peacekeeping "
        "operation."
    )
    statement = one(run(text), "Coalition of the willing")[0]
    assert statement.stance == "support"
    assert statement.issue == "foreign-troops-in-ukraine"


def test_scare_quotes_are_not_statements_when_no_cue_governs_them(run):
    text = "The so-called “special military operation” continued in the east."
    assert run(text) == []


def test_byline_person_speaks_first_person_sentences_when_a_press_statement(run):
    text = (
        "Antony J. Blinken, Secretary of State\n"
        "We call on Russia to agree to a ceasefire and withdraw its troops from Ukraine."
    )
    statement = one(run(text, header={"outlet": "U.S. Department of State"}), "Antony Blinken")[0]
    assert statement.kind == "direct"
    assert statement.quote.startswith("We call on Russia")


def test_byline_person_speaks_sentences_that_take_a_side_without_first_person(run):
    text = (
        "Antony J. Blinken, Secretary of State\n"
        "The talks were held in Geneva on Monday. Excluding Ukraine from the talks would be a "
        "dangerous mistake.\n"
    )
    statements = run(text, header={"outlet": "U.S. Department of State"})
    assert [(s.speaker, s.kind, s.quote) for s in statements] == [
        (
            "Antony Blinken",
            "direct",
            "Excluding Ukraine from the talks would be a dangerous mistake",
        )
    ]


def test_transcript_turns_are_direct_statements_of_their_speaker(run):
    text = (
        "QUESTION: Will you send troops to Ukraine?\n"
        "SECRETARY BLINKEN: We will not send troops, but we support the peace talks fully.\n"
        "QUESTION: Thank you."
    )
    statements = run(text)
    assert [(s.speaker, s.kind) for s in statements] == [("Antony Blinken", "direct")]


def test_extra_cues_extend_the_lexicon_when_passed_at_run_time():
    from tests.sources.extraction.conftest import REGISTRY

    text = "Lavrov grumbled that the ceasefire talks were going nowhere."
    assert Engine(REGISTRY).extract(text).statements == []
    extended = Engine(REGISTRY, extra_cues={"speech": ["grumble"]})
    assert extended.extract(text).statements[0].speaker == "Sergey Lavrov"


def test_label_before_a_colon_names_the_speaker_when_a_page_lists_reactions(run):
    text = (
        "Leaders reacted to the ceasefire plan:\n"
        "United Kingdom Prime Minister Keir Starmer: “We welcome the ceasefire plan.”\n"
        "European Commission President Ursula von der Leyen: “Europe supports the truce.”"
    )
    statements = run(text, header={"outlet": "The White House"})
    assert [s.speaker for s in statements] == ["Keir Starmer", "Ursula von der Leyen"]


@pytest.mark.parametrize(
    ("text", "speaker", "quote"),
    [
        (
            "Lavrov told reporters that the ceasefire talks would continue.",
            "Sergey Lavrov",
            "the ceasefire talks would continue",
        ),
        (
            "The ceasefire talks will resume, Blinken told CBS News on Sunday.",
            "Antony Blinken",
            "The ceasefire talks will resume",
        ),
        (
            "According to a statement from Moscow, the peace talks are over.",
            "Russia",
            "the peace talks are over",
        ),
        ("Blinken told the Senate: “We will not abandon Ukraine.”", "Antony Blinken", None),
        (
            "Blinken cited what he called Russian support for the attacks and said Moscow "
            "had broken the truce.",
            "Antony Blinken",
            "Moscow had broken the truce",
        ),
        (
            "A spokesperson for Moscow said that the peace talks would resume in May.",
            "Russia",
            "the peace talks would resume in May",
        ),
        (
            "The truce must hold and peace talks must continue, Lavrov has said in response "
            "to criticism from several European capitals of a decision to keep troops near the "
            "border.",
            "Sergey Lavrov",
            "The truce must hold and peace talks must continue",
        ),
    ],
)
def test_news_attributions_find_speaker_and_words(run, text, speaker, quote):
    statements = run(text)
    assert [s.speaker for s in statements] == [speaker]
    if quote is not None:
        assert statements[0].quote == quote
    else:
        assert statements[0].kind == "direct"


def test_follow_up_quote_keeps_its_speaker_when_it_comes_right_after(run):
    text = "“This is a provocation,” Lavrov said. “We will respond.”"
    assert [s.quote for s in one(run(text), "Sergey Lavrov")] == [
        "This is a provocation",
        "We will respond",
    ]


def test_readout_gives_each_named_official_and_each_verb_a_statement():
    from sources.extraction import ActorRecord, Registry

    registry = Registry(
        (
            ActorRecord("United States", "state", ("U.S.",)),
            ActorRecord("Antony Blinken", "person", role="Secretary of State"),
            ActorRecord("Subrahmanyam Jaishankar", "person", role="External Affairs Minister"),
        )
    )
    text = (
        "Secretary Blinken spoke today with External Affairs Minister Jaishankar. The Secretary "
        "underscored the importance of the partnership and welcomed India's leadership. "
        "Secretary Blinken and External Affairs Minister Jaishankar agreed to continue close "
        "coordination."
    )
    statements = Engine(registry).extract(text).statements
    assert [(s.speaker, s.quote.split()[0]) for s in statements] == [
        ("Antony Blinken", "the"),
        ("Antony Blinken", "welcomed"),
        ("Antony Blinken", "agreed"),
        ("Subrahmanyam Jaishankar", "agreed"),
    ]


def test_surname_finds_the_titled_name_given_earlier_when_the_registry_lacks_it():
    from sources.extraction import Registry

    text = (
        "Foreign Minister Jean Dupont said on Tuesday that the talks would go on.\n"
        "“We will not give up,” Dupont told reporters."
    )
    statements = Engine(Registry()).extract(text).statements
    assert [s.speaker for s in statements] == ["Jean Dupont", "Jean Dupont"]


def test_role_with_a_nationality_picks_that_states_official():
    from sources.extraction import ActorRecord, Registry

    registry = Registry(
        (
            ActorRecord("Russia", "state"),
            ActorRecord("Ukraine", "state"),
            ActorRecord("Vladimir Putin", "person", role="President", affiliation="Russia"),
            ActorRecord("Volodymyr Zelensky", "person", role="President", affiliation="Ukraine"),
        )
    )
    text = (
        "Putin and Zelensky spoke by phone.\n"
        "The Russian president said the talks were useful.\n"
        "Ukraine's president said the ceasefire must hold."
    )
    statements = Engine(registry).extract(text).statements
    assert [s.speaker for s in statements] == ["Vladimir Putin", "Volodymyr Zelensky"]


def test_new_speakers_get_their_kind_from_the_recogniser_when_asked():
    from sources.extraction import Registry

    text = "Hamas said it would study the ceasefire proposal."
    result = Engine(Registry(), classify_new_actors=True).extract(text)
    assert [(a.name, a.kind) for a in result.new_actors] == [("Hamas", "organisation")]
    assert result.statements[0].speaker_kind == "organisation"


def test_briefing_transcript_in_mixed_case_gives_the_answers_not_the_questions():
    from sources.extraction import ActorRecord, Registry

    registry = Registry((ActorRecord("Maria Zakharova", "person"), ActorRecord("Russia", "state")))
    text = (
        "Question: Will Russia respond to the new sanctions?\n"
        "Maria Zakharova: We will certainly respond to the sanctions.\n"
        "Question: And the talks?\n"
        "Maria Zakharova: The talks are suspended for now."
    )
    statements = Engine(registry).extract(text).statements
    assert [(s.speaker, s.kind, s.quote) for s in statements] == [
        ("Maria Zakharova", "direct", "We will certainly respond to the sanctions"),
        ("Maria Zakharova", "direct", "The talks are suspended for now"),
    ]


def test_statement_from_a_named_author_makes_them_the_speaker_of_its_sentences():
    from sources.extraction import ActorRecord, Registry

    registry = Registry(
        (ActorRecord("Joe Biden", "person", ("Joseph R. Biden",), affiliation="United States"),)
    )
    text = (
        "Statement from President Joseph R. Biden, Jr. on the Ceasefire in Gaza\n"
        "Today I welcome the ceasefire agreement. We will continue to support its implementation."
    )
    statements = Engine(registry).extract(text, header={"outlet": "The White House"}).statements
    assert [(s.speaker, s.kind) for s in statements] == [
        ("Joe Biden", "direct"),
        ("Joe Biden", "direct"),
    ]


def test_reported_speech_ends_before_a_trailing_participle_clause_when_it_glosses(run):
    text = (
        "Lavrov said Russia was suspending some assistance programs to the region, "
        "making good on threats to pull financial support."
    )
    (statement,) = one(run(text), "Sergey Lavrov")
    assert statement.quote == "Russia was suspending some assistance programs to the region"


def test_reported_speech_keeps_what_a_trailing_speech_participle_says(run):
    text = (
        "Lavrov accused the West of arrogance, emphasizing that any deployment of NATO troops "
        "to Ukraine would be unacceptable to Moscow."
    )
    quotes = [s.quote for s in one(run(text), "Sergey Lavrov")]
    assert any("would be unacceptable to Moscow" in q for q in quotes)


def test_issue_of_a_demand_to_stop_is_what_is_to_be_stopped_not_the_rest_of_the_list():
    from sources.extraction import ActorRecord, IssueRecord, Registry

    registry = Registry(
        actors=(
            ActorRecord("China", "state"),
            ActorRecord("Wang Wenbin", "person", role="spokesperson", affiliation="China"),
        ),
        issues=(
            IssueRecord("official-exchanges", "Official exchanges between the US and Taiwan"),
            IssueRecord("one-china-principle", "The one-China principle as the basis of relations"),
        ),
    )
    text = (
        "Wang Wenbin said: “We urge the US side to abide by the one-China principle and the "
        "joint communiques, and stop all forms of official exchanges with Taiwan.”"
    )
    (statement,) = Engine(registry).extract(text).statements
    assert (statement.issue, statement.stance) == ("official-exchanges", "oppose")


def test_quoted_fragment_takes_the_stance_of_the_sentence_it_sits_in(run):
    text = (
        "Lavrov said that the “key condition” for a ceasefire remains the complete halt of "
        "foreign troops in Ukraine and their withdrawal.\n"
    )
    statements = run(text)
    reported = next(s for s in statements if s.kind == "reported")
    fragment = next(s for s in statements if s.quote == "key condition")
    assert reported.issue is not None
    assert (fragment.issue, fragment.stance) == (reported.issue, reported.stance)


def test_joint_statement_we_is_the_registry_group_its_release_line_names():
    from sources.extraction import ActorRecord, Registry

    registry = Registry(
        (
            ActorRecord("G7 foreign ministers", "group", aliases=("G7",)),
            ActorRecord("Canada", "state"),
            ActorRecord("France", "state"),
            ActorRecord(
                "European Union", "organisation", aliases=("High Representative of the EU",)
            ),
            ActorRecord("North Korea", "state", aliases=("DPRK",)),
        )
    )
    text = (
        "The text of the following statement was released by the G7 foreign ministers of "
        "Canada and France, and the High Representative of the EU.\n"
        "Begin Text:\n"
        "We, the G7 Foreign Ministers of Canada and France, and the High Representative of the "
        "EU strongly condemn the continued testing of ballistic missiles by the "
        "DPRK.\n"
        "We call on the DPRK to accept the repeated offers of dialogue.\n"
        "End Text.\n"
    )
    statements = Engine(registry).extract(text, header={"outlet": "U.S. Department of State"})
    assert [(s.speaker, s.kind, s.quote.split()[1]) for s in statements.statements] == [
        ("G7 foreign ministers", "direct", "the"),
        ("G7 foreign ministers", "direct", "call"),
    ]


def test_a_participle_of_speech_after_the_content_is_a_second_statement(run):
    text = (
        "Russia rejected the proposal for foreign peacekeepers on Ukrainian soil, "
        "saying the deployment would have no legal basis."
    )
    quotes = [s.quote for s in one(run(text), "Russia")]
    assert quotes == [
        "rejected the proposal for foreign peacekeepers on Ukrainian soil",
        "the deployment would have no legal basis",
    ]


def test_a_short_preface_before_saying_that_is_not_a_statement_of_its_own(run):
    text = "Lavrov accused the West of arrogance, stating that peacekeepers would be unacceptable."
    (statement,) = one(run(text), "Sergey Lavrov")
    assert statement.quote == "peacekeepers would be unacceptable"


def test_a_speaker_cited_after_according_to_relays_the_named_speakers_words(run):
    text = "According to Zelensky, Lavrov told him that a ceasefire was out of the question."
    (statement,) = run(text)
    assert statement.speaker == "Sergey Lavrov"
    assert statement.via == "Volodymyr Zelensky"
    assert statement.quote == "a ceasefire was out of the question"


def test_a_second_that_clause_after_but_is_a_second_statement(run):
    text = (
        "Blinken said that the talks were a positive step, but that there was little progress "
        "on a ceasefire."
    )
    quotes = [s.quote for s in one(run(text), "Antony Blinken")]
    assert quotes == ["the talks were a positive step", "there was little progress on a ceasefire"]


def test_what_follows_but_said_is_what_was_said(run):
    text = "Zelensky praised the coalition, but said the ceasefire was now at risk."
    quotes = [s.quote for s in one(run(text), "Volodymyr Zelensky")]
    assert quotes[-1] == "the ceasefire was now at risk"


def test_a_speech_verb_said_not_to_be_used_says_nothing(run):
    text = (
        "Lavrov did not say whether Russia would send troops but added that the ceasefire "
        "talks must go on."
    )
    (statement,) = one(run(text), "Sergey Lavrov")
    assert statement.quote == "the ceasefire talks must go on"


def test_a_relative_clause_that_speaks_is_its_antecedents_statement(run):
    text = (
        "Talks deadlocked with Russia, which says it is severing military agreements with "
        "Ukraine, its neighbour."
    )
    (statement,) = run(text)
    assert statement.speaker == "Russia"
    assert statement.quote == "it is severing military agreements with Ukraine"


def test_a_relative_clause_before_the_main_verb_is_a_statement_of_its_own(run):
    text = "Russia, which views the peacekeepers as a threat, rejected the ceasefire."
    quotes = [s.quote for s in one(run(text), "Russia")]
    assert quotes == ["views the peacekeepers as a threat", "rejected the ceasefire"]


def test_an_authors_sentence_is_not_taken_for_a_position_by_the_words_of_a_name(run):
    text = (
        "Antony J. Blinken, Secretary of State\n"
        "On Monday a delegation from the United States Agency for International Development "
        "met technocratic professionals in Doha. Excluding Ukraine would be a dangerous mistake.\n"
    )
    statements = run(text, header={"outlet": "U.S. Department of State"})
    assert [s.quote for s in statements] == ["Excluding Ukraine would be a dangerous mistake"]


def test_transcript_turns_of_thanks_or_a_transcribers_note_are_no_statements(run):
    text = (
        "QUESTION: Will you send troops to Ukraine?\n"
        "SECRETARY BLINKEN: (In Spanish.)\n"
        "SECRETARY BLINKEN: Gracias. Thank you so much. Nice to meet with you.\n"
        "SECRETARY BLINKEN: We will not send troops, but we support the peace talks fully.\n"
    )
    statements = run(text)
    assert [s.quote for s in statements] == [
        "We will not send troops, but we support the peace talks fully"
    ]


def test_they_after_two_people_spoke_together_is_each_of_them(run):
    text = (
        "Foreign Minister Lavrov and Secretary Blinken met in Geneva. Lavrov and Blinken "
        "welcomed the ceasefire talks. They underscored the need for a lasting ceasefire."
    )
    statements = run(text)
    said = [(s.speaker, s.quote) for s in statements if "lasting" in s.quote]
    assert sorted(said) == [
        ("Antony Blinken", "the need for a lasting ceasefire"),
        ("Sergey Lavrov", "the need for a lasting ceasefire"),
    ]


def test_a_joint_statements_text_line_makes_its_signatories_the_speaker(engine):
    from sources.extraction import ActorRecord, Registry
    from tests.sources.extraction.conftest import REGISTRY

    quint = ActorRecord("Quint", "group", aliases=("France, Germany and the United States",))
    registry = Registry(
        actors=(
            *REGISTRY.actors,
            ActorRecord("France", "state"),
            ActorRecord("Germany", "state"),
            quint,
        ),
        issues=REGISTRY.issues,
    )
    text = (
        "Office of the Spokesperson\n"
        "The following is the text of a joint statement\xa0by the Governments of the United "
        "States of America and France, and Germany.\n"
        "We call on Russia to agree to a ceasefire without delay.\n"
    )
    statements = Engine(registry).extract(text, header={"outlet": "U.S. Department of State"})
    assert [(s.speaker, s.kind) for s in statements.statements] == [("Quint", "direct")]


def test_a_statement_delivered_by_a_named_official_is_theirs(run):
    text = (
        "Statement delivered by Foreign Minister Sergey Lavrov, at the UN Security Council "
        "meeting on Ukraine.\n"
        "We reject any deployment of foreign peacekeepers in Ukraine.\n"
    )
    statements = run(text, header={"outlet": "Ministry of Foreign Affairs of Russia"})
    assert [(s.speaker, s.kind) for s in statements] == [("Sergey Lavrov", "direct")]


def test_a_title_naming_a_post_makes_its_holder_the_speaker(run):
    text = "I must underscore that the ceasefire must hold.\n"
    header = {
        "outlet": "Ministry of Foreign Affairs of Russia",
        "title": "Foreign Minister’s Remarks to Press on the Ceasefire",
    }
    statements = run(text, header=header)
    assert [(s.speaker, s.kind) for s in statements] == [("Sergey Lavrov", "direct")]


def test_two_posts_joined_as_a_subject_are_two_speakers(run):
    text = (
        "Foreign Minister Lavrov met Secretary Blinken in Geneva. The Foreign Minister and the "
        "Secretary welcomed the ceasefire talks."
    )
    said = sorted(s.speaker for s in run(text) if s.quote == "welcomed the ceasefire talks")
    assert said == ["Antony Blinken", "Sergey Lavrov"]


def test_a_role_after_a_dateline_resolves_to_the_person_holding_it(run):
    text = "MOSCOW: Russia’s foreign minister has condemned the plan to send peacekeepers."
    statement = one(run(text), "Sergey Lavrov")[0]
    assert statement.quote.startswith("condemned the plan")


def test_a_sentence_adverb_between_subject_and_verb_is_skipped(run):
    text = "Lavrov has meanwhile warned that peacekeepers would be a legitimate target."
    statement = one(run(text), "Sergey Lavrov")[0]
    assert statement.quote.startswith("peacekeepers would be")


def test_a_date_between_subject_and_verb_is_skipped(run):
    text = "Blinken on March 6 urged Moscow to accept the ceasefire."
    statement = one(run(text), "Antony Blinken")[0]
    assert statement.quote == "urged Moscow to accept the ceasefire"


def test_subjects_joined_by_and_share_each_coordinated_predicate(run):
    text = "Moscow and Washington welcomed the peace talks, and urged Kyiv to accept a ceasefire."
    statements = run(text)
    for speaker in ("Russia", "United States"):
        quotes = sorted(s.quote for s in statements if s.speaker == speaker)
        assert quotes == ["urged Kyiv to accept a ceasefire", "welcomed the peace talks"]


def test_a_shared_statement_is_listed_in_the_order_its_speakers_are_named(run):
    text = "Moscow and Washington welcomed the peace talks."
    assert [s.speaker for s in run(text)] == ["Russia", "United States"]


def test_subjects_joined_after_the_clause_opener_share_a_later_verb(run):
    text = "Lavrov and Blinken met in Geneva and welcomed the ceasefire talks."
    said = sorted(s.speaker for s in run(text) if s.quote.startswith("welcomed"))
    assert said == ["Antony Blinken", "Sergey Lavrov"]


def test_the_spokesman_is_the_spokesman_named_earlier(engine):
    from sources.extraction import ActorRecord, Registry

    registry = Registry(
        (
            ActorRecord("United States", "state", ("Washington",)),
            ActorRecord("John Doe", "person", role="spokesman", affiliation="United States"),
        )
    )
    text = (
        "Spokesman John Doe said the talks would go on. "
        "The spokesman then relayed that the ceasefire proposal changed nothing."
    )
    statements = Engine(registry).extract(text).statements
    relayed = [s for s in statements if s.quote.startswith("the ceasefire proposal")]
    assert [s.speaker for s in relayed] == ["John Doe"]


@pytest.mark.parametrize(
    "text",
    [
        "Blinken pointed to Russia's refusal to accept the ceasefire.",
        "Blinken hit back at Moscow's rejection of the ceasefire.",
        "Blinken pressed Moscow to accept the ceasefire.",
        "Blinken specified that the ceasefire must cover energy sites.",
    ],
)
def test_news_verbs_of_position_and_speech_are_cues(run, text):
    assert one(run(text), "Antony Blinken")


def test_a_time_clause_with_its_own_speaker_is_a_second_statement(run):
    text = "Lavrov criticised the peace plan, after Washington urged Moscow to accept a ceasefire."
    statements = run(text)
    assert one(statements, "Sergey Lavrov")[0].quote == "criticised the peace plan"
    assert one(statements, "United States")[0].quote == "urged Moscow to accept a ceasefire"


def test_a_conjunction_opening_the_sentence_is_not_its_subject(run):
    text = (
        "Sergey Lavrov met reporters in Moscow. But he flew to Ankara and rejected the "
        "ceasefire proposal."
    )
    statements = run(text)
    quotes = [s.quote for s in statements if s.speaker == "Sergey Lavrov"]
    assert "rejected the ceasefire proposal" in quotes


@pytest.mark.parametrize(
    "text",
    [
        "Kyiv protested after allegations from Lavrov that peacekeepers were already deployed.",
        "Zelensky rejected Lavrov's claims that peacekeepers were already deployed.",
    ],
)
def test_a_noun_of_saying_names_the_holder_of_the_content(run, text):
    statement = one(run(text), "Sergey Lavrov")[0]
    assert statement.quote == "peacekeepers were already deployed"


def test_a_quotation_over_two_paragraphs_is_one_statement_per_paragraph(run):
    text = (
        "Lavrov said: “We will not accept foreign peacekeepers in Ukraine.\n"
        "“Any such deployment would be a direct threat to Russia.”"
    )
    quotes = [s.quote for s in one(run(text), "Sergey Lavrov") if s.kind == "direct"]
    assert quotes == [
        "We will not accept foreign peacekeepers in Ukraine",
        "Any such deployment would be a direct threat to Russia",
    ]


def test_names_inside_a_relative_clause_are_not_the_subject(run):
    text = (
        "Lavrov, who serves as the liaison to the ruling Coalition of the willing (CW), rejected "
        "the ceasefire proposal."
    )
    statement = one(run(text), "Sergey Lavrov")[0]
    assert statement.quote == "rejected the ceasefire proposal"


@pytest.mark.parametrize(
    "text",
    [
        "MOSCOW: Russian Foreign Minister Sergey Lavrov on Friday rejected the ceasefire "
        "proposal, Interfax reported.",
        "Lavrov, who spoke to reporters in Moscow after a long meeting with his Turkish "
        "counterpart, rejected the ceasefire proposal, according to Ukraine.",
    ],
)
def test_an_outlet_relays_the_words_of_the_speaker_it_names(run, text):
    statements = run(text)
    assert [s.speaker for s in statements] == ["Sergey Lavrov"]
    assert not statements[0].quote.endswith(("reported", "Ukraine"))


def test_the_speaker_before_according_to_and_an_outlet_is_the_speaker(run):
    text = (
        "A ceasefire without guarantees is a non-starter, Blinken said, according to Zelensky, "
        "who met him in Kyiv on Friday, Interfax reports."
    )
    statement = one(run(text), "Antony Blinken")[0]
    assert statement.quote == "A ceasefire without guarantees is a non-starter"


@pytest.mark.parametrize(
    "text",
    [
        "“Peacekeepers would be a legitimate target,” Interfax quoted Lavrov as saying.",
        "“Peacekeepers would be a legitimate target,” Lavrov was quoted by Interfax as saying.",
    ],
)
def test_the_one_quoted_as_saying_is_the_speaker_not_the_outlet(run, text):
    (statement,) = run(text)
    assert (statement.speaker, statement.kind) == ("Sergey Lavrov", "direct")


def test_a_participle_of_speech_after_a_closing_quotation_says_a_second_thing(run):
    text = (
        'Lavrov rejected the offer of peacekeepers "in any form," insisting that the ceasefire '
        "talks must come first."
    )
    quotes = [s.quote for s in one(run(text), "Sergey Lavrov")]
    assert "the ceasefire talks must come first" in quotes


def test_an_apposition_between_en_dashes_is_skipped_to_its_head(run):
    text = (
        "Russia – which has long hosted talks that led to the Coalition of the willing – said "
        "peacekeepers would be a legitimate target."
    )
    assert [s.speaker for s in run(text)] == ["Russia"]


def test_a_quoted_fragment_closing_its_sentence_keeps_that_sentence_speaker(run):
    text = (
        "Blinken said foreign forces must leave, “including Russia’s troops in Ukraine.” "
        "Moscow has denied sending troops."
    )
    fragment = [s for s in run(text) if s.kind == "direct"]
    assert [s.speaker for s in fragment] == ["Antony Blinken"]


def test_an_outlet_reporting_a_quotation_is_not_its_speaker(run):
    text = 'Lavrov stressed that peacekeepers are "a legitimate target", Interfax reports.'
    direct = [s for s in run(text) if s.kind == "direct"]
    assert [s.speaker for s in direct] == ["Sergey Lavrov"]


def test_a_trailing_attribution_may_end_with_the_speakers_participle_clause(run):
    text = (
        "Western peacekeepers would be a legitimate target, Lavrov said Tuesday, responding to a "
        "French proposal under which European troops would be sent to Ukraine after a ceasefire."
    )
    statements = run(text)
    assert [(s.speaker, s.quote) for s in statements] == [
        ("Sergey Lavrov", "Western peacekeepers would be a legitimate target")
    ]


def test_a_body_opening_the_clause_is_the_subject_of_a_later_participle(run):
    text = (
        "The Russian foreign ministry had earlier posted a video message on Telegram, warning "
        "that peacekeepers would be a legitimate target."
    )
    statement = one(run(text), "Russia")[0]
    assert statement.quote == "peacekeepers would be a legitimate target"


def test_a_name_set_off_after_its_post_is_the_subject(run):
    text = (
        "Minister of Foreign Affairs of the Russian Federation, Sergey Lavrov, told the Security "
        "Council that peacekeepers would be a legitimate target."
    )
    statement = one(run(text), "Sergey Lavrov")[0]
    assert statement.quote.endswith("peacekeepers would be a legitimate target")


def test_a_dateline_is_not_the_subject_of_the_first_sentence(run):
    text = (
        "KYIV, Ukraine (AP) — Zelensky met his ministers on Friday and urged allies to send "
        "peacekeepers."
    )
    assert [s.speaker for s in run(text)] == ["Volodymyr Zelensky"]


def test_the_secretary_is_the_one_whose_post_has_that_head_noun():
    from sources.extraction import ActorRecord, Registry

    registry = Registry(
        (
            ActorRecord("Antony Blinken", "person", role="Secretary of State"),
            ActorRecord("Kao Kim Hourn", "person", role="Secretary General"),
        )
    )
    text = (
        "Secretary Blinken met Secretary General Kao Kim Hourn. The Secretary welcomed the "
        "ceasefire talks."
    )
    statements = Engine(registry).extract(text).statements
    assert [s.speaker for s in statements if "ceasefire" in s.quote] == ["Antony Blinken"]


@pytest.mark.parametrize(
    "subject", ["The Foreign Minister and Secretary", "In Geneva, the Minister and Secretary"]
)
def test_two_posts_sharing_one_determiner_are_two_speakers(run, subject):
    text = f"Foreign Minister Lavrov met Secretary Blinken. {subject} welcomed the ceasefire talks."
    said = sorted(s.speaker for s in run(text) if s.quote == "welcomed the ceasefire talks")
    assert said == ["Antony Blinken", "Sergey Lavrov"]


def test_a_post_joined_to_a_named_body_speaks_with_it(run):
    text = (
        "Secretary Blinken met the Coalition of the willing. The Secretary and the Coalition of "
        "the willing welcomed the ceasefire talks."
    )
    said = sorted(s.speaker for s in run(text) if s.quote == "welcomed the ceasefire talks")
    assert said == ["Antony Blinken", "Coalition of the willing"]


def test_both_sides_are_the_two_parties_just_named(run):
    text = (
        "Talks between Russia and Ukraine resumed in Geneva. Both sides have made it clear they "
        "would only discuss a ceasefire."
    )
    said = sorted(s.speaker for s in run(text) if "ceasefire" in s.quote)
    assert said == ["Russia", "Ukraine"]


@pytest.mark.parametrize(
    "text",
    [
        '"Peacekeepers are a red line. We will not accept them," Lavrov said.',
        '"Peacekeepers are a red line. We will not accept them," Lavrov wrote in a post.',
    ],
)
def test_the_last_sentence_of_a_quotation_is_not_also_reported_speech(run, text):
    assert [s.kind for s in run(text)] == ["direct"]


def test_a_statement_read_by_a_speaker_speaks_for_them(run):
    text = (
        "Lavrov read a statement broadcast on state television that described the peacekeeping "
        "plan as a provocation."
    )
    statement = one(run(text), "Sergey Lavrov")[0]
    assert statement.quote.startswith("described the peacekeeping plan")


def test_a_time_clause_may_name_its_speaker_after_a_post(run):
    text = (
        "Lavrov condemned the peacekeeping plan, just hours after the Ukrainian president, "
        "Volodymyr Zelensky, said that the ceasefire talks had failed."
    )
    assert one(run(text), "Sergey Lavrov")[0].quote == "condemned the peacekeeping plan"
    assert one(run(text), "Volodymyr Zelensky")[0].quote == "the ceasefire talks had failed"


def test_a_noun_of_saying_opening_the_sentence_gives_no_statement(run):
    text = "Lavrov's claims that peacekeepers were deployed were denied by Kyiv."
    assert not [s for s in run(text) if s.speaker == "Sergey Lavrov"]


def test_an_object_relative_clause_ends_at_its_comma(run):
    text = "The ceasefire plan, which Russia described as a trap, collapsed on Monday."
    assert one(run(text), "Russia")[0].quote == "described as a trap"


def test_he_is_the_speaker_named_after_said_not_the_object_before_it(run):
    text = (
        "Any deployment could get Zelensky killed, said Sergey Lavrov, the Russian minister.\n"
        "“Peacekeepers would be a legitimate target,” he said."
    )
    direct = [s for s in run(text) if s.kind == "direct"]
    assert [s.speaker for s in direct] == ["Sergey Lavrov"]


def test_reported_speech_quoted_by_an_outlet_is_the_quoted_speakers(run):
    text = "The Guardian quoted Lavrov as saying that peacekeepers would be a legitimate target."
    statement = one(run(text), "Sergey Lavrov")[0]
    assert statement.quote == "peacekeepers would be a legitimate target"


def test_a_quotation_after_the_speakers_own_verb_is_only_direct(run):
    text = 'Lavrov said that he hoped "that the ceasefire talks will resume soon."'
    assert [s.kind for s in run(text)] == ["direct"]


def test_the_panel_is_the_body_named_before_with_that_word():
    from sources.extraction import ActorRecord, Registry

    registry = Registry(
        (ActorRecord("UN panel of experts", "organisation", aliases=("panel of UN experts",)),)
    )
    text = (
        "A panel of UN experts met in Geneva. The panel said the ceasefire talks must include "
        "civilians."
    )
    statements = Engine(registry).extract(text).statements
    assert [s.speaker for s in statements] == ["UN panel of experts"]


def test_the_subject_follows_two_opening_phrases_and_speaks_through_saying(run):
    text = (
        "In Dec. 2022, and last month, Russia boycotted the ceasefire talks, saying it could not "
        "meet while peacekeepers remain."
    )
    statements = run(text)
    assert [(s.speaker, s.quote) for s in statements] == [
        ("Russia", "it could not meet while peacekeepers remain")
    ]


def test_a_participle_after_an_inverted_attribution_is_a_second_statement(run):
    text = (
        "Peacekeepers would be a legitimate target, said Lavrov, warning that the ceasefire "
        "talks would collapse."
    )
    quotes = [s.quote for s in one(run(text), "Sergey Lavrov")]
    assert quotes == [
        "Peacekeepers would be a legitimate target",
        "the ceasefire talks would collapse",
    ]


def test_a_clause_with_its_own_subject_and_verb_of_position_is_a_second_statement(run):
    text = (
        "Lavrov and Blinken welcomed the ceasefire talks, and they discussed the deployment of "
        "peacekeepers."
    )
    statements = run(text)
    welcomed = sorted(s.speaker for s in statements if s.quote == "welcomed the ceasefire talks")
    discussed = [s.speaker for s in statements if s.quote.startswith("discussed")]
    assert welcomed == ["Antony Blinken", "Sergey Lavrov"]
    assert discussed == ["Sergey Lavrov", "Antony Blinken"]


def test_titles_between_joined_names_are_skipped():
    from sources.extraction import ActorRecord, Registry

    registry = Registry(
        (
            ActorRecord("Wendy Sherman", "person", role="Deputy Secretary of State"),
            ActorRecord("Cho Hyun-dong", "person", ("Cho",), role="Vice Foreign Minister"),
            ActorRecord("Mori Takeo", "person", ("Mori",), role="Vice Foreign Minister"),
        )
    )
    text = (
        "Deputy Secretary Sherman met her counterparts. The Deputy Secretary and Vice Foreign "
        "Ministers Cho and Mori welcomed the ceasefire talks."
    )
    statements = Engine(registry).extract(text).statements
    assert sorted(s.speaker for s in statements) == ["Cho Hyun-dong", "Mori Takeo", "Wendy Sherman"]


def test_a_statement_that_relays_a_named_speaker_is_not_the_speaker(run):
    text = (
        "Foreign Minister Sergey Lavrov called on Kyiv to accept a ceasefire and to drop "
        "“its demand for peacekeepers,” a government statement said."
    )
    assert {s.speaker for s in run(text)} == {"Sergey Lavrov"}


def test_a_state_named_inside_reported_words_is_not_the_quotations_speaker(run):
    text = (
        "Lavrov said that Russia seeks a ceasefire that “protects civilians” and rejects "
        "peacekeepers."
    )
    direct = [s for s in run(text) if s.kind == "direct"]
    assert [s.speaker for s in direct] == ["Sergey Lavrov"]


def test_counted_officials_are_anonymous_sources(run):
    text = "According to two Russian officials, the ceasefire talks will resume on Monday."
    assert run(text) == []


def test_they_after_a_speaker_and_his_team_is_that_speaker(run):
    text = (
        "Secretary Blinken and his team welcomed the ceasefire talks. They emphasized that "
        "peacekeepers are not on the table."
    )
    statements = run(text)
    assert {s.speaker for s in statements} == {"Antony Blinken"}
    assert any(s.quote == "peacekeepers are not on the table" for s in statements)


def test_a_place_before_a_comma_is_not_the_speakers_first_name(run):
    text = "Speaking to reporters in Brussels, Blinken said the ceasefire talks would resume."
    assert [s.speaker for s in run(text)] == ["Antony Blinken"]


@pytest.mark.parametrize("pair", ["The two", "Both men"])
def test_the_two_are_the_pair_just_named(run, pair):
    text = f"Blinken and Lavrov met in Geneva on Friday. {pair} welcomed the ceasefire talks."
    said = sorted(s.speaker for s in run(text) if s.quote == "welcomed the ceasefire talks")
    assert said == ["Antony Blinken", "Sergey Lavrov"]


@pytest.mark.parametrize(
    ("text", "quote"),
    [
        ("Lavrov warned of grave consequences for the peacekeepers.", "warned of grave"),
        ("Lavrov told reporters the ceasefire talks had stalled.", "the ceasefire talks"),
    ],
)
def test_reported_content_starts_where_the_position_starts(run, text, quote):
    assert one(run(text), "Sergey Lavrov")[0].quote.startswith(quote)


def test_an_opening_participle_of_position_is_the_subjects_statement(run):
    text = (
        "Welcoming the ceasefire talks, Secretary Blinken recalled the principles of the Charter."
    )
    quotes = [s.quote for s in one(run(text), "Antony Blinken")]
    assert "Welcoming the ceasefire talks" in quotes


def test_an_opening_participle_of_speech_only_sets_the_scene(run):
    text = "Commenting after the meeting, Blinken said the ceasefire talks would resume."
    assert [s.quote for s in run(text)] == ["the ceasefire talks would resume"]


def test_the_speakers_object_relative_clause_is_a_statement_of_its_own(run):
    text = (
        "Lavrov said Russia condemns the peacekeeping plan, which he described as a provocation, "
        "and will respond."
    )
    quotes = [s.quote for s in one(run(text), "Sergey Lavrov")]
    assert "described as a provocation" in quotes


def test_a_participle_rejecting_something_after_the_content_is_a_second_statement(run):
    text = (
        "Lavrov said Moscow only recognizes the legitimate Ukrainian authorities, dismissing the "
        "peacekeeping plan."
    )
    quotes = [s.quote for s in one(run(text), "Sergey Lavrov")]
    assert quotes == [
        "Moscow only recognizes the legitimate Ukrainian authorities",
        "dismissing the peacekeeping plan",
    ]


def test_the_subject_after_an_opening_word_is_not_an_item_of_a_later_list(run):
    text = (
        "However, the Coalition of the willing from states excluding Russia, Ukraine and "
        "Belarus met Friday in Paris, concluding that peacekeepers were needed."
    )
    assert {s.speaker for s in run(text)} == {"Coalition of the willing"}


def test_a_that_clause_wholly_in_quotation_marks_is_only_direct(run):
    text = (
        "Lavrov met Blinken in Geneva and expressed the hope “that the ceasefire talks will "
        "resume soon.”"
    )
    assert [s.kind for s in run(text)] == ["direct"]


def test_the_two_after_a_call_with_a_titled_counterpart_are_both(run):
    text = (
        "Secretary Blinken spoke today with Russian Foreign Minister Lavrov. The two discussed "
        "the deployment of peacekeepers."
    )
    said = sorted(s.speaker for s in run(text) if s.quote.startswith("discussed"))
    assert said == ["Antony Blinken", "Sergey Lavrov"]


def test_words_quoted_inside_a_possessors_threat_are_the_possessors(run):
    text = (
        "Zelensky hit back at Lavrov's threat to target peacekeepers “wherever they are,” "
        "insisting that Ukraine would decide."
    )
    direct = [s for s in run(text) if s.kind == "direct"]
    assert [s.speaker for s in direct] == ["Sergey Lavrov"]


def test_an_authors_present_tense_sentence_is_theirs_and_a_past_narration_is_not(run):
    text = (
        "Antony J. Blinken, Secretary of State\n"
        "The minister met the envoy in Geneva on Monday.\n"
        "The partition plan has no footing in the law of nations.\n"
        "A vote held under occupation cannot change that.\n"
    )
    statements = run(text, header={"outlet": "U.S. Department of State"})
    assert [(s.speaker, s.quote) for s in statements] == [
        ("Antony Blinken", "The partition plan has no footing in the law of nations"),
        ("Antony Blinken", "A vote held under occupation cannot change that"),
    ]


def test_an_authors_sentence_naming_a_day_is_a_schedule_not_a_position(run):
    text = (
        "Antony J. Blinken, Secretary of State\n"
        "Officials from the department will travel to Oslo on March 3 to brief partners.\n"
    )
    assert run(text, header={"outlet": "U.S. Department of State"}) == []


def test_a_post_and_titled_names_acting_together_give_one_statement_each_per_verb():
    from sources.extraction import ActorRecord, Registry

    registry = Registry(
        (
            ActorRecord("Antony Blinken", "person", role="Secretary of State"),
            ActorRecord("Ana Lima", "person", role="Deputy Foreign Minister"),
            ActorRecord("Jan Berg", "person", role="Deputy Foreign Minister"),
        )
    )
    text = (
        "Secretary Blinken held a call with Deputy Foreign Ministers Lima and Berg. The "
        "Secretary and Deputy Foreign Ministers Lima and Berg reaffirmed their support for the "
        "river treaty, and they discussed steps to reopen the border crossings."
    )
    statements = Engine(registry).extract(text).statements
    said = sorted((s.speaker, s.quote.split()[-1]) for s in statements)
    assert said == [
        ("Ana Lima", "crossings"),
        ("Ana Lima", "treaty"),
        ("Antony Blinken", "crossings"),
        ("Antony Blinken", "treaty"),
        ("Jan Berg", "crossings"),
        ("Jan Berg", "treaty"),
    ]


def test_in_a_readout_a_sentence_after_an_officials_words_goes_on_with_them(run):
    text = (
        "The following is attributable to Spokesperson Ned Price:\n"
        "Secretary Blinken spoke with Foreign Minister Lavrov. Secretary Blinken noted that the "
        "ceasefire talks must include Ukraine. A settlement reached without Kyiv cannot last.\n"
    )
    statements = run(text, header={"outlet": "U.S. Department of State"})
    last = [s for s in statements if s.quote.startswith("A settlement")]
    assert [(s.speaker, s.via) for s in last] == [("Antony Blinken", "")]


def test_the_post_alone_is_not_a_longer_post_that_contains_its_word():
    from sources.extraction import ActorRecord, Registry

    registry = Registry(
        (
            ActorRecord("Antony Blinken", "person", role="Secretary of State"),
            ActorRecord("Lena Moss", "person", role="Secretary General"),
            ActorRecord("Harbour League ministers", "group"),
        )
    )
    text = (
        "Secretary Blinken met ministers of the Harbour League and Secretary General Lena Moss. "
        "The Secretary welcomed the new fisheries accord. The Secretary and the Harbour League "
        "ministers pledged to protect the shared reefs."
    )
    statements = Engine(registry).extract(text).statements
    assert sorted((s.speaker, s.quote.split()[-1]) for s in statements) == [
        ("Antony Blinken", "accord"),
        ("Antony Blinken", "reefs"),
        ("Harbour League ministers", "reefs"),
    ]


def test_a_position_named_as_an_actors_own_in_a_press_statement_is_theirs(run):
    text = (
        "The following is attributable to Spokesperson Ned Price:\n"
        "We welcome Ukraine’s readiness to resume the ceasefire talks, and we call on Russia to "
        "do the same.\n"
    )
    statements = run(text, header={"outlet": "U.S. Department of State"})
    assert [s.quote for s in one(statements, "Ukraine")] == [
        "readiness to resume the ceasefire talks"
    ]


def test_a_position_the_author_relays_is_the_authors_too(run):
    text = (
        "Antony J. Blinken, Secretary of State\n"
        "As President Zelensky has said, Russia must withdraw its troops from Ukraine.\n"
    )
    statements = run(text, header={"outlet": "U.S. Department of State"})
    assert sorted((s.speaker, s.via) for s in statements) == [
        ("Antony Blinken", ""),
        ("Volodymyr Zelensky", "Antony Blinken"),
    ]


def test_the_authors_state_being_clear_that_speaks_for_the_state(run):
    text = (
        "Antony J. Blinken, Secretary of State\n"
        "The United States is clear that the ceasefire talks must include Ukraine.\n"
    )
    statements = run(text, header={"outlet": "U.S. Department of State"})
    assert [s.speaker for s in statements] == ["United States"]


def test_what_a_statement_expects_of_another_party_is_the_authors_assessment(run):
    text = (
        "Antony J. Blinken, Secretary of State\n"
        "The United States will continue to support the ceasefire talks.\n"
        "Russia will remain a threat to the ceasefire talks.\n"
    )
    statements = run(text, header={"outlet": "U.S. Department of State"})
    assert [s.speaker for s in statements] == ["United States", "Antony Blinken"]


def test_two_posts_sharing_one_determiner_are_two_speakers_in_a_readout():
    from sources.extraction import ActorRecord, Registry

    registry = Registry(
        (
            ActorRecord("Ana Lima", "person", role="Foreign Minister", affiliation="Brazil"),
            ActorRecord("Jan Berg", "person", role="Deputy Secretary of State"),
        )
    )
    text = (
        "Foreign Minister Lima and Deputy Secretary Berg met in Brasilia. In this regard, the "
        "Minister and Deputy Secretary reaffirmed their support for the river treaty."
    )
    statements = Engine(registry).extract(text).statements
    assert sorted(s.speaker for s in statements) == ["Ana Lima", "Jan Berg"]


def test_first_person_paragraphs_after_said_colon_go_on_with_the_same_speaker(run):
    text = (
        "Foreign Minister Sergey Lavrov met the envoy in Moscow.\n"
        "Speaking after the meeting, Mr Lavrov said:\n"
        "The talks were useful and frank.\n"
        "We will not accept foreign troops in Ukraine under any flag.\n"
        "The envoy will return to Geneva next week.\n"
    )
    quotes = [s.quote for s in one(run(text), "Sergey Lavrov")]
    assert quotes == [
        "The talks were useful and frank",
        "We will not accept foreign troops in Ukraine under any flag",
    ]


def test_a_one_word_label_that_asks_is_a_journalists_turn_not_the_answerers_words():
    from sources.extraction import ActorRecord, Registry

    registry = Registry((ActorRecord("Maria Zakharova", "person"), ActorRecord("Russia", "state")))
    text = (
        "Maria Zakharova: We will certainly respond to the sanctions.\n"
        "Izvestia: Will the minister travel to Geneva?\n"
        "Maria Zakharova: The talks are suspended for now.\n"
        "RIA: The talks look stalled to many observers. Are they over?\n"
    )
    statements = Engine(registry).extract(text).statements
    assert [s.quote for s in statements] == [
        "We will certainly respond to the sanctions",
        "The talks are suspended for now",
    ]


def test_a_sentence_after_the_principals_own_reported_words_is_still_the_principals(run):
    text = (
        "The following is attributable to Spokesperson Ned Price:\n"
        "The United States condemns the attack on the ceasefire monitors. These monitors are "
        "unarmed civilians.\n"
    )
    statements = run(text, header={"outlet": "U.S. Department of State"})
    assert [(s.speaker, s.quote) for s in statements][-1] == (
        "United States",
        "These monitors are unarmed civilians",
    )


def test_the_secretary_general_resolves_to_the_holder_of_the_hyphenated_post():
    from sources.extraction import ActorRecord, Registry

    registry = Registry(
        (
            ActorRecord("António Guterres", "person", role="Secretary-General"),
            ActorRecord("United Nations", "organisation", aliases=("UN",)),
        )
    )
    text = "The Secretary-General strongly condemns the attack on the peacekeepers in Goma."
    statements = Engine(registry).extract(text, header={"outlet": "United Nations"}).statements
    assert [s.speaker for s in statements] == ["António Guterres"]


def test_a_spokesperson_for_a_post_speaks_for_the_posts_holder():
    from sources.extraction import ActorRecord, Registry

    registry = Registry(
        (
            ActorRecord("António Guterres", "person", role="Secretary-General"),
            ActorRecord("United Nations", "organisation", aliases=("UN",)),
        )
    )
    text = (
        "Statement attributable to the Spokesperson for the Secretary-General on Sudan\n"
        "There is no military solution to the conflict in Sudan.\n"
    )
    statements = Engine(registry).extract(text, header={"outlet": "United Nations"}).statements
    assert [s.speaker for s in statements] == ["António Guterres"]


def test_the_leaders_in_a_readout_are_the_people_who_met_each_with_a_statement(run):
    text = (
        "President Zelensky spoke today with Secretary Blinken. The leaders discussed the "
        "ceasefire talks and agreed to keep in close touch.\n"
    )
    statements = run(text, header={"outlet": "U.S. Department of State"})
    assert sorted((s.speaker, s.quote) for s in statements) == [
        ("Antony Blinken", "agreed to keep in close touch"),
        ("Antony Blinken", "discussed the ceasefire talks"),
        ("Volodymyr Zelensky", "agreed to keep in close touch"),
        ("Volodymyr Zelensky", "discussed the ceasefire talks"),
    ]


def test_a_vocative_in_a_speechs_thanks_is_no_speaker(run):
    text = (
        "Antony J. Blinken, Secretary of State\n"
        "Thank you, Madam President, and thank you to the envoy for the briefing.\n"
    )
    statements = run(text, header={"outlet": "U.S. Department of State"})
    assert "Madam President" not in [s.speaker for s in statements]


def test_an_authors_answer_to_an_opponents_claim_is_the_authors(run):
    text = (
        "Antony J. Blinken, Secretary of State\n"
        "Moscow claims the troops are peacekeepers. This is a fiction.\n"
    )
    statements = run(text, header={"outlet": "U.S. Department of State"})
    assert [(s.speaker, s.quote) for s in statements][-1] == ("Antony Blinken", "This is a fiction")


def test_the_post_of_a_state_is_that_states_holder_of_the_post():
    from sources.extraction import ActorRecord, Registry

    registry = Registry(
        (
            ActorRecord("Russia", "state"),
            ActorRecord("Turkey", "state", aliases=("Türkiye",)),
            ActorRecord("Vladimir Putin", "person", role="President", affiliation="Russia"),
            ActorRecord("Recep Erdogan", "person", role="President", affiliation="Turkey"),
        )
    )
    text = (
        "The President of Russia stressed that the grain corridor must reopen. Recep Erdogan "
        "reaffirmed Türkiye’s readiness to host the talks."
    )
    statements = Engine(registry).extract(text, header={"outlet": "Kremlin"}).statements
    assert [s.speaker for s in statements] == ["Vladimir Putin", "Recep Erdogan"]


def test_the_two_prime_ministers_are_the_people_the_joint_statement_named(run):
    text = (
        "President Zelensky paid a visit to Washington at the invitation of Secretary Blinken.\n"
        "The two Foreign Ministers reaffirmed their support for the ceasefire talks.\n"
    )
    statements = run(text, header={"outlet": "U.S. Department of State"})
    assert sorted(s.speaker for s in statements) == ["Antony Blinken", "Volodymyr Zelensky"]


def test_the_two_sides_of_an_official_text_are_the_parties_that_met(run):
    text = (
        "The United States and Ukraine held talks in Geneva. The two sides reaffirmed their "
        "support for the ceasefire talks.\n"
    )
    statements = run(text, header={"outlet": "U.S. Department of State"})
    assert sorted(s.speaker for s in statements) == ["Ukraine", "United States"]


def test_a_number_of_nations_in_the_news_are_not_the_parties_named_before(run):
    text = (
        "Russia and Ukraine traded blame on Monday. Representatives from 30 nations discussed "
        "potential military involvement in Ukraine."
    )
    assert [s.speaker for s in run(text) if s.quote.startswith("discussed")] == []


def test_the_authors_state_as_the_subject_of_their_sentence_speaks(run):
    text = (
        "Antony J. Blinken, Secretary of State\n"
        "The United States is actively considering further support to the ceasefire talks.\n"
    )
    statements = run(text, header={"outlet": "U.S. Department of State"})
    assert [(s.speaker, s.quote.split()[0]) for s in statements] == [("United States", "is")]


def test_an_opening_participle_clause_in_a_readout_is_the_main_speakers_statement(run):
    text = (
        "The following is attributable to Spokesperson Ned Price:\n"
        "While noting that the door to the ceasefire talks remains open, Secretary Blinken "
        "urged Russia to withdraw its troops. Regarding the grain corridor, Secretary Blinken "
        "urged Russia to reopen the ports.\n"
    )
    statements = run(text, header={"outlet": "U.S. Department of State"})
    assert [s.quote for s in one(statements, "Antony Blinken")] == [
        "the door to the ceasefire talks remains open",
        "urged Russia to withdraw its troops",
        "urged Russia to reopen the ports",
    ]


def test_announcing_the_points_of_a_speech_is_no_statement(run):
    text = (
        "Antony J. Blinken, Secretary of State\n"
        "Let me make two brief points. We support the ceasefire talks.\n"
    )
    statements = run(text, header={"outlet": "U.S. Department of State"})
    assert [s.quote for s in statements] == ["We support the ceasefire talks"]


def test_a_transcribers_note_opening_a_turn_is_not_part_of_the_quote(run):
    text = (
        "QUESTION: Will you send troops to Ukraine?\n"
        "SECRETARY BLINKEN: (Via interpreter) We will not send troops to Ukraine.\n"
    )
    assert [s.quote for s in run(text)] == ["We will not send troops to Ukraine"]


def test_the_russian_side_in_a_readout_is_russia(run):
    text = "The Russian side stressed that the ceasefire talks must include Ukraine."
    assert [s.speaker for s in run(text)] == ["Russia"]


def test_answer_turns_are_the_words_of_whom_the_title_names():
    from sources.extraction import ActorRecord, Registry

    zakharova = ActorRecord("Maria Zakharova", "person", role="Spokeswoman")
    registry = Registry((zakharova, ActorRecord("Russia", "state")))
    text = (
        "Q: Will Russia respond to the new sanctions?\n"
        "A: We will certainly respond to the sanctions.\n"
        "Q: And the talks?\n"
        "A: The talks are suspended for now.\n"
    )
    header = {"title": "Foreign Ministry Spokeswoman Maria Zakharova's Remarks on sanctions"}
    statements = Engine(registry).extract(text, header=header).statements
    assert [(s.speaker, s.quote) for s in statements] == [
        ("Maria Zakharova", "We will certainly respond to the sanctions"),
        ("Maria Zakharova", "The talks are suspended for now"),
    ]


def test_a_deputy_spokesperson_is_the_via_of_the_government_they_speak_for(run):
    text = (
        "The below is attributable to Deputy Spokesperson Jane Roe:\n"
        "We call on Russia to agree to a ceasefire in Ukraine.\n"
    )
    statements = run(text, header={"outlet": "U.S. Department of State"})
    assert [(s.speaker, s.via) for s in statements] == [("United States", "Jane Roe")]


def test_a_speaker_label_standing_alone_opens_the_turn_in_the_next_paragraph(run):
    text = (
        "QUESTION:\n"
        "Will you send troops to Ukraine?\n"
        "SECRETARY BLINKEN:\n"
        "We will not send troops, but we support the peace talks fully.\n"
    )
    assert [(s.speaker, s.quote) for s in run(text)] == [
        ("Antony Blinken", "We will not send troops, but we support the peace talks fully")
    ]


def test_a_mixed_case_speaker_label_standing_alone_opens_the_turn():
    from sources.extraction import ActorRecord, Registry

    zakharova = ActorRecord("Maria Zakharova", "person", role="Spokeswoman")
    registry = Registry((zakharova, ActorRecord("Russia", "state")))
    text = (
        "Question:\n"
        "Will Russia respond to the new sanctions?\n"
        "Maria Zakharova:\n"
        "We will certainly respond to the sanctions.\n"
    )
    statements = Engine(registry).extract(text).statements
    assert [s.speaker for s in statements] == ["Maria Zakharova"]


def test_looking_forward_to_something_is_a_position(run):
    text = "President Zelensky is very much looking forward to the ceasefire talks in Geneva."
    assert [s.speaker for s in run(text)] == ["Volodymyr Zelensky"]


def test_appreciating_or_saluting_something_is_a_position(run):
    text = "Russia appreciates the ceasefire offer. Ukraine salutes the peace talks in Geneva."
    assert [s.speaker for s in run(text)] == ["Russia", "Ukraine"]


def test_a_position_conveyed_in_another_leaders_name_is_theirs_via_the_messenger(run):
    text = (
        "The following is attributable to Spokesperson Ned Price:\n"
        "Secretary Blinken met Foreign Minister Lavrov in Geneva. The Secretary conveyed "
        "President Zelensky’s readiness for ceasefire talks.\n"
    )
    statements = run(text, header={"outlet": "U.S. Department of State"})
    assert [(s.speaker, s.via, s.quote) for s in statements] == [
        ("Volodymyr Zelensky", "Antony Blinken", "readiness for ceasefire talks")
    ]


def test_coordinated_speakers_of_the_same_words_come_in_the_order_the_text_names_them(run):
    statements = run("Ukraine and Russia agreed to hold the ceasefire talks in Geneva.")
    assert [s.speaker for s in statements] == ["Ukraine", "Russia"]


def test_in_a_transcript_a_speakers_own_state_as_subject_is_still_the_speakers_turn(run):
    text = (
        "QUESTION: Will you send troops to Ukraine?\n"
        "SECRETARY BLINKEN: The United States is committed to the ceasefire talks.\n"
    )
    assert [s.speaker for s in run(text)] == ["Antony Blinken"]


def test_notes_to_editors_end_the_releases_own_words(run):
    text = (
        "Antony J. Blinken, Secretary of State\n"
        "We support the ceasefire talks in Geneva.\n"
        "Notes to editors\n"
        "The ceasefire talks must include the observers named in the annex.\n"
    )
    statements = run(text, header={"outlet": "U.S. Department of State"})
    assert [s.quote for s in statements] == ["We support the ceasefire talks in Geneva"]


def test_a_goal_named_as_a_leaders_own_is_that_leaders_position(run):
    text = (
        "The following is attributable to Spokesperson Ned Price:\n"
        "This work is driven by President Zelensky’s goal of a lasting ceasefire in Ukraine.\n"
    )
    statements = run(text, header={"outlet": "U.S. Department of State"})
    assert [s.quote for s in one(statements, "Volodymyr Zelensky")] == [
        "goal of a lasting ceasefire in Ukraine"
    ]


def test_a_known_body_whose_conclusions_the_title_names_speaks_its_sentences():
    from sources.extraction import ActorRecord, Registry

    registry = Registry(
        (
            ActorRecord("European Union", "organisation", aliases=("EU",)),
            ActorRecord("European Council", "organisation"),
            ActorRecord("Ukraine", "state"),
        )
    )
    text = "There can be no negotiations on Ukraine without Ukraine.\n"
    header = {
        "outlet": "Council of the European Union",
        "title": "European Council conclusions on Ukraine",
    }
    statements = Engine(registry).extract(text, header=header).statements
    assert [s.speaker for s in statements] == ["European Council"]


def test_in_a_readout_a_sentence_after_an_opponents_words_is_the_issuers_answer(run):
    text = (
        "The following is attributable to Spokesperson Ned Price:\n"
        "Secretary Blinken met Foreign Minister Lavrov. Foreign Minister Lavrov claimed that "
        "the troops are peacekeepers. Such claims are a threat to the ceasefire talks.\n"
    )
    statements = run(text, header={"outlet": "U.S. Department of State"})
    assert [s.speaker for s in statements if s.quote.startswith("Such")] == ["United States"]


def test_a_named_interviewers_own_judgement_is_theirs_not_their_questions_or_thanks():
    from sources.extraction import ActorRecord, Registry

    registry = Registry(
        (
            ActorRecord("Jane Doe", "person", aliases=("QUESTION",), role="news anchor"),
            ActorRecord("Antony Blinken", "person", role="Secretary of State"),
            ActorRecord("Russia", "state"),
        )
    )
    text = (
        "QUESTION: Secretary Blinken, thanks for joining us tonight. The sanctions on Russia "
        "do not appear to be working so far. Will you send troops?\n"
        "SECRETARY BLINKEN: We will not send troops.\n"
    )
    statements = Engine(registry).extract(text).statements
    assert [(s.speaker, s.quote) for s in statements] == [
        ("Jane Doe", "The sanctions on Russia do not appear to be working so far"),
        ("Antony Blinken", "We will not send troops"),
    ]


def test_a_bare_verb_after_a_third_person_cue_belongs_to_the_content(run):
    text = (
        "Russia supports the demands that Ukraine withdraw its troops and declare its "
        "neutrality before the ceasefire talks."
    )
    assert len(run(text)) == 1


def test_an_authors_sentence_opening_on_a_name_after_their_statement_is_not_dropped(run):
    text = (
        "Antony J. Blinken, Secretary of State\n"
        "We support the ceasefire talks in Geneva. Ukraine is a reliable partner in the talks.\n"
    )
    statements = run(text, header={"outlet": "U.S. Department of State"})
    assert [s.quote for s in statements] == [
        "We support the ceasefire talks in Geneva",
        "Ukraine is a reliable partner in the talks",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "While Gulf states including Ruritania have pressed to end the war, others oppose it.",
        "Although Baltic states have urged a ceasefire, the talks stalled.",
    ],
)
def test_a_plural_noun_before_its_verb_is_no_verb_of_speech_and_its_capital_no_name(run, text):
    assert [s.speaker for s in run(text) if s.is_new_actor] == []


@pytest.mark.parametrize(
    ("text", "quote"),
    [
        (
            "Lavrov called the deployment of peacekeepers “unacceptable” on Monday.",
            "called the deployment of peacekeepers “unacceptable” on Monday",
        ),
        ("Moscow blamed Kyiv for the collapse of the ceasefire talks.", None),
        ("Moscow lodged a protest over the peacekeepers.", None),
    ],
)
def test_a_quoted_verdict_after_called_blame_and_a_protest_lodged_are_positions(run, text, quote):
    (statement,) = run(text)
    assert statement.kind == "reported"
    assert statement.quote == (quote or text[text.index(" ") + 1 : -1])


@pytest.mark.parametrize(
    "text",
    [
        "Lavrov called a meeting of the peacekeepers on Monday.",
        "Troops fought in what Moscow calls a “special military operation” in Ukraine.",
    ],
)
def test_calling_a_meeting_or_naming_a_thing_is_no_position(run, text):
    assert [s for s in run(text) if s.kind == "reported"] == []


def test_a_statement_gets_no_issue_about_a_place_the_text_never_names():
    from sources.extraction import ActorRecord, IssueRecord, Registry

    registry = Registry(
        (ActorRecord("Mark Carney", "person", role="Prime Minister"),),
        (IssueRecord("ukraine-peace-talks", "Peace talks between Russia and Ukraine"),),
    )
    text = (
        "Mark Carney said that Canada welcomes the new peace plan for Gaza and its talks.\n"
        + "The plan sets out a ceasefire, the release of hostages and aid for Gaza.\n" * 15
    )
    (statement,) = Engine(registry).extract(text).statements
    assert (statement.issue, statement.stance) == (None, None)


def test_a_closing_attribution_keeps_its_content_when_its_participle_clause_quotes(run):
    text = (
        "Russia is cutting its ties with Ukraine, Foreign Minister Sergey Lavrov said on "
        'Tuesday at a news conference, accusing Kyiv of "hostile actions".'
    )
    quotes = [s.quote for s in one(run(text), "Sergey Lavrov")]
    assert "Russia is cutting its ties with Ukraine" in quotes
    assert not any(q.startswith("on Tuesday") for q in quotes)


def test_prepared_remarks_take_one_statement_per_position_and_interview_answers_one(run):
    turns = (
        "SECRETARY BLINKEN: Mr. Minister, thank you. We strongly support the ceasefire talks in "
        "Geneva. We want to build on that. We condemn "
        "the shelling of civilians in Kharkiv by the Russian forces.\n"
        "FOREIGN MINISTER LAVROV: We will not accept NATO troops in Ukraine.\n"
    )
    remarks = run(turns)
    assert [s.quote for s in remarks if s.speaker == "Antony Blinken"] == [
        "Mr. Minister, thank you",
        "We strongly support the ceasefire talks in Geneva. We want to build on that",
        "We condemn the shelling of civilians in Kharkiv by the Russian forces",
    ]
    interview = run("QUESTION: Will you send troops to Ukraine?\n" + turns)
    assert len([s for s in interview if s.speaker == "Antony Blinken"]) == 1


def test_in_a_readout_a_sentence_opening_on_the_officials_who_discussed_is_theirs(run):
    text = (
        "The following is attributable to Spokesperson Ned Price:\n"
        "Secretary Blinken spoke with Foreign Minister Lavrov. Secretary Blinken and Foreign "
        "Minister Lavrov discussed the ceasefire talks, focusing on the need for both sides to "
        "work together for a lasting settlement of the war in Ukraine and for the safe return "
        "of all the prisoners held by both sides.\n"
    )
    statements = run(text, header={"outlet": "U.S. Department of State"})
    assert "United States" not in [s.speaker for s in statements]


def test_a_long_prediction_after_the_authors_statement_is_a_statement_of_its_own(run):
    text = (
        "Antony J. Blinken, Secretary of State\n"
        "We welcome the ceasefire talks in Geneva. The only result of a further delay in the "
        "talks will be more hardship for the civilians of Kharkiv and Odesa.\n"
    )
    statements = run(text, header={"outlet": "U.S. Department of State"})
    assert [s.quote for s in statements] == [
        "We welcome the ceasefire talks in Geneva",
        "The only result of a further delay in the talks will be more hardship for the "
        "civilians of Kharkiv and Odesa",
    ]


def test_in_a_readout_a_states_support_named_as_its_own_is_its_statement(run):
    text = (
        "The following is attributable to Spokesperson Ned Price:\n"
        "Secretary Blinken spoke with Foreign Minister Kuleba to stress the importance of "
        "Ukraine’s support for the ceasefire talks in Geneva.\n"
    )
    statements = run(text, header={"outlet": "U.S. Department of State"})
    ukraine = [s.quote for s in statements if s.speaker == "Ukraine"]
    assert ukraine == ["support for the ceasefire talks in Geneva"]


def test_in_a_speech_words_reported_deep_inside_a_sentence_leave_it_the_authors(run):
    text = (
        "Antony J. Blinken, Secretary of State\n"
        "The draft repeats the old claim that the ceasefire is holding despite clear reports "
        "from Foreign Minister Lavrov stating the opposite, and it removes every reference to "
        "the monitoring mission agreed by both sides in Minsk.\n"
    )
    statements = run(text, header={"outlet": "U.S. Department of State"})
    blinken = [s.quote for s in statements if s.speaker == "Antony Blinken"]
    assert blinken
    assert blinken[0].startswith("The draft repeats the old claim")


def test_a_release_telling_what_its_author_did_is_no_statement_of_the_author(run):
    text = (
        "Antony J. Blinken, Secretary of State\n"
        "Secretary Blinken gave a statement to the press on the ceasefire talks, following the "
        "decision of the US to leave the talks in Geneva.\n"
        "We regret the decision to leave the talks.\n"
    )
    statements = run(text, header={"outlet": "U.S. Department of State"})
    assert [s.quote for s in statements if s.speaker == "Antony Blinken"] == [
        "We regret the decision to leave the talks"
    ]


def test_in_a_readout_an_officials_call_told_after_an_opening_phrase_is_no_statement(run):
    text = (
        "The following is attributable to Spokesperson Ned Price:\n"
        "Following the strikes on the energy grid of Ukraine, Secretary Blinken held a call "
        "today with Foreign Minister Kuleba. Secretary Blinken strongly condemned the strikes.\n"
    )
    statements = run(text, header={"outlet": "U.S. Department of State"})
    assert not [s.quote for s in statements if s.quote.startswith("Following")]


def test_a_one_word_quotation_after_a_copula_or_a_censure_is_a_statement_but_not_a_term(run):
    text = "Lavrov said the plan was “unworkable” and denounced Kyiv’s “intransigence.”"
    quotes = [s.quote for s in run(text) if s.kind == "direct"]
    assert quotes == ["unworkable", "intransigence"]
    text = "Lavrov said the plan for so-called “autonomy” would fail."
    assert [s for s in run(text) if s.kind == "direct"] == []


def test_a_warning_participle_after_a_position_splits_it_into_two_statements(run):
    text = (
        "Lavrov voiced concern over the talks, warning Kyiv that any deployment of peacekeepers "
        "would be a direct threat."
    )
    quotes = [s.quote for s in one(run(text), "Sergey Lavrov")]
    assert quotes == [
        "voiced concern over the talks",
        "any deployment of peacekeepers would be a direct threat",
    ]


def test_the_subject_of_an_object_relative_clause_holds_the_view_its_verb_gives(run):
    text = (
        "Kyiv rejected the plan for the Donbas region, which Russia regards as its own territory."
    )
    (held,) = one(run(text), "Russia")
    assert held.quote == "regards as its own territory"
    text = "Lavrov said the attacks came from two groups, one of which he said was backed by Kyiv."
    quotes = [s.quote for s in one(run(text), "Sergey Lavrov")]
    assert quotes == ["the attacks came from two groups", "was backed by Kyiv"]


@pytest.mark.parametrize(
    ("text", "quote"),
    [
        (
            "Russia has repeatedly put the blame for the war on NATO.",
            "put the blame for the war on NATO",
        ),
        (
            "Lavrov made a demand for a new security treaty in his speech.",
            "made a demand for a new security treaty in his speech",
        ),
        (
            "Russia has shown reluctance towards the ceasefire.",
            "shown reluctance towards the ceasefire",
        ),
    ],
)
def test_a_light_verb_with_a_noun_of_position_carries_the_position(run, text, quote):
    assert quote in [s.quote for s in run(text)]


def test_a_with_clause_gives_its_own_subject_the_participles_position(run):
    text = (
        "Ukraine rejected the proposal for a truce, with Moscow denouncing the plan as a "
        "dangerous provocation."
    )
    statements = run(text)
    assert one(statements, "Ukraine")[0].quote == "rejected the proposal for a truce"
    assert one(statements, "Russia")[0].quote == "denouncing the plan as a dangerous provocation"


def test_a_place_after_told_reporters_is_no_reported_content(run):
    text = (
        '"Russia will reserve the right to respond" to the deployment of peacekeepers, '
        "Lavrov told reporters in Moscow."
    )
    assert [s.kind for s in run(text)] == ["direct"]


def test_repeated_is_a_verb_of_speech_and_a_claim_it_repeats_is_its_holders(run):
    text = "Lavrov also repeated that the truce talks were “useless.”"
    quotes = [s.quote for s in one(run(text), "Sergey Lavrov")]
    assert quotes == ["the truce talks were “useless", "useless"]
    text = "Lavrov repeated Moscow’s claims that the peacekeepers would be a direct threat."
    (claim,) = [s for s in run(text) if s.quote.startswith("the peacekeepers")]
    assert (claim.speaker, claim.via) == ("Russia", "Sergey Lavrov")


def test_capitalised_time_words_before_i_are_no_new_speaker(run):
    text = "Last Sunday I travelled to Kyiv and repeated our support for the ceasefire."
    assert all("Sunday" not in s.speaker for s in run(text))


def test_while_before_a_participle_of_speech_still_starts_a_second_statement(run):
    text = (
        "Lavrov said Russia had no plans to attack Ukraine, while stressing that the "
        "peacekeepers would be a direct threat."
    )
    quotes = [s.quote for s in one(run(text), "Sergey Lavrov")]
    assert quotes == [
        "Russia had no plans to attack Ukraine",
        "the peacekeepers would be a direct threat",
    ]


def test_a_statement_from_a_body_speaks_for_that_body(run):
    text = "“Ukraine must withdraw its troops,” a statement from the Russian Federation said."
    (statement,) = run(text)
    assert (statement.speaker, statement.kind) == ("Russia", "direct")


def test_a_position_of_other_actors_inside_a_quotation_is_theirs_via_the_speaker(run):
    text = (
        "“Russia and Ukraine reaffirmed their commitment to the ceasefire and welcomed the "
        "peace talks,” Blinken said."
    )
    statements = run(text)
    for holder in ("Russia", "Ukraine"):
        relayed = one(statements, holder)
        assert [s.via for s in relayed] == ["Antony Blinken", "Antony Blinken"]
        assert relayed[1].quote == "welcomed the peace talks"
    text = "“Russia urges Ukraine to accept the ceasefire,” Lavrov said."
    assert [s.speaker for s in run(text)] == ["Sergey Lavrov"]


def test_the_two_top_diplomats_are_the_pair_named_earlier_in_the_sentence(run):
    text = (
        "Foreign Minister Sergey Lavrov talked to Secretary of State Antony Blinken on Monday, "
        "during which the two top diplomats exchanged views on a ceasefire in Ukraine."
    )
    assert [s.speaker for s in run(text)] == ["Sergey Lavrov", "Antony Blinken"]


def test_a_quote_keeps_its_speaker_across_a_long_name_and_apposition():
    from sources.extraction import ActorRecord, Registry

    registry = Registry(
        (ActorRecord("Bureau National Interprofessionnel du Cognac", "organisation"),)
    )
    text = (
        "“This announcement clearly shows that they are determined to tax us,” the Bureau "
        "National Interprofessionnel du Cognac, a French industry group, said in a statement."
    )
    statements = Engine(registry).extract(text).statements
    assert [(s.speaker, s.kind) for s in statements] == [
        ("Bureau National Interprofessionnel du Cognac", "direct")
    ]


def test_the_three_nations_are_the_three_states_listed_before():
    from sources.extraction import ActorRecord, Registry

    registry = Registry(
        tuple(ActorRecord(name, "state") for name in ("Burkina Faso", "Mali", "Niger", "Chad"))
    )
    text = (
        "Chad hosted the talks. Burkina Faso, Mali and Niger announced their withdrawal from the "
        "bloc. Later, the leaders of the three Sahel nations said they had taken a sovereign "
        "decision to leave."
    )
    said = [s for s in Engine(registry).extract(text).statements if "sovereign" in s.quote]
    assert [s.speaker for s in said] == ["Burkina Faso", "Mali", "Niger"]
