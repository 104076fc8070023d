#!/usr/bin/python3
"""End-to-end tests of the splitter through the built binary: `split` and `scan` records on data/
and tests/fixtures/split/ are schema-valid, tile each file's bytes, carry the evidence for each
cut and the metadata read off bylines; `split --cuts` shows where and why, one line per span.
Run by ctest as: test_split.py --binary build/corpus-scan --root <repo>.
"""
import json
import os
import subprocess
import unittest

import jsonschema
import harness

BINARY = None
ROOT = None
FIXTURES = "tests/fixtures/split"


def run(args, rc=0):
    proc = subprocess.run([BINARY] + args, capture_output=True, cwd=ROOT)
    assert proc.returncode == rc, (args, proc.returncode, proc.stderr.decode(errors="replace"))
    return proc


def records(args):
    return [json.loads(l) for l in run(args).stdout.decode("utf-8").splitlines()]


def fixture_gold():
    gold = {}
    with open(os.path.join(ROOT, "tests", "splitter", "fixtures.tsv"), encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            name, _, lines = line.rstrip("\n").partition("\t")
            gold[f"{FIXTURES}/{name}"] = [int(n) for n in lines.split()]
    return gold


class SplitTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        with open(os.path.join(ROOT, "docs", "scan.schema.json"), encoding="utf-8") as f:
            cls.validator = jsonschema.Draft202012Validator(json.load(f))
        cls.paths = ["data"] + [f"{FIXTURES}/{n}" for n in sorted(os.listdir(os.path.join(ROOT, FIXTURES)))]

    def test_split_text_of_every_file_rebuilds_it_byte_for_byte(self):
        recs = records(["split"] + self.paths)
        for r in recs:
            self.assertFalse(list(self.validator.iter_errors(r)), r.get("type"))
        files = [r["path"] for r in recs if r["type"] == "file"]
        self.assertEqual(len(files), 3 + len(os.listdir(os.path.join(ROOT, FIXTURES))))
        for path in files:
            spans = [r for r in recs if r["type"] in ("article", "chrome") and r["path"] == path]
            with open(os.path.join(ROOT, path), "rb") as f:
                data = f.read()
            at = 0
            for r in spans:
                self.assertEqual(r["byte_start"], at, path)
                at = r["byte_end"]
            self.assertEqual(at, len(data), path)
            self.assertEqual("".join(r["text"] for r in spans).encode("utf-8"), data, path)

    def test_fixtures_split_at_their_title_lines(self):
        recs = records(["scan"] + list(fixture_gold()))
        for path, titles in fixture_gold().items():
            got = [r["title_line"] for r in recs if r["type"] == "article" and r["path"] == path]
            self.assertEqual(got, titles, path)

    def test_every_article_names_its_cues_and_confidence(self):
        documented = open(os.path.join(ROOT, "docs", "splitter.md"), encoding="utf-8").read()
        for r in records(["scan"] + self.paths):
            if r["type"] != "article":
                continue
            self.assertTrue(r["boundary"]["cues"], r["title"])
            self.assertTrue(0 < r["boundary"]["confidence"] <= 1)
            for cue in r["boundary"]["cues"]:
                self.assertIn(f"`{cue}`", documented, f"cue {cue} is not described in docs/splitter.md")

    def test_chrome_records_say_why(self):
        recs = records(["scan", f"{FIXTURES}/by_admin.txt", f"{FIXTURES}/only_chrome.txt"])
        chrome = [(os.path.basename(r["path"]), r["reason"]) for r in recs if r["type"] == "chrome"]
        self.assertEqual(chrome[:2], [("by_admin.txt", "page-header"), ("by_admin.txt", "separator")])
        self.assertIn(("only_chrome.txt", "page-header"), chrome)
        self.assertEqual([r for r in recs if r["type"] == "article" and r["path"].endswith("only_chrome.txt")], [])

    def test_metadata_from_bylines(self):
        recs = records(["scan", "data/000_bf0e3fdb9f6fa110.txt"])
        by_line = {r["title_line"]: r["metadata"] for r in recs if r["type"] == "article"}
        self.assertEqual(by_line[55], {"author": "Xia Xiaoyu", "editor": "Zhang Youfa", "source": None, "date": None})
        self.assertEqual(by_line[848]["source"], "Xinhua")
        self.assertEqual(by_line[848]["date"], "Sept. 2")
        self.assertEqual(by_line[814], {"author": None, "editor": None, "source": None, "date": None})

    def test_cuts_show_where_what_and_why(self):
        out = run(["split", "--cuts", f"{FIXTURES}/by_admin.txt"]).stdout.decode("utf-8").splitlines()
        self.assertEqual(len(out), 7)
        self.assertTrue(out[0].startswith(f"{FIXTURES}/by_admin.txt:1-2 "))
        self.assertIn("page-header", out[0])
        self.assertIn("article", out[2])
        self.assertIn("separator", out[2])
        self.assertTrue(out[2].endswith("| Premier League"))


if __name__ == "__main__":
    args, rest = harness.parse()
    BINARY, ROOT = args.binary, args.root
    harness.run_tests(rest)
