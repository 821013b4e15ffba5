"""The reliability model: a standardised logistic regression stored as plain JSON.

A pickle or joblib file runs code when it is loaded, and importing scikit-learn takes over a second
here; scoring needs only a dot product. So a model is two JSON files in a folder:

- ``model.json``: feature names, means, scales, coefficients, intercept, calibration, lexicon digest;
- ``metadata.json``: how it was made (data digest, library versions, metrics, date, commit) and the
  SHA-256 of ``model.json``.

Loading parses JSON only, checks the digest, and refuses a model whose features or lexicons differ
from the code's, with a one-line message that says to run ``make train``.
"""

from __future__ import annotations

import hashlib
import json
import math
import os
import tempfile
from dataclasses import dataclass, replace
from importlib import resources
from pathlib import Path

from ..errors import ModelError
from .features import FEATURE_NAMES

MODEL_FORMAT = 1
MODEL_FILE = "model.json"
METADATA_FILE = "metadata.json"
DEFAULT_MODEL_DIR = Path(str(resources.files("scorer.model") / "reliability"))
ENV_VARIABLE = "SCORER_MODEL"
# Bounds a trained model keeps far inside (features are rates, shares and capped logs; weights are
# regularised): numbers beyond them mean a damaged or hostile file, whose logits could overflow.
MAX_MODEL_NUMBER = 1e6
MIN_SCALE = 1e-9

# Score bands, lowest first: (name, lowest score in the band). 60 follows NewsGuard, which calls
# 60 and above green; below 35 is the band the seed article (a content-farm rewrite) must
# fall in; between is mixed sourcing.
BANDS = (("poorly_sourced", 0.0), ("mixed", 35.0), ("well_sourced", 60.0))
RETRAIN_HINT = "run `make train` (or `scorer train`) to rebuild it"


@dataclass(frozen=True)
class LinearModel:
    feature_names: tuple[str, ...]
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    coef: tuple[float, ...]  # per standardised feature
    intercept: float
    calibration_slope: float  # probability = sigmoid(slope * logit + offset); slope > 0 keeps order
    calibration_offset: float
    lexicon_digest: str
    model_id: str = ""

    @property
    def raw_weights(self) -> tuple[float, ...]:
        """Coefficients on the unstandardised features: coef / scale."""
        return tuple(coef / scale for coef, scale in zip(self.coef, self.scale))

    def logit(self, features: list[float]) -> float:
        return self.intercept + sum(
            coef * (value - mean) / scale for coef, value, mean, scale in zip(self.coef, features, self.mean, self.scale)
        )

    def probability(self, logit: float) -> float:
        z = self.calibration_slope * logit + self.calibration_offset
        if z >= 0:
            return 1.0 / (1.0 + math.exp(-z))
        e = math.exp(z)
        return e / (1.0 + e)

    def score(self, logit: float) -> float:
        """0-100, higher = better sourced: the calibrated probability of the reliable class."""
        return round(100.0 * self.probability(logit), 1)

    def identified(self) -> "LinearModel":
        """This model with its id: "reliability-" and the first 12 hex digits of model.json's SHA-256."""
        digest = hashlib.sha256(serialise(self.to_json())).hexdigest()
        return replace(self, model_id=f"reliability-{digest[:12]}")

    def to_json(self) -> dict:
        return {
            "format": MODEL_FORMAT,
            "kind": "standardised logistic regression over cue features",
            "feature_names": list(self.feature_names),
            "mean": list(self.mean),
            "scale": list(self.scale),
            "coef": list(self.coef),
            "intercept": self.intercept,
            "calibration": {"slope": self.calibration_slope, "offset": self.calibration_offset},
            "lexicon_digest": self.lexicon_digest,
        }


def band(score: float) -> str:
    name = BANDS[0][0]
    for band_name, lowest in BANDS:
        if score >= lowest:
            name = band_name
    return name


