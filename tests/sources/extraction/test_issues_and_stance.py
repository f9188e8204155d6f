"""Issue matching and stance rules: pure functions, no database."""

import pytest

from sources.extraction import stance
from sources.extraction.issues import IssueMatcher
from sources.extraction.types import IssueRecord

ISSUES = (
    IssueRecord("gas-transit", "Continuing gas transit through Ukraine beyond 2024"),
    IssueRecord("pipeline-sanctions", "Sanctions on the pipeline company and its investors"),
)


def test_issue_ignores_neighbouring_paragraphs_when_the_paragraph_names_one():
    matcher = IssueMatcher.build(ISSUES)
    wider = "sanctions sanctions investors pipeline company sanctions"
    slug, _ = matcher.match("the transit through Ukraine must go on", "", wider)
    assert slug == "gas-transit"


def test_issue_falls_back_on_neighbouring_paragraphs_when_the_paragraph_names_none():
    matcher = IssueMatcher.build(ISSUES)
    wider = "sanctions on investors in the pipeline company"
    slug, _ = matcher.match("we will respond firmly", "", wider)
    assert slug == "pipeline-sanctions"


def test_issue_takes_a_neighbouring_paragraph_that_names_it_only_once():
    matcher = IssueMatcher.build(ISSUES)
    wider = "Ministers met on Monday to discuss the transit question."
    slug, _ = matcher.match("we will respond firmly", "It was a long day.", wider)
    assert slug == "gas-transit"


def test_issue_prefers_the_speakers_previous_issue_when_scores_are_close():
    matcher = IssueMatcher.build(ISSUES)
    quote = "the pipeline company and gas transit"
    alone, _ = matcher.match(quote)
    other = next(i.slug for i in ISSUES if i.slug != alone)
    assert matcher.match(quote, prior=other)[0] == other


def test_issue_keeps_a_clear_winner_over_the_speakers_previous_issue():
    matcher = IssueMatcher.build(ISSUES)
    quote = "gas transit through Ukraine beyond 2024"
    assert matcher.match(quote, prior="pipeline-sanctions")[0] == "gas-transit"


def _stance(quote, topic, cue=""):
    return stance.classify(quote, cue, topic)[0]


def test_stance_reads_the_issues_own_word_in_any_form_as_the_topic_not_as_opposition():
    topic = "The junta's termination of its military agreements with France"
    assert _stance("it was terminating the military agreements", topic) == "support"


def test_stance_ignores_participles_that_only_gloss_the_issue():
    topic = "Whether the maritime claims are lawful (rejected by the tribunal)"
    assert _stance("rejecting the maritime claims as baseless", topic) == "oppose"


def test_stance_opposes_when_the_speaker_urges_someone_to_stop():
    topic = "Official exchanges between the United States and Taiwan"
    quote = "urged the US to stop all official exchanges with Taiwan"
    assert _stance(quote, topic) == "oppose"


def test_stance_supports_a_ceasefire_when_the_speaker_urges_an_end_to_the_fighting():
    topic = "A full ceasefire in the war"
    assert _stance("called on both sides to stop the fighting now", topic) == "support"


def test_stance_supports_the_issue_when_the_speaker_decries_a_threat_to_it():
    topic = "Freedom of navigation and the rules-based maritime order"
    quote = "Nowhere is the rules-based maritime order under greater threat than here"
    assert _stance(quote, topic) == "support"


def test_stance_supports_the_issue_when_a_third_party_is_said_to_reject_it():
    topic = "A full ceasefire in the war"
    assert _stance(
        "Today, Putin effectively rejected the proposal for a full ceasefire", topic
    ) == ("support")


def test_stance_opposes_the_issue_when_the_speaker_rejects_it():
    topic = "A full ceasefire in the war"
    assert _stance("We reject the proposal for a full ceasefire", topic) == "oppose"


def test_stance_does_not_take_the_agent_of_a_harm_for_its_victim():
    topic = "Official contacts that the Taiwan Travel Act would allow"
    quote = "the Taiwan Travel Act violates the one-China policy"
    assert _stance(quote, topic) != "support"


def test_stance_opposes_the_issue_when_the_speaker_backs_the_alternative_it_names():
    topic = "Whether a deal must bring a permanent end to the war rather than temporary pauses"
    assert _stance("it is prepared to discuss only temporary pauses", topic) == "oppose"


def test_stance_supports_what_the_speaker_calls_the_only_way():
    topic = "Diplomacy to end the war"
    quote = "Diplomacy is the only way to end this war of aggression"
    assert _stance(quote, topic) == "support"


def test_stance_is_conditional_when_the_issue_depends_on_the_only_way():
    topic = "EU membership for Serbia"
    quote = "normalisation is the only way for Serbia to win membership"
    assert _stance(quote, topic) == "conditional"


def test_stance_is_conditional_when_the_quote_completes_an_open_condition():
    before = "He repeated the bloc's intention to intervene if the coup leaders “"
    assert stance.classify("remain recalcitrant", before=before)[0] == "conditional"


