"""The learned second pass's model for real (torch, MiniLM): trained from the command line on a few gold reports,
saved, loaded and used by `stabforce extract --model`; and the errors a user meets on the way. A model trained on
five reports for one epoch says little; its quality is measured by scripts/pair_model_experiment.py and
scripts/score_extract.py --model (docs/architecture.md)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from stabforce.cli.main import app
from stabforce.engines.extract import pairs
from stabforce.services.pair_model import PairModel

ROOT = Path(__file__).resolve().parents[2]
runner = CliRunner()
REPORT = ("date 2025-06-02 The summit in Rome ended without a decision. Senegal is studying the request, and 300 "
          "Senegalese soldiers could follow. Ghana will send 200 police officers to the mission.")


def said(result) -> str:  # type: ignore[no-untyped-def]
    """The command's output with Rich's line wrapping undone."""
    return " ".join(result.output.split())


@pytest.fixture(scope="module")
def model_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("pairs") / "model"
    done = runner.invoke(app, ["extract-train", "--out", str(out), "--gold", str(ROOT / "tests" / "gold" / "dev"),
                               "--limit", "5", "--epochs", "1", "--architecture", "marked"])
    assert done.exit_code == 0, done.output
    assert f"saved to {out}" in said(done)
    return out


def test_training_writes_a_model_that_loads_and_reads_pairs(model_dir: Path) -> None:
    meta = json.loads((model_dir / "meta.json").read_text(encoding="utf-8"))
    assert meta["labels"] == list(pairs.LABELS) and meta["reports"] == 5 and meta["epochs"] == 1
    assert meta["architecture"] == "marked"
    assert meta["average"] == 0.0  # the marked model keeps its last step's weights, as it always did
    assert meta["epochs_planned"] == 1
    assert meta["pairs"] > 0 and len(meta["losses"]) == 1 and meta["losses"][0] > 0
    model = PairModel.load(model_dir)
    found = pairs.candidates(REPORT, "r")
    probabilities = model.probabilities(pairs.segments(found))
    assert len(probabilities) == len(found)
    assert all(len(p) == len(pairs.LABELS) and abs(sum(p) - 1) < 1e-4 for p in probabilities)
    # the same model reads the same pairs the same way, in whatever order they come (it batches them by length)
    again = PairModel.load(model_dir).probabilities(pairs.segments(found))
    assert [x for row in again for x in row] == pytest.approx([x for row in probabilities for x in row], abs=1e-5)
    backwards = model.probabilities(list(reversed(pairs.segments(found))))[::-1]
    assert [x for row in backwards for x in row] == pytest.approx([x for row in probabilities for x in row], abs=1e-5)


def test_training_hands_each_finished_epoch_to_on_epoch_with_the_network_ready_to_save(model_dir: Path) -> None:
    # `stabforce extract-train` saves a checkpoint in on_epoch, so a run cut short keeps its last whole epoch
    model = PairModel.load(model_dir)
    found = pairs.candidates(REPORT, "r")
    seen: list[tuple[int, list[float], bool]] = []
    losses = model.fit(pairs.segments(found), ["none"] * len(found), epochs=2, none_keep=1.0,
                       on_epoch=lambda done, so_far: seen.append((done, so_far, model._network.training)))
    assert [(done, len(so_far), training) for done, so_far, training in seen] == [(1, 1, False), (2, 2, False)]
    assert seen[-1][1] == losses and all(x > 0 for x in losses)
    assert model._network.training is False


def test_extract_with_the_model_keeps_the_rules_claims_and_their_fields(model_dir: Path, tmp_path: Path) -> None:
    report = tmp_path / "report.txt"
    report.write_text(REPORT, encoding="utf-8")
    plain = runner.invoke(app, ["extract", str(report), "--json"])
    learned = runner.invoke(app, ["extract", str(report), "--json", "--model", str(model_dir)])
    assert plain.exit_code == 0 and learned.exit_code == 0, learned.output
    rules = [json.loads(line) for line in plain.stdout.splitlines()]
    rows = [json.loads(line) for line in learned.stdout.splitlines()]
    assert rules and all(len(r) == 23 for r in rows)
    assert [r for r in rows if r["confidence"] > 0.35] == rules  # the rules' claims, unchanged and in place
    assert all(r["confidence"] <= 0.35 and r["kind"] in pairs.LABELS[1:6] for r in rows if r not in rules)


def test_a_folder_that_is_not_a_model_is_refused_by_name(tmp_path: Path) -> None:
    report = tmp_path / "report.txt"
    report.write_text(REPORT, encoding="utf-8")
    empty = tmp_path / "empty"
    empty.mkdir()
    done = runner.invoke(app, ["extract", str(report), "--model", str(empty)])
    assert done.exit_code != 0
    assert "is not a trained pair model (missing meta.json" in said(done)


def test_a_model_for_other_labels_is_refused(model_dir: Path, tmp_path: Path) -> None:
    other = tmp_path / "other"
    shutil.copytree(model_dir, other)
    meta = json.loads((other / "meta.json").read_text(encoding="utf-8"))
    (other / "meta.json").write_text(json.dumps({**meta, "labels": ["none", "pledge"]}), encoding="utf-8")
    with pytest.raises(Exception, match="trained for other labels"):
        PairModel.load(other)


def test_training_refuses_the_held_out_test_split_and_broken_gold(tmp_path: Path) -> None:
    refused = runner.invoke(app, ["extract-train", "--out", str(tmp_path / "m"), "--gold",
                                  str(ROOT / "tests" / "gold" / "test")])
    assert refused.exit_code != 0 and "refusing to train on the held-out test split" in said(refused)
    assert not (tmp_path / "m").exists()
    broken = tmp_path / "gold"
    broken.mkdir()
    (broken / "corpus.jsonl").write_text('{"id": "dev-1", "text": "Chad will send 400 soldiers."}\n', encoding="utf-8")
    (broken / "claims.jsonl").write_text('{"source": "dev-1", "subject": "TCD"}\n', encoding="utf-8")
    done = runner.invoke(app, ["extract-train", "--out", str(tmp_path / "m"), "--gold", str(broken)])
    assert done.exit_code != 0 and "claims.jsonl line 1: missing quote, kind, low, high" in said(done)
    missing = runner.invoke(app, ["extract-train", "--out", str(tmp_path / "m"), "--gold", str(tmp_path / "nowhere")])
    assert missing.exit_code != 0 and "no such file" in said(missing)


def test_ingest_with_the_model_stores_the_rules_claims_and_refuses_a_bad_model(model_dir: Path, db_url: str,
                                                                                 tmp_path: Path) -> None:
    report = tmp_path / "report.txt"
    report.write_text(REPORT, encoding="utf-8")
    bad = runner.invoke(app, ["--database-url", db_url, "ingest", str(report), "--model", str(tmp_path)])
    assert bad.exit_code != 0 and "is not a trained pair model" in said(bad)
    listed = runner.invoke(app, ["--database-url", db_url, "claims", "list", "--json"])
    assert json.loads(listed.stdout) == []  # nothing stored
    done = runner.invoke(app, ["--database-url", db_url, "ingest", str(report), "--model", str(model_dir), "--json"])
    assert done.exit_code == 0, done.output
    claims = json.loads(runner.invoke(app, ["--database-url", db_url, "claims", "list", "--json"]).stdout)
    rules = [json.loads(line) for line in runner.invoke(app, ["extract", str(report), "--json"]).stdout.splitlines()]
    # every rule claim is stored, with the rules' kind unless the learned pass gave it another (and says so)
    assert sorted((c["subject"], c["low"], c["high"], c["quote"]) for c in claims if c["method"] != "learned") == sorted(
        (r["subject"], r["low"], r["high"], r["quote"]) for r in rules)
    kinds = {(r["subject"], r["low"], r["quote"]): r["kind"] for r in rules}
    assert all((c["kind"] == kinds[(c["subject"], c["low"], c["quote"])]) == (c["method"] == "rules")
               for c in claims if c["method"] != "learned")
    assert all((c["method"] != "rules") == (c["confidence"] <= 0.35) for c in claims)


def test_a_model_with_broken_weights_is_refused_by_name(model_dir: Path, tmp_path: Path) -> None:
    broken = tmp_path / "broken"
    shutil.copytree(model_dir, broken)
    (broken / "head.pt").write_bytes(b"not a tensor file")
    with pytest.raises(Exception, match="the model's files do not load"):
        PairModel.load(broken)


def test_the_experiment_scores_a_trained_model_on_reports_it_did_not_see(model_dir: Path, tmp_path: Path,
                                                                         capsys: pytest.CaptureFixture[str]) -> None:
    import sys

    sys.path.insert(0, str(ROOT / "scripts"))
    import pair_model_experiment

    saved = tmp_path / "rows.jsonl"
    assert pair_model_experiment.main(["--eval", "101-110", "--model", str(model_dir), "--save", str(saved)]) == 0
    out = capsys.readouterr()
    assert "model " in out.err and "meta: 5 reports" in out.err
    lines = {line.split(" lenient")[0].strip(): line for line in out.out.splitlines()}
    assert set(lines) == {"rules", "model", "rules + model", "+ model's kinds", "+ model's vetoes"}
    rows = [json.loads(line) for line in saved.read_text(encoding="utf-8").splitlines()]
    assert rows and all(r["source"].startswith("dev-1") and len(r["probs"]) == len(pairs.LABELS) for r in rows)
    # the saved output scores the same without the model
    assert pair_model_experiment.main(["--eval", "101-110", "--load", str(saved)]) == 0
    assert capsys.readouterr().out == out.out
    assert pair_model_experiment.main(["--eval", "101-110", "--load", str(saved), "--why"]) == 0
    told = capsys.readouterr().out.splitlines()
    assert told[:5] == out.out.splitlines()
    for line, title in zip(told[5:], ("missed", "extra"), strict=True):  # "missed (N): n1 cause; n2 cause ..."
        head, _, causes = line.partition(": ")
        assert head.startswith(f"{title} (") and sum(int(c.split()[0]) for c in causes.split("; ")) == int(head[len(title) + 2:-1])
    with pytest.raises(SystemExit):
        pair_model_experiment.main(["--eval", "101-110", "--model", str(model_dir), "--load", str(saved)])


@pytest.fixture(scope="module")
def span_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("spans") / "model"
    done = runner.invoke(app, ["extract-train", "--out", str(out), "--gold", str(ROOT / "tests" / "gold" / "dev"),
                               "--limit", "5", "--epochs", "1"])  # spans: the default
    assert done.exit_code == 0, done.output
    return out


def test_the_span_model_trains_saves_loads_and_reads_each_pair_whatever_the_order(span_dir: Path) -> None:
    from stabforce.services.span_model import SpanModel

    meta = json.loads((span_dir / "meta.json").read_text(encoding="utf-8"))
    assert meta["architecture"] == "spans" and meta["reports"] == 5 and len(meta["losses"]) == 1
    assert meta["average"] == pytest.approx(1 / 4)  # the mean of the last quarter of the steps' weights is kept
    model = PairModel.load(span_dir)
    assert isinstance(model, SpanModel)
    found = pairs.candidates(REPORT, "r")
    probabilities = model.read(found)
    assert len(probabilities) == len(found)
    assert all(len(p) == len(pairs.LABELS) and abs(sum(p) - 1) < 1e-4 for p in probabilities)
    # pairs of one sentence share its encoding, yet each pair gets its own reading
    by_sentence = {}
    for p, row in zip(found, probabilities, strict=True):
        by_sentence.setdefault(p.index, []).append(tuple(round(x, 6) for x in row))
    assert any(len(set(rows)) > 1 for rows in by_sentence.values())
    backwards = model.read(list(reversed(found)))[::-1]
    assert [x for row in backwards for x in row] == pytest.approx([x for row in probabilities for x in row], abs=1e-5)
    alone = model.read(found[:1])  # a sentence read with none of the others gives its pairs the same
    assert alone[0] == pytest.approx(probabilities[0], abs=1e-5)
    with pytest.raises(TypeError, match="use read"):  # marked segments are not what it reads
        model.probabilities(pairs.segments(found))
    with pytest.raises(TypeError, match="use train"):
        model.fit(pairs.segments(found), ["none"] * len(found))


def test_the_span_model_learns_from_its_labels(span_dir: Path) -> None:
    # a few steps on one report's pairs, all labelled "pledge", make "pledge" likelier for them
    from stabforce.services.span_model import SpanModel

    model = PairModel.load(span_dir)
    assert isinstance(model, SpanModel)
    found = pairs.candidates(REPORT, "r")
    before = [row[1] for row in model.read(found)]
    losses = model.train(found, ["pledge"] * len(found), epochs=3, none_keep=1.0)
    after = [row[1] for row in model.read(found)]
    assert losses[-1] < losses[0]
    assert sum(after) > sum(before)


def test_the_learning_rate_schedules_warm_up_and_fall_or_stay_and_are_recorded(span_dir: Path) -> None:
    from stabforce.errors import InvalidInput
    from stabforce.services.pair_model import HEAD_RATE, SCHEDULES

    model = PairModel.load(span_dir)
    meta = json.loads((span_dir / "meta.json").read_text(encoding="utf-8"))
    assert meta["schedule"] == "constant"  # what extract-train trains with (linear measured worse on held-out dev)
    assert meta["learning_rates"] == {"encoder": 8e-5, "head": 1e-3} == {"encoder": model.encoder_rate, "head": HEAD_RATE}
    top = model.encoder_rate
    rates = {}
    for schedule in SCHEDULES:
        optimizer = model.optimizer()
        rate = model.scheduler(optimizer, 50, schedule)
        assert model.meta["schedule"] == schedule
        seen = []
        for _ in range(50):
            seen.append([group["lr"] for group in optimizer.param_groups])
            optimizer.step()
            rate.step()
        rates[schedule] = seen
    assert all(step == [top, HEAD_RATE] for step in rates["constant"])
    encoder = [step[0] for step in rates["linear"]]
    peak = encoder.index(max(encoder))
    assert peak == 2 and encoder[0] == pytest.approx(top / 3)  # 6 % of 50 steps warm up: 3 steps
    assert max(encoder) == pytest.approx(top)
    assert all(a > b for a, b in zip(encoder[peak:], encoder[peak + 1:], strict=False))  # then falls each step
    assert encoder[-1] == pytest.approx(top / 48)
    assert [s[1] / s[0] for s in rates["linear"]] == pytest.approx([HEAD_RATE / top] * 50)  # the head moves alike
    with pytest.raises(InvalidInput, match="unknown learning-rate schedule 'cosine'"):
        model.scheduler(model.optimizer(), 50, "cosine")


def test_weight_averaging_keeps_the_mean_of_the_weights_after_each_late_step() -> None:
    import torch

    from stabforce.services.pair_model import Averager

    net = torch.nn.Linear(3, 2)
    mean = Averager(torch, net, start=2)
    for value in (1.0, 2.0, 3.0, 4.0, 5.0):  # what an optimizer step would leave
        for p in net.parameters():
            p.data.fill_(value)
        mean.step()
    assert mean.averaged == 3
    mean.finish()
    assert all(torch.all(p == 4.0) for p in net.parameters())  # the mean after steps 3, 4 and 5
    none = Averager(torch, net, start=None)  # no averaging: no copy, the weights stay
    none.step()
    none.finish()
    assert none.averaged == 0 and all(torch.all(p == 4.0) for p in net.parameters())


def test_extract_train_refuses_an_average_outside_0_to_1(tmp_path: Path) -> None:
    done = runner.invoke(app, ["extract-train", "--out", str(tmp_path / "m"), "--average", "1.5"])
    assert done.exit_code == 2 and "--average" in said(done) and not (tmp_path / "m").exists()


def test_training_with_weight_averaging_keeps_the_mean_and_records_it(span_dir: Path) -> None:
    from stabforce.errors import InvalidInput

    found = pairs.candidates(REPORT, "r")
    labels = ["pledge"] * len(found)

    def trained(average: float) -> tuple[list[list[float]], dict]:
        import torch

        model = PairModel.load(span_dir)
        torch.manual_seed(0)  # the same dropout each time
        model.train(found, labels, epochs=3, none_keep=1.0, average=average)
        return model.read(found), model.meta

    last, meta = trained(0.0)
    assert meta["average"] == 0.0
    one_step, meta = trained(0.3)  # 3 steps (one sentence batch an epoch): the mean of the last step alone
    assert meta["average"] == 0.3
    assert [x for row in one_step for x in row] == pytest.approx([x for row in last for x in row], abs=1e-6)
    averaged, meta = trained(1.0)  # the mean of all three steps' weights: not where the last step left them
    assert meta["average"] == 1.0
    assert max(abs(a - b) for ra, rb in zip(averaged, last, strict=True) for a, b in zip(ra, rb, strict=True)) > 1e-4
    with pytest.raises(InvalidInput, match="between 0 and 1, not 1.5"):
        PairModel.load(span_dir).averager(10, 1.5)


@pytest.mark.parametrize("folder", ["span_dir", "ensemble_dir"])
def test_extract_with_a_span_model_or_an_ensemble_keeps_the_rules_claims(folder: str, tmp_path: Path,
                                                                         request: pytest.FixtureRequest) -> None:
    report = tmp_path / "report.txt"
    report.write_text(REPORT, encoding="utf-8")
    plain = runner.invoke(app, ["extract", str(report), "--json"])
    learned = runner.invoke(app, ["extract", str(report), "--json", "--model", str(request.getfixturevalue(folder))])
    assert learned.exit_code == 0, learned.output
    rules = [json.loads(line) for line in plain.stdout.splitlines()]
    rows = [json.loads(line) for line in learned.stdout.splitlines()]
    assert rules and all(len(r) == 23 for r in rows)
    assert [r for r in rows if r["confidence"] > 0.35] == rules


def test_an_unknown_architecture_is_refused_by_name(span_dir: Path, tmp_path: Path) -> None:
    other = tmp_path / "other"
    shutil.copytree(span_dir, other)
    meta = json.loads((other / "meta.json").read_text(encoding="utf-8"))
    (other / "meta.json").write_text(json.dumps({**meta, "architecture": "bag of words"}), encoding="utf-8")
    with pytest.raises(Exception, match="unknown model architecture 'bag of words'"):
        PairModel.load(other)
    done = runner.invoke(app, ["extract-train", "--out", str(tmp_path / "m"), "--architecture", "words"])
    assert done.exit_code != 0 and "--architecture must be 'marked' or 'spans', not 'words'" in said(done)
    assert not (tmp_path / "m").exists()


def test_the_experiment_trains_a_span_model_and_scores_every_epoch(capsys: pytest.CaptureFixture[str]) -> None:
    import sys

    sys.path.insert(0, str(ROOT / "scripts"))
    import pair_model_experiment

    assert pair_model_experiment.main(["--train", "1-3", "--eval", "101-103", "--epochs", "2", "--each-epoch",
                                       "--architecture", "spans"]) == 0
    out = capsys.readouterr()
    assert "train: 3 reports" in out.err and "trained in" in out.err
    lines = out.out.splitlines()
    assert lines[0].startswith("after epoch 1 (loss ") and "after epoch 2:" in lines
    assert sum(line.startswith("+ model's vetoes") for line in lines) == 2


def test_the_experiment_keeps_each_epoch_s_weights_and_puts_any_run_of_epochs_back() -> None:
    import sys

    import torch

    sys.path.insert(0, str(ROOT / "scripts"))
    from pair_model_experiment import EpochSums

    net = torch.nn.Linear(3, 2)
    sums = EpochSums(net)
    for epoch in ((1.0, 3.0), (4.0, 6.0, 8.0), (10.0,)):  # what each step of three epochs would leave
        for value in epoch:
            for p in net.parameters():
                p.data.fill_(value)
            sums.step(0, 0)
        sums.epoch_done()
    for (first, last), mean in (((1, 1), 2.0), ((2, 2), 6.0), ((2, 3), 7.0), ((1, 3), 32.0 / 6)):
        sums.put(first, last)  # the mean over every step of those epochs, whatever the order asked
        assert all(torch.allclose(p, torch.full_like(p, mean)) for p in net.parameters()), (first, last)


def test_the_experiment_scores_runs_of_epochs_from_one_training(capsys: pytest.CaptureFixture[str]) -> None:
    import sys

    sys.path.insert(0, str(ROOT / "scripts"))
    import pair_model_experiment

    assert pair_model_experiment.main(["--train", "1-3", "--eval", "101-103", "--epochs", "2", "--windows",
                                       "2,1-2"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [x for x in lines if not x.startswith(("rules", "model", "+ model"))] == [
        "the last step's weights (epoch 2):", "mean weights of epochs 2-2:", "mean weights of epochs 1-2:"]
    assert sum(line.startswith("+ model's vetoes") for line in lines) == 3


def test_each_architecture_trains_its_own_number_of_epochs_unless_told(tmp_path: Path) -> None:
    from stabforce.services.span_model import SpanModel

    assert (PairModel.epochs, SpanModel.epochs) == (3, 4)
    done = runner.invoke(app, ["extract-train", "--out", str(tmp_path / "m"), "--limit", "1"])
    assert done.exit_code == 0, done.output
    meta = json.loads((tmp_path / "m" / "meta.json").read_text(encoding="utf-8"))
    assert meta["epochs_planned"] == meta["epochs"] == len(meta["losses"]) == 4 and "4 epochs" in said(done)


@pytest.fixture(scope="module")
def ensemble_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("ensemble") / "model"
    done = runner.invoke(app, ["extract-train", "--out", str(out), "--gold", str(ROOT / "tests" / "gold" / "dev"),
                               "--limit", "3", "--epochs", "1", "--architecture", "spans", "--seeds", "2",
                               "--seed", "4"])
    assert done.exit_code == 0, done.output
    assert "2 seeds" in said(done)
    return out


def test_an_ensemble_reads_the_mean_of_its_members(ensemble_dir: Path) -> None:
    from stabforce.services.ensemble_model import Ensemble

    meta = json.loads((ensemble_dir / "meta.json").read_text(encoding="utf-8"))
    assert meta["architecture"] == "ensemble" and meta["members"] == ["seed-4", "seed-5"]
    assert meta["reports"] == 3 and meta["seeds_planned"] == 2
    assert [json.loads((ensemble_dir / m / "meta.json").read_text())["seed"] for m in meta["members"]] == [4, 5]
    ensemble = PairModel.load(ensemble_dir)
    assert isinstance(ensemble, Ensemble) and len(ensemble.members) == 2
    found = pairs.candidates(REPORT, "r")
    first, second = (PairModel.load(ensemble_dir / m).read(found) for m in meta["members"])
    assert first != second  # two seeds, two models
    ticks: list[tuple[int, int]] = []
    mean = ensemble.read(found, lambda done, total: ticks.append((done, total)))
    expected = [(a + b) / 2 for row_a, row_b in zip(first, second, strict=True) for a, b in zip(row_a, row_b, strict=True)]
    assert [x for row in mean for x in row] == pytest.approx(expected, abs=1e-5)
    assert ticks[-1][0] == ticks[-1][1] and ticks == sorted(ticks)  # one bar over both members


@pytest.mark.parametrize(("members", "error"), [
    ([], "'members' must be a non-empty list"),
    (["../elsewhere"], "'members' must be a non-empty list"),
    ("seed-4", "'members' must be a non-empty list"),
    (["seed-4", "seed-9"], "seed-9 is not a trained pair model"),
    (["inner"], "an ensemble's member cannot be an ensemble"),
])
def test_a_broken_ensemble_is_refused_by_name(ensemble_dir: Path, tmp_path: Path, members: object,
                                              error: str) -> None:
    other = tmp_path / "other"
    shutil.copytree(ensemble_dir, other)
    meta = json.loads((other / "meta.json").read_text(encoding="utf-8"))
    shutil.copytree(ensemble_dir, other / "inner")
    (other / "meta.json").write_text(json.dumps({**meta, "members": members}), encoding="utf-8")
    with pytest.raises(Exception, match=error):
        PairModel.load(other)


def test_the_experiment_averages_saved_outputs(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import sys

    sys.path.insert(0, str(ROOT / "scripts"))
    import pair_model_experiment

    row = {"source": "dev-0101", "subject": "GHA", "at": [2, 10]}
    a = [{**row, "probs": [0.2, 0.8]}, {**row, "subject": "SEN", "probs": [1.0, 0.0]}]
    b = [{**row, "probs": [0.6, 0.4]}, {**row, "subject": "SEN", "probs": [0.0, 1.0]}]
    mean = pair_model_experiment._averaged([a, b])
    assert [r["probs"] for r in mean] == [pytest.approx([0.4, 0.6]), pytest.approx([0.5, 0.5])]
    assert [r["subject"] for r in mean] == ["GHA", "SEN"]
    with pytest.raises(SystemExit, match="not hold the same pairs"):
        pair_model_experiment._averaged([a, b[::-1]])


@pytest.mark.parametrize("folder", ["model_dir", "span_dir"])
def test_training_refuses_labels_that_do_not_fit_the_pairs(folder: str, request: pytest.FixtureRequest) -> None:
    model = PairModel.load(request.getfixturevalue(folder))
    found = pairs.candidates(REPORT, "r")
    with pytest.raises(Exception, match="one label per pair"):
        model.train(found, ["none"] * (len(found) - 1))  # type: ignore[attr-defined]
    with pytest.raises(Exception, match="one label per pair"):
        model.train([], [])  # type: ignore[attr-defined]
    with pytest.raises(Exception, match=r"unknown labels \['promise'\]"):
        model.train(found, ["promise"] + ["none"] * (len(found) - 1))  # type: ignore[attr-defined]
