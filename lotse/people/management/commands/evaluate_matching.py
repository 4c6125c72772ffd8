"""`lotse evaluate_matching [FILE]`: precision, recall and F1 of the person matcher.

FILE is a labelled JSON-lines file ({"id", "category", "duplicate", "a", "b"});
default lotse/people/evaluation/pairs.jsonl (rebuild it with
`python -m lotse.people.evaluation.generate`). Prints one row per category and
overall at settings.DUPLICATE_THRESHOLD (or --threshold), blocking recall and keys
per record, and with --sweep the figures over a range of thresholds. For categories
of negatives only, precision and recall are undefined: "false merges" counts the
pairs wrongly called one person.
"""

from __future__ import annotations

from django.conf import settings
from django.core.management.base import BaseCommand

from lotse.people.evaluation import metrics


def _fmt(value: float | None) -> str:
    return "    -" if value is None else f"{value:.3f}"


class Command(BaseCommand):
    help = "Precision, recall and F1 of lotse.people.matching on a labelled pairs file."
    requires_system_checks: list[str] = []  # pure computation, no database

    def add_arguments(self, parser):
        parser.add_argument("file", nargs="?", default=str(metrics.PAIRS))
        parser.add_argument("--threshold", type=float, default=None)
        parser.add_argument("--sweep", action="store_true", help="print a threshold sweep")
        parser.add_argument("--timing", action="store_true", help="measure µs per score()")
        parser.add_argument("--errors", action="store_true", help="list misjudged pairs")

    def handle(self, *args, **options):
        threshold = options["threshold"]
        if threshold is None:
            threshold = float(settings.DUPLICATE_THRESHOLD)
        pairs = list(metrics.load(options["file"]))
        rows = metrics.scored(pairs)
        result = metrics.evaluate(rows, threshold)
        out = self.stdout
        out.write(f"{len(pairs)} pairs from {options['file']}, threshold {threshold:.2f}\n")
        out.write(
            f"{'category':24} {'n':>4} {'dup':>4} {'tp':>4} {'fp':>4} {'fn':>4} "
            f"{'precision':>9} {'recall':>7} {'f1':>6} {'accuracy':>8}"
        )
        for name in sorted(result, key=lambda k: (k == "overall", k)):
            c = result[name]
            out.write(
                f"{name:24} {c.n:4d} {c.tp + c.fn:4d} {c.tp:4d} {c.fp:4d} {c.fn:4d} "
                f"{_fmt(c.precision):>9} {_fmt(c.recall):>7} {_fmt(c.f1):>6} "
                f"{c.accuracy:8.3f}"
            )
        blocking = metrics.blocking(pairs)
        out.write(
            f"blocking: recall {blocking['recall']:.4f} ({blocking['missed']} duplicates "
            f"share no key), {blocking['keys_per_record']:.2f} keys per record "
            f"(max {blocking['max_keys']}), random pairs sharing a key "
            f"{blocking['random_pair_share']:.4%}"
        )
        out.write(
            f"prefilter: {blocking['recall_two_keys']:.4f} of duplicates share two or more "
            "keys (found however common the keys are); the rest need their shared key to be "
            "rare among the municipality's clients"
        )
        if options["sweep"]:
            out.write(
                f"\n{'threshold':>9} {'precision':>9} {'recall':>7} {'f1':>6} {'fp':>4} {'fn':>4}"
            )
            steps = [x / 100 for x in range(40, 100, 5)] + [0.72, 0.78, 0.82, 0.88]
            for t, c in metrics.sweep(rows, sorted(steps)):
                out.write(
                    f"{t:9.2f} {_fmt(c.precision):>9} {_fmt(c.recall):>7} {_fmt(c.f1):>6} "
                    f"{c.fp:4d} {c.fn:4d}"
                )
        if options["timing"]:
            warm = metrics.microseconds_per_score(pairs)
            cold = metrics.microseconds_per_score_cold(pairs)
            out.write(f"\nscore(): {warm:.1f} µs per call warm, {cold:.1f} µs with empty caches")
        if options["errors"]:
            out.write("")
            for pair, (_, duplicate, value) in zip(pairs, rows, strict=True):
                if (value >= threshold) != duplicate:
                    a, b = pair["a"], pair["b"]
                    out.write(
                        f"{pair['id']}: labelled {'same' if duplicate else 'different'}, "
                        f"score {value:.3f}: {a.get('given_names')} {a.get('family_name')} "
                        f"{a.get('date_of_birth')} / {b.get('given_names')} "
                        f"{b.get('family_name')} {b.get('date_of_birth')}"
                    )
