"""Evaluation reports as text for people (the JSON form is the report dict itself)."""

from __future__ import annotations


def _number(value) -> str:
    return "n/a" if value is None else f"{value:.3f}"


def render_articles(report: dict) -> str:
    lines = [
        f"Articles: {report['documents']} ({report['reliable']} reliable, {report['unreliable']} unreliable)"
        f" from {report['data']}" + (f", split {report['split']}" if report.get("split") else ""),
        f"Model: {report['model']}; reliable when score >= {100 * report['threshold']:.0f}",
        f"  accuracy   {_number(report['accuracy'])}",
        f"  precision  {_number(report['precision'])}   (of articles scored reliable, share that are)",
        f"  recall     {_number(report['recall'])}   (of reliable articles, share scored reliable)",
        f"  F1         {_number(report['f1'])}",
        f"  ROC-AUC    {_number(report['roc_auc'])}",
        f"  Brier      {_number(report['brier'])}",
        f"  ECE        {_number(report['expected_calibration_error'])}   (expected calibration error)",
        f"  saturated  {100 * report['saturated']:.0f}%   (scores below 5 or above 95)",
        "Confusion matrix (rows: actual, columns: predicted):",
        "                predicted reliable  predicted unreliable",
    ]
    for actual in ("reliable", "unreliable"):
        row = report["confusion"][actual]
        lines.append(f"  {actual:12}  {row['predicted_reliable']:>18}  {row['predicted_unreliable']:>20}")
    lines.append("Calibration (score bins: documents, mean predicted, observed share reliable):")
    for bin_ in report["calibration"]:
        if bin_["count"]:
            lines.append(
                f"  {bin_['bin']}  {bin_['count']:>5}  {bin_['mean_predicted']:.3f}  {bin_['observed']:.3f}"
            )
    if report.get("errors"):
        lines.append(f"Not scored ({len(report['errors'])}): " + "; ".join(report["errors"][:5]))
    return "\n".join(lines)


def render_sentences(report: dict) -> str:
    lines = [
        f"Sentences: {report['sentences']} from {report['data']}" + (f", split {report['split']}" if report.get("split") else ""),
        f"  {'type':18} {'precision':>9} {'recall':>7} {'F1':>6} {'support':>8}",
    ]
    for cue_type, values in report["types"].items():
        lines.append(
            f"  {cue_type:18} {values['precision']:9.3f} {values['recall']:7.3f} {values['f1']:6.3f} {values['support']:8d}"
        )
    return "\n".join(lines)