def test_stance_ignores_a_condition_closed_before_the_quote():
    before = "If talks fail, the bloc will act, he said, adding: “"
    assert stance.classify("we welcome the agreement", before=before)[0] == "support"


def test_stance_is_neutral_when_the_speaker_only_says_a_statement_will_come():
    topic = "The dialogue between the two governments"
    assert _stance("the foreign minister will announce it soon", topic, "explained") == "neutral"


def test_stance_is_neutral_when_the_speaker_weighs_what_was_said_not_the_issue():
    topic = "The dialogue between the two governments"
    quote = "What is really important is what was said at the meeting"
    assert _stance(quote, topic) == "neutral"


def test_stance_is_neutral_when_the_speaker_reports_a_decision_still_pending():
    topic = "The ceasefire proposal"
    quote = (
        "the group has not yet handed over its response to the proposal and is still studying it"
    )
    assert _stance(quote, topic, "said") == "neutral"


def test_stance_still_supports_when_a_future_announcement_comes_with_a_clear_cue():
    topic = "The ceasefire proposal"
    quote = "we welcome the proposal and will announce our support soon"
    assert _stance(quote, topic) == "support"


def test_stance_ignores_a_cue_word_used_as_a_participle_with_its_agent():
    topic = "Whether the maritime claims are lawful"
    quote = "the state has no lawful claim to the area determined by the tribunal"
    assert _stance(quote, topic, "stated") == "oppose"


def test_stance_opposes_when_the_speaker_insists_on_giving_up_the_issues_object():
    topic = "Whether the country may keep enriching uranium on its own soil"
    quote = "the country completely give up uranium enrichment on its own soil"
    assert _stance(quote, topic, "insisted") == "oppose"


def test_stance_opposes_when_the_condition_set_is_an_end_to_the_issues_object():
    topic = "Western military and intelligence support for the army"
    quote = 'the "key condition" remains the "complete cessation" of Western military support'
    assert _stance(quote, topic, "maintained") == "oppose"


def test_stance_stays_conditional_when_the_issue_is_itself_about_stopping():
    topic = "A full ceasefire in the war"
    quote = "a ceasefire is possible only if there is a cessation of the war's shelling"
    assert _stance(quote, topic) == "conditional"


def test_stance_opposes_an_act_the_speaker_says_was_done_without_permission():
    topic = "Resupply missions to the troops on the grounded ship"
    quote = "two transport ships entered the waters without the permission of the government"
    assert _stance(quote, topic, "said") == "oppose"


def test_stance_opposes_what_the_speaker_calls_the_wrong_signal():
    topic = "Official contacts between the two governments"
    assert _stance("sending the wrong signals", topic) == "oppose"


def test_demanded_stops_lists_each_item_to_stop_but_not_a_harm_to_stop():
    quote = (
        "We urge the US to abide by the principle, stop all official exchanges with Taiwan "
        "and not send wrong signals to separatists"
    )
    assert stance.demanded_stops(quote) == [
        "all official exchanges with Taiwan",
        "wrong signals to separatists",
    ]
    assert stance.demanded_stops("urged them to stop infringing on our sovereignty") == []


def test_stance_opposes_an_item_to_stop_in_a_list_of_demands():
    topic = "Official contacts between the United States and Taiwan"
    quote = "urges the US to abide by the principle, not have any official contact with Taiwan"
    assert _stance(quote, topic) == "oppose"


def test_stance_supports_the_issue_when_the_speaker_says_the_other_side_is_not_ready():
    topic = "A full ceasefire in the war"
    assert _stance("They are not ready to end this war, and we can see that", topic) == "support"
    assert _stance("Moscow is unwilling to agree to a ceasefire", topic) == "support"


def test_stance_opposes_when_the_speaker_says_they_themselves_are_not_ready():
    topic = "A full ceasefire in the war"
    assert _stance("We are not ready to accept a ceasefire", topic) == "oppose"


def test_stance_is_conditional_when_the_speaker_says_what_any_deal_must_include():
    topic = "A negotiated agreement on the nuclear programme"
    quote = "ensure that any deal also include steps to neutralise the missile programme"
    assert _stance(quote, topic, "urging") == "conditional"


def test_issue_named_clearly_by_the_quote_wins_over_its_paragraphs_other_issue():
    issues = (
        IssueRecord("recognise-palestinian-state", "Recognising a Palestinian state now"),
        IssueRecord(
            "israel-envoy-recall",
            "Israel's diplomatic retaliation (recalling its ambassadors) against the states "
            "recognising Palestine",
        ),
    )
    matcher = IssueMatcher.build(issues)
    context = (
        "Norway, Ireland and Spain announced on Wednesday that they will recognise a Palestinian "
        "state, prompting Israel to immediately recall its envoys."
    )
    assert matcher.match("they will recognise a Palestinian state", context)[0] == (
        "recognise-palestinian-state"
    )


def test_stance_opposes_a_flat_no_and_a_negated_word_of_approval():
    topic = "The United States taking control of Greenland"
    assert _stance("US annexation of Greenland won't happen", topic, "told") == "oppose"
    topic = "The incumbent's claimed victory in the presidential election"
    quote = "the elections cannot be considered democratic"
    assert _stance(quote, topic, "said") == "oppose"


