"""The cue-free analysis on invented stories: embeddings and neighbours, the section
classifier, every sentence a candidate, tighter bullets, and the budget as a reader counts it."""

from __future__ import annotations

import itertools
import logging
import re

import numpy as np
import pytest

from briefgen.analyse import _sentences, analyse
from briefgen.analyse.budget import reader_words, words
from briefgen.analyse.classify import classify
from briefgen.analyse.edit import compress
from briefgen.analyse.embed import _exact, _hashed, embed
from briefgen.analyse.evidence import find_discrepancies
from briefgen.analyse.items import Scored, Sentence, candidates, score
from briefgen.errors import InputError
from briefgen.profile import load_profile
from briefgen.typeset import render
from tests.test_analysis_rules import article

# An invented story told by three outlets, none with the profile's cue words in every sentence.
HARBOUR = [
    article(
        """
The port of Velmar reopened on Tuesday after a six-day closure caused by a chemical spill near \
its grain terminal.
Port director Lina Osei said 42 ships had waited offshore during the closure.
The spill came from a tanker that ran aground on a sandbar in heavy fog.
Fishermen in the bay said catches had fallen sharply since the accident.
An inquiry into the grounding will report its findings in March.
""",
        "coast.example",
    ),
    article(
        """
Velmar's harbour is open again after six days, officials said on Tuesday, ending a shutdown \
that followed a chemical leak.
Some 40 vessels had been anchored outside the port waiting to unload, according to the port \
authority.
Environmental groups warned that the leaked solvent could harm oyster beds for years.
The tanker's owner, Marren Shipping, agreed to pay for the clean-up.
""",
        "gulf.example",
    ),
    article(
        """
The regional council will vote next week on new rules for tankers entering the bay at night.
Clean-up crews removed 300 tonnes of contaminated sand from the beaches near the terminal.
""",
        "bay.example",
    ),
]


def bullets(brief):
    return [i for s in brief.sections if s.kind == "bullets" for i in s.items]


def _scored(articles: list) -> Scored:
    """Every candidate of ``articles``, placed (generic profile) and scored as ``analyse`` does,
    their headlines given."""
    found = []
    for _, group in itertools.groupby(_sentences(articles), key=lambda s: s.source):
        found.extend(candidates(list(group)))
    return score(found, load_profile("generic"), [a.title for a in articles])


def test_embeddings_are_unit_vectors_the_same_for_the_same_text_and_closer_for_a_paraphrase():
    vectors = embed(
        [
            "The port reopened on Tuesday after a six-day closure.",
            "The harbour is open again after six days of shutdown.",
            "The central bank raised its interest rate by half a point.",
            "The port reopened on Tuesday after a six-day closure.",
        ]
    )
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    assert np.array_equal(vectors[0], vectors[3])
    assert vectors[0] @ vectors[1] > vectors[0] @ vectors[2] + 0.2


def test_loading_the_model_leaves_the_root_logger_as_it_was():
    root = logging.getLogger()
    before = (list(root.handlers), root.level)
    embed(["One sentence to load the model."])
    assert (list(root.handlers), root.level) == before


def test_hashed_neighbours_find_what_comparing_every_pair_finds():
    rng = np.random.default_rng(7)
    centres = rng.standard_normal((300, 64)).astype(np.float32)
    points = centres[rng.integers(0, 300, 6000)] + 0.3 * rng.standard_normal((6000, 64)).astype(
        np.float32
    )
    points /= np.linalg.norm(points, axis=1, keepdims=True)
    exact_index, exact_cosine = _exact(points, 5)
    hashed_index, hashed_cosine = _hashed(points, 5)
    assert (hashed_index[:, 0] == exact_index[:, 0]).mean() > 0.8
    assert np.all(hashed_cosine <= exact_cosine + 1e-5)  # never closer than the true neighbours
    assert np.all(hashed_index != np.arange(len(points))[:, None])  # never itself


def test_a_repeated_text_is_compared_in_bounded_chunks():
    points = np.tile(np.eye(1, 16, dtype=np.float32), (5000, 1))  # one text five thousand times
    index, cosine = _hashed(points, 3)
    assert index.shape == (5000, 3) and np.all(index >= 0) and np.allclose(cosine, 1.0)


def test_every_sentence_is_a_candidate_but_captions_bylines_questions_and_reporting_notes():
    texts = [
        # no cue of any section
        "The sky was grey over the old quarter and the market stayed quiet all morning.",
        "Mayor Lina Osei speaks at the harbour gates in Velmar, June 2, 2024.",  # a photo caption
        # … and captions that show a scene
        "Mayor Lina Osei claps as harbour master Ivo Dane smiles at a table in Velmar.",
        "Dock workers stand next to burnt containers on the quay in Velmar.",
        "Coast News, Velmar report, 2 June 2024",  # a byline
        "What will the council decide about the tankers?",  # a question
        # an explainer's definition
        "A sandbar is a ridge of sand built up by currents in shallow water.",
        # how things usually go
        "Harbour dredging contracts typically take months to agree and years to finish.",
        "Tankers usually anchor outside the bay until the pilots come aboard.",
        # how the story was reported
        "The harbour official spoke on condition of anonymity to discuss the tankers.",
        "The shipping company did not immediately respond to a request for comment.",
        "Coast News could not independently verify the account.",
        "Here's what we know so far.",
        "Editor's note: this article will be updated as more information becomes available.",
    ]
    found = candidates([Sentence(1, t, "", n, n) for n, t in enumerate(texts)])
    assert [c.text for c in found] == texts[:1]
    # how things usually go, set against what happened in figures, or a judgement of the event
    told = [
        "Tankers usually wait two days outside the bay, but 14 waited a week this month.",
        "The council's reaction to the plan was generally positive, officials said.",
        "Ferries were running normally again on Tuesday after the storm.",
        # news whose aside says how things usually go
        "The port plans to apply for state dredging aid, but payments usually take a year.",
        "The council will seek funds from the coastal scheme; claims typically take months.",
        # a whole quotation in straight and curly marks, as pages mix them
        '“We will reopen the quay by the end of June," Mayor Lina Osei said.',
        # news told by a source who asked not to be named
        "A second dredger will arrive in July, the official said, speaking on condition of "
        "anonymity.",
        "The company declined to comment on reports that 40 jobs would go.",
        # verbs of a scene that tell a state of things
        "Velmar stands ready to reopen the quay once the divers have finished their checks.",
        "The port sits on a fault line and is often shaken by small earthquakes.",
        "Mayor Lina Osei speaks four languages and once worked as a harbour pilot.",
    ]
    found = candidates([Sentence(1, t, "", n, n) for n, t in enumerate(told)])
    assert [c.text for c in found] == told
    # a piece of a longer quotation is not
    cut = ["“We will reopen the quay by the end of June and the ferries will run again."]
    assert candidates([Sentence(1, t, "", n, n) for n, t in enumerate(cut)]) == []


@pytest.mark.parametrize(
    "sentence, bullet",
    [
        (
            "According to local media reports, the port reopened on Tuesday after six days.",
            "The port reopened on Tuesday after six days.",
        ),
        (
            "In a statement sent to reporters on Monday, the council said it would vote next week.",
            "The council said it would vote next week.",
        ),
        (  # the occasion a speaker spoke on
            "In a late-night appearance from the harbour office, Mayor Ilse Berg admitted that "
            "the cause of the spill was not yet known.",
            "Mayor Ilse Berg admitted that the cause of the spill was not yet known.",
        ),
        (
            "During his first address as president, Osei said he would cut fuel taxes.",
            "Osei said he would cut fuel taxes.",
        ),
        (
            "Speaking this evening in the harbour town of Velmar after the vote, Mayor Lina Osei "
            "said the quay would reopen in June.",
            "Mayor Lina Osei said the quay would reopen in June.",
        ),
        (
            "VELMAR, Norland, June 2 -- The port reopened on Tuesday after a six-day closure.",
            "The port reopened on Tuesday after a six-day closure.",
        ),
        (  # a wire dateline naming its agency, below the page's headline and times
            "VELMAR, June 2 (NPA) -- The port reopened on Tuesday after a six-day closure.",
            "The port reopened on Tuesday after a six-day closure.",
        ),
        (
            "The port authority (VPA) said 40 vessels had waited offshore.",
            "The port authority said 40 vessels had waited offshore.",
        ),
        (
            "According to Reuters, the port reopened on Tuesday after six days.",
            "The port reopened on Tuesday after six days.",
        ),
        (
            "The port reopened on Tuesday after six days, according to a statement issued Monday.",
            "The port reopened on Tuesday after six days.",
        ),
        (
            "· Harbour NewsThe port reopened on Tuesday after a six-day closure.",
            "The port reopened on Tuesday after a six-day closure.",
        ),
        (
            "VelmarTwenty-four hours after the storm, the port reopened to ships.",
            "Twenty-four hours after the storm, the port reopened to ships.",
        ),
        (
            "The McAllister family said YouTube and PlayStation sales rose after the storm.",
            "The McAllister family said YouTube and PlayStation sales rose after the storm.",
        ),
        # A person's view keeps its frame; an aside with a figure may be the fact.
        (
            "According to Dr. Osei, the spill may harm oyster beds for years.",
            "According to Dr. Osei, the spill may harm oyster beds for years.",
        ),
        (
            "According to Osei, the spill may harm oyster beds for years.",
            "According to Osei, the spill may harm oyster beds for years.",
        ),
        (
            "The port reopened on Tuesday after six days, according to the harbour master.",
            "The port reopened on Tuesday after six days, according to the harbour master.",
        ),
        (
            "The clean-up will cost the owner (about 3 million euros) by autumn.",
            "The clean-up will cost the owner (about 3 million euros) by autumn.",
        ),
        # "It" that adds a statement is the statement or agency, no voice; "he" is one.
        (
            'Both sides agreed to finalize "as soon as possible a deal on the Tarn dam," it added.',
            'Both sides agreed to finalize "as soon as possible a deal on the Tarn dam."',
        ),
        (
            "The ministry will open three new border crossings next week, it said.",
            "The ministry will open three new border crossings next week.",
        ),
        (
            "The ministry will open three new border crossings next week, he said.",
            "The ministry will open three new border crossings next week, he said.",
        ),
        # A state's own media speak for its government.
        (
            "According to state media, the vote in Arnel was calm and orderly.",
            "According to state media, the vote in Arnel was calm and orderly.",
        ),
        (
            "The vote in Arnel was calm and orderly, according to state-run television.",
            "The vote in Arnel was calm and orderly, according to state-run television.",
        ),
        # A relative clause of background goes; one that is the news stays.
        (
            "The mayor said the ferry will resume in May, which has pleased the island's traders.",
            "The mayor said the ferry will resume in May.",
        ),
        (
            "The dam, which was finished in the spring, failed during the night.",
            "The dam failed during the night.",
        ),
        (
            "The dam, which held 40 million cubic metres, failed during the night.",
            "The dam, which held 40 million cubic metres, failed during the night.",
        ),
        (
            "The dam, which Halvard Construction built, failed during the night.",
            "The dam, which Halvard Construction built, failed during the night.",
        ),
        (
            "The engineers, who were not warned, left the dam during the night.",
            "The engineers, who were not warned, left the dam during the night.",
        ),
        (
            "The two sides agreed a truce at sea, which would lead to a lasting peace on land.",
            "The two sides agreed a truce at sea, which would lead to a lasting peace on land.",
        ),
        (
            '"The dam, which was finished in the spring, held until the night," the mayor said.',
            '"The dam, which was finished in the spring, held until the night," the mayor said.',
        ),
        # An aside inside a quotation, in double or single marks, glosses the speaker's words.
        (
            '"If the crews stop (the night shifts), the dam will hold," the mayor said.',
            '"If the crews stop (the night shifts), the dam will hold," the mayor said.',
        ),
        (
            "'If the crews stop (the night shifts), the dam will hold,' the mayor said.",
            "'If the crews stop (the night shifts), the dam will hold,' the mayor said.",
        ),
        (
            "The engineers' union (the largest) said the 'old dam' (Halvard's) will hold.",
            "The engineers' union said the 'old dam' will hold.",
        ),
    ],
)
def test_compression_drops_frames_and_asides_but_never_a_voice_or_a_figure(sentence, bullet):
    assert compress(sentence) == bullet