def serialise(data: dict) -> bytes:
    """Canonical JSON bytes: same data, same bytes (sorted keys, fixed separators, final newline)."""
    return (json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n").encode("utf-8")


def save_model(model: LinearModel, metadata: dict, directory: str | os.PathLike) -> None:
    """Write the model folder atomically: an interrupted save leaves the previous model in place.

    Both files are written to a temporary folder beside the target, which then replaces the old
    folder by renames; a crash at any point leaves either the old or the new model, never half.
    """
    directory = Path(directory)
    model_bytes = serialise(model.to_json())
    metadata = dict(metadata, model_sha256=hashlib.sha256(model_bytes).hexdigest())
    directory.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{directory.name}.", dir=directory.parent))
    try:
        for name, data in ((MODEL_FILE, model_bytes), (METADATA_FILE, serialise(metadata))):
            with open(staging / name, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
        old = directory.with_name(f".{directory.name}.old")
        if old.exists():
            _remove_folder(old)
        if directory.exists():
            os.replace(directory, old)
        os.replace(staging, directory)
        if old.exists():
            _remove_folder(old)
    finally:
        if staging.exists():
            _remove_folder(staging)


def _remove_folder(folder: Path) -> None:
    for child in folder.iterdir():
        child.unlink()
    folder.rmdir()


def resolve_model_dir(path: str | os.PathLike | None = None) -> Path:
    """The model folder: ``path`` (a folder or its model.json / metadata.json), $SCORER_MODEL, or the default."""
    chosen = Path(path) if path is not None else Path(os.environ.get(ENV_VARIABLE) or DEFAULT_MODEL_DIR)
    if chosen.is_file() and chosen.name in (MODEL_FILE, METADATA_FILE):
        chosen = chosen.parent
    return chosen


def load_model(path: str | os.PathLike | None, lexicon_digest: str) -> tuple[LinearModel, dict]:
    """Load and verify a model folder; raise :class:`ModelError` with a one-line reason if unusable."""
    directory = resolve_model_dir(path)
    _recover_interrupted_save(directory)
    model_path, metadata_path = directory / MODEL_FILE, directory / METADATA_FILE
    if not model_path.is_file() or not metadata_path.is_file():
        raise ModelError(f"no model in {directory} (expected {MODEL_FILE} and {METADATA_FILE}); {RETRAIN_HINT}")
    try:
        model_bytes = model_path.read_bytes()
        metadata = json.loads(metadata_path.read_bytes())
    except (OSError, ValueError, RecursionError) as error:
        raise ModelError(f"cannot read model metadata in {directory} ({error}); {RETRAIN_HINT}") from None
    digest = hashlib.sha256(model_bytes).hexdigest()
    if not isinstance(metadata, dict) or metadata.get("model_sha256") != digest:
        raise ModelError(f"{model_path} does not match the digest in {METADATA_FILE} (corrupted or edited); {RETRAIN_HINT}")
    try:
        data = json.loads(model_bytes)
        model = _model_from_json(data, model_id=f"reliability-{digest[:12]}")
    except (ValueError, KeyError, TypeError, AttributeError, RecursionError) as error:
        raise ModelError(f"{model_path} is not a valid model ({error}); {RETRAIN_HINT}") from None
    if model.feature_names != FEATURE_NAMES:
        raise ModelError(f"{model_path} was trained on other features than this version computes; {RETRAIN_HINT}")
    if model.lexicon_digest != lexicon_digest:
        raise ModelError(f"{model_path} was trained with other lexicons than the ones loaded; {RETRAIN_HINT}")
    return model, metadata


def _recover_interrupted_save(directory: Path) -> None:
    """If a save was cut off between its two renames, put the previous model back."""
    old = directory.with_name(f".{directory.name}.old")
    if not directory.exists() and old.is_dir():
        os.replace(old, directory)


def _model_from_json(data: dict, model_id: str) -> LinearModel:
    if not isinstance(data, dict):
        raise ValueError(f"expected a JSON object, found {type(data).__name__}")
    if data.get("format") != MODEL_FORMAT:
        raise ValueError(f"format {data.get('format')!r}, expected {MODEL_FORMAT}")
    names = tuple(str(name) for name in data["feature_names"])
    vectors = {key: tuple(float(value) for value in data[key]) for key in ("mean", "scale", "coef")}
    if any(len(vector) != len(names) for vector in vectors.values()):
        raise ValueError("mean, scale and coef must have one value per feature")
    if any(scale <= 0 for scale in vectors["scale"]):
        raise ValueError("every scale must be positive")
    calibration = data["calibration"]
    model = LinearModel(
        feature_names=names,
        mean=vectors["mean"],
        scale=vectors["scale"],
        coef=vectors["coef"],
        intercept=float(data["intercept"]),
        calibration_slope=float(calibration["slope"]),
        calibration_offset=float(calibration["offset"]),
        lexicon_digest=str(data["lexicon_digest"]),
        model_id=model_id,
    )
    numbers = (*model.mean, *model.scale, *model.coef, model.intercept, model.calibration_slope, model.calibration_offset)
    if not all(math.isfinite(number) and abs(number) <= MAX_MODEL_NUMBER for number in numbers):
        raise ValueError(f"a number is not finite or beyond +-{MAX_MODEL_NUMBER:g}")
    if min(model.scale) < MIN_SCALE:
        raise ValueError(f"a scale is below {MIN_SCALE:g}: dividing by it would blow the logit up")
    if model.calibration_slope <= 0:
        raise ValueError("calibration slope must be positive, or scores would not follow the logit")
    return model