def test_stance_is_neutral_when_the_speaker_only_discussed_the_issue():
    topic = "International humanitarian and economic support for the country"
    quote = "the international community’s humanitarian support, including $774 million"
    assert _stance(quote, topic, "discussed") == "neutral"
    assert _stance("strongly support humanitarian aid", topic, "said") == "support"


def test_stance_is_neutral_when_the_speaker_acknowledges_a_difference_of_opinion():
    topic = "Excluding three governments from the summit"
    assert _stance("we had a good-faith difference of opinion", topic) == "neutral"


def test_stance_reads_no_cue_in_the_words_of_a_name():
    topic = "The missile tests of the North"
    quote = (
        "We, the ministers of the United Kingdom and the United States, strongly condemn the "
        "continued testing of ballistic missiles"
    )
    assert _stance(quote, topic) == "oppose"
    assert not stance.carries_position("The Rapid Support Forces met the United Nations envoy")
    assert stance.carries_position("The envoy said support for the talks is vital")


def test_stance_opposes_what_the_speaker_warns_would_backfire():
    topic = "The censure resolution against the nuclear programme"
    quote = "applying pressure would only encourage it to expand its nuclear program"
    assert _stance(quote, topic, "warned") == "oppose"


def test_stance_keeps_a_rejection_when_the_rejected_pact_has_its_own_condition():
    topic = "The port deal between the two governments"
    quote = "a pact allowing it to use a major port in return for recognition"
    assert _stance(quote, topic, "rejected") == "oppose"
    assert _stance("support the port deal in return for recognition", topic) == "conditional"


def test_stance_opposes_what_the_speaker_proposes_to_do_instead_of():
    topic = "Holding another informal summit on the island"
    quote = "he has proposed a substantive dialogue, instead of another such summit"
    assert _stance(quote, topic, "said") == "oppose"


def test_stance_is_neutral_when_the_speaker_leaves_the_decision_to_someone_else():
    assert _stance("this was up to Guterres", "Holding another informal summit") == "neutral"


def test_stance_reads_dismissive_words_as_opposition_but_not_calling_as_a_call():
    topic = "Whether the government was involved in the killing"
    assert _stance("the allegations, calling them absurd and motivated", topic, "denied") == (
        "oppose"
    )


def test_stance_reads_a_reported_clauses_opening_pronoun_as_the_speaker():
    topic = "Appointing a special representative for the island"
    quote = "he had rejected the proposal for the appointment of a special representative"
    assert stance.classify(quote, "said", topic, reported=True)[0] == "oppose"
    # In the speaker's own quoted words "he" is somebody else, whose refusal is held against him.
    assert stance.classify(quote, "said", topic)[0] == "support"


def test_stance_is_conditional_when_a_refusal_has_an_exception():
    topic = "A full ceasefire in the war"
    assert _stance("a full ceasefire unless the West halted all aid", topic, "refused") == (
        "conditional"
    )


def test_stance_is_conditional_when_the_speaker_links_the_issue_to_progress_elsewhere():
    topic = "Normalizing ties with the Taliban"
    quote = "made clear the critical linkage between progress on rights and normalizing ties"
    assert _stance(quote, topic) == "conditional"


def test_stance_supports_giving_up_what_the_issue_says_should_be_given_up():
    topic = "Whether the DPRK should abandon its ballistic missile programs"
    quote = "call on the DPRK to abandon its ballistic missile programs"
    assert _stance(quote, topic) == "support"
    assert _stance(quote, "The DPRK's ballistic missile programs") == "oppose"


def test_stance_opposes_the_issue_when_it_is_the_agent_of_a_harm():
    topic = "The rebels' withdrawal from the ceasefire monitoring mechanisms"
    quote = "The rebels’ withdrawal from the monitoring mechanisms undermines the agreement"
    assert _stance(quote, topic) == "oppose"
    # A noun names only its victim: "an attack on one member".
    topic = "Whether the alliance would defend a member's territory if attacked"
    assert _stance("an attack on one member of the alliance is an attack on all", topic) == (
        "support"
    )


def test_stance_supports_the_issue_when_the_speaker_decries_interference_with_it():
    topic = "Humanitarian aid delivered in Afghanistan"
    quote = "registered concerns regarding interference by the Taliban in aid deliveries"
    assert _stance(quote, topic) == "support"


def test_stance_lets_a_dismissive_verdict_outweigh_the_words_of_the_claim():
    topic = "Whether the submarine deal complies with non-proliferation"
    quote = "They claim that they will abide by the highest standards, which is pure deception"
    assert _stance(quote, topic) == "oppose"


def test_stance_is_neutral_when_the_speaker_blames_both_sides():
    topic = "A ceasefire in the war"
    assert _stance("criticized both Putin and Zelensky over the stalled war", topic) == "neutral"


def test_stance_weighs_what_is_proposed_instead_against_the_issues_own_proposition():
    topic = "Holding another informal summit (rather than a substantive dialogue)"
    quote = "he has proposed a substantive dialogue, instead of another such summit"
    assert _stance(quote, topic, "said") == "oppose"