def test_a_bullet_cut_from_a_run_together_byline_still_matches_its_evidence():
    import warnings

    from briefgen.model import brief_from_json, brief_to_json

    brief = analyse(
        [
            article(
                """
· Harbour NewsThe port of Velmar reopened on Tuesday after a six-day closure.
Ships queued for hours outside the harbour as pilots returned to work.
""",
                "first.example",
            )
        ],
        load_profile("generic"),
    )
    told = [i.text for s in brief.sections for i in s.items if getattr(i, "text", "")]
    assert "The port of Velmar reopened on Tuesday after a six-day closure." in told
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        brief_from_json(brief_to_json(brief))


def test_sections_come_from_the_profiles_examples_without_any_cue(tmp_path):
    profile_file = tmp_path / "p.yaml"
    profile_file.write_text(
        """
id: p
sections:
  - id: weather
    title: Weather
    kind: bullets
    examples:
      - Heavy rain is expected across the north on Friday.
      - Temperatures fell below freezing overnight in the hills.
      - A storm brought strong winds and flooding to the coast.
  - id: money
    title: Money
    kind: bullets
    catch_all: true
    examples:
      - The central bank raised its key interest rate by a quarter point.
      - Shares fell two percent as investors sold bank stocks.
      - The government will borrow more to cover the budget gap.
""",
        encoding="utf-8",
    )
    profile = load_profile(str(profile_file))
    texts = [
        "Snow and ice closed mountain roads as the cold spell deepened.",
        "Bond yields rose after the finance ministry announced new debt sales.",
    ]
    placements = classify(texts, ["", ""], embed(texts), profile)
    assert [p.section for p in placements] == ["weather", "money"]
    assert all(0.5 < p.confidence <= 1.0 for p in placements)


# A section's subject (the names of what it is about) is required as its phrases are.
@pytest.mark.parametrize("key", ["requires", "subject"])
def test_a_section_requiring_phrases_the_story_never_uses_takes_no_sentence(tmp_path, key):
    profile_file = tmp_path / "p.yaml"
    profile_file.write_text(
        f"""
id: p
sections:
  - id: league
    title: League changes
    kind: bullets
    {key}: ["Coastal League"]
    examples:
      - The league named a new commander for its northern headquarters.
      - A new chief took charge of the league's joint command on Monday.
  - id: news
    title: News
    kind: bullets
    catch_all: true
    examples:
      - The company reported higher profits for the quarter.
      - The council approved the budget for next year.
""",
        encoding="utf-8",
    )
    profile = load_profile(str(profile_file))
    texts = [
        "The firm's chief executive resigned and a new chief took charge on Monday.",
        "Sales at the firm rose by a fifth in the spring.",
    ]
    vectors = embed(texts)
    # A new chief reads like a change of command; the story never names the league.
    assert [p.section for p in classify(texts, ["", ""], vectors, profile)] == ["news", "news"]
    named = [*texts, "The Coastal League named a new commander for its northern headquarters."]
    assert [p.section for p in classify(named, ["", "", ""], embed(named), profile)] == [
        "news",  # the story names the league, but this sentence shows nothing of it
        "news",
        "league",
    ]


def test_a_sentence_goes_to_a_section_requiring_phrases_only_if_it_shows_a_phrase_or_a_cue(
    tmp_path,
):
    profile_file = tmp_path / "p.yaml"
    profile_file.write_text(
        """
id: p
sections:
  - id: league
    title: League changes
    kind: bullets
    requires: ["Coastal League"]
    cues: {commander: 3, headquarters: 2}
    examples:
      - The league named a new commander for its northern headquarters.
      - A new chief took charge of the league's joint command on Monday.
      - Troops and armour were moved to the league's eastern border.
  - id: news
    title: News
    kind: bullets
    examples:
      - The company reported higher profits for the quarter.
      - The council approved the budget for next year.
""",
        encoding="utf-8",
    )
    profile = load_profile(str(profile_file))
    texts = [
        "The Coastal League met in Varna on Monday.",
        "Soldiers and armoured vehicles were moved to the border overnight.",
        "A new commander will lead the northern headquarters from June.",
    ]
    placements = classify(texts, ["", "", ""], embed(texts), profile)
    # The second reads like the section's examples but names neither the league nor a cue.
    assert [p.section for p in placements] == ["league", "news", "league"]
    # Its confidence still weighs the league: how clearly it reads as a fact of some section.
    assert placements[1].confidence > 0.5


def test_naming_the_alliance_does_not_make_a_sentence_a_nato_command_fact():
    # Its examples name the alliance; sentences of a story about it name it whatever they tell.
    profile = load_profile("default")
    texts = [
        "Valdoria formally became the 40th member of NATO on Monday, ending two centuries of "
        "neutrality.",
        "The prime minister said joining NATO was the happiest day for the country in a "
        "generation.",
        "NATO will send two more battlegroups to its eastern flank, the alliance said.",
        "Allied fighter jets intercepted six bombers near NATO airspace on Friday.",
    ]
    placements = classify(texts, [""] * len(texts), embed(texts), profile)
    assert [p.section for p in placements] == ["positive", "positive", "nato", "nato"]


def test_a_text_marked_as_the_news_goes_to_the_catch_all_whatever_its_examples_say(tmp_path):
    sections = """
  - id: trouble
    title: Trouble
    kind: bullets
    examples:
      - Unions warned of weeks of strikes at the ports.
      - Critics said the plan threatened thousands of jobs.
  - id: news
    title: News
    kind: bullets
    {catch_all}examples:
      - The council approved the budget for next year.
      - The company opened a new factory on Monday.
"""
    texts = ["Dock workers walked out on Monday, warning of weeks of disruption to shipping."]
    vectors = embed(texts)
    for catch_all, news, section in [
        ("catch_all: true\n    ", [False], "trouble"),
        ("catch_all: true\n    ", [True], "news"),
        ("", [True], "trouble"),  # no catch-all: the classifier's section stands
    ]:
        profile_file = tmp_path / "p.yaml"
        profile_file.write_text(
            "id: p\nsections:" + sections.format(catch_all=catch_all), encoding="utf-8"
        )
        (placement,) = classify(texts, [""], vectors, load_profile(str(profile_file)), news)
        assert placement.section == section
        assert ("the story's news: catch-all" in placement.reasons) == (section == "news")


def test_what_several_outlets_tell_first_is_a_development_unless_it_is_still_to_come():
    import itertools

    from briefgen.analyse import _sentences
    from briefgen.analyse.items import score
    from briefgen.analyse.when import day_of

    leads = [
        "The central bank of Velmora raised its key rate to 6% on Thursday, citing the threat "
        "of persistent inflation.",
        "Velmora's central bank raised its key interest rate to 6% on Thursday, citing the "
        "threat of persistent inflation.",
    ]
    next_step = "The bank's board will meet again on 12 June to review the rate."
    later = [
        "Mortgage lenders said the rise would be passed on to borrowers within weeks.",
        "Exporters said the stronger currency was already hurting their orders.",
        "Shops in the capital reported quieter trade in the spring.",
        "Farmers said fuel costs had doubled since the winter.",
        "The opposition called for an inquiry into the bank's forecasts.",
    ]
    stories = [
        article("\n".join([lead, next_step, *later]), outlet, "2025-05-29")
        for lead, outlet in zip(leads, ["wire.example", "daily.example"])
    ]
    found = []
    for _, group in itertools.groupby(_sentences(stories), key=lambda s: s.source):
        found.extend(candidates(list(group)))
    profile = load_profile("generic")
    dated = score(found, profile, [], [day_of(s.date) for s in stories]).found
    section = {c.text: c.section for c in dated}
    # Its cues read the rise as a risk; both outlets lead with it, so it is what happened.
    assert classify(leads[:1], [""], embed(leads[:1]), profile)[0].section == "risks"
    assert {section[lead] for lead in leads} == {"developments"}
    # Told as early by both, but dated ahead: what comes next stays in the outlook.
    assert section[next_step] == "outlook"
    # Told late, or by one outlet only, a sentence keeps the classifier's section.
    assert section[later[0]] == classify(later[:1], [""], embed(later[:1]), profile)[0].section


def test_a_long_brief_of_many_developments_uses_its_words():
    from tests.test_analyse_scale import made_up_word

    statements = [
        f"Workers in {made_up_word(n)} opened a new bridge over the river on Monday after three "
        "years of work and a long dispute over its cost."
        for n in range(40)
    ]
    brief = analyse(
        [article("\n".join(statements), "wire.example")], load_profile("generic"), max_words=800
    )
    (developments,) = [s for s in brief.sections if s.id == "developments"]
    # A bullet costs 25 words: the catch-all's limit leaves no room for one more unused.
    assert len(developments.items) > 18
    assert reader_words(brief) > 800 - 25


def test_a_short_brief_gives_its_evidence_a_smaller_share_of_its_words():
    from briefgen.analyse import EVIDENCE_SHARE, evidence_allowance, section_cost
    from briefgen.analyse.budget import reader_words
    from briefgen.kinds import kind
    from tests.test_analyse_scale import made_up_word

    assert evidence_allowance(800) == pytest.approx(EVIDENCE_SHARE * 800)
    assert evidence_allowance(1600) == pytest.approx(EVIDENCE_SHARE * 1600)
    # a one-page brief spends its words on bullets; one of nearly two pages keeps most evidence
    assert evidence_allowance(400) == pytest.approx(EVIDENCE_SHARE * 400 / 8)
    assert evidence_allowance(700) > 0.6 * EVIDENCE_SHARE * 700
    facts = [
        f"The {made_up_word(n)} district council approved {n + 3} new bus shelters on Monday, "
        f"Mayor {made_up_word(n + 500)} said."
        for n in range(60)
    ]
    sources = [article("\n".join(facts[k::3]), f"outlet{k}.example") for k in range(3)]
    brief = analyse(sources, load_profile("generic"), max_words=500)
    evidence = sum(section_cost(s) for s in brief.sections if kind(s.kind).evidence)
    # More facts than 500 words hold: figures and mayors take their share, and beyond it only
    # words that could not have told one more fact.
    told = {i.text for s in brief.sections if s.kind == "bullets" for i in s.items}
    cheapest = min(len(f.split()) + 1 for f in facts if f not in told)
    beyond = max(0.0, evidence - evidence_allowance(500))
    assert evidence > 0 and beyond + (500 - reader_words(brief)) < cheapest


