import json
import re
import subprocess
import sys

import pytest

from geomap import settings
from geomap.cli import build_parser, main

COMMANDS = ["map", "events", "places", "serve"]


def run(args, capsys):
    code = main(args)
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_explains_itself(command, capsys):
    with pytest.raises(SystemExit) as exc:
        main([command, "--help"])
    assert exc.value.code == 0
    assert len(capsys.readouterr().out) > 200


def test_top_level_help_lists_commands(capsys):
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    for command in COMMANDS:
        assert command in out


def test_map_from_the_seed_table(tmp_path, capsys):
    out = tmp_path / "report.html"
    code, _, err = run(["map", str(settings.seed_events), "-o", str(out)], capsys)
    assert code == 0
    assert "read 20, accepted 20, rejected 0" in err
    assert out.stat().st_size > 100_000 and "geomap.pointsLayer" in out.read_text(encoding="utf-8")


def test_map_cdn_is_smaller(tmp_path, capsys):
    offline, cdn = tmp_path / "a.html", tmp_path / "b.html"
    assert run(["map", str(settings.seed_events), "-o", str(offline), "--offline"], capsys)[0] == 0
    assert run(["map", str(settings.seed_events), "-o", str(cdn), "--cdn"], capsys)[0] == 0
    assert cdn.stat().st_size < offline.stat().st_size - 100_000


def test_missing_input_is_one_clear_line(tmp_path, capsys):
    out = tmp_path / "report.html"
    code, stdout, err = run(["map", str(tmp_path / "nope.csv"), "-o", str(out)], capsys)
    assert code == 1 and stdout == ""
    assert err.strip().count("\n") == 0 and "nope.csv" in err and "does not exist" in err
    assert not out.exists()


def test_unknown_output_extension(tmp_path, capsys):
    code, _, err = run(["map", str(settings.seed_events), "-o", str(tmp_path / "x.pdf")], capsys)
    assert code == 1 and "x.pdf" in err and ".html" in err


def test_bad_table_leaves_no_output(tmp_path, capsys):
    bad = tmp_path / "bad.csv"
    bad.write_bytes(b"\x00\x01\x02binary")
    out = tmp_path / "map.html"
    code, _, err = run(["map", str(bad), "-o", str(out)], capsys)
    assert code == 1 and "bad.csv" in err
    assert list(tmp_path.iterdir()) == [bad]


def test_usage_error_exit_code():
    with pytest.raises(SystemExit) as exc:
        build_parser().parse_args(["map"])
    assert exc.value.code == 2


def test_python_dash_m_runs():
    proc = subprocess.run([sys.executable, "-m", "geomap", "--version"], capture_output=True,
                          text=True, check=False)
    assert proc.returncode == 0 and re.match(r"geomap \d", proc.stdout)


def test_article_without_a_date_asks_for_one(tmp_path, capsys):
    article = tmp_path / "undated.txt"
    article.write_text("Troops were deployed to the border near Termez.\n", encoding="utf-8")
    out = tmp_path / "events.csv"
    code, _, err = run(["events", str(article), "-o", str(out)], capsys)
    assert code == 1 and "undated.txt" in err and "--published" in err
    assert not out.exists()


def test_events_from_the_seed_article(tmp_path, capsys):
    out = tmp_path / "events.json"
    code, _, err = run(["events", str(settings.seed_article), "--published", "2021-08-25",
                        "-o", str(out)], capsys)
    assert code == 0 and "events" in err
    records = json.loads(out.read_text(encoding="utf-8"))
    text = settings.seed_article.read_bytes().decode("utf-8")
    assert records and all(text[r["char_start"]:r["char_end"]] == r["quote"] for r in records)


def test_map_straight_from_an_article(tmp_path, capsys):
    out = tmp_path / "map.html"
    code, _, _ = run(["map", str(settings.seed_article), "--published", "2021-08-25", "-o",
                      str(out)], capsys)
    assert code == 0 and "Dushanbe" in out.read_text(encoding="utf-8")


def test_places_lists_resolved_and_unresolved(capsys):
    code, stdout, err = run(["places", str(settings.seed_article), "--json"], capsys)
    assert code == 0
    names = {m["name"] for m in json.loads(stdout)}
    assert {"Kabul", "Dushanbe", "Tehran", "Islamabad"} <= names
    assert "place mentions" in err


def test_map_can_write_the_combined_table(tmp_path, capsys):
    out = tmp_path / "combined.geojson"
    code, _, _ = run(["map", str(settings.seed_events), "-o", str(out)], capsys)
    data = json.loads(out.read_text(encoding="utf-8"))
    assert code == 0 and len(data["features"]) == 20


def test_a_ten_megabyte_article_is_refused_clearly(tmp_path, capsys):
    article = tmp_path / "huge.txt"
    article.write_text("Troops crossed the border near Termez on Monday.\n" * 210_000,
                       encoding="utf-8")
    out = tmp_path / "events.csv"
    code, _, err = run(["events", str(article), "--published", "2021-08-25", "-o", str(out)],
                       capsys)
    assert code == 1 and "huge.txt" in err and "over the limit" in err
    assert not out.exists()