def test_stance_opposes_when_the_quote_names_more_of_the_alternative_than_of_the_issue():
    topic = "A two-state solution for the island instead of a bizonal, bicommunal federation"
    quote = "his mandate provided for a solution based on a bicommunal, bizonal federation"
    assert _stance(quote, topic) == "oppose"


def test_stance_reads_a_negation_the_issue_itself_makes_as_agreement():
    topic = "The new government remains hostile, no different from its predecessor"
    quote = "he is no different from his predecessor in pursuing confrontation with us"
    assert _stance(quote, topic) == "support"


def test_stance_takes_support_named_as_the_object_of_regret_as_what_is_opposed():
    topic = "The autonomy plan as the basis for settling the dispute"
    assert _stance("it regretted US support for the autonomy plan", topic) == "oppose"


def test_stance_is_conditional_when_the_issue_depended_on_someone():
    topic = "Returning to the arms treaty"
    quote = "the return to the arms treaty depended on the conduct of the US"
    assert _stance(quote, topic) == "conditional"


def test_stance_opposes_when_the_speaker_says_there_is_no_chance_of_them_taking_part():
    topic = "Resuming dialogue between the two Koreas"
    quote = "there will be no chance of us sitting down with the South for any dialogue"
    assert _stance(quote, topic) == "oppose"
    assert _stance("we are not interested in any dialogue", topic) == "oppose"


def test_stance_reads_unwillingness_in_reported_speech_as_the_speakers_own():
    topic = "Resuming dialogue between the two Koreas"
    quote = "North Korea is not interested in any proposal and will not resume dialogue"
    assert stance.classify(quote, "said", topic, reported=True)[0] == "oppose"


def test_stance_supports_an_allegation_the_speaker_accuses_someone_of():
    topic = "The neighbour is seeking to exploit the turmoil in the region"
    quote = "accused the neighbour of seeking to benefit from turmoil in the region"
    assert _stance(quote, topic) == "support"
    # Not when the issue is an action: accusing someone of pushing for it opposes it.
    topic = "Deploying peacekeeping troops in the region"
    assert _stance("accused the West of pushing for peacekeeping troops", topic) == "oppose"


def test_stance_reads_no_condition_in_a_condition_ruled_out():
    topic = "Family reunions regularized apart from politics"
    quote = "I encourage family reunions to be regularized without being subject to politics"
    assert _stance(quote, topic) == "support"
    assert _stance("we are ready for talks without preconditions", "Talks") == "support"


def test_stance_opposes_what_must_not_be_accepted():
    assert _stance("It must not be accepted", "The annexation of the regions") == "oppose"


def test_stance_takes_the_subject_of_is_a_violation_of_as_its_agent():
    topic = "Whether acquiring territory by force can be lawful under the UN Charter"
    quote = "Any acquisition of territory by force is a violation of the UN Charter"
    assert _stance(quote, topic) == "oppose"


def test_stance_reads_an_adjectival_participle_of_harm_as_naming_not_acting():
    topic = "Direct talks between the army and the RSF"
    quote = (
        "welcomed the talks between the army and the RSF, and urged them to actively engage "
        "following numerous violated ceasefires"
    )
    assert _stance(quote, topic) == "support"


def test_stance_reads_a_stated_rejection_as_the_speakers_own():
    topic = "Whether the maritime claims in the sea are lawful"
    quote = "underscored the United States’ rejection of the unlawful maritime claims in the sea"
    assert _stance(quote, topic) == "oppose"


def test_stance_supports_what_the_speaker_calls_the_only_way_by_pointing_to_it():
    topic = "A negotiated two-state solution to the conflict"
    assert _stance("This is the only way to end the conflict", topic) == "support"


def test_stance_takes_concern_at_an_advance_as_opposition_to_it():
    topic = "The advance of the rebels into the east"
    quote = "we express our deep concern at the continued advance of the rebels"
    assert _stance(quote, topic) == "oppose"
    assert _stance("we work to decrease tensions and engage constructively", "Dialogue") == (
        "support"
    )


def test_stance_supports_a_protective_issue_when_the_speaker_decries_the_harm_it_would_stop():
    topic = "Whether the two armies should de-escalate along the northern border"
    assert _stance("condemned the shelling of villages near the frontier", topic) == "support"
    assert _stance("said the troop movements were provocative", topic) == "support"
    assert _stance("urged both armies to halt the killing of civilians", topic) == "support"


def test_stance_opposes_an_issue_about_a_use_of_force_when_the_speaker_decries_the_harm():
    topic = "The army's ground offensive in the north"
    assert _stance("condemned the shelling of villages near the frontier", topic) == "oppose"


def test_stance_still_opposes_a_protective_issue_the_speaker_rejects():
    topic = "Whether the two armies should agree a ceasefire"
    assert _stance("rejected the ceasefire as a trap", topic) == "oppose"


def test_stance_is_conditional_when_only_governs_a_later_if():
    topic = "Lifting the export ban on grain"
    quote = "we can only lift the export ban on grain if the harvest recovers"
    assert _stance(quote, topic) == "conditional"


