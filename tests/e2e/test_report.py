#!/usr/bin/python3
"""End-to-end tests of scan's statistics and report formats: CSV/TSV agree with JSON, --fields,
--summary, quality thresholds, duplicate marks across files, untranslated spans, the table, and
the README's jq recipes run as written.

Run by ctest as: test_report.py --binary build/corpus-scan --root <repo>.
"""
import csv
import io
import json
import os
import re
import shutil
import subprocess
import tempfile
import unittest

import jsonschema
import harness

BINARY = None
ROOT = None


def run(args, check_rc=0, env=None, cwd=None):
    proc = subprocess.run([BINARY] + args, capture_output=True, cwd=cwd or ROOT, env=env)
    if check_rc is not None:
        assert proc.returncode == check_rc, (args, proc.returncode, proc.stderr.decode(errors="replace"))
    return proc


def records(stdout):
    return [json.loads(line) for line in stdout.decode("utf-8").splitlines()]


def articles(recs):
    return [r for r in recs if r["type"] == "article"]


def lookup(rec, dotted):
    cur = rec
    for part in dotted.split("."):
        if cur is None:
            return None
        cur = cur[part]
    return cur


def as_cell(value, name):
    """The text a CSV cell must hold for a JSON value (docs/stats.md, Output formats)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if name == "untranslated":
        return ";".join(f"{u['line_start']}-{u['line_end']}" for u in value)
    if isinstance(value, list):
        return ";".join(value)
    if isinstance(value, dict):  # a path written as {"bytes": ...}: not in data/
        raise AssertionError(f"{name}: unexpected object {value}")
    return str(value)


class ScanData:
    _cache = {}

    @classmethod
    def scan(cls, *extra):
        key = tuple(extra)
        if key not in cls._cache:
            cls._cache[key] = run(["scan", "data", *extra]).stdout
        return cls._cache[key]


class FormatsAgreeTest(unittest.TestCase):
    def test_csv_cells_equal_the_json_values(self):
        recs = articles(records(ScanData.scan("--format", "jsonl")))
        rows = list(csv.reader(io.StringIO(ScanData.scan("--format", "csv").decode("utf-8"), newline="")))
        header, body = rows[0], rows[1:]
        self.assertEqual(len(body), len(recs))
        self.assertIn("stats.repetition.dup_5gram_char_frac", header)
        self.assertIn("stats.quality.failed", header)
        for rec, row in zip(recs, body):
            for name, cell in zip(header, row):
                self.assertEqual(cell, as_cell(lookup(rec, name), name), f"{rec['path']}#{rec['index']} {name}")

    def test_tsv_matches_csv_cell_for_cell(self):
        rows = list(csv.reader(io.StringIO(ScanData.scan("--format", "csv").decode("utf-8"), newline="")))
        unescape = {"\\t": "\t", "\\n": "\n", "\\r": "\r", "\\\\": "\\"}
        tsv = [[re.sub(r"\\[tnr\\]", lambda m: unescape[m.group(0)], c) for c in line.split("\t")]
               for line in ScanData.scan("--format", "tsv").decode("utf-8").splitlines()]
        self.assertEqual(tsv, rows)

    def test_csv_column_order_is_stable_and_every_column_is_described_in_the_schema(self):
        with open(os.path.join(ROOT, "docs", "scan.schema.json"), encoding="utf-8") as f:
            schema = json.load(f)
        header = next(csv.reader(io.StringIO(ScanData.scan("--format", "csv").decode("utf-8"))))
        # Stable: the record's own order, which starts like this.
        self.assertEqual(header[:8], ["path", "index", "line_start", "line_end", "byte_start", "byte_end", "title", "title_line"])
        defs = schema["$defs"]

        def describe(node, parts):
            resolved = defs[node["$ref"].split("/")[-1]] if "$ref" in node else node
            if not parts:
                return node.get("description") or resolved.get("description")
            node = resolved
            props = dict(node.get("properties", {}))
            for inherited in node.get("allOf", []):  # article = span + its own fields
                props.update(defs[inherited["$ref"].split("/")[-1]]["properties"])
            for alternative in node.get("oneOf", []):  # duplicate_of: null or an object
                props.update(alternative.get("properties", {}))
            if parts[0] not in props:
                return None
            return describe(props[parts[0]], parts[1:])

        for name in header:
            self.assertTrue(describe(defs["article"], name.split(".")), f"{name} has no description in the schema")

    def test_fields_choose_and_nest_json_values(self):
        full = articles(records(ScanData.scan("--format", "jsonl")))
        proc = run(["scan", "data", "--format", "jsonl", "--fields", "path,stats.words,stats.repetition,duplicate_of"])
        picked = records(proc.stdout)
        self.assertEqual(len(picked), len(full))
        for p, f in zip(picked, full):
            self.assertEqual(set(p), {"type", "path", "stats", "duplicate_of"})
            self.assertEqual(p["stats"]["words"], f["stats"]["words"])
            self.assertEqual(p["stats"]["repetition"], f["stats"]["repetition"])
            self.assertEqual(set(p["stats"]), {"words", "repetition"})

    def test_unknown_field_is_a_usage_error_that_names_it(self):
        proc = run(["scan", "data", "--fields", "stats.wrods"], check_rc=2)
        self.assertIn(b"stats.wrods", proc.stderr)
        self.assertEqual(proc.stdout, b"")


class SummaryTest(unittest.TestCase):
    def test_summary_totals_agree_with_the_records(self):
        recs = records(ScanData.scan("--summary"))
        summary = recs[-1]
        self.assertEqual(summary["type"], "summary")
        arts = articles(recs)
        self.assertEqual(summary["articles"], len(arts))
        self.assertEqual(summary["files"], sum(r["type"] == "file" for r in recs))
        self.assertEqual(summary["bytes"], sum(r["bytes"] for r in recs if r["type"] == "file"))
        self.assertEqual(summary["quality"]["pass"], sum(a["stats"]["quality"]["pass"] for a in arts))
        for rule, n in summary["quality"]["failed_rules"].items():
            self.assertEqual(n, sum(rule in a["stats"]["quality"]["failed"] for a in arts), rule)
        for kind, n in summary["artifacts"].items():
            self.assertEqual(n, sum(a["stats"]["edits"][kind] for a in arts), kind)
        words = sorted(a["stats"]["words"] for a in arts)
        d = summary["distributions"]["words"]
        self.assertEqual((d["min"], d["max"]), (words[0], words[-1]))
        self.assertEqual(d["median"], words[(len(words) + 1) // 2 - 1])  # nearest rank
        self.assertEqual(d["p90"], words[-(-9 * len(words) // 10) - 1])
        with open(os.path.join(ROOT, "docs", "scan.schema.json"), encoding="utf-8") as f:
            jsonschema.Draft202012Validator(json.load(f)).validate(summary)

    def test_summary_with_csv_is_refused(self):
        proc = run(["scan", "data", "--format", "csv", "--summary"], check_rc=2)
        self.assertIn(b"--summary", proc.stderr)


class QualityThresholdTest(unittest.TestCase):
    def test_threshold_override_and_off(self):
        strict = articles(records(run(["scan", "data", "--threshold", "min_words=100000"]).stdout))
        self.assertTrue(all("min_words" in a["stats"]["quality"]["failed"] for a in strict))
        off = articles(records(run(["scan", "data", "--threshold", "max_dup_5gram_char_frac=off"]).stdout))
        self.assertFalse(any("max_dup_5gram_char_frac" in a["stats"]["quality"]["failed"] for a in off))

    def test_quality_config_file_and_command_line_precedence(self):
        with tempfile.TemporaryDirectory() as tmp:
            cfg = os.path.join(tmp, "rules.conf")
            with open(cfg, "w") as f:
                f.write("# stricter\nmin_words = 100000\nmax_dup_5gram_char_frac = off\n")
            recs = articles(records(run(["scan", "data", "--quality-config", cfg]).stdout))
            self.assertTrue(all("min_words" in a["stats"]["quality"]["failed"] for a in recs))
            recs = articles(records(run(["scan", "data", "--quality-config", cfg, "--threshold", "min_words=1"]).stdout))
            self.assertFalse(any("min_words" in a["stats"]["quality"]["failed"] for a in recs))
            with open(cfg, "w") as f:
                f.write("min_words = 50\nmax_wrods = 3\n")
            proc = run(["scan", "data", "--quality-config", cfg], check_rc=2)
            self.assertIn(b"rules.conf:2", proc.stderr)
            self.assertIn(b"max_wrods", proc.stderr)

    def test_bad_threshold_value_is_a_usage_error(self):
        proc = run(["scan", "data", "--threshold", "min_words=many"], check_rc=2)
        self.assertIn(b"min_words", proc.stderr)


class DuplicatesTest(unittest.TestCase):
    def test_copies_are_marked_exact_and_edited_copies_near(self):
        with tempfile.TemporaryDirectory() as tmp:
            for name in sorted(os.listdir(os.path.join(ROOT, "data"))):
                src = os.path.join(ROOT, "data", name)
                shutil.copy(src, os.path.join(tmp, "a_" + name))
                shutil.copy(src, os.path.join(tmp, "b_" + name))
                # c_: one word changed in each article's longest line (a typo fixed, a name
                # respelt), so no article is an exact copy any more.
                with open(src, encoding="utf-8") as f:
                    lines = f.read().split("\n")
                for a in articles(records(run(["scan", src]).stdout)):
                    longest = max(range(a["line_start"] - 1, a["line_end"]), key=lambda i: len(lines[i]))
                    lines[longest] = re.sub(r"\b(the|a|and)\b", "that", lines[longest], count=1)
                with open(os.path.join(tmp, "c_" + name), "w", encoding="utf-8") as f:
                    f.write("\n".join(lines))
            recs = articles(records(run(["scan", tmp]).stdout))
        by_copy = {"a": [], "b": [], "c": []}
        for r in recs:
            by_copy[os.path.basename(r["path"])[0]].append(r)
        self.assertTrue(all(r["duplicate_of"] is None for r in by_copy["a"]))
        for r in by_copy["b"]:
            self.assertEqual(r["duplicate_of"]["kind"], "exact")
            self.assertEqual(r["duplicate_of"]["index"], r["index"])
            self.assertEqual(os.path.basename(r["duplicate_of"]["path"]), "a" + os.path.basename(r["path"])[1:])
        near = 0
        for r, orig in zip(by_copy["c"], by_copy["a"]):
            self.assertNotEqual(r["stats"]["fingerprint"]["hash"], orig["stats"]["fingerprint"]["hash"])
            if r["duplicate_of"] is None:
                continue
            # Whatever is marked is marked right: near, pointing at its own original.
            self.assertEqual(r["duplicate_of"]["kind"], "near", r["title"])
            self.assertEqual(r["duplicate_of"]["index"], r["index"])
            self.assertEqual(os.path.basename(r["duplicate_of"]["path"]), "a" + os.path.basename(r["path"])[1:])
            self.assertLessEqual(r["duplicate_of"]["distance"], 3)
            near += 1
        # SimHash within 3 of 64 bits finds most one-word edits (24 of the 27 articles of data/
        # when measured); a word in a short article moves more bits than that.
        self.assertGreaterEqual(near, 0.8 * len(by_copy["c"]))

    def test_data_has_no_duplicates_of_whole_articles(self):
        self.assertTrue(all(a["duplicate_of"] is None for a in articles(records(ScanData.scan()))))


class UntranslatedTest(unittest.TestCase):
    def test_spans_slice_chinese_paragraphs_out_of_the_original_file(self):
        found = 0
        for a in articles(records(ScanData.scan())):
            with open(os.path.join(ROOT, a["path"]), "rb") as f:
                data = f.read()
            lines = data.split(b"\n")
            self.assertEqual(a["stats"]["language"]["untranslated"], len(a["untranslated"]))
            for u in a["untranslated"]:
                found += 1
                self.assertTrue(a["line_start"] <= u["line_start"] <= u["line_end"] <= a["line_end"])
                piece = data[u["byte_start"]:u["byte_end"]].decode("utf-8")
                self.assertEqual(piece.split("\n")[0], lines[u["line_start"] - 1].decode("utf-8").rstrip("\r"))
                han = len(re.findall(r"[\u4e00-\u9fff]", piece))
                words = len(re.findall(r"[A-Za-z]+", piece))
                self.assertGreaterEqual(4 * han, 3 * (han + words), piece)
        self.assertGreater(found, 10)


class TableTest(unittest.TestCase):
    def test_table_fits_the_terminal_width(self):
        env = dict(os.environ, COLUMNS="100")
        out = run(["scan", "data", "--format", "table"], env=env).stdout.decode("utf-8").splitlines()
        self.assertTrue(out[0].startswith("path"))
        self.assertEqual(len(out), 2 + len(articles(records(ScanData.scan()))))
        for line in out:
            wide = len(re.findall(r"[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]", line))
            self.assertLessEqual(len(line) + wide, 100, line)


class ReadmeRecipesTest(unittest.TestCase):
    """The three jq recipes of the README, run as written (with ./build/corpus-scan replaced by
    the binary under test), checked against the same selection done in Python."""

    def recipes(self):
        with open(os.path.join(ROOT, "README.md"), encoding="utf-8") as f:
            readme = f.read()
        section = readme.split("### Recipes", 1)[1].split("\n## ", 1)[0]
        cmds = [line for line in re.findall(r"```sh\n(.*?)```", section, re.S)[0].splitlines()
                if line and not line.startswith("#")]
        self.assertEqual(len(cmds), 3)
        return [c.replace("./build/corpus-scan", BINARY) for c in cmds]

    def shell(self, cmd):
        proc = subprocess.run(["bash", "-o", "pipefail", "-c", cmd], capture_output=True, cwd=ROOT)
        self.assertEqual(proc.returncode, 0, proc.stderr.decode(errors="replace"))
        return proc.stdout.decode("utf-8")

    def test_recipes(self):
        keep, where, rules = self.recipes()
        arts = articles(records(ScanData.scan()))
        kept = [json.loads(line) for line in self.shell(keep).splitlines()]
        expected = [{"path": a["path"], "index": a["index"], "title": a["title"]} for a in arts
                    if a["stats"]["quality"]["pass"] and a["stats"]["language"]["chinese_share"] < 0.05]
        self.assertEqual(kept, expected)
        self.assertTrue(expected)
        located = self.shell(where).splitlines()
        self.assertEqual(located, [f"{a['path']}:{u['line_start']}-{u['line_end']}" for a in arts for u in a["untranslated"]])
        self.assertTrue(located)
        counted = {}
        for line in self.shell(rules).splitlines():
            n, rule = line.split()
            counted[rule] = int(n)
        expected_counts = {}
        for a in arts:
            for r in a["stats"]["quality"]["failed"]:
                expected_counts[r] = expected_counts.get(r, 0) + 1
        self.assertEqual(counted, expected_counts)


def main():
    global BINARY, ROOT
    args, rest = harness.parse()
    BINARY, ROOT = args.binary, args.root
    harness.run_tests(rest)


if __name__ == "__main__":
    main()
