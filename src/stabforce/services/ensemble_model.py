"""Several pair models read as one: each pair's probabilities are the mean of its members' (models of other seeds,
or of other architectures). A trained ensemble is a folder of member folders and a meta.json that names them:

    meta.json      {"architecture": "ensemble", "labels": [...], "members": ["seed-0", "seed-1", ...], ...}
    seed-0/        a model folder as `pair_model` describes (any architecture but "ensemble")
    seed-1/        ...

`stabforce extract-train --seeds N` makes one; `PairModel.load` reads one as it reads a single model, so every
`--model DIR` takes either.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from stabforce.engines.extract import pairs
from stabforce.engines.extract.pairs import LABELS
from stabforce.errors import InvalidInput
from stabforce.services.pair_model import PairModel

ARCHITECTURE = "ensemble"


class Ensemble:
    """`PairModel.read` over several models: the mean of their probabilities, pair by pair."""

    def __init__(self, members: Sequence[PairModel], meta: dict[str, Any]) -> None:
        if not members:
            raise ValueError("an ensemble needs at least one member")
        self.members, self.meta = list(members), meta

    @classmethod
    def load(cls, folder: Path, meta: dict[str, Any]) -> Ensemble:
        """The ensemble whose meta.json (already read: `meta`) names its members; an error naming the folder and what
        is wrong otherwise."""
        names = meta.get("members")
        if not isinstance(names, list) or not names or not all(_plain(name) for name in names):
            raise InvalidInput(f"{folder / 'meta.json'}: an ensemble's 'members' must be a non-empty list of "
                               f"sub-folder names, not {names!r}", folder=str(folder))
        members = []
        for name in names:
            member = PairModel.load(folder / name)
            if not isinstance(member, PairModel):
                raise InvalidInput(f"{folder / name}: an ensemble's member cannot be an ensemble", folder=str(folder))
            members.append(member)
        return cls(members, meta)

    @staticmethod
    def write_meta(folder: Path, members: Sequence[str], **about: Any) -> None:
        """Write the meta.json that makes `folder` an ensemble of the model folders `members` (names inside it)."""
        meta = {"architecture": ARCHITECTURE, "labels": list(LABELS), "members": list(members), **about}
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "meta.json").write_text(json.dumps(meta, indent=2, default=str) + "\n", encoding="utf-8")

    def read(self, found: Sequence[pairs.Pair], progress: Callable[[int, int], None] | None = None
             ) -> list[list[float]]:
        """P(label) for each candidate pair, in `LABELS` order: the mean over the members."""
        count = len(self.members)
        sums = [[0.0] * len(LABELS) for _ in found]
        for k, member in enumerate(self.members):
            def step(done: int, total: int, k: int = k) -> None:
                if progress is not None:
                    progress(k * total + done, count * total)

            for row, probs in zip(sums, member.read(found, step), strict=True):
                for j, p in enumerate(probs):
                    row[j] += p
        return [[v / count for v in row] for row in sums]


def _plain(name: object) -> bool:
    """A sub-folder name: no separators, not '.' or '..'."""
    return isinstance(name, str) and bool(name) and name not in (".", "..") and "/" not in name and "\\" not in name
