"""The learned second pass's faster model: MiniLM reads each sentence once (with the sentence before) and a head
classifies every (subject, figure) pair of it from the encoder's vectors of the subject's names and of the figure,
where `pair_model.PairModel` reads the sentence again, marked, for each of its pairs (about 6.7 pairs a sentence on
dev: that many times the work).

The head sees, per pair: the [CLS] vector; the mean vector of the subject's names (an origin's learned vector
added; for an organization named elsewhere in the report, that vector alone); the mean vector of the figure's
tokens (a learned vector for a figure-less pair); and their product. Training weighs the "none" pairs by
`none_keep` (what `PairModel.fit` draws of them, in expectation) and the sentences come in batches of like length.

A trained model is a `PairModel` folder whose meta.json says "architecture": "spans"; `PairModel.load` reads both.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from typing import Any

from stabforce.engines.extract import pairs
from stabforce.engines.extract.pairs import LABELS, ORIGINS, SpanInput
from stabforce.services.pair_model import GROUP_WINDOW, MAX_LENGTH, PairModel, check_labels, grouped_batches

ARCHITECTURE = "spans"
#: Sentences per training step, and per step when reading.
_BATCH, _READ_BATCH = 16, 32


class SpanModel(PairModel):
    """`PairModel`'s interface (`read`, `train`, `save`, `load`) over `SpanInput`s: one encoder pass a sentence."""

    architecture = ARCHITECTURE
    #: Twice the marked model's: a step here sees about 3 times its pairs (16 sentences of 6.7 pairs on average,
    #: against 32 pairs), and on held-out dev 8e-5 beat 4e-5 for each of 3 seeds (docs/architecture.md, stop 30).
    encoder_rate = 8e-5
    #: Four passes, and the weights kept are the mean of those after each step of the last (a quarter of the steps).
    #: Averaging the last epoch of three gave 0.653 on held-out dev with the 1,336-report model against 0.626 for the
    #: last step's weights (the all-dev model 0.717 on the test split against 0.702; with 401 reports it changed
    #: nothing: stop 31); with the last epoch of four the same run scored 0.659, of five 0.663, while averaging two or
    #: three epochs lost (0.638-0.656: stop 32; docs/architecture.md). Four rather than five for the time: an epoch of
    #: all dev is about 9 minutes on 2 cores (35 minutes for the four: stop 33).
    epochs = 4
    average = 1 / epochs

    @staticmethod
    def _build(torch: Any, encoder: Any) -> Any:
        return _network(torch, encoder)

    def fit(self, *args: Any, **options: Any) -> list[float]:
        raise TypeError("the span model trains on pairs, not marked segments: use train(pairs, labels)")

    def probabilities(self, *args: Any, **options: Any) -> list[list[float]]:
        raise TypeError("the span model reads pairs, not marked segments: use read(pairs)")

    def read(self, found: Sequence[pairs.Pair], progress: Callable[[int, int], None] | None = None
             ) -> list[list[float]]:
        return self.span_probabilities(pairs.span_inputs(found), progress)

    def train(self, found: Sequence[pairs.Pair], labels: Sequence[str], **options: Any) -> list[float]:
        return self.fit_spans(pairs.span_inputs(found), labels, **options)

    def _logits_of(self, texts: Sequence[str], items: Sequence[tuple[int, SpanInput]]) -> Any:
        """Logits of `items` (index into `texts`, input), the texts encoded once each."""
        torch = self._torch
        enc = self._tokenizer(list(texts), return_tensors="pt", padding=True, truncation=True,
                              max_length=int(self.meta.get("max_length", MAX_LENGTH)), return_offsets_mapping=True)
        offsets = enc.pop("offset_mapping")
        starts, ends = offsets[..., 0], offsets[..., 1]
        real = ends > starts  # not [CLS], [SEP] or padding

        def mask(row: int, spans: Sequence[tuple[int, int]]) -> Any:
            m = torch.zeros(starts.shape[1], dtype=torch.bool)
            for a, b in spans:
                m |= (starts[row] < b) & (ends[row] > a) & real[row]
            return m

        rows = torch.tensor([row for row, _ in items])
        subject = torch.stack([mask(row, x.subject) for row, x in items]).float()
        figure = torch.stack([mask(row, [x.figure] if x.figure else []) for row, x in items]).float()
        origin = torch.tensor([x.origin for _, x in items])
        return self._network(enc, rows, subject, figure, origin)

    def fit_spans(self, inputs: Sequence[SpanInput], labels: Sequence[str], *, epochs: int | None = None,
                  none_keep: float = 0.5, seed: int = 0, schedule: str = "constant", average: float | None = None,
                  progress: Callable[[int, int], None] | None = None,
                  on_epoch: Callable[[int, list[float]], None] | None = None) -> list[float]:
        """Fine-tune on (input, label) pairs, `epochs` passes (None: the class's `epochs`), a batch being `_BATCH`
        sentences with all their pairs; cross-entropy with the "none" pairs weighed `none_keep`; AdamW as
        `PairModel.optimizer`, its rate moved by `schedule` (`PairModel.scheduler`); the weights kept are averaged over
        the last `average` share of the steps (`PairModel.averager`; None: the class's `average`). Returns each epoch's
        summed loss; `progress` and `on_epoch` as in `PairModel.fit`."""
        torch = self._torch
        check_labels(len(inputs), labels)
        epochs = self.epochs if epochs is None else epochs
        texts, members = _by_text(inputs)
        target = torch.tensor([LABELS.index(x) for x in labels])
        weight = torch.tensor([none_keep] + [1.0] * (len(LABELS) - 1))
        optimizer = self.optimizer()
        shuffler = random.Random(seed)
        lengths = [len(t) for t in texts]
        plans = []
        for _ in range(epochs):
            order = list(range(len(texts)))
            shuffler.shuffle(order)
            plans.append(grouped_batches(order, lengths, _BATCH, GROUP_WINDOW, shuffler))
        total, done, losses = sum(len(p) for p in plans), 0, []
        rate = self.scheduler(optimizer, total, schedule)
        mean = self.averager(total, average)
        net = self._network
        for batches in plans:
            net.train()
            epoch_loss = 0.0
            try:
                for batch in batches:
                    items = [(row, k) for row, t in enumerate(batch) for k in members[t]]
                    logits = self._logits_of([texts[t] for t in batch], [(row, inputs[k]) for row, k in items])
                    loss = torch.nn.functional.cross_entropy(logits, target[[k for _, k in items]], weight=weight)
                    optimizer.zero_grad()
                    loss.backward()
                    optimizer.step()
                    rate.step()
                    mean.step()
                    epoch_loss += float(loss.item())
                    done += 1
                    if progress is not None:
                        progress(done, total)
            finally:
                net.eval()
            losses.append(epoch_loss)
            if len(losses) == epochs:
                mean.finish()
            if on_epoch is not None:
                on_epoch(len(losses), list(losses))
        return losses

    def span_probabilities(self, inputs: Sequence[SpanInput], progress: Callable[[int, int], None] | None = None
                           ) -> list[list[float]]:
        """P(label) for each input, in `LABELS` order; each text encoded once, texts of like length batched."""
        torch = self._torch
        texts, members = _by_text(inputs)
        order = sorted(range(len(texts)), key=lambda t: len(texts[t]))
        out: list[list[float]] = [[] for _ in inputs]
        with torch.no_grad():
            for b in range(0, len(order), _READ_BATCH):
                batch = order[b:b + _READ_BATCH]
                items = [(row, k) for row, t in enumerate(batch) for k in members[t]]
                logits = self._logits_of([texts[t] for t in batch], [(row, inputs[k]) for row, k in items])
                for (_, k), row in zip(items, torch.softmax(logits, -1).tolist(), strict=True):
                    out[k] = row
                if progress is not None:
                    progress(min(b + _READ_BATCH, len(texts)), len(texts))
        return out


