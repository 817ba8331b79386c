"""The ministry classifier, the combination with the lexicon, and the figures routing evaluate reports."""

from __future__ import annotations

import io
from collections import Counter
from pathlib import Path

import pytest
from sqlalchemy import select

from signals.classifier import (
    Example,
    clean_text,
    group_folds,
    read_examples,
    score,
    source_weights,
    train_classifier,
    tune_threshold,
)
from signals.learning import load_corpus
from signals.routing import get_classifier, route_by_text


def test_privacy_placeholders_are_never_read():
    assert clean_text("Cliënt [BSN] kreeg  een brief van [NAAM]") == "Cliënt kreeg een brief van"


def test_reading_examples_maps_retired_ministries_and_names_bad_rows():
    csv_text = "text,lead_ministry,co_ministries,source\nDe subsidie voor mijn bedrijf stopte,EZ,FIN,doc-1\n"
    examples = read_examples(io.StringIO(csv_text), lambda code: {"EZ": "EZK", "FIN": "FIN"}.get(code))
    assert examples == [Example("De subsidie voor mijn bedrijf stopte", "EZK", ("FIN",), "doc-1", None)]
    with pytest.raises(ValueError, match="regel 2"):
        read_examples(io.StringIO("text,lead_ministry\nTekst,XYZ\n"), lambda code: None)
    with pytest.raises(ValueError, match="lead_ministry"):
        read_examples(io.StringIO("tekst,ministerie\nTekst,SZW\n"))


def test_score_counts_samenloop_coverage_and_the_baseline():
    examples = [
        Example("a", "SZW", source="1"),
        Example("b", "SZW", ("FIN",), source="2", names_rule=False),
        Example("c", "VWS", source="3", names_rule=False),
        Example("d", "SZW", source="4"),
    ]
    predictions = [("SZW", 0.9), ("FIN", 0.8), ("SZW", 0.4), (None, 0.0)]
    result = score(examples, predictions, threshold=0.5)
    assert (result.total, result.correct) == (4, 2)  # FIN is co-responsible on the second
    assert (result.routed, result.routed_correct) == (2, 2)
    assert result.coverage == 0.5 and result.auto_precision == 1.0
    assert result.unnamed_accuracy == 0.5
    assert result.majority_class == "SZW" and result.baseline_accuracy == 0.75
    assert result.per_ministry["SZW"] == {"support": 3, "recall": pytest.approx(1 / 3, abs=1e-4), "precision": 0.5}
    assert result.confusion["SZW"]["-"] == 1


def test_threshold_is_the_lowest_that_keeps_automatic_routes_precise():
    examples = [Example(str(i), "SZW", source=str(i)) for i in range(6)]
    predictions = [("SZW", 0.95), ("SZW", 0.9), ("SZW", 0.8), ("VWS", 0.7), ("SZW", 0.6), ("VWS", 0.5)]
    threshold = tune_threshold(examples, predictions, target=0.75)
    routed = score(examples, predictions, threshold)
    assert threshold == 0.6
    assert routed.auto_precision >= 0.75 and routed.routed == 5


def test_threshold_keeps_its_precision_with_close_and_tied_confidences():
    examples = [Example(str(i), "SZW", source=str(i)) for i in range(3)]
    # a threshold rounded to 0.846 would also route the wrong 0.8461
    close = [("SZW", 0.95), ("SZW", 0.8464), ("VWS", 0.8461)]
    threshold = tune_threshold(examples, close, target=1.0)
    assert score(examples, close, threshold).auto_precision == 1.0 and score(examples, close, threshold).routed == 2
    # two texts at the same confidence are routed together: the wrong one would come along
    tied = [("SZW", 0.9), ("SZW", 0.8), ("VWS", 0.8)]
    threshold = tune_threshold(examples, tied, target=1.0)
    assert threshold == 0.9 and score(examples, tied, threshold).routed == 1


def test_folds_hold_out_whole_sources():
    corpus = load_corpus()
    for train, test in group_folds(corpus, 5):
        assert not {corpus[i].source for i in train} & {corpus[i].source for i in test}