def test_stance_is_conditional_when_the_statement_opens_with_until():
    topic = "Resuming the border talks"
    quote = "Until the other side changes course, there will be no border talks"
    assert _stance(quote, topic) == "conditional"
    assert _stance("we will keep the border talks going until a deal is done", topic) == "support"


def test_stance_is_neutral_when_the_choice_is_left_to_another_party():
    topic = "Whether the island should hold a referendum on the new charter"
    quote = "it is the island parliament's prerogative to decide on a referendum"
    assert _stance(quote, topic) == "neutral"
    assert _stance("it is for the islanders to decide about a referendum", topic) == "neutral"


def test_stance_is_neutral_when_the_speaker_gives_no_position():
    topic = "Extending the fishing agreement beyond 2030"
    assert _stance("there is no statement yet on the fishing agreement", topic) == "neutral"
    assert _stance("the ministry declined to comment on the extension", topic) == "neutral"
    assert _stance("it is too early to say whether the agreement is extended", topic) == "neutral"


def test_stance_is_neutral_for_what_a_readout_says_was_talked_about():
    topic = "Whether the two governments should sign the river-sharing treaty"
    assert _stance("exchanged views on the river-sharing treaty", topic) == "neutral"
    assert _stance("continued their discussion of the river-sharing treaty", topic) == "neutral"
    quote = "addressed the differences over the river-sharing treaty"
    assert _stance(quote, topic) == "neutral"


def test_stance_ignores_the_issues_note_on_its_labels():
    topic = "Whether the dam should be built; 'oppose' = condemning it or demanding that it stop"
    assert _stance("condemned the dam", topic) == "oppose"


def test_stance_tie_goes_the_way_of_the_first_cue():
    topic = "The referendum on the new charter"
    quote = "is concerned about the referendum on the charter even as neighbours encourage it"
    assert _stance(quote, topic) == "oppose"


def test_stance_reads_against_after_a_harm_as_its_victim_not_a_stand():
    topic = "Military aid to the island"
    quote = "amid the war against the island, it is critical to keep up the military aid"
    assert _stance(quote, topic) == "support"


def test_stance_opposes_an_issue_named_as_a_harm():
    topic = "A military intervention in the neighbouring state"
    assert _stance("such an intervention would be a recipe for bloodshed", topic) == "oppose"


def test_stance_is_neutral_for_a_forecast_without_the_speakers_own_side():
    topic = "A negotiated end to the border war"
    assert _stance("warned that a wider border war seems inevitable", topic) == "neutral"
    quote = "the sanctions are unlikely to change the course of the border war"
    assert _stance(quote, topic) == "neutral"
    assert _stance("we believe a negotiated end to the war seems within reach", topic) != "neutral"


def test_stance_reads_the_protective_issue_from_the_whole_proposition():
    # "to" inside the proposition ("an end to the war") does not start what is asked.
    topic = "Negotiating an end to the war in the north"
    assert _stance("condemned the shelling of the northern villages", topic) == "support"


def test_stance_is_conditional_on_terms_set_before_the_step():
    topic = "Reopening the embassy in the capital"
    assert _stance("the rebels must first leave the capital", topic) == "conditional"
    quote = "will reopen the embassy as soon as security conditions allow"
    assert _stance(quote, topic) == "conditional"
    assert _stance("Once the rebels leave, the embassy will reopen", topic) == "conditional"
    assert _stance("Once again, we call for reopening the embassy", topic) == "support"
    assert _stance("wants to reopen the embassy as soon as possible", topic) != "conditional"


def test_stance_reads_wanting_as_backing_and_not_wanting_as_refusal():
    topic = "The island joining the federation"
    assert _stance("we do not want to join the federation", topic) == "oppose"
    assert _stance("has no desire to join the federation", topic) == "oppose"


def test_stance_opposes_what_is_ruled_out_as_a_whole():
    topic = "The annexation of the border province"
    assert _stance("the annexation has no place in today's world", topic) == "oppose"
    assert _stance("the decree on the province had no legal force", topic) == "oppose"
    calm = "Whether the communities should restore calm in the border province"
    assert _stance("violence has no place in the border province", calm) == "support"


def test_stance_backs_an_allegation_when_the_speaker_decries_the_wrongdoing_it_names():
    topic = "The allegation that the neighbouring state was involved in the bombing of the port"
    quote = "any involvement of a foreign state in the bombing of the port is unacceptable"
    assert _stance(quote, topic) == "support"
    assert _stance("rejected the allegation of involvement in the bombing", topic) == "oppose"


def test_stance_is_neutral_for_briefings_and_shared_views_in_a_readout():
    topic = "Whether the two governments should sign the river-sharing treaty"
    quote = "briefed the minister on the state of the river-sharing treaty"
    assert _stance(quote, topic) == "neutral"
    assert _stance("shared perspectives on the river-sharing treaty", topic) == "neutral"


def test_stance_counts_interference_coups_and_terrorism_as_harm_a_protective_issue_stops():
    topic = "Humanitarian aid deliveries to the northern province"
    quote = "voiced concern about interference by the militia in the northern province"
    assert _stance(quote, topic) == "support"
    quote = "Restrictions by the militia and allied armed groups are unacceptable"
    assert _stance(quote, topic) == "support"


