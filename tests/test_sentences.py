from briefgen.analyse.sentences import split_sentences


def test_abbreviations_initials_decimals_and_quotes_do_not_split():
    text = (
        "Mr. Trump met Dr. Smith on Jan. 5 in Washington. Growth was 3.5 percent. "
        'J. R. Smith said "It went well." Then he left! Was it good? Yes.'
    )
    assert split_sentences(text) == [
        "Mr. Trump met Dr. Smith on Jan. 5 in Washington.",
        "Growth was 3.5 percent.",
        'J. R. Smith said "It went well."',
        "Then he left!",
        "Was it good?",
        "Yes.",
    ]


def test_sentences_keep_every_character():
    text = "The U.S. and the U.K. agreed. “We are ready,” she said. It ended."
    parts = split_sentences(text)
    assert parts == ["The U.S. and the U.K. agreed.", "“We are ready,” she said.", "It ended."]
    assert " ".join(parts) == text


def test_an_ellipsis_inside_a_quotation_does_not_end_the_sentence():
    text = (
        'The mayor called it "a big day for the valley and... Northern towns". '
        "Then she left... Rain fell."
    )
    assert split_sentences(text) == [
        'The mayor called it "a big day for the valley and... Northern towns".',
        "Then she left...",
        "Rain fell.",
    ]


def test_an_outlet_named_by_its_web_address_does_not_end_a_sentence():
    text = (
        "“We stand with you,” the minister said, Harbour.Az reports. "
        "It rained in Arlen.The port closed.In the end, it reopened."
    )
    assert split_sentences(text) == [
        "“We stand with you,” the minister said, Harbour.Az reports.",
        "It rained in Arlen.",
        "The port closed.",
        "In the end, it reopened.",
    ]


def test_paragraphs_glued_at_a_quotation_mark_split():
    # A page whose paragraphs lost the space between them: the break falls after a closing
    # curly mark or before an opening one, and each sentence keeps its own marks.
    text = (
        "The ministry said “we are ready.”The port reopened on Monday. "
        "The ferry left at dawn.“We are relieved,” a driver said. "
        'Straight marks say nothing: he said "go."Then it ended.'
    )
    assert split_sentences(text) == [
        "The ministry said “we are ready.”",
        "The port reopened on Monday.",
        "The ferry left at dawn.",
        "“We are relieved,” a driver said.",
        'Straight marks say nothing: he said "go."Then it ended.',
    ]
