"""Similar signals score as scikit-learn's TF-IDF says, whether or not the texts were seen before."""

import pytest
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics.pairwise import cosine_similarity

from signals import similarity
from signals.privacy import text_for_matching

TEXTS = [
    "Gift van familie leidt tot terugvordering van de bijstand",
    "Een cliënt kreeg geld van zijn zus en moet nu de uitkering terugbetalen.",
    "Gift van familie: terugvordering bijstand, cliënt moet terugbetalen",
    "",  # no n-grams at all
    "a b c",  # words shorter than an n-gram
    "Kinderopvangtoeslag teruggevorderd na een kleine fout in de opgave van uren",
    "kinderopvangtoeslag kinderopvangtoeslag kinderopvangtoeslag",  # repeated: sublinear tf
    "Huurtoeslag stopt   omdat de  huur  €1,00 te hoog is\n(met tabs\tertussen)",
    "Gift van familie leidt tot terugvordering van de bijstand",  # the first text again
]


def reference_cosines(texts):
    """The definition: the vectorizer fitted on the texts, then the cosine of the first with the rest."""
    matrix = TfidfVectorizer(**similarity.VECTORIZER).fit_transform(texts)
    return cosine_similarity(matrix[0], matrix[1:]).ravel()


@pytest.mark.parametrize("first", range(len(TEXTS)))
def test_scores_equal_scikit_learns_tfidf_cosine_cold_and_cached(first):
    """Does every text, compared with all the others, score as the vectorizer does, on first sight and from the cache?"""
    texts = [TEXTS[first], *TEXTS[:first], *TEXTS[first + 1 :]]
    similarity._counts.clear()
    expected = reference_cosines(texts)
    assert similarity._tfidf_cosines(texts) == pytest.approx(expected, abs=1e-12)
    assert similarity._tfidf_cosines(texts) == pytest.approx(expected, abs=1e-12)  # now every text is cached


def test_scores_do_not_depend_on_what_the_cache_saw_before():
    """Is a set's score the same after the cache filled (and emptied) with other sets?"""
    similarity._counts.clear()
    expected = reference_cosines(TEXTS[:4])
    small = similarity._Counts(texts=3, vocabulary=50)
    original, similarity._counts = similarity._counts, small
    try:
        for start in range(len(TEXTS) - 3):
            similarity._tfidf_cosines(TEXTS[start : start + 4])
        assert similarity._tfidf_cosines(TEXTS[:4]) == pytest.approx(expected, abs=1e-12)
    finally:
        similarity._counts = original


def test_a_kept_candidate_set_scores_every_text_compared_to_it_as_the_vectorizer_does():
    """With one set of candidates kept, does each text compared to it (new n-grams, repeats, none,
    a candidate's own text) score as the vectorizer fitted on that text and the set?"""
    candidates = TEXTS[1:6]
    similarity._counts.clear()
    similarity._sets.clear()
    for text in [TEXTS[0], "Nieuwe woorden: zorgverzekering en eigen risico", "", *candidates, TEXTS[6], TEXTS[7]]:
        scores = similarity._sets.cosines(text, "the set", lambda: candidates)
        assert scores == pytest.approx(reference_cosines([text, *candidates]), abs=1e-12), text
    assert len(similarity._sets.sets) == 1


def test_a_kept_set_is_built_again_when_the_ngram_ids_start_over():
    """After the n-gram cache started over (new ids), is a kept set rebuilt instead of misread?"""
    candidates = TEXTS[1:6]
    small = similarity._Counts(texts=50, vocabulary=400)
    original, similarity._counts = similarity._counts, small
    similarity._sets.clear()
    try:
        similarity._sets.cosines(TEXTS[0], "the set", lambda: candidates)
        similarity._counts(["Een heel andere tekst over zorgverzekering, eigen risico en de huurtoeslag " * 3])
        similarity._counts(["Nog meer nieuwe woorden: kinderbijslag, studiefinanciering, kraamzorg"])
        assert small.generation > 1  # the vocabulary outgrew its limit and was cleared
        scores = similarity._sets.cosines(TEXTS[7], "the set", lambda: candidates)
        assert scores == pytest.approx(reference_cosines([TEXTS[7], *candidates]), abs=1e-12)
    finally:
        similarity._counts = original
        similarity._sets.clear()


def test_similar_signals_are_those_the_vectorizer_ranks_above_the_threshold(db, make_signal, make_user):
    """Does the detail page's list hold the signals, scores and regulation hints the TF-IDF definition gives?"""
    target = make_signal(title="Gift van familie leidt tot terugvordering", regulations=["BWBR0015703"])
    others = [
        make_signal(title="Gift van familie leidt tot terugvordering bijstand", regulations=["BWBR0015703"]),
        make_signal(title="Familie gaf geld, gemeente vordert bijstand terug", regulations=[]),
        make_signal(
            title="Kinderopvangtoeslag teruggevorderd",
            description="Een kleine fout in de opgave van uren kost de ouder duizenden euro's.",
            regulations=[],
        ),
        make_signal(title="Huurtoeslag stopt", description="De huur is een euro te hoog.", regulations=[]),
    ]
    db.session.commit()
    coordinator = make_user("coordinator", "BZK")

    found = similarity.find_similar(db.session, coordinator, target, limit=10)

    candidates = sorted(others, key=lambda s: s.created_at, reverse=True)
    texts = [text_for_matching(f"{s.title} {s.description}", already_masked=True) for s in [target, *candidates]]
    scores = reference_cosines(texts)
    expected = []
    for candidate, score in zip(candidates, scores, strict=True):
        same = bool({link.regulation_id for link in candidate.regulation_links} & {link.regulation_id for link in target.regulation_links})
        value = score + (0.1 if same else 0.0)
        if value >= similarity.MIN_SCORE:
            expected.append((candidate.id, round(float(min(1.0, value)), 3), same))
    expected.sort(key=lambda item: item[1], reverse=True)
    assert [(s.signal.id, s.score, s.same_regulation) for s in found] == expected
    assert found and found[0].signal.id == others[0].id and found[0].same_regulation
    assert all(s.signal.title for s in found)  # whole signals, for the page