def test_stance_lead_once_again_is_no_condition():
    topic = "Resuming the border talks"
    lead = "Once again, the minister said that "
    assert stance.classify("the border talks must resume", "", topic, lead=lead)[0] == "support"
    lead = "Once the troops leave, the minister said, "
    assert stance.classify("the border talks will resume", "", topic, lead=lead)[0] == "conditional"


def test_stance_reads_noted_as_a_speech_verb_not_as_neutral():
    topic = "The federation plan for the island"
    quote = "noted that the federation plan remains credible and realistic"
    assert _stance(quote, topic) == "support"


def test_stance_backs_a_change_when_the_speaker_decries_what_is_to_be_changed():
    topic = "Reforming the voting rules of the regional council"
    quote = "the voting rules are an unacceptable relic of another era"
    assert _stance(quote, topic) == "support"
    assert _stance("rejected any reform of the voting rules", topic) == "oppose"


def test_stance_reads_concerns_that_are_interests_as_no_disapproval():
    topic = "The draft peace framework for the region"
    quote = "their principal concerns were addressed in the draft peace framework"
    assert _stance(quote, topic) == "support"
    quote = "keeping the draft peace framework alive must be the priority concern now"
    assert _stance(quote, topic) == "support"
    assert _stance("voiced concern over the draft peace framework", topic) == "oppose"


def test_stance_keeps_a_feeling_before_by_as_the_speakers_own():
    topic = "The army's ground offensive in the north"
    assert _stance("is deeply alarmed by the ground offensive in the north", topic) == "oppose"


def test_stance_backs_a_protective_issue_when_the_speaker_worries_about_the_situation():
    topic = "Whether the two armies should de-escalate along the northern border"
    quote = "voiced concern about recent developments along the northern border"
    assert _stance(quote, topic) == "support"
    claim = "The villagers were consulted in the negotiations on the northern border"
    quote = "is concerned about the lack of consultation of the villagers"
    assert _stance(quote, claim) == "oppose"


def test_stance_opposes_a_protective_issue_named_as_a_harm():
    topic = "A truce between the two armies"
    assert _stance("a truce now would be a reward for terror", topic) == "oppose"


def test_stance_is_neutral_for_talk_about_the_issue_after_who_talked():
    topic = "Whether the two governments should sign the river-sharing treaty"
    quote = "The two ministers exchanged views on the river-sharing treaty"
    assert _stance(quote, topic) == "neutral"
    quote = "The discussions on the river-sharing treaty were constructive"
    assert _stance(quote, topic) == "support"


def test_stance_is_conditional_on_a_step_promised_once_something_happens():
    topic = "Reopening the embassy in the capital"
    quote = "will reopen the embassy once the militias leave the capital"
    assert _stance(quote, topic) == "conditional"
    assert _stance("will reopen the embassy, once again a sign of trust", topic) != "conditional"


def test_stance_is_neutral_when_waiting_or_reporting_that_talks_go_on():
    topic = "A new trade pact with the southern bloc"
    quote = "the government was awaiting the final text before taking a position on the pact"
    assert _stance(quote, topic) == "neutral"
    assert _stance("said talks on the trade pact were still continuing", topic) == "neutral"
    assert _stance("joining the pact is a sovereign decision of each member", topic) == "neutral"


def test_stance_conditional_terms_of_not_until_and_a_pledge_for_as_long_as_it_takes():
    topic = "Ratifying the accession of the new member"
    quote = "parliament will not ratify the accession until the new member lifts its embargo"
    assert _stance(quote, topic) == "conditional"
    quote = "we will back the accession of the new member for as long as it takes"
    assert _stance(quote, topic) == "support"


def test_stance_opposes_what_is_off_the_agenda_or_would_only_help_the_other_side():
    topic = "Whether the two sides should hold talks on disarmament"
    assert _stance("disarmament is not on the agenda", topic) == "oppose"
    assert _stance("such talks would only allow the militia to rearm", topic) == "oppose"


def test_stance_is_conditional_on_only_when_and_not_while():
    topic = "Reopening the border crossing"
    quote = "will reopen the border crossing only when the shelling stops"
    assert _stance(quote, topic) == "conditional"
    quote = "would not reopen the border crossing while the militia holds the road"
    assert _stance(quote, topic) == "conditional"


def test_stance_is_neutral_when_the_party_has_not_commented():
    topic = "Reopening the border crossing"
    assert _stance("the ministry has not commented on the border crossing", topic) == "neutral"


def test_stance_opposes_an_issue_called_a_danger():
    topic = "A federal union of the two states"
    assert _stance("such a union would be a grave danger to the region", topic) == "oppose"


def test_stance_opposes_an_issue_about_force_when_the_speaker_calls_for_restraint():
    topic = "Air strikes on the rebel-held port"
    quote = "called on both the navy and the rebels to show restraint"
    assert _stance(quote, topic) == "oppose"
    assert _stance("called for more air strikes on the rebel-held port", topic) == "support"