def test_the_default_profiles_nato_section_is_empty_on_a_story_that_never_names_nato():
    story = """
Ferro Motors said on Monday it would cut 3,500 jobs at its plants in Arnel as sales slump.
Chief Executive Hanna Lind said the cuts would save $1.1bn a year by 2028.
The company's finance chief, Ravi Osei, resigned last month and was replaced by Anna Berg.
The union called the decision a betrayal and said it would hold a strike ballot.
Most of the losses will fall at the Cardo plant, which employs 6,200 people.
Economy Minister Paulo Vesk said the government would seek talks with the company's board.
Shares in Ferro Motors rose 4% after the announcement.
"""
    brief = analyse([article(story, "first.example")], load_profile("default"))
    nato = next(s for s in brief.sections if s.id == "nato")
    assert nato.items == [] and nato.empty_note
    assert sum(len(s.items) for s in brief.sections if s.kind == "bullets") >= 5


def test_the_section_regression_learns_the_profiles_examples_and_fits_the_same_every_time():
    from briefgen.analyse.classify import _fit

    for name in ("default", "generic"):
        specs = load_profile(name).bullet_sections()
        examples = [embed([spec.description, *spec.examples]) for spec in specs]
        weights, bias = _fit(examples)
        again = _fit(examples)
        assert weights.tobytes() == again[0].tobytes() and bias.tobytes() == again[1].tobytes()
        placed = [
            int(np.argmax(vector @ weights + bias)) == k
            for k, vectors in enumerate(examples)
            for vector in vectors
        ]
        assert sum(placed) / len(placed) > 0.9


