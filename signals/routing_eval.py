"""Measuring routing on labelled examples, and training the shipped classifier (``flask routing evaluate|train``).

Honest figures come from texts whose wording the model never saw: ``held_out``
retrains without every source in the file, ``cross_validate`` holds out whole
sources in turn (GroupKFold). The threshold for automatic routing is tuned on
out-of-fold predictions of the corpus, never on the examples being reported.
"""

from __future__ import annotations

from collections.abc import Sequence

from signals.classifier import (
    ARTIFACT_PATH,
    Evaluation,
    Example,
    RoutingClassifier,
    corpus_fingerprint,
    group_folds,
    lexicon_by_ministry,
    score,
    train_classifier,
    tune_threshold,
)

#: automatic routes must be at least this often right
TARGET_PRECISION = 0.95


def predictions_for(classifier: RoutingClassifier | None, router, examples: Sequence[Example]) -> list[tuple[str | None, float]]:
    """(ministry, confidence) per example from the classifier + lexicon (lexicon alone without classifier)."""
    lexicons = [lexicon_by_ministry(router.suggest(e.text, limit=20)) for e in examples]
    if classifier is None:
        return [max(lex.items(), key=lambda item: item[1]) if lex else (None, 0.0) for lex in lexicons]
    rows = classifier.predict_many([e.text for e in examples], lexicons)
    return [next(iter(row.items())) for row in rows]


def evaluate(classifier: RoutingClassifier | None, router, examples: Sequence[Example], threshold: float | None = None) -> Evaluation:
    """Figures for the given classifier on ``examples``."""
    if threshold is None:
        threshold = classifier.threshold if classifier is not None else 0.5
    return score(examples, predictions_for(classifier, router, examples), threshold)


def held_out(corpus: Sequence[Example], profiles, router, examples: Sequence[Example], threshold: float | None = None, **params) -> Evaluation:
    """Train on the corpus without any source (or text) that occurs in ``examples``, then evaluate on them."""
    sources = {e.source for e in examples}
    texts = {e.text.strip().lower() for e in examples}
    training = [e for e in corpus if e.source not in sources and e.text.strip().lower() not in texts]
    classifier = train_classifier(training, profiles, **params)
    return evaluate(classifier, router, examples, threshold), classifier


def out_of_fold(examples: Sequence[Example], profiles, router, folds: int = 5, **params) -> list[tuple[str | None, float]]:
    """Predictions for every example by a model trained without its source (GroupKFold)."""
    predictions: list[tuple[str | None, float] | None] = [None] * len(examples)
    for train, test in group_folds(examples, folds):
        classifier = train_classifier([examples[i] for i in train], profiles, **params)
        for index, prediction in zip(test, predictions_for(classifier, router, [examples[i] for i in test]), strict=True):
            predictions[index] = prediction
    return predictions  # type: ignore[return-value]


def cross_validate(examples: Sequence[Example], profiles, router, threshold: float | None = None, folds: int = 5, **params) -> Evaluation:
    """GroupKFold by source over ``examples``; the threshold (if not given) is the one that reaches the target precision."""
    predictions = out_of_fold(examples, profiles, router, folds, **params)
    if threshold is None:
        threshold = tune_threshold(examples, predictions, TARGET_PRECISION)
    return score(examples, predictions, threshold)


def train_shipped(corpus: Sequence[Example], profiles, router, folds: int = 5, **params) -> RoutingClassifier:
    """Tune the threshold by source on the corpus, train on all of it, and write the shipped artifact."""
    predictions = out_of_fold(corpus, profiles, router, folds, **params)
    threshold = tune_threshold(corpus, predictions, TARGET_PRECISION)
    tuning = score(corpus, predictions, threshold)
    classifier = train_classifier(corpus, profiles, threshold=threshold, **params)
    classifier.fingerprint = corpus_fingerprint()
    classifier.metrics = {"cross_validated": tuning.as_dict()}
    ARTIFACT_PATH.write_bytes(classifier.dumps())
    return classifier


def format_report(evaluation: Evaluation, title: str) -> list[str]:
    """Plain-text report lines: headline figures, per ministry, confusion matrix, baseline."""
    lines = [title]
    lines.append(
        f"Voorbeelden: {evaluation.total}; juist ministerie: {evaluation.accuracy:.1%} "
        f"(zonder genoemde regeling: {evaluation.unnamed_accuracy:.1%} van {evaluation.unnamed_total})"
    )
    lines.append(
        f"Drempel {evaluation.threshold:.2f}: automatisch gerouteerd {evaluation.coverage:.1%}, "
        f"waarvan juist {evaluation.auto_precision:.1%}; naar de coördinator {1 - evaluation.coverage:.1%}"
    )
    lines.append(
        f"Meerderheidsbasislijn (altijd {evaluation.majority_class}): {evaluation.baseline_accuracy:.1%}"
    )
    lines.append("")
    lines.append(f"{'ministerie':<10} {'aantal':>6} {'recall':>7} {'precisie':>9}")
    for ministry, figures in sorted(evaluation.per_ministry.items()):
        lines.append(f"{ministry:<10} {figures['support']:>6} {figures['recall']:>7.1%} {figures['precision']:>9.1%}")
    columns = sorted({p for row in evaluation.confusion.values() for p in row} | set(evaluation.confusion))
    lines.append("")
    lines.append("Verwarringsmatrix (rij = juist, kolom = voorspeld, - = geen)")
    lines.append(" " * 6 + "".join(f"{c:>6}" for c in columns))
    for actual in sorted(evaluation.confusion):
        row = evaluation.confusion[actual]
        lines.append(f"{actual:<6}" + "".join(f"{row.get(c, 0):>6}" for c in columns))
    return lines