def test_stance_reads_more_words_of_disapproval():
    topic = "Lifting the embargo on the island"
    assert _stance("lifting the embargo now would be premature", topic) == "oppose"
    assert _stance("called the plan to lift the embargo misguided", topic) == "oppose"


def test_stance_backs_an_issue_whose_object_a_step_would_complicate():
    topic = "Whether the parties should return to full implementation of the water accord"
    quote = "such steps would complicate efforts toward full implementation of the water accord"
    assert _stance(quote, topic) == "support"


def test_stance_backs_a_passive_change_when_the_thing_to_change_is_decried():
    topic = "Whether the electoral law should be reformed"
    assert _stance("the electoral law is unfair and outdated", topic) == "support"


def test_stance_is_neutral_for_watching_keeping_in_touch_and_matters_still_discussed():
    topic = "Sending monitors to the border region"
    assert _stance("said it was closely monitoring the situation", topic) == "neutral"
    assert _stance("remains in close contact with both capitals", topic) == "neutral"
    quote = "the size of the monitoring team was still being discussed"
    assert _stance(quote, topic) == "neutral"


def test_stance_talk_to_come_does_not_swallow_the_issues_own_verb():
    topic = "Whether the junta should release the detained journalists"
    assert _stance("the junta will release the detained journalists", topic) == "support"


def test_stance_reads_a_threat_of_ones_own_and_a_lack_of_intention_as_opposition():
    topic = "Deployment of peacekeepers to the capital"
    quote = "the militia threatened to attack any peacekeepers sent to the capital"
    assert _stance(quote, topic) == "oppose"
    assert _stance("has no intention of allowing the deployment", topic) == "oppose"
    assert _stance("called the deployment the worst idea of the decade", topic) == "oppose"
    quote = "the peacekeepers cannot be deployed while the fighting continues"
    assert _stance(quote, topic) == "conditional"


def test_stance_is_conditional_on_a_step_promised_on_terms():
    topic = "Whether the junta should release the detained journalists"
    quote = "the junta will release the detained journalists if the sanctions are lifted"
    assert _stance(quote, topic) == "conditional"
    quote = "the junta will release the detained journalists, even if nobody asks"
    assert _stance(quote, topic) == "support"


def test_stance_conditions_of_not_before_and_not_without():
    topic = "Independence for the northern islands"
    quote = "independence will come, but not before the islands can pay their own way"
    assert _stance(quote, topic) == "conditional"
    quote = "we cannot back independence for the islands without a referendum"
    assert _stance(quote, topic) == "conditional"


def test_stance_is_neutral_for_abstaining_a_matter_raised_and_a_right_to_decide():
    topic = "Independence for the northern islands"
    assert _stance("abstained in the vote on the islands", topic) == "neutral"
    assert _stance("the question of the islands was raised at the meeting", topic) == "neutral"
    quote = "the islanders have the right to decide their own future"
    assert _stance(quote, topic) == "neutral"


def test_stance_reads_a_mistake_as_disapproval():
    topic = "Readmitting the neighbour to the trade bloc"
    assert _stance("it would be a mistake to readmit the neighbour", topic) == "oppose"


def test_stance_reads_ceasefire_as_no_word_of_opposition():
    topic = "Humanitarian aid deliveries to the valley"
    quote = "the ceasefire must hold so that aid deliveries to the valley can resume"
    assert _stance(quote, topic) == "support"


def test_stance_disappointment_at_the_situation_backs_a_protective_issue():
    topic = "Whether the two sides should agree a lasting truce"
    quote = "is disappointed that the sides could not build on the pause to reach a truce"
    assert _stance(quote, topic) == "support"
    assert stance.carries_position("She was disappointed by the outcome.")


def test_stance_is_neutral_for_a_decision_still_to_be_weighed():
    topic = "Whether the republic should join the customs union"
    quote = "the republic will consider joining the customs union after the vote"
    assert _stance(quote, topic) == "neutral"


def test_stance_reads_an_expectation_put_on_someone_as_a_demand():
    topic = "Whether the neighbour should hand over the fugitives"
    quote = "expects the neighbour to hand over the fugitives on its list"
    assert _stance(quote, topic) == "support"


def test_stance_is_neutral_while_still_finding_out():
    topic = "Whether the neighbour should hand over the fugitives"
    assert _stance("the ministry was still verifying the reports", topic) == "neutral"


def test_stance_refusing_to_be_bound_opposes_and_possible_once_is_a_condition():
    topic = "The regional fisheries accord"
    assert _stance("the islands would not be bound by the fisheries accord", topic) == "oppose"
    quote = "joining the fisheries accord is possible once the quotas are revised"
    assert _stance(quote, topic) == "conditional"


@pytest.mark.parametrize(
    ("quote", "cue"),
    [
        ("expressed disappointment at Ruritania's decision to tear up the fisheries accord", ""),
        ("called the decision to halt the fisheries talks “totally unacceptable”", "called"),
        ("condemned attempts to undermine the fisheries accord", "condemned"),
    ],
)
def test_stance_decrying_an_act_that_ends_the_issue_backs_it(quote, cue):
    topic = "Keeping the regional fisheries accord and continuing the fisheries talks"
    assert _stance(quote, topic, cue) == "support"