def _by_text(inputs: Sequence[SpanInput]) -> tuple[list[str], list[list[int]]]:
    """The distinct texts, in first-seen order, and the indices of the inputs of each."""
    at: dict[str, int] = {}
    members: list[list[int]] = []
    for k, x in enumerate(inputs):
        if x.text not in at:
            at[x.text] = len(members)
            members.append([])
        members[at[x.text]].append(k)
    return list(at), members


def _network(torch: Any, encoder: Any) -> Any:
    class SpanHead(torch.nn.Module):  # type: ignore[misc, name-defined]
        def __init__(self) -> None:
            super().__init__()
            width = encoder.config.hidden_size
            self.origin = torch.nn.Embedding(len(ORIGINS), width)
            self.no_figure = torch.nn.Parameter(torch.zeros(width))
            self.mlp = torch.nn.Sequential(torch.nn.Dropout(0.1), torch.nn.Linear(4 * width, width), torch.nn.GELU(),
                                           torch.nn.Dropout(0.1), torch.nn.Linear(width, len(LABELS)))

    class SpanEncoder(torch.nn.Module):  # type: ignore[misc, name-defined]
        def __init__(self) -> None:
            super().__init__()
            self.encoder = encoder
            self.head = SpanHead()

        def forward(self, enc: Any, rows: Any, subject: Any, figure: Any, origin: Any) -> Any:
            hidden = self.encoder(**enc).last_hidden_state  # texts x tokens x width
            per_pair = hidden[rows]  # pairs x tokens x width
            named = subject.sum(1, keepdim=True)
            sub = torch.einsum("pt,ptw->pw", subject, per_pair) / named.clamp(min=1) + self.head.origin(origin)
            counted = figure.sum(1, keepdim=True)
            fig = torch.where(counted > 0, torch.einsum("pt,ptw->pw", figure, per_pair) / counted.clamp(min=1),
                              self.head.no_figure)
            return self.head.mlp(torch.cat([per_pair[:, 0], sub, fig, sub * fig], -1))

    return SpanEncoder()