def test_a_source_with_many_rows_teaches_less_per_row_and_the_corpus_keeps_its_weight():
    rows = [Example(f"tekst {i}", "SZW", source="veel") for i in range(4)] + [Example("een tekst", "FIN", source="een")]
    weights = source_weights(rows, 0.5)
    assert sum(weights) == pytest.approx(len(rows))  # the corpus as a whole weighs as many rows as it has
    assert weights[0] == weights[3] and weights[4] == pytest.approx(2 * weights[0])  # 4 rows: half a row each
    assert source_weights(rows, 1.0)[4] == pytest.approx(sum(source_weights(rows, 1.0)[:4]))  # power 1: sources alike
    assert source_weights(rows, 0) == [1.0] * 5


def test_training_weighs_corpus_rows_by_source_and_keeps_reference_and_decisions_at_their_weight(monkeypatch):
    from signals.classifier import REFERENCE_WEIGHT, MinistryModel

    seen = {}

    def capture(self, texts, labels, weights=None):
        seen.update(texts=list(texts), weights=list(weights))
        raise StopIteration

    monkeypatch.setattr(MinistryModel, "fit", capture)
    rows = [Example("boete na te laat betalen", "FIN", source="a"), Example("boete door de bank", "FIN", source="a"),
            Example("bijstand gekort", "SZW", source="b")]
    with pytest.raises(StopIteration):
        train_classifier(rows, [], decisions=[("een besluit van een persoon", "BZK")])
    assert seen["weights"][:3] == pytest.approx(source_weights(rows))
    assert seen["weights"][0] < seen["weights"][2]
    assert seen["texts"][-1] == "een besluit van een persoon" and seen["weights"][-1] == 1.0
    assert all(w == REFERENCE_WEIGHT for w in seen["weights"][3:-1])


def test_corpus_covers_all_twelve_ministries_mostly_without_naming_a_rule(db):
    corpus = load_corpus(db.session)
    assert len(corpus) >= 600
    assert {e.ministry for e in corpus} == {"AZ", "BZ", "BZK", "DEF", "EZK", "FIN", "IENW", "JENV", "LVVN", "OCW", "SZW", "VWS"}
    assert sum(e.names_rule is False for e in corpus) >= len(corpus) / 2
    assert all(e.source for e in corpus)


@pytest.mark.parametrize(
    ("text", "ministry"),
    [
        ("De bus neemt geen contant geld meer aan en mijn cliënt heeft geen bankpas.", "IENW"),
        ("Mijn cliënt merkte dat zijn paspoort verliep en kan pas over weken terecht bij de gemeente.", "BZK"),
        ("Melkveehouder moet koeien wegdoen omdat hij te veel mest heeft voor zijn grond.", "LVVN"),
        ("Veteraan met PTSS wordt van loket naar loket gestuurd na zijn uitzending.", "DEF"),
        ("Ouders krijgen een boete omdat ze hun kind een week voor de vakantie van school hielden.", "OCW"),
    ],
)
def test_situations_without_a_named_law_reach_their_ministry(db, text, ministry):
    decision = route_by_text(db.session, text, threshold=0.0)
    assert decision.ministry == ministry, decision.explanation


def test_a_named_law_decides_and_is_attached_with_its_words(db):
    decision = route_by_text(db.session, "Cliënt in de bijstand moet een gift van haar moeder terugbetalen.", threshold=0.0)
    assert decision.ministry == "SZW"
    assert decision.regulations == ["BWBR0015703"]
    assert "bijstand" in decision.explanation


def test_no_regulation_without_evidence_in_the_text(db):
    decision = route_by_text(db.session, "Oudere vrouw snapt het in- en uitchecken niet en betaalt steeds te veel.", threshold=0.0)
    assert decision.ministry == "IENW"
    assert all(
        any(word.lower() in "oudere vrouw snapt het in- en uitchecken niet en betaalt steeds te veel." for word in alt["matched"])
        for alt in decision.alternatives
        if alt["regulation"] in decision.regulations
    )