def test_stance_decrying_an_end_the_issue_asks_for_stays_opposed():
    topic = "Whether the islands should end the fisheries accord"
    assert _stance("rejected the call to end the fisheries accord", topic) == "oppose"


def test_an_issue_naming_what_the_text_never_names_is_no_candidate():
    issues = (
        IssueRecord("ukraine-peace-talks", "Peace talks between Russia and Ukraine"),
        IssueRecord("gaza-peace-plan", "The U.S. peace plan for Gaza"),
        IssueRecord("a-ceasefire", "Whether a ceasefire should hold"),  # names nothing
    )
    article = "Hamas said the plan for Gaza’s future fails. " * 30
    matcher = IssueMatcher.build(issues).within(article)
    assert [i.slug for i in matcher.issues] == ["gaza-peace-plan", "a-ceasefire"]
    assert matcher.match("we welcome the peace plan and the talks")[0] == "gaza-peace-plan"
    short = IssueMatcher.build(issues).within("We welcome the peace plan.")
    assert len(short.issues) == 3  # a sentence alone may leave its place unnamed


@pytest.mark.parametrize("verdict", ["unconstructive", "undemocratic", "non-credible"])
def test_stance_opposes_when_the_speaker_calls_the_issue_the_negation_of_an_approval(verdict):
    topic = "The board's vote to suspend the observer mission"
    quote = f"the minister called the vote a plainly {verdict} step"
    assert _stance(quote, topic) == "oppose"


def test_stance_opposes_when_the_issue_is_said_to_bring_about_a_harm():
    topic = "Opening a consulate in the disputed town"
    assert _stance("opening a consulate would trigger more violence", topic) == "oppose"


def test_stance_opposes_when_the_act_pointed_to_is_said_to_bring_about_a_harm():
    topic = "Opening a consulate in the disputed town"
    assert _stance("this decision risks more violence in the region", topic) == "oppose"


def test_stance_opposes_when_the_speaker_asks_for_an_end_to_the_issues_object():
    topic = "Cooperation with the monitoring mission in the border zone"
    quote = "demanded the expulsion of the monitoring mission from the border zone"
    assert _stance(quote, topic) == "oppose"


def test_stance_backs_an_issue_about_stopping_when_the_speaker_asks_for_that_stop():
    topic = "The expulsion of the monitoring mission from the border zone"
    quote = "called for the expulsion of the monitoring mission from the border zone"
    assert _stance(quote, topic) == "support"


@pytest.mark.parametrize("feeling", ["annoyance", "frustration", "indignation", "displeasure"])
def test_stance_opposes_when_the_speaker_voices_displeasure_at_the_issue(feeling):
    topic = "The closure of the northern border crossing"
    quote = f"voiced his {feeling} at the closure of the northern border crossing"
    assert _stance(quote, topic) == "oppose"


@pytest.mark.parametrize(
    "quote",
    [
        "We understand that many farmers feel the new quota is unfair",
        "It is true that the quota has been welcomed by some fishermen",
    ],
)
def test_stance_is_neutral_when_the_speaker_grants_a_point(quote):
    topic = "The new fishing quota in the northern waters"
    assert _stance(quote, topic) == "neutral"


def test_stance_is_conditional_when_a_step_waits_on_a_failure_told_in_the_past_tense():
    topic = "Strikes on the rebel camps across the river"
    quote = "the army might strike the rebel camps if the neighbours failed to disarm them"
    assert _stance(quote, topic) == "conditional"


def test_stance_supports_the_issue_when_the_speaker_decries_preventing_it():
    topic = "The planned vote on the new charter"
    quote = "it is unacceptable to keep preventing the vote on the new charter"
    assert _stance(quote, topic) == "support"


def test_stance_supports_a_decision_the_speaker_announced():
    topic = "The temporary ban on grain imports"
    quote = "the adoption of a temporary ban regarding imports of wheat and corn"
    assert _stance(quote, topic, "announced") == "support"


def test_stance_opposes_when_the_speaker_calls_the_matter_closed():
    topic = "Should Germany pay Poland reparations for the wartime occupation?"
    quote = "the German government's position is that the matter of reparations is settled"
    assert _stance(quote, topic, "reiterated") == "oppose"


def test_stance_answers_a_yes_no_issue_with_no_when_the_speaker_denies_its_participle():
    topic = "Has the disengagement of troops on the border been completed?"
    quote = "some progress has been made in the process, but it is not yet complete"
    assert _stance(quote, topic, "said") == "oppose"


def test_stance_weighs_what_follows_but_over_what_comes_before():
    topic = "The agreement on the disputed border"
    before_but = "we welcome the talks, but we reject the agreement"
    assert _stance(before_but, topic) == "oppose"


def test_stance_opposes_when_the_speaker_takes_up_the_issues_own_charge():
    topic = "Whether Russia's aggression against Ukraine is acceptable"
    quote = "the order is being challenged by Russia in its aggression against Ukraine"
    assert _stance(quote, topic) == "oppose"