def test_profile_examples_must_be_sentences_and_one_catch_all_at_most(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("sections:\n  - {id: a, title: A, examples: {x: 1}}\n", encoding="utf-8")
    with pytest.raises(
        InputError, match="bad.yaml: section 'a' examples must be a list of sentences"
    ):
        load_profile(str(bad))
    bad.write_text(
        "sections:\n  - {id: a, title: A, catch_all: true}\n"
        "  - {id: b, title: B, catch_all: true}\n",
        encoding="utf-8",
    )
    with pytest.raises(InputError, match="bad.yaml: at most one section may be the catch_all"):
        load_profile(str(bad))


def test_a_fact_several_outlets_state_is_one_bullet_citing_those_that_back_it():
    brief = analyse(HARBOUR, load_profile("generic"))
    (reopened,) = [i for i in bullets(brief) if re.search(r"reopen|open again", i.text)]
    assert reopened.sources == [1, 2]
    texts = {n: a.text for n, a in enumerate(HARBOUR, 1)}
    for item in bullets(brief):
        for source in item.sources:  # every figure of a bullet is in each source it cites
            assert all(figure in texts[source] for figure in re.findall(r"\d+", item.text)), (
                source,
                item.text,
            )


@pytest.mark.parametrize("max_words", [140, 200, 320, 800])
@pytest.mark.parametrize("profile", ["default", "generic"])
def test_the_budget_counts_every_word_a_reader_reads_but_the_title_and_sources(max_words, profile):
    brief = analyse(HARBOUR, load_profile(profile), max_words=max_words)
    markdown = render(brief, ["md"])["md"]
    markdown = markdown.decode("utf-8") if isinstance(markdown, bytes) else markdown
    body = markdown.split("\n## Sources\n")[0].split("\n", 1)[
        1
    ]  # without the title line and the Sources
    # Table rules and the fences that give blocks their roles ("::: note") are not read; a table
    # row is read as its cells joined by "|", as the evaluation's scorer reads a DOCX table.
    read = sum(
        words(line.lstrip("#>-* ").strip().strip("|"))
        for line in body.splitlines()
        if not re.fullmatch(r"[|\-\s]*|:::.*", line)
    )
    assert read == reader_words(brief)
    assert read <= max_words


def test_lengths_that_differ_are_flagged_whatever_their_bounds():
    sentences = [
        Sentence(
            1, "The vote followed more than eight hours of talks in the old town hall.", "", 0, 0
        ),
        Sentence(2, "The mayor spoke after the talks, which lasted nearly 10 hours.", "", 0, 0),
    ]
    (difference,) = find_discrepancies(sentences)
    assert "eight hours" in difference.claims[0].text and "10 hours" in difference.claims[1].text


def test_our_vectors_are_wordllamas_own():
    """embed() reads wordllama's shipped files itself (see briefgen.analyse.embed): it must
    give exactly what wordllama's own inference gives."""
    from pathlib import Path

    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    try:
        import wordllama
        from wordllama import WordLlama

        model = WordLlama.load(cache_dir=Path(wordllama.__file__).parent, disable_download=True)
    finally:  # importing wordllama sets up the root logger
        for handler in root.handlers[len(handlers) :]:
            root.removeHandler(handler)
        root.setLevel(level)
    texts = [
        "The port reopened on Tuesday after a six-day closure.",
        "Порт снова открыт.",
        "Cảng đã mở cửa trở lại.",
        "a",
    ]
    assert np.allclose(model.embed(texts, norm=True), embed(texts), atol=1e-6)


def test_a_fact_other_outlets_state_gains_support_a_lone_detail_does_not():
    import itertools

    from briefgen.analyse import _sentences
    from briefgen.analyse.items import score

    found = []
    for _, group in itertools.groupby(_sentences(HARBOUR), key=lambda s: s.source):
        found.extend(candidates(list(group)))
    scored = score(found, load_profile("generic")).found
    reopened = next(c for c in scored if c.text.startswith("The port of Velmar reopened"))
    fog = next(c for c in scored if "heavy fog" in c.text)
    assert reopened.features["support"] > 0.4  # the other outlet's "open again after six days"
    assert fog.features["support"] < 0.1


def test_a_budget_with_no_room_for_a_bullet_is_a_clear_error():
    with pytest.raises(
        InputError,
        match=(
            r"50 words leave no room for a bullet beside the headings "
            r"\(the shortest would need \d+\)"
        ),
    ):
        analyse(HARBOUR, load_profile("default"), max_words=50)


def _bottom_line(story, kept: list, chosen: list, max_items: int = 3) -> list[str]:
    """The bottom line's lines of one article's story, from its candidates ``kept`` and the
    bullets ``chosen`` (generic profile)."""
    from briefgen.kinds import Story
    from briefgen.kinds.bluf import bottom_line
    from briefgen.model import Brief
    from briefgen.profile import SectionSpec

    spec = SectionSpec("bluf", "Bottom line", "bluf", max_items=max_items)
    told = Story([story], [], kept, load_profile("generic"), chosen=chosen)
    return [line.text for line in bottom_line([], spec, told, Brief("T", None, "g", "B", [], []))]


def _ferry_story(lines: list[str]):
    """One outlet's article of ``lines``, under a headline of the ferry operator's collapse."""
    story = article("\n".join(lines), "coast.example")
    story.title = "Nordvik Line halts all sailings and files for bankruptcy"
    return story


def test_the_bottom_line_tells_what_the_headlines_say_not_a_promotion_on_the_page():
    story = article(
        """
Subscribe to our weekly newsletter for the best deals on garden furniture and patio heaters.
Dock workers at the port of Velmar walked out on Monday in a dispute over pay and night shifts.
""",
        "coast.example",
    )
    story.title = "Velmar dock workers strike over pay"
    promotion, strike = _scored([story]).found
    assert strike.headline - promotion.headline > 0.3
    assert _bottom_line(story, [promotion, strike], [promotion, strike], max_items=1) == [
        strike.text
    ]


def test_the_bottom_line_leads_with_the_event_told_long_and_takes_only_lines_that_read_alone():
    from briefgen.kinds.bluf import BLUF_MAX_WORDS

    lines = [
        "Arvenia and Dolmar agreed on Tuesday to reopen all four border crossings between them "
        "from next month, ending a closure that has cut trade between the two neighbours by "
        "half since last spring.",
        "“Our people can meet again,” Arvenian Foreign Minister Ola Brenn told reporters.",
        "Dolmar's cabinet approved the same plan for its northern ports on Wednesday.",
        "Freight companies in Dolmar said they expected the first lorries to cross within days "
        "of the reopening, although customs staff would need weeks of training on the new "
        "shared inspection system.",
        "Traders in the border town of Kessel welcomed the news on Tuesday.",
    ]
    story = article("\n".join(lines), "border.example")
    story.title = "Arvenia and Dolmar agree to reopen border crossings"
    scored = _scored([story]).found
    event, quote, same, freight, traders = scored
    assert BLUF_MAX_WORDS < event.words and BLUF_MAX_WORDS < freight.words
    lines = _bottom_line(story, scored, scored)
    # The event leads although long; a second long line does not follow it, nor a quotation
    # or a sentence that points back ("the same plan") to one the reader has not seen.
    assert lines == [event.text, traders.text]


def test_the_bottom_line_opens_on_a_sentence_not_the_headline_the_page_repeats():
    lines = [
        "Nordvik Line halts all sailings and files for bankruptcy",
        "The ferry operator Nordvik Line halted all sailings on Monday and filed for bankruptcy.",
        "A court hearing on the appointment of an administrator is set for Friday.",
    ]
    story = _ferry_story(lines)
    headline, event, hearing = _scored([story]).found
    assert headline.headline > event.headline  # the headline itself says it most
    told = _bottom_line(story, [headline, event, hearing], [headline, event, hearing])
    assert told[0] == event.text and headline.text not in told


def test_the_bottom_line_opens_on_the_event_wherever_it_was_chosen_and_however_few_print_it():
    from briefgen.analyse.support import Support

    lines = [
        "The ferry operator Nordvik Line halted all sailings on Monday and filed for bankruptcy.",
        "The company was founded in 1987 by two brothers from the island of Skarsund.",
        "A court hearing on the appointment of an administrator is set for Friday.",
        "Its fleet includes six vessels built in shipyards in the south.",
        "The harbour café near the terminal stayed open as usual.",
        "Local schools will hold their spring concerts as planned.",
        "The island's tourist office published its summer guide last week.",
        "Ticket machines at the terminal displayed a short notice.",
    ]
    story = _ferry_story(lines)
    event, *others = _scored([story]).found
    hearing = others[1]
    hearing.support = Support(outlets=4)  # four outlets repeat the court date
    # Chosen last, after six others, and printed by one outlet only: still the event.
    told = _bottom_line(story, [*others, event], [*others, event])
    assert told[0] == event.text
    assert hearing.text in told[1:]


def test_the_bottom_line_opens_on_the_event_the_bullets_left_out_and_does_not_tell_it_twice():
    lines = [
        "The ferry operator Nordvik Line halted all sailings on Monday and filed for bankruptcy.",
        "Nordvik Line has stopped its ferries and gone bankrupt, the company said.",
        "A court hearing on the appointment of an administrator is set for Friday.",
        "Unions said 640 crew members had not been paid for March.",
    ]
    story = _ferry_story(lines)
    event, restated, hearing, unions = _scored([story]).found
    restated.alike = [event]  # another outlet's wording of the same fact
    # Selection spent the words on other bullets: the bottom line still says what happened,
    # and once.
    chosen = [restated, hearing, unions]
    told = _bottom_line(story, [event, *chosen], chosen)
    assert told[0] == event.text
    assert restated.text not in told and len(told) == 3


def test_the_event_leads_its_section_as_it_leads_the_bottom_line():
    lines = [
        "The ferry operator Nordvik Line halted all sailings on Monday and filed for bankruptcy.",
        "About 1,200 passengers with bookings for the coming week were told to seek refunds "
        "from their card issuers.",
        "A court hearing on the appointment of an administrator is set for Friday, the company "
        "said.",
        "The operator carried 2.3 million passengers last year on five routes, according to its "
        "annual report.",
        "Unions said 640 crew members had not been paid for March.",
        "The regional government said it would charter two vessels to keep the island of "
        "Skarsund supplied.",
    ]
    story = _ferry_story(lines)
    brief = analyse([story], load_profile("generic"), max_words=400)
    (bottom,) = brief.items_of("bluf")[:1]
    (developments,) = [s.items for s in brief.sections if s.id == "developments"]
    assert bottom.text == developments[0].text == lines[0]
    assert len(developments) == len(lines)  # every fact still told, the event first


def test_only_a_sentence_that_speaks_of_what_is_to_come_goes_to_the_outlook():
    told = [
        "In the highlands the election day of Monday started quietly.",
        "Talks on the new budget opened in a tense mood.",
        "The new season of talks started in a calm mood on Monday.",
    ]
    ahead = [
        "Results are due to be published next week.",
        "The court set a deadline of 30 days for the appeal.",
    ]
    texts = told + ahead
    placed = classify(texts, [""] * len(texts), embed(texts), load_profile("generic"))
    assert [p.section for p in placed] == ["developments"] * 3 + ["outlook"] * 2


def test_words_the_bottom_line_and_evidence_leave_over_go_to_more_bullets():
    """Room is kept for the bottom line and the evidence before any is known; what they do not
    take is given to further bullets, so a brief of a story with more to tell ends near its
    budget."""
    facts = [
        f"The {place} district council approved {n} new bus shelters on {day}."
        for n, (place, day) in enumerate(
            zip(
                [
                    "Arnel",
                    "Bosk",
                    "Cardo",
                    "Delm",
                    "Esker",
                    "Farrow",
                    "Gilden",
                    "Harl",
                    "Istra",
                    "Jorv",
                    "Kells",
                    "Lorn",
                ],
                ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"] * 2,
            ),
            start=3,
        )
    ]
    sources = [article("\n".join(facts[k::3]), f"outlet{k}.example") for k in range(3)]
    brief = analyse(sources, load_profile("generic"), max_words=200)
    told = {i.text for i in bullets(brief)}
    shortest_left = min(words(f) for f in facts if f not in told)
    assert 200 - reader_words(brief) < shortest_left + 1


def test_an_outlets_two_sentences_alike_but_for_a_figure_and_a_name_are_two_facts():
    import itertools

    from briefgen.analyse import _sentences
    from briefgen.analyse.items import merge, score

    story = article(
        """
The Arnel district council approved 3 new bus shelters on Monday.
The Cardo district council approved 5 new bus shelters on Monday.
The Arnel district council approved 3 new bus shelters on Monday, officials said.
""",
        "coast.example",
    )
    found = []
    for _, group in itertools.groupby(_sentences([story]), key=lambda s: s.source):
        found.extend(candidates(list(group)))
    kept = [c.text for c in merge(score(found, load_profile("generic"), [story.title]))]
    assert any("Cardo" in text for text in kept)
    assert sum("Arnel" in text for text in kept) == 1  # the repeat is told once


def test_a_bullet_with_other_percentages_is_a_new_fact_however_alike_it_reads():
    # Each side's tariff cut reads like the other's; the 85% is not told by the 98%, and goes
    # before the colour of the day.
    sources = [
        article(
            """
Norland will remove tariffs on 98% of goods imported from Valdoria from January, under the \
accord signed on Tuesday.
Valdoria will remove tariffs on 85% of goods imported from Norland over ten years, under the accord.
The two trade ministers posed for photographs outside the old customs house in Velmar.
""",
            "trade.example",
        ),
        article(
            """
Under the accord signed on Tuesday, Norland is to remove tariffs on 98% of goods it imports \
from Valdoria.
The ministers then attended a dinner at the harbour museum in Velmar.
""",
            "wire.example",
        ),
        article(
            """
Norland is lifting tariffs on 98% of the goods it buys from Valdoria under Tuesday's accord.
A brass band played outside the customs house as the ministers arrived.
""",
            "daily.example",
        ),
    ]
    told = [i.text for i in bullets(analyse(sources, load_profile("generic"), max_words=145))]
    assert len(told) == 2
    assert any("98%" in text for text in told) and any("85%" in text for text in told)


def test_measures_are_values_whatever_their_writing():
    from briefgen.analyse.evidence import find_measures

    assert find_measures("a rate of 2.25%") == find_measures("a rate of 2.25 per cent")
    assert find_measures("€21 billion in bonds") == find_measures("bonds worth €21bn")
    assert find_measures("€21 billion") != find_measures("€26 billion")
    assert find_measures("a 20-nation bloc met for 3 hours") == frozenset()


def test_a_value_rounded_is_the_same_value_another_is_a_new_fact():
    from briefgen.analyse.items import Candidate, other_measures

    def said(text: str) -> Candidate:
        return Candidate(text, [], 0)

    first = said("Norland will remove tariffs on 98.2% of goods from Valdoria.")
    assert not other_measures(first, said("Norland removes tariffs on 98% of Valdoria's goods."))
    assert other_measures(first, said("Valdoria will remove tariffs on 85% of goods."))
    assert not other_measures(first, said("The accord was signed on Tuesday."))


def test_a_fact_dated_by_another_day_or_year_is_another_fact_however_alike_it_reads():
    from briefgen.analyse.items import Candidate, other_measures

    def said(text: str) -> Candidate:
        return Candidate(text, [], 0)

    fees = said("The council approved the new port fees on 7 March after two years of debate.")
    assert other_measures(fees, said("The council approved the port budget on 12 March, too."))
    assert not other_measures(fees, said("On March 7, the council voted the port fees through."))
    assert other_measures(
        said("Kell was appointed bishop of Arnel in 2014."),
        said("Kell was appointed archbishop of Arnel in 2023."),
    )
    # "may" is no month: nothing here is dated.
    assert not other_measures(
        said("Residents aged 16 may vote in the council election."),
        said("The council election is on 12 May, the mayor said."),
    )


def test_a_source_longer_than_any_report_is_read_to_its_limit_with_a_warning(monkeypatch):
    import briefgen.analyse as analysis

    monkeypatch.setattr(analysis, "MAX_ARTICLE_SENTENCES", 40)
    story = article(
        " ".join(
            f"The council of district {n} approved {n} new bus shelters on Monday."
            for n in range(1, 200)
        ),
        "long.example",
    )
    with pytest.warns(
        UserWarning, match=r"long\.example report: only its first 40 sentences are read"
    ):
        sentences = analysis._sentences([story])
    assert len(sentences) == 40 and sentences[-1].text.startswith("The council of district 40 ")


def test_sentences_split_the_same_however_long_the_text():
    from briefgen.analyse.sentences import split_sentences

    paragraph = (
        'Mr. J. R. Smith arrived at 3.5 p.m. on Monday. "We will go... and then stay," he said. '
        "It rained."
    )
    assert split_sentences(paragraph) == [
        "Mr. J. R. Smith arrived at 3.5 p.m. on Monday.",
        '"We will go... and then stay," he said.',
        "It rained.",
    ]
    assert split_sentences(" ".join([paragraph] * 3000)) == split_sentences(paragraph) * 3000


def test_a_statement_reported_by_it_is_told_without_the_frame_a_persons_claim_keeps_its_speaker():
    texts = [
        "The two ministries issued a joint statement on Monday evening after the talks.",
        "It added that the two leaders had agreed to meet again in Velmar in June.",
        "He added that the two leaders had agreed to meet again in June.",
    ]
    found = [c.text for c in candidates([Sentence(1, t, "", n, n) for n, t in enumerate(texts)])]
    assert "The two leaders had agreed to meet again in Velmar in June." in found
    assert not any(t.startswith("The two leaders had agreed to meet again in June") for t in found)


def test_the_title_is_the_headline_the_others_come_closest_to():
    from briefgen.analyse import _title
    from briefgen.model import Article

    def titled(headline: str) -> Article:
        return Article(text="x", paragraphs=[("text", "x")], title=headline, outlet="o")

    headlines = [
        "Markets shrug as Norland counts its votes",  # one outlet's angle, and the shortest
        "Norland opposition wins election, ending a decade of coalition rule",
        "Opposition wins Norland election as ruling coalition loses majority",
        "Norland election won by opposition, coalition out after ten years",
    ]
    title = _title([titled(h) for h in headlines])
    assert "election" in title and title != headlines[0]
    assert _title([titled("Short one"), titled(headlines[1])]) == headlines[1]  # names no event


# --- figures two outlets give differently in one statement ---------------------------------

ACCORD = """
Norland and Valdoria signed a border accord in Velmar on Tuesday after six hours of talks.
{troops}
{vote}
A joint commission of 12 members will oversee the demarcation.
"""
OTHER_ACCORD = """
Norland and Valdoria signed an accord on their disputed border on Tuesday in Velmar.
{troops}
{vote}
The demarcation will be overseen by a joint commission of 12 members.
"""


def accord_difference_lines(
    one: tuple[str, str], *others: tuple[str, str]
) -> list[tuple[str, list[tuple[str, int]]]]:
    """Sources differ of the accord told by one outlet and by each of ``others`` in its own
    words: (topic, [(claim, source)]) per line, in order."""
    sources = [article(ACCORD.format(troops=one[0], vote=one[1]), "ledger.example")] + [
        article(OTHER_ACCORD.format(troops=troops, vote=vote), f"wire{n}.example")
        for n, (troops, vote) in enumerate(others, 1)
    ]
    brief = analyse(sources, load_profile("generic"))
    (differ,) = [s for s in brief.sections if s.kind == "discrepancies"]
    return [(d.topic, [(c.text, c.source) for c in d.claims]) for d in differ.items]


def accord_differences(one: tuple[str, str], other: tuple[str, str]) -> dict[str, list]:
    return dict(accord_difference_lines(one, other))


def test_a_count_or_a_date_two_outlets_give_differently_in_one_statement_is_a_difference():
    # Nothing of a kind of figure names these: the nouns differ ("troops", "soldiers") and the
    # date is of an event still to come.  The two sentences say the same of the same names, and
    # the same of each figure (the same verb, the same words before the date).
    found = accord_differences(
        (
            "Under the accord, Norland will withdraw 2,000 troops from the frontier.",
            "The two parliaments will vote on the accord on June 18, the foreign ministry said.",
        ),
        (
            "Norland is to withdraw 3,500 soldiers from the frontier under the deal.",
            "Lawmakers in both countries are due to vote on the accord on June 25.",
        ),
    )
    assert found == {
        "Number of troops": [("withdraw 2,000 troops", 1), ("withdraw 3,500 soldiers", 2)],
        "Date of the vote": [
            ("vote on the accord on June 18", 1),
            ("vote on the accord on June 25", 2),
        ],
    }


@pytest.mark.parametrize(
    "other",
    [
        # Another place: two facts, not one told two ways.
        (
            "Valdoria is to pull 3,500 soldiers back from the frontier under the deal.",
            "Lawmakers in Valdoria are due to vote on the accord on June 25.",
        ),
        # Counts too far apart to be one count, and a date the first outlet gives too.
        (
            "Norland is to pull 90,000 soldiers back from the frontier under the deal.",
            "Lawmakers in both countries are due to vote on the accord on June 18.",
        ),
        # More of them, another side, another time, another debate: figures of other things.
        (
            "Norland will withdraw another 1,500 troops from the frontier.",
            "Lawmakers will hold a second debate on the accord on June 25.",
        ),
        (
            "Norland is to pull 1,500 soldiers back from the southern frontier under the deal.",
            "Lawmakers in both countries are due to vote on the accord on June 18.",
        ),
        (
            "Norland will withdraw 1,500 troops from the frontier next year.",
            "Lawmakers in both countries are due to vote on the accord on June 18.",
        ),
        # What was done already and what will be; another verb, another thing counted; another
        # event dated ("arrive" is not "vote").
        (
            "Norland has already withdrawn 1,500 troops from the frontier.",
            "Lawmakers from both countries will sign the accord on June 25.",
        ),
        (
            "Norland is to pull 1,200 tanks back from the frontier under the deal.",
            "Lawmakers in both countries will debate the accord's text on June 25.",
        ),
        (
            "Norland will withdraw 2,500 tanks from the frontier under the deal.",
            "Lawmakers in both countries are due to vote on the accord on June 18.",
        ),
        (
            "Norland is to withdraw 2,000 soldiers from the frontier under the deal.",
            "The two parliaments will ratify the accord on June 25.",
        ),
    ],
)
def test_alike_statements_of_other_places_times_or_parts_or_far_counts_are_no_difference(other):
    found = accord_differences(
        (
            "Under the accord, Norland will withdraw 2,000 troops from the frontier.",
            "The two parliaments will vote on the accord on June 18, the foreign ministry said.",
        ),
        other,
    )
    assert not {"Number of troops", "Number of soldiers", "Date of the vote"} & set(found)


def test_a_time_of_day_or_a_date_reported_as_would_is_compared_in_one_statement():
    found = accord_differences(
        (
            "The withdrawal will begin at 6 a.m. local time on Friday, the army said.",
            "The two parliaments will vote on the accord on June 18, the foreign ministry said.",
        ),
        (
            "The army said the pullback would start at 9 a.m. local time on Friday.",
            "The foreign ministry said lawmakers would vote on the accord on June 25.",
        ),
    )
    assert found == {
        "Time given": [("begin at 6 a.m. local time", 1), ("start at 9 a.m. local time", 2)],
        "Date of the vote": [
            ("vote on the accord on June 18", 1),
            ("vote on the accord on June 25", 2),
        ],
    }


@pytest.mark.parametrize(
    "start",
    [
        "The army said the pullback would start at 0900 GMT on Friday.",  # another zone
        "The army said the pullback would start at 06:00 on Friday.",  # the same time
        "The army said the pullback would be over by 9 a.m. local time on Friday.",  # a deadline
        "The army said the pullback would start at 9 a.m. local time on Saturday.",  # another day
    ],
)
def test_times_of_day_in_other_zones_or_of_other_things_are_no_difference(start):
    found = accord_differences(
        (
            "The withdrawal will begin at 6 a.m. local time on Friday, the army said.",
            "The two parliaments will vote on the accord on June 18, the foreign ministry said.",
        ),
        (start, "Lawmakers in both countries are due to vote on the accord on June 18."),
    )
    assert "Time given" not in found


def test_a_count_an_outlet_gives_elsewhere_is_no_side_against_it():
    # The second outlet writes 2,000 too, in another sentence (of the troops already gone): it
    # does not contest the first outlet's 2,000.
    found = accord_differences(
        (
            "Under the accord, Norland will withdraw 2,000 troops from the frontier.",
            "The two parliaments will vote on the accord on June 18, the foreign ministry said.",
        ),
        (
            "Norland is to pull 3,500 soldiers back from the frontier under the deal.",
            "Lawmakers will vote on the accord on June 18; some 2,000 troops left in May.",
        ),
    )
    assert "Number of troops" not in found


THREE_OUTLETS = (
    (
        "Under the accord, Norland will withdraw 2,000 troops from the frontier.",
        "The two parliaments will vote on the accord on June 18.",
    ),
    (
        "Norland is to withdraw 3,500 soldiers from the frontier under the deal.",
        "Lawmakers will vote on the accord on June 18.",
    ),
)


def test_one_pair_of_figures_is_told_once_however_many_outlets_repeat_one():
    lines = accord_difference_lines(
        *THREE_OUTLETS,
        (
            "Under the deal, Norland is to withdraw 3,500 soldiers from the frontier.",
            "Lawmakers will vote on the accord on June 18.",
        ),
    )
    assert [topic for topic, _ in lines] == ["Number of troops"]


def test_a_third_outlet_giving_one_side_in_its_own_words_joins_that_difference():
    lines = accord_difference_lines(
        *THREE_OUTLETS,
        (
            "Norland will withdraw 3,500 troops from the frontier under the deal.",
            "Parliament will vote on the accord on June 18.",
        ),
    )
    assert lines == [
        (
            "Number of troops",
            [
                ("withdraw 2,000 troops", 1),
                ("withdraw 3,500 soldiers", 2),
                ("withdraw 3,500 troops", 3),
            ],
        )
    ]


@pytest.mark.parametrize(
    "one, other",
    [
        # A plan and a result.
        (
            "Velmar Motors expects to deliver 1.8 million cars this year, its chief said.",
            "Velmar Motors delivered 1.3 million cars this year, its chief said.",
        ),
        # The same verb with the names the other way round: two counts, not one.
        (
            "Norland returned 95 prisoners to Valdoria in an exchange brokered by Arnel.",
            "Valdoria returned 75 prisoners to Norland in an exchange brokered by Arnel.",
        ),
        # Another number apart: another game, another quarter.
        (
            "Ada Kerr scored 35 points as Velmar beat Arnel in Game 3.",
            "Ada Kerr scored 27 points as Velmar beat Arnel in Game 4.",
        ),
        # Rates of other periods.
        (
            "Norland returned 200 migrants to Valdoria per week under the deal.",
            "Norland returned 500 migrants to Valdoria per month under the deal.",
        ),
        # A hearing adjourned to a new date is not one held on another.
        (
            "The court in Velmar adjourned the hearing of Ivo Marsh on March 2.",
            "The court in Velmar adjourned the hearing of Ivo Marsh to May 20.",
        ),
    ],
)
def test_alike_sentences_of_a_plan_and_a_result_or_other_sides_games_or_periods_are_no_difference(
    one, other
):
    lead = "Officials in Velmar gave the figures on Tuesday.\n"
    sources = [article(lead + one, "ledger.example"), article(lead + other, "wire.example")]
    brief = analyse(sources, load_profile("generic"))
    (differ,) = [s for s in brief.sections if s.kind == "discrepancies"]
    assert not [d.topic for d in differ.items if d.topic.startswith(("Number of", "Date of"))]


def test_names_joined_by_and_act_together_in_either_order():
    lead = "Officials in Estmark gave the figures on Monday.\n"
    # a name that opens with a capital outside A-Z ("Ölmark") is a name as much
    for name in ("Norland", "Ölmark"):
        found = differences_told(
            lead + f"{name} and Valdoria agreed on Monday to withdraw 2,000 troops each from their "
            "disputed border under a deal brokered by Estmark.",
            lead + f"Valdoria and {name} agreed on Monday to withdraw 3,500 troops each from their "
            "disputed border under a deal brokered by Estmark.",
        )
        assert found["Number of troops"] == [
            ("withdraw 2,000 troops", 1),
            ("withdraw 3,500 troops", 2),
        ]


def differences_told(*texts: str) -> dict[str, list[tuple[str, int]]]:
    """Sources differ of a story each of ``texts`` tells (one outlet each): topic → sides."""
    sources = [article(text, f"outlet{n}.example") for n, text in enumerate(texts, 1)]
    brief = analyse(sources, load_profile("generic"))
    (differ,) = [s for s in brief.sections if s.kind == "discrepancies"]
    return {d.topic: [(c.text, c.source) for c in d.claims] for d in differ.items}


def sides_told(*texts: str) -> list[str]:
    """The sides of every Sources differ line of the story ``texts`` tell, in order."""
    return [side for lines in differences_told(*texts).values() for side, _ in lines]


@pytest.mark.parametrize(
    ("other", "differs"),
    [
        (
            "Some 21,000 passengers were stranded at Velden airport on Tuesday, the operator said.",
            True,
        ),
        (
            "Some 23,450 passengers were stranded at Velden airport on Tuesday, the operator said.",
            False,
        ),
    ],
)
def test_an_about_count_differs_from_one_beyond_its_last_digits_rounding(other, differs):
    # "about 23,400" is rounded to the hundred: 21,000 is another count, 23,450 the same one.
    found = differences_told(
        "Storms stranded about 23,400 passengers at Velden airport on Tuesday, the operator said. "
        "Trains to the city were cancelled.",
        other + " Rail services were also halted.",
    )
    assert ("Number of passengers" in found) is differs


@pytest.mark.parametrize(
    ("other", "differs"),
    [
        ("There are 11.2 million registered voters.", True),
        ("There are 12 million registered voters.", False),
    ],
)
def test_a_figure_in_millions_rounds_to_its_own_decimals_in_millions(other, differs):
    # "12 million" is 12.36 million rounded to the million: one count, however many voters the
    # 0.36 million are; 11.2 million is another.
    found = differences_told(
        "Of the 12.36 million registered voters, only 4.9 million voted in Sunday's referendum on "
        "the new constitution, the electoral commission said. Turnout was the lowest since 1995.",
        "The electoral commission said 5 million people voted in Sunday's referendum on the new "
        f"constitution. {other} Turnout was the lowest since 1995.",
    )
    assert [side for lines in found.values() for side, _ in lines] == (
        ["12.36 million registered voters", other.removeprefix("There are ").rstrip(".")]
        if differs
        else []
    )


@pytest.mark.parametrize(
    "reported",
    [
        "The survey reported two magnitude 6.1 quakes on Saturday.",
        "Two 6.1 magnitude quakes struck the area on Saturday, the survey said.",
    ],
)
def test_a_magnitude_is_no_count_of_what_it_measures(reported):
    # Two quakes of magnitude 6.1 are two quakes, not 6.1 of them against another's seven.
    sides = sides_told(
        "A map on the survey's website shows seven earthquakes in the area. At least five "
        "strong earthquakes struck the town of Kesh around noon, a resident said.",
        f"{reported} A magnitude 5.8 quake in the same area of the Ardal valley caused 300 "
        "deaths in May 1998.",
    )
    assert sides == []


def test_distances_from_other_places_are_no_difference():
    # 40 km from one town and 20 miles from another place the one epicentre, not two.
    sides = sides_told(
        "The survey said the epicentre was 40 kilometres (24.8 miles) northwest of Tarsin. "
        "Rescue teams were sent from the capital.",
        "The survey said the quake was centred 20 miles north-northeast of Morvo. Rescue "
        "teams were sent from the capital.",
    )
    assert sides == []


def test_two_differences_told_in_words_are_both_told():
    # Sides told apart by their figures: two in words are not one pair because neither has digits.
    found = differences_told(
        "The survey recorded seven aftershocks in the Ardal valley on Saturday. Four villages bore "
        "the brunt of the damage, the governor said.",
        "Six aftershocks followed in the Ardal valley on Saturday, the survey said. The damage was "
        "worst in three villages, the governor said.",
    )
    assert sorted(found) == ["Number of aftershocks", "Number of villages"]


def _differences_of_days(days: tuple[str, ...], texts: tuple[str, ...]) -> list[list[str]]:
    """The sides of each Sources differ line of outlets publishing ``texts`` on ``days``."""
    sources = [
        article(text, f"outlet{n}.example", day)
        for n, (text, day) in enumerate(zip(texts, days, strict=True), 1)
    ]
    brief = analyse(sources, load_profile("generic"))
    (differ,) = [s for s in brief.sections if s.kind == "discrepancies"]
    return [[c.text for c in d.claims] for d in differ.items]


@pytest.mark.parametrize(
    ("days", "differs"),
    [
        (("2024-06-14", "2024-06-15"), False),  # the toll a day later, higher: it rose
        (("2024-06-14", "2024-06-14"), True),  # two tolls of one day
        (("2024-06-15", "2024-06-14"), True),  # the later one lower: no toll falls
    ],
)
def test_a_toll_a_later_day_gives_higher_is_one_that_rose(days, differs):
    found = _differences_of_days(
        days,
        (
            "At least 59 people were killed when a fishing boat carrying migrants capsized off "
            "Karsa, the coastguard said. Rescuers pulled 104 survivors from the sea.",
            "The capsizing of a fishing boat off Karsa killed at least 78 migrants, the "
            "coastguard said. Rescuers pulled 104 survivors from the sea.",
        ),
    )
    assert found == ([["At least 59 people were killed", "killed at least 78 migrants"]] * differs)


def test_a_depth_and_a_distance_are_told_as_what_they_measure_and_never_paired():
    day = ("2024-06-14", "2024-06-14")
    assert _differences_of_days(
        day,
        (
            "The survey said the quake was centred 18 km deep, about 33 km from Tarsin. Rescue "
            "teams were sent from the capital.",
            "The tremor originated around 27 kilometres north of Tarsin and was 24 kilometres "
            "deep. Rescue teams were sent from the capital.",
        ),
    ) == [
        ["the quake was centred 18 km deep", "was 24 kilometres deep"],
        ["about 33 km from Tarsin", "The tremor originated around 27 kilometres north of Tarsin"],
    ]
    # 26 km from a town is no depth of 24 km
    assert not _differences_of_days(
        day,
        (
            "The survey said the quake was about 26 km from the town of Morvo. Rescue teams were "
            "sent from the capital.",
            "The quake was recorded roughly 15 miles (24 kilometres) underground, the survey "
            "said. Rescue teams were sent from the capital.",
        ),
    )


@pytest.mark.parametrize(
    ("elsewhere", "topic"),
    [
        (
            "The quake killed 113 people and injured 536 in Ardal province.",
            "Number injured in Varsk",
        ),
        ("The quake was felt as far away as the capital.", "Number injured"),
    ],
)
def test_a_count_set_in_one_of_the_story_s_places_names_it(elsewhere, topic):
    # The injured of one province, beside another province's: the reader is told which.  A
    # story of one place needs no place in the line.
    found = differences_told(
        f"{elsewhere} Fourteen others were killed and 198 injured in Varsk, north of the "
        "epicentre, the agency said.",
        "In the neighbouring province of Varsk, 13 people have died and 182 were injured, local "
        f"officials said. {elsewhere}",
    )
    assert found == {topic: [("198 injured", 1), ("182 were injured", 2)]}


@pytest.mark.parametrize(
    ("first", "second", "differs"),
    [
        (
            "The magnitude 6.2 earthquake struck Ardal just before midnight, the national centre "
            "said. The survey measured the magnitude at 5.9.",
            "The quake that struck Ardal had a magnitude of 5.9, according to the survey.",
            False,
        ),
        (
            "The quake that struck Ardal was 7.2 magnitude, the national agency said, while the "
            "survey put it at 7.4.",
            "A magnitude-7.4 quake struck Ardal on Wednesday morning.",
            False,
        ),
        # with one reading each, the outlets differ
        (
            "The magnitude 6.2 earthquake struck Ardal just before midnight, the national centre "
            "said.",
            "The quake that struck Ardal had a magnitude of 5.9, according to the survey.",
            True,
        ),
    ],
)
def test_an_outlet_giving_both_agencies_magnitudes_differs_from_neither(first, second, differs):
    sides = sides_told(
        f"{first} Rescuers worked through the night.",
        f"{second} Rescuers worked through the night.",
    )
    assert bool(sides) is differs


def test_a_count_of_nouns_with_joined_adjectives_counts_the_noun():
    # "current and former customers" are customers, not a count of "current"
    assert sides_told(
        "The breach at the telecom firm Norcall exposed the personal data of 9.8 million current "
        "and former customers, the company said. Police are investigating.",
        "The breach at the telecom firm Norcall exposed the personal data of 11.2 million "
        "customers, the company said. Police are investigating.",
    ) == ["9.8 million current and former customers", "11.2 million customers"]


def test_two_shares_of_one_vote_apart_by_less_than_rounding_differ():
    # 91.2% and 91.8% are two results, told to the decimal; "hourly workers" are no rate
    assert sides_told(
        "The dockers at Portmere rejected the pay offer by 91.2% and 88% voted to strike. Talks "
        "are not scheduled.",
        "Hourly workers at Portmere rejected the pay offer with a vote of 91.8 percent and to "
        "strike with 88 percent, the union said. Talks are not scheduled.",
    ) == [
        "Portmere rejected the pay offer by 91.2%",
        "Portmere rejected the pay offer with a vote of 91.8 percent",
    ]


def test_an_outlet_giving_a_share_rounded_does_not_contest_it_with_another_share():
    # "Yes 52%, No 48%" rounds "51.9%" and "48.1%": no pairing of one side's share with the other's
    assert (
        sides_told(
            "Yes won 51.9% of the total vote in the Varnian referendum to No's 48.1% after the "
            "final count. Turnout was high.",
            "The result of the Varnian referendum is Yes 52%, No 48%. Turnout was high.",
        )
        == []
    )


def test_a_distance_from_a_place_named_after_a_comma_is_from_that_place():
    # "the capital, Tarsin" is Tarsin; a side in parentheses leaves no bracket open
    assert sides_told(
        "The men were trapped when a tunnel collapsed at the copper mine about 528 miles north of "
        "the capital, Tarsin. Rescuers are drilling.",
        "The miners have been trapped in a mine some 800 kilometers (497 miles) north of Tarsin "
        "since the shaft collapsed. Rescuers are drilling.",
    ) == [
        "the copper mine about 528 miles north of the capital, Tarsin",
        "497 miles … north of Tarsin",
    ]


def test_counts_of_two_tolls_are_no_difference():
    # the trapped are not the killed, though both are the mine's workers
    assert (
        sides_told(
            "Hopes were fading, officials said, as rescuers raced Wednesday to reach more than 200 "
            "miners trapped deep underground in a coal mine in western Varnia. The cause is "
            "unknown.",
            "Rescuers searched for survivors on Wednesday after an explosion and fire at a coal "
            "mine in western Varnia killed at least 245 workers. The cause is unknown.",
        )
        == []
    )


@pytest.mark.parametrize(
    ("days", "differs"), [(("2024-05-25", "2024-05-26"), False), (("2024-05-25",) * 2, True)]
)
def test_bodies_recovered_a_later_day_are_a_toll_that_rose(days, differs):
    found = _differences_of_days(
        days,
        (
            "Rescuers have recovered five bodies from the landslide at Yambali, officials said. "
            "Aid is on its way.",
            "Rescuers have recovered six bodies from the landslide at Yambali, officials said. "
            "Aid is on its way.",
        ),
    )
    assert found == [["recovered five bodies", "recovered six bodies"]] * differs


@pytest.mark.parametrize(
    ("first", "second", "sides"),
    [
        # a height is no length
        (
            "The flood wall built along the river at Korvik is 12 metres high, the council said.",
            "The flood wall built along the river at Korvik is 10 metres long, the council said.",
            [],
        ),
        # two lengths, each side saying so
        (
            "On the night of the crush the alley in Korvik, only 45 meters long, was packed with "
            "people.",
            "The bar stands beside the 50-meter-long alley in Korvik where the crush happened.",
            ["only 45 meters long", "bar stands beside the 50-meter-long"],
        ),
    ],
)
def test_a_distance_is_compared_only_with_one_of_its_dimension(first, second, sides):
    assert sides_told(f"{first} Police closed it.", f"{second} Police closed it.") == sides


def test_a_distance_followed_by_away_is_a_distance_within_its_rounding():
    # "241 km away" and "240 km away" are one distance, converted or rounded: no count of "away"
    assert (
        sides_told(
            "The blast was heard in Nicosia, which is 241 km away from Korvik, residents said. "
            "Windows shook.",
            "Shockwaves from the blast were felt 240 km away in Nicosia, residents said. Windows "
            "shook.",
        )
        == []
    )


@pytest.mark.parametrize(
    ("first", "second", "sides"),
    [
        # whole billions round only what is close to them: $3 billion is not $2.6 billion rounded
        (
            "Donors pledged $3 billion for the rebuilding of Korvik at the conference.",
            "Donors pledged $2.6 billion for the rebuilding of Korvik at the conference.",
            ["Donors pledged $3 billion", "Donors pledged $2.6 billion"],
        ),
        # a reporting frame's place is not the count's: no "Number injured in Geneva"
        (
            "A UN spokesman told reporters in Geneva that 198 people were injured in the quake.",
            "A UN spokesman told reporters in Geneva that 182 people were injured in the quake.",
            ["198 people were injured", "182 people were injured"],
        ),
    ],
)
def test_sides_of_reviewed_cases(first, second, sides):
    story = "The quake killed 113 people and injured 536 in Ardal province."
    found = differences_told(f"{story} {first}", f"{second} {story}")
    assert [side for lines in found.values() for side, _ in lines] == sides
    assert all(" in " not in topic for topic in found)


def test_a_name_after_a_comma_that_starts_a_clause_is_no_place():
    # "the capital, Tanor News reported": the distances are both of the capital, so they differ
    found = differences_told(
        "The epicentre lay 50 kilometres (31 miles) from the capital, Tanor News reported. Aid "
        "arrived.",
        "The epicentre lay 70 kilometres (43 miles) from Velmora, the capital. Aid arrived.",
    )
    sides = [side for lines in found.values() for side, _ in lines]
    assert "31 miles … from the capital" in sides
    assert all("(" not in side or ")" in side for side in sides)  # no bracket left open


def test_a_death_toll_that_stands_higher_a_day_later_rose():
    assert (
        _differences_of_days(
            ("2024-06-14", "2024-06-15"),
            (
                "The death toll from the sinking off Karsa stands at 59, the coastguard said. "
                "Rescuers are searching.",
                "The death toll from the sinking off Karsa stands at 78, the coastguard said. "
                "Rescuers are searching.",
            ),
        )
        == []
    )


def test_a_number_word_inside_a_larger_number_is_not_read_alone():
    # "One hundred and eleven" arrested is no count of eleven: against 14 it is no near miss.
    sides = sides_told(
        "One hundred and eleven people were arrested during Saturday's march in Korvik, "
        "police said. The march passed off largely peacefully.",
        "Police said 14 people were arrested during Saturday's march in Korvik. The march "
        "passed off largely peacefully.",
    )
    assert sides == []


def test_figures_of_one_thing_told_at_other_parts_of_a_day_still_differ():
    found = differences_told(
        "The blaze, which broke out on Friday afternoon near Tormes, has burned 6,300 hectares. "
        "Two villages were evacuated.",
        "By Sunday morning the fire that began on Friday above Tormes had burned 7,050 hectares. "
        "Firefighters from three regions joined the effort.",
    )
    assert [side for side, _ in found["Burned"]] == [
        "has burned 6,300 hectares",
        "above Tormes had burned 7,050 hectares",
    ]


@pytest.mark.parametrize(
    ("first", "differs"),
    [
        # a proposal either way; "its last working gate" is the one left, not a time; "IRC" is
        # the commission's initials
        (
            "The head of the International River Commission on Thursday proposed a truce within a "
            "12-kilometre radius of the dam to allow repairs to its last working sluice gate.",
            True,
        ),
        # a truce called is done, one proposed only planned
        (
            "The head of the International River Commission on Thursday called a truce within a "
            "12-kilometre radius of the dam.",
            False,
        ),
    ],
)
def test_two_proposals_of_one_zone_differ_and_a_proposal_and_a_deed_do_not(first, differs):
    found = differences_told(
        first + " Shelling has damaged the dam twice this month.",
        "The chief of IRC Ana Lind proposed to halt fire in a zone of 18 kilometres around the "
        "dam, so that engineers can repair the sluice gates. Residents downstream were warned.",
    )
    assert ("Dam (distance)" in found) is differs  # the dam both name by the figure


def test_a_country_and_its_people_or_a_share_beside_a_rivals_name_one_account():
    # "Valdoria" and "Valdorian" name one doer; the figure's clause is found by its figure when
    # the side's words run over a comma ("Porto Lindo, winning 53.6 percent").
    found = differences_told(
        "Valdoria's minimum wage will rise to €1,310 a month from 1 March, the labour minister "
        "announced on Monday. Mayor Ines Corra won re-election in Porto Lindo on Sunday with "
        "51.2% of the vote, according to final results.",
        "From 1 March, Valdorian workers on the minimum wage will earn €1,390 a month, the labour "
        "minister said on Monday. Ines Corra secured a second term as mayor of Porto Lindo, "
        "winning 53.6 percent of the vote against 40.1 percent for Luis Abad, the election board "
        "said on Monday.",
    )
    sides = {side for lines in found.values() for side, _ in lines}
    assert {"€1,310", "€1,390", "51.2%", "53.6 percent"} <= {
        figure for side in sides for figure in re.findall(r"€[\d,]+|[\d.]+(?:%| percent)", side)
    }


def test_alike_sentences_giving_one_count_differently_by_other_words_differ():
    # "rescuers" and "rescue personnel": a body of people counted by another word; every other
    # figure of the two sentences alike, neither outlet giving the other's count.
    found = differences_told(
        "More than 300 rescuers were searching the collapsed hotel in Brava on Monday, the civil "
        "protection agency said. Two guests were pulled out alive.",
        "Roughly 220 rescue personnel are working at the collapsed Brava hotel on Monday, the "
        "civil protection agency said. Cranes arrived from the capital.",
    )
    assert found == {
        "Number of rescuers": [("More than 300 rescuers", 1), ("Roughly 220 rescue personnel", 2)]
    }


@pytest.mark.parametrize(
    ("texts", "sides"),
    [
        # "jobs" and "positions", "runners" and "participants": words only loosely alike, which the
        # rest of two alike sentences says count one thing
        (
            (
                "Toolmaker Brennwald will cut 1,200 jobs at its factory in Ostrau by the end of "
                "next year, the firm said on Monday.",
                "Brennwald will cut about 1,700 positions at its Ostrau factory by the end of next "
                "year, the firm said on Monday.",
            ),
            ("cut 1,200 jobs", "cut about 1,700 positions"),
        ),
        (
            (
                "About 9,000 runners took part in the Lindau half-marathon on Sunday, the "
                "organisers said.",
                "More than 12,000 participants took part in the Lindau half-marathon on Sunday, "
                "the organisers said.",
            ),
            ("About 9,000 runners took part", "More than 12,000 participants took part"),
        ),
    ],
)
def test_alike_sentences_counting_one_thing_by_loosely_alike_words_differ(texts, sides):
    assert [tuple(side for side, _ in lines) for lines in differences_told(*texts).values()] == [
        sides
    ]


@pytest.mark.parametrize(
    ("texts", "found"),
    [
        # a date told by other verbs, and an age in years: no reader of a kind of figure pairs
        # them, the words around each number say they are one thing
        (
            (
                "The agency said the research satellite would be launched on 14 May from the "
                "northern spaceport, after repairs to its antenna.",
                "The research satellite will lift off from the northern spaceport on 21 May, the "
                "agency announced, following repairs to its antenna.",
            ),
            {"Date given": [("launched on 14 May", 1), ("northern spaceport on 21 May", 2)]},
        ),
        (
            (
                "Divers have found a shipwreck about 1,200 years old off the Brava coast, the "
                "heritage office said on Monday.",
                "A shipwreck dating back some 900 years has been found off the Brava coast, the "
                "heritage office said on Monday.",
            ),
            {
                "Figure given": [
                    ("shipwreck about 1,200 years old", 1),
                    ("dating back some 900 years", 2),
                ]
            },
        ),
        # "may" inside a sentence is a verb, not the month: a count, not a date
        (
            (
                "Officials said 12 people may have died in the fire at the Orla depot on Monday, "
                "the police said.",
                "Officials said 15 people may have died in the fire at the Orla depot on Monday, "
                "police said.",
            ),
            {"Figure given": [("Officials said 12 people", 1), ("Officials said 15 people", 2)]},
        ),
        # alike but for one number each, of other things: the injured and the missing
        (
            (
                "An earthquake struck the Tarn valley on Friday, killing 9 people and injuring at "
                "least 52, the civil protection agency said.",
                "Rescuers were searching on Friday for 37 people still missing after an "
                "earthquake hit the Tarn valley, killing 9, the civil protection agency said.",
            ),
            {},
        ),
    ],
)
def test_alike_sentences_apart_by_one_number_no_figure_reader_reads(texts, found):
    assert differences_told(*texts) == found


def test_of_two_counts_the_one_counting_what_the_other_sentence_counts_is_paired():
    # "passengers" and "crew" against "travellers": two counts of one kind on one side, of
    # which only the passengers may be the travellers; the crew is another count.
    found = differences_told(
        "All 312 passengers and 48 crew were taken off the burning ferry Aster by lifeboat on "
        "Friday, the coastguard said.",
        "Some 450 travellers were taken off the burning ferry Aster by lifeboat on Friday, the "
        "coastguard said.",
    )
    assert [[side for side, _ in lines] for lines in found.values()] == [
        ["312 passengers", "Some 450 travellers"]
    ]


@pytest.mark.parametrize(
    "texts",
    [
        # tonnes of another substance
        (
            "About 1,600 tonnes of fuel oil and 140 tonnes of diesel remain on board the stranded "
            "carrier, the authority said. Salvors are on their way.",
            "The authority estimates that 180 tonnes of fuel oil have escaped from the stranded "
            "carrier, while 1,600 tonnes remain on board. Salvors are on their way.",
        ),
        # members and ships are other things, however alike the sentences
        (
            "Operation Seawall, launched by the eight members of the northern alliance, will place "
            "warships along the cables in the strait. The ministers met in Oslo.",
            "In total 11 ships from the member countries will take part in Operation Seawall "
            "along the cables, the ministry said. The ministers met in Oslo.",
        ),
    ],
)
def test_alike_sentences_counting_other_things_are_no_difference(texts):
    assert differences_told(*texts) == {}


@pytest.mark.parametrize(
    ("texts", "expected"),
    [
        (
            (
                "A dozen miners are trapped 300 metres underground at the Orlo mine after a roof "
                "fall, the company said. Rescuers made contact with them.",
                "Rescuers are trying to reach nine miners trapped 300 metres underground at the "
                "Orlo mine after a roof fall, the company said. Air is being pumped in.",
            ),
            {"Number of miners": [("A dozen miners", 1), ("reach nine miners trapped", 2)]},
        ),
        (
            (
                "Gunmen freed two dozen hostages near Koyam on Saturday, nine days after seizing "
                "their bus, police said. The gunmen escaped.",
                "Gunmen released 18 hostages near Koyam on Saturday, nine days after seizing their "
                "bus, police said. The gunmen escaped.",
            ),
            {
                "Number of hostages": [
                    ("freed two dozen hostages near Koyam", 1),
                    ("released 18 hostages near Koyam", 2),
                ]
            },
        ),
        (  # a dozen is 12
            (
                "A dozen miners are trapped 300 metres underground at the Orlo mine after a roof "
                "fall, the company said. Rescuers made contact with them.",
                "Rescuers are trying to reach 12 miners trapped 300 metres underground at the "
                "Orlo mine after a roof fall, the company said. Air is being pumped in.",
            ),
            {},
        ),
    ],
)
def test_counts_in_dozens_are_read_as_their_number(texts, expected):
    assert differences_told(*texts) == expected


def test_a_place_named_before_a_figure_is_not_who_does_what_it_counts():
    # "in northern Valdoria" says where the fire burned, not who: the two outlets' areas are
    # one fire's, told differently.
    found = differences_told(
        "A wildfire in the hills above Carvela in northern Valdoria has burned 7,300 hectares "
        "since it broke out on Tuesday, officials said. Two villages were evacuated.",
        "The burned area around Carvela now stands at 9,100 hectares, according to the civil "
        "protection authority. Water bombers flew all day.",
    )
    assert [side for side, _ in found["Burned (area)"]] == [
        "northern Valdoria has burned 7,300 hectares",
        "Carvela now stands at 9,100 hectares",
    ]


def test_a_share_whose_party_closes_an_aside_is_told_by_the_party_and_the_figures_clause():
    # "… the Civic Union (CU), has won the election, securing 31.2%": the side reads as the
    # party, then the clause that gives its figure, not "Civic Union (CU), has won …"
    assert sides_told(
        "Projections put the Civic Union of Marta Lind at around 30.5% of the vote on Sunday "
        "night.",
        "Norland's ruling alliance, made up of the Farmers League and the Civic Union (CU), has "
        "won the election, securing 31.2% of the vote, the election board said on Monday.",
    ) == [
        "Civic Union of Marta Lind at around 30.5% of the vote",
        "Civic Union (CU) … securing 31.2% of the vote",
    ]


def test_a_toll_an_agency_puts_at_a_count_meets_a_count_of_the_killed():
    found = differences_told(
        "A magnitude 5.9 earthquake struck Oltava province early on Monday, flattening houses in "
        "three villages. By nightfall the emergency agency put the toll at 29, with 130 people "
        "injured. Rescue teams from the capital arrived in the afternoon.",
        "At least 41 people were killed when a 5.9-magnitude quake hit Oltava province early on "
        "Monday, the regional governor said. He said 130 people had been injured. Schools will "
        "stay shut until Friday.",
    )
    assert found == {
        "Number killed": [("put the toll at 29", 1), ("At least 41 people were killed", 2)]
    }
    # a toll that is a sum is no count of the dead
    assert not differences_told(
        "Economists put the toll at $3 billion, the finance ministry said on Monday.",
        "The finance ministry said on Monday that at least 41 people were killed in the quake.",
    )


def test_a_toll_an_article_updates_is_told_by_its_latest_count():
    # The second article gives the earlier count only as such, beside one the first allows.
    told = (
        "Rescuers dug through the night in Oltava province, where the quake has killed more than "
        "1,300 people, officials said on Sunday. Aid flights landed in the capital.",
        "At least 1,322 people died in the quake, officials said on Sunday evening; previously "
        "the death toll was put at 1,208. Aid flights landed in the capital.",
    )
    assert "Number killed" not in differences_told(*told)
    # without the latest count, the two tolls differ
    assert "Number killed" in differences_told(
        told[0],
        "Officials said on Sunday that the death toll was 1,208. Aid flights landed in the "
        "capital.",
    )


def test_a_count_of_half_a_million_is_500000():
    vaccinated = (
        "Health workers vaccinated {} children against measles in Norland last week, the "
        "ministry said."
    )
    assert differences_told(vaccinated.format("half a million"), vaccinated.format("380,000")) == {
        "Number of children": [
            ("vaccinated half a million children", 1),
            ("vaccinated 380,000 children", 2),
        ]
    }
    assert not differences_told(vaccinated.format("half a million"), vaccinated.format("500,000"))


def test_a_plants_capacity_given_in_other_units_differs():
    # gigawatts and megawatts are one kind of measure; "GW" after the figure names no one
    assert sides_told(
        "The Halden-2 gas-fired power station in Norvia, with a capacity of 1.4 GW, will be shut "
        "down by 2031, the energy ministry said on Friday.",
        "Norvia will close the 1,100-megawatt Halden-2 gas plant by 2031, the energy ministry "
        "announced on Friday.",
    ) == [
        "with a capacity of 1.4 GW",
        "Norvia will close the 1,100-megawatt",
    ]
    # the same capacity, one outlet in gigawatts and one in megawatts, is no difference
    assert not differences_told(
        "The Halden-2 gas-fired power station, with a capacity of 1.1 GW, will be shut down by "
        "2031, the energy ministry said on Friday.",
        "Norvia will close the 1,100-megawatt Halden-2 gas plant by 2031, the energy ministry "
        "announced on Friday.",
    )


@pytest.mark.parametrize(
    "texts",
    [
        # "more than 120" is 126 rounded down to the ten
        (
            "Authorities in Tarvo imposed a curfew after three nights of rioting, the ministry "
            "said on Sunday. More than 120 people have been arrested, police said.",
            "A curfew came into force in Tarvo on Sunday following three nights of unrest. Police "
            "said 126 people had been arrested.",
        ),
        # the rate before the rise is not the rate after it
        (
            "The Bank of Estria raised its policy rate by a quarter point to 4.5% on Wednesday, "
            "its highest level in a decade. Inflation was 3.9% in May.",
            "Estria's central bank lifted its policy rate on Wednesday from 4.25 per cent, its "
            "sixth increase in a row. Inflation was 3.9 per cent in May.",
        ),
        # nor is the price before it
        (
            "From Monday drivers in Ostra will pay €2.05 for a litre of diesel, the regulator "
            "said. Queues formed at stations.",
            "The previous price of €1.88 for a litre of diesel in Ostra had been in place since "
            "June, the regulator said. Hauliers protested.",
        ),
        # a threshold is what is needed, not what there is
        (
            "Turnout in Sunday's referendum in Orsa stood at 58.3%, the commission said on Monday, "
            "above the 50% threshold needed for the result to count. Voters backed the draft.",
            "The referendum in Orsa was valid with a participation of 58%, the commission said. "
            "Voters backed the draft.",
        ),
        # nor is a capacity
        (
            "Hospitals in Kelby were treating 340 patients with influenza on Monday, the health "
            "authority said. Two temporary wards were opened.",
            "With capacity for 400 patients in its wards, Kelby's hospital network is close to its "
            "limit, the health authority said on Monday. Two temporary wards were opened.",
        ),
    ],
)
def test_a_rounded_bound_an_earlier_value_or_a_limit_is_no_difference(texts):
    assert differences_told(*texts) == {}


def test_sums_of_one_thing_a_third_apart_differ():
    found = differences_told(
        "Kidnappers who seized a shipping executive in Porto Vell have demanded a ransom of $4.5 "
        "million, police said on Friday. The executive was taken from his car.",
        "The criminals ask 6 million dollars in bitcoin for the executive taken in Porto Vell, "
        "police said on Friday. His family has appealed for calm.",
    )
    assert found == {
        "Ransom (USD)": [
            ("demanded a ransom of $4.5 million", 1),
            ("The criminals ask 6 million dollars", 2),
        ]
    }


def test_of_four_sums_the_two_that_disagree_as_bounded_are_told():
    # "over $32.5bn" is $33.3bn too and "about $33bn" $33.3bn rounded: only the two exact sums
    # disagree, though the first pair in value order (32.5 and 32.8) tells other things.
    found = differences_told(
        "Shares of Halvard Homes fell on Monday after a court in Velden ordered the developer, "
        "which has over $32.5bn of debt, wound up. Creditors had sought the order since 2022.",
        "Judge Mara Lind ordered Halvard Homes, which failed to restructure its US$32.8 billion "
        "of debt, to be wound up on Monday in Velden. The developer can still appeal.",
        "The ruling in Velden on Monday makes Halvard Homes, carrying $33.3 billion of debt, "
        "the largest developer wound up in the country. Trading in its shares was halted.",
        "Halvard Homes, with debt of about $33 billion, was ordered wound up by a court in "
        "Velden on Monday, the company said. Its chairman has resigned.",
    )
    assert [sorted(v for _, v in claims) for claims in found.values()] == [[2, 3]]


def test_a_share_above_a_bound_and_a_sum_converted_otherwise_are_no_differences():
    assert (
        differences_told(
            "Shares of Halvard Homes fell by more than 20% in Velden on Monday after a court "
            "ordered the developer wound up. Trading was later halted.",
            "Shares of Halvard Homes tumbled 21% in Velden on Monday after a court ordered the "
            "developer wound up, before trading was halted.",
        )
        == {}
    )
    assert (
        differences_told(
            "The regulator fined Ostal €4.34 billion ($5.04 billion) on Wednesday for abusing its "
            "dominance in search, the largest fine it has imposed.",
            "Ostal was fined a record $5.1 billion (€4.34 billion) by the regulator on Wednesday "
            "for abusing its dominance in search.",
        )
        == {}
    )


def test_times_of_one_event_given_to_the_minute_differ_on_one_clock_only():
    found = differences_told(
        "A cargo plane crashed on landing at Velden airport on Sunday. The crash happened at "
        "7.42am local time (5.42am GMT), the airport operator said.",
        "The cargo plane crashed on landing at Velden airport, killing both pilots. The crash "
        "happened at 7:48 a.m. local time, the airport operator said.",
    )
    assert [sorted(text for text, _ in claims) for claims in found.values()] == [
        ["The crash happened at 7.42am local time", "The crash happened at 7:48 a.m. local time"]
    ]
    # a time on the hour may be one rounded; a take-off and a crash are two events
    assert (
        differences_told(
            "A cargo plane crashed on landing at Velden airport on Sunday at 8 a.m., the "
            "airport operator said.",
            "The cargo plane crashed on landing at Velden airport on Sunday at 8:04 a.m., the "
            "airport operator said.",
        )
        == {}
    )


def test_sums_of_one_thing_twice_apart_differ_with_the_code_glued_to_the_figure():
    # "CHF40" is a sum, not a name: read as one, it made the two sentences two doers' sums.
    found = differences_told(
        "The Alpina National Bank (ANB) will smooth the merger by providing CHF40 billion ($43 "
        "billion) in liquidity to Vetra and Ostal during the takeover. Shareholders get no vote.",
        "The Alpina National Bank is also providing Ostal and Vetra with emergency liquidity "
        "assistance totalling CHF 80 billion. Shareholders get no vote.",
    )
    assert [sorted(claims) for claims in found.values()] == [
        [
            ("emergency liquidity assistance totalling CHF 80 billion", 2),
            ("the merger by providing CHF40 billion", 1),
        ]
    ]


def test_a_share_of_the_whole_country_is_the_share_given_with_no_place():
    # Of the figures each sentence gives alone, one pair is of one kind (the voters are a count).
    found = differences_told(
        "Turnout was 64 percent of about 310,000 registered voters, the electoral commission said. "
        "Counting on the outer islands was slowed by storms.",
        "According to the electoral commission, the turnout in the whole country was 69 percent. "
        "Queues formed early at polling stations.",
    )
    assert found == {
        "Turnout (percentage)": [("Turnout was 64 percent", 1), ("whole country was 69 percent", 2)]
    }


def test_a_length_of_time_two_alike_sentences_give_differently_differs():
    found = differences_told(
        "The fishermen from Sorra spent about 30 hours adrift in the gulf before a coastguard "
        "cutter found them, the port authority said. All four were in good health.",
        "The four Sorra fishermen were adrift in the gulf for some 40 hours before the coastguard "
        "found them, the port authority said. Their engine had failed.",
    )
    assert found == {
        "Duration": [
            ("fishermen from Sorra spent about 30 hours", 1),
            ("in the gulf for some 40 hours", 2),
        ]
    }


def test_the_same_two_figures_found_between_other_outlets_are_one_line():
    # 80 against 110, by [1] and [3] as missiles, by [2] and [4] as interceptors: one difference.
    found = differences_told(
        "Norland has delivered two air-defence systems to Valdoria, the government said on "
        "Tuesday, along with 80 interceptor missiles. The systems will guard the capital.",
        "The batteries arrived with around 80 interceptors, the Valdorian defence minister said "
        "on Tuesday. The systems will guard the capital.",
        "Two new air-defence systems from Norland arrived in Valdoria with 110 missiles, the "
        "government said on Tuesday. The systems will guard the capital.",
        "Roughly 110 interceptors accompanied the new batteries from Norland, officials said on "
        "Tuesday. The systems will guard the capital.",
    )
    assert [[source for _, source in sides] for sides in found.values()] == [[1, 2, 3, 4]]


def test_a_section_with_a_leading_candidate_is_not_left_out_for_length():
    # Five developments fill the budget; the Outlook's one candidate, third most salient of the
    # story, reads as told by them (their words) and is passed over, yet it is the Outlook's
    # first fact: it takes the place of the development chosen last rather than the Outlook
    # saying "Left out for length".
    from briefgen.analyse.items import Candidate, select
    from briefgen.analyse.sections import Placement
    from briefgen.model import Evidence

    texts = [
        *(
            f"Norland and Valdoria agreed a tariff of {rate} percent on farm goods on Monday."
            for rate in (10, 11, 12, 13, 14)
        ),
        "Norland and Valdoria will set a tariff on farm goods in the coming weeks.",
        *(f"Farmers in Norland held {n} meetings in the spring." for n in range(2, 8)),
    ]
    sections = ["developments"] * 5 + ["outlook"] + ["developments"] * 6
    saliences = [3.0, 2.9, 2.8, 2.7, 2.6, 2.85] + [0.1] * 6
    found = [
        Candidate(
            text,
            [Evidence(1 + n % 2, text)],
            n,
            placement=Placement(section, 1.0, 1.0),
            sources=[1 + n % 2],
            salience=salience,
            row=n,
        )
        for n, (text, section, salience) in enumerate(zip(texts, sections, saliences))
    ]
    budget = 5 * (found[0].words + 1)
    chosen = select(found, embed(texts), load_profile("generic"), budget)
    assert [c.section for c in chosen] == ["developments"] * 4 + ["outlook"]
    assert sum(c.words + 1 for c in chosen) <= budget
    # one whose sentence a chosen bullet already tells is not told twice
    found[5].evidence = list(found[0].evidence)
    chosen = select(found, embed(texts), load_profile("generic"), budget)
    assert [c.section for c in chosen] == ["developments"] * 5