def test_below_the_tuned_threshold_the_coordinator_decides(db):
    classifier = get_classifier(db.session)
    assert 0.0 < classifier.threshold < 1.0
    decision = route_by_text(db.session, "De regels zijn te ingewikkeld en mensen raken in de knel.")
    assert decision.ministry is None
    assert "coördinator" in decision.explanation


def test_the_lexicon_never_reads_privacy_placeholders(db):
    from signals.routing import get_text_router

    router = get_text_router(db.session)
    assert any("BSN" in word for s in router.suggest("Iemand maakt misbruik van mijn BSN") for word in s.matched)
    assert router.suggest("Cliënt [BSN] belde") == []


def test_corpus_sources_are_documented_and_the_weak_ministries_are_covered(db):
    corpus = load_corpus(db.session)
    documented = (Path(__file__).resolve().parents[2] / "signals" / "data" / "SOURCES.md").read_text(encoding="utf-8")
    assert all(f"- {source}," in documented for source in {e.source for e in corpus})
    per_ministry = Counter(e.ministry for e in corpus)
    assert min(per_ministry.values()) >= 45  # BZ, DEF and AZ too, not only the social domain


def test_one_text_is_scored_exactly_as_in_a_batch_and_explained_by_its_own_words(db):
    model = get_classifier(db.session).model
    texts = ["Veteraan met PTSS wordt van loket naar loket gestuurd.", "Cliënt [BSN] kreeg een brief", ""]
    for text, row in zip(texts, model.log_proba(texts), strict=True):
        one, features = model.log_proba_one(text)
        assert max(abs(a - b) for a, b in zip(one, row, strict=True)) < 1e-4
    one, features = model.log_proba_one(texts[0])
    words = model.explain(texts[0], "DEF", features=features)
    assert words and all(word in texts[0] for word in words)
    assert "wordt" not in words and "naar" not in words  # everyday words never explain a route


def test_a_model_stored_before_the_naive_bayes_opinion_still_routes_as_it_did():
    # model versions stored before the seventh round (and a rollback to them) have no naive Bayes part
    from signals.classifier import MinistryModel, RoutingClassifier

    texts = ["Boer moet koeien wegdoen door de mestregels", "Bijstand teruggevorderd na een gift", "Paspoort kwijt op reis"]
    labels = ["LVVN", "SZW", "BZ"]
    without = MinistryModel(nb_weight=0).fit(texts, labels)
    old = MinistryModel().fit(texts, labels)
    for name in ("nb_weight", "nb_alpha", "_nb_rows", "_nb_table", "_nb_default"):
        old.__dict__.pop(name)
    old = RoutingClassifier.loads(RoutingClassifier(old).dumps()).model
    for text, row, reference in zip(texts, old.log_proba(texts), without.log_proba(texts), strict=True):
        assert max(abs(a - b) for a, b in zip(row, reference, strict=True)) < 1e-5
        assert max(abs(a - b) for a, b in zip(old.log_proba_one(text)[0], row, strict=True)) < 1e-4
    assert [old.classes[i] for i in old.log_proba(texts).argmax(axis=1)] == labels


def test_a_change_to_the_reference_data_takes_effect_at_once(db):
    from signals.models import Regulation, RegulationTerm

    text = "Vader wil bezwaar maken tegen de zwemdiplomakorting van zijn zoon."
    before = route_by_text(db.session, text, threshold=0.0)
    assert "BWBR0015703" not in before.regulations
    regulation = db.session.scalar(select(Regulation).where(Regulation.code == "BWBR0015703"))
    db.session.add(RegulationTerm(regulation_id=regulation.id, term="zwemdiplomakorting", kind="alias", weight=1.0))
    db.session.flush()
    after = route_by_text(db.session, text, threshold=0.0)
    assert after.regulations[:1] == ["BWBR0015703"] and after.ministry == "SZW"
    assert "zwemdiplomakorting" in after.explanation
