"""Measuring routing on labelled examples, and training the shipped classifier (``flask routing evaluate|train``).

Honest figures come from texts whose wording the model never saw: ``held_out``
retrains without every source in the file, ``cross_validate`` holds out whole
sources in turn (GroupKFold). The threshold for automatic routing is tuned on
out-of-fold predictions of the corpus, never on the examples being reported.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from signals.classifier import (
    ARTIFACT_PATH,
    LEXICON_WEIGHT,
    MODEL_SCALE,
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
#: candidates for the combination of model and lexicon, chosen by out-of-fold log-loss
CALIBRATION_SCALES = (0.5, 0.75, 1.0, 1.5, 2.0)
CALIBRATION_WEIGHTS = (2.0, 3.0, 5.0, 7.5, 10.0, 15.0)


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


def shipped_params(classifier: RoutingClassifier | None) -> dict:
    """The settings chosen with ``classifier`` (combination, regularisation, threshold), to train a comparable one."""
    if classifier is None:
        return {}
    return {
        "lexicon_weight": classifier.lexicon_weight,
        "model_scale": getattr(classifier, "model_scale", 1.0),
        "alpha": classifier.model.alpha,
        "threshold": classifier.threshold,
    }


def held_out(
    corpus: Sequence[Example], profiles, router, examples: Sequence[Example], threshold: float | None = None, **params
) -> tuple[Evaluation, RoutingClassifier]:
    """Train on the corpus without any source (or text) that occurs in ``examples``, then evaluate on them.

    The settings and the threshold are the ones chosen on the corpus (``params``, usually
    those of the shipped classifier): nothing is tuned on ``examples``.
    """
    sources = {e.source for e in examples}
    texts = {e.text.strip().lower() for e in examples}
    training = [e for e in corpus if e.source not in sources and e.text.strip().lower() not in texts]
    classifier = train_classifier(training, profiles, **params)
    return evaluate(classifier, router, examples, threshold), classifier


def fold_outputs(examples: Sequence[Example], profiles, router, folds: int = 5, **params) -> list[tuple[dict, dict]]:
    """Per example (model log-probability per ministry, lexicon confidence per ministry) from a model that never saw its source."""
    lexicons = [lexicon_by_ministry(router.suggest(e.text, limit=20)) for e in examples]
    outputs: list[tuple[dict, dict] | None] = [None] * len(examples)
    for train, test in group_folds(examples, folds):
        classifier = train_classifier([examples[i] for i in train], profiles, **params)
        rows = classifier.model.log_proba([examples[i].text for i in test])
        for index, row in zip(test, rows, strict=True):
            outputs[index] = (dict(zip(classifier.classes, (float(v) for v in row), strict=True)), lexicons[index])
    return outputs  # type: ignore[return-value]


def _combined(outputs, model_scale: float, lexicon_weight: float) -> list[dict[str, float]]:
    combiner = RoutingClassifier(None, lexicon_weight=lexicon_weight, model_scale=model_scale)
    return [combiner.combine_scores(log_proba, lexicon) for log_proba, lexicon in outputs]


def calibrate(examples: Sequence[Example], outputs) -> tuple[float, float]:
    """(model_scale, lexicon_weight) whose combined probabilities fit the out-of-fold truth best (log-loss)."""
    best = None
    for model_scale in CALIBRATION_SCALES:
        for lexicon_weight in CALIBRATION_WEIGHTS:
            loss = 0.0
            for example, row in zip(examples, _combined(outputs, model_scale, lexicon_weight), strict=True):
                right = row.get(example.ministry, 0.0) + sum(row.get(m, 0.0) for m in example.co_ministries)
                loss -= math.log(max(right, 1e-9))
            if best is None or loss < best[0]:
                best = (loss, model_scale, lexicon_weight)
    return best[1], best[2]


def out_of_fold(examples: Sequence[Example], profiles, router, folds: int = 5, **params) -> list[tuple[str | None, float]]:
    """Predictions for every example by a model trained without its source (GroupKFold)."""
    outputs = fold_outputs(examples, profiles, router, folds, **_training_params(params))
    rows = _combined(outputs, params.get("model_scale", MODEL_SCALE), params.get("lexicon_weight", LEXICON_WEIGHT))
    return [next(iter(row.items())) if row else (None, 0.0) for row in rows]


def _training_params(params: dict) -> dict:
    return {k: v for k, v in params.items() if k not in ("threshold", "model_scale", "lexicon_weight")}


def cross_validate(examples: Sequence[Example], profiles, router, threshold: float | None = None, folds: int = 5, **params) -> Evaluation:
    """GroupKFold by source over ``examples``; the threshold (if not given) is the one that reaches the target precision."""
    predictions = out_of_fold(examples, profiles, router, folds, **params)
    if threshold is None:
        threshold = tune_threshold(examples, predictions, TARGET_PRECISION)
    return score(examples, predictions, threshold)


def train_shipped(corpus: Sequence[Example], profiles, router, folds: int = 5, **params) -> RoutingClassifier:
    """Calibrate the combination and tune the threshold by source on the corpus, train on all of it, write the artifact."""
    outputs = fold_outputs(corpus, profiles, router, folds, **_training_params(params))
    model_scale, lexicon_weight = calibrate(corpus, outputs)
    rows = _combined(outputs, model_scale, lexicon_weight)
    predictions = [next(iter(row.items())) if row else (None, 0.0) for row in rows]
    threshold = tune_threshold(corpus, predictions, TARGET_PRECISION)
    tuning = score(corpus, predictions, threshold)
    classifier = train_classifier(
        corpus, profiles, threshold=threshold, model_scale=model_scale, lexicon_weight=lexicon_weight, **_training_params(params)
    )
    classifier.fingerprint = corpus_fingerprint()
    classifier.metrics = {"cross_validated": tuning.as_dict(), "model_scale": model_scale, "lexicon_weight": lexicon_weight}
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
