#!/usr/bin/python3
"""End-to-end tests of `normalize` and `explain`: the built binary on real lines of data/.

Run by ctest as: test_normalize.py --binary build/corpus-scan --root <repo>.
"""
import json
import os
import re
import subprocess
import unittest
import harness

BINARY = None
ROOT = None
DATA = ["data/000_bf0e3fdb9f6fa110.txt", "data/001_2725a3a24cc2e181.txt", "data/002_f2556a01afc1b775.txt"]
EXPLAIN_LINE = re.compile(r"^(?P<path>.+?):(?P<line>\d+):(?P<col>\d+)  (?P<kind>[a-z-]+) +(?P<rest>.*)$")


def run(args, stdin=None, check_rc=None, env=None):
    proc = subprocess.run([BINARY] + args, input=stdin, capture_output=True, cwd=ROOT, env=env)
    if check_rc is not None:
        assert proc.returncode == check_rc, (args, proc.returncode, proc.stderr.decode(errors="replace"))
    return proc


def normalize(text, *flags):
    return run(["normalize", *flags], stdin=text.encode("utf-8"), check_rc=0).stdout.decode("utf-8")


class NormalizeFilterTest(unittest.TestCase):
    def test_repairs_real_lines(self):
        cases = {
            "This is 8: 00 pm on July 18th.": "This is 8:00 pm on July 18th.",
            "started from Xi \u2018an International Port Station": "started from Xi'an International Port Station",
            "according toPoisonous eyes (WeChat ID: domoredumou)According to incomplete statistics":
                "according to Poisonous eyes (WeChat ID: domoredumou) According to incomplete statistics",
            "the global intelligent network.Investment in technology": "the global intelligent network. Investment in technology",
            "Song Leyong, deputy general manager of Guangming. com, said": "Song Leyong, deputy general manager of Guangming.com, said",
            "  From disorder to norm": "From disorder to norm",
        }
        for line, expected in cases.items():
            self.assertEqual(normalize(line + "\n"), expected + "\n", line)

    def test_leaves_good_text_alone(self):
        for line in [
            "JD.COM restarted the community group buying business",
            "The cross-border e-commerce transaction volume was 3.51 billion yuan",
            "Grok-1 outperformed LLMA-2-70b and GPT-3.5, although it was far from GPT-4.",
            "https://x.ai/blog/grok-os",
            "Email: news_center@staff.hexun.com.",
            "(三)《规划》的主要内容。《规划》共十三章41节。",
            "Musk hits OpenAI, and GitHub is crazy about 6k stars",
        ]:
            self.assertEqual(normalize(line + "\n"), line + "\n", line)

    def test_one_line_out_per_line_in_for_every_data_file(self):
        for path in DATA:
            with open(os.path.join(ROOT, path), "rb") as f:
                lines_in = f.read().decode("utf-8").splitlines()
            out = run(["normalize", path], check_rc=0).stdout.decode("utf-8")
            self.assertEqual(len(out.split("\n")) - 1, len(lines_in), path)

    def test_chinese_paragraphs_come_out_unchanged(self):
        with open(os.path.join(ROOT, DATA[0]), encoding="utf-8") as f:
            lines = f.read().split("\n")
        out = run(["normalize", DATA[0]], check_rc=0).stdout.decode("utf-8").split("\n")
        for n in list(range(516, 523)) + list(range(542, 547)) + list(range(570, 579)):
            self.assertEqual(out[n - 1], lines[n - 1].strip(), f"line {n}")

    def test_idempotent_on_data(self):
        for path in DATA:
            once = run(["normalize", path], check_rc=0).stdout
            twice = run(["normalize"], stdin=once, check_rc=0).stdout
            self.assertEqual(once, twice, path)

    def test_disable_and_only_switch_kinds(self):
        line = "This is 8: 00 pm and according toPoisonous eyes\n"
        self.assertEqual(normalize(line, "--disable", "split-number"), "This is 8: 00 pm and according to Poisonous eyes\n")
        self.assertEqual(normalize(line, "--only", "split-number"), "This is 8:00 pm and according toPoisonous eyes\n")
        self.assertEqual(normalize(line, "--disable", "split-number,glued-words"), line)

    def test_nfkc_on_request(self):
        self.assertEqual(normalize("between 5\u2103 and 35\u2103\n"), "between 5\u2103 and 35\u2103\n")
        self.assertEqual(normalize("between 5\u2103 and 35\u2103\n", "--nfkc"), "between 5\u00b0C and 35\u00b0C\n")

    def test_invalid_utf8_always_becomes_replacement_characters(self):
        out = run(["normalize", "--disable", "lost-chars"], stdin=b"a\xff\xfeb\n", check_rc=0).stdout
        self.assertEqual(out, "a\ufffd\ufffdb\n".encode("utf-8"))


class ExplainTest(unittest.TestCase):
    def test_each_edit_is_located_and_its_before_text_is_there(self):
        out = run(["explain", DATA[1]], check_rc=0, env={**os.environ, "NO_COLOR": "1"}).stdout.decode("utf-8")
        self.assertNotIn("\x1b[", out)
        with open(os.path.join(ROOT, DATA[1]), encoding="utf-8") as f:
            lines = f.read().split("\n")
        edits = [m for m in map(EXPLAIN_LINE.match, out.splitlines()) if m]
        self.assertGreater(len(edits), 20)
        kinds = set()
        for m in edits:
            self.assertEqual(m["path"], DATA[1])
            line = lines[int(m["line"]) - 1]
            before = re.search(r"\[-(.*?)-\]|\[!(.*?)!\]", m["rest"])
            if before:
                text = before.group(1) or before.group(2)
                col = int(m["col"]) - 1
                self.assertEqual(line[col:col + len(text)], text, m.group(0))
            kinds.add(m["kind"])
        self.assertIn("broken-apostrophe", kinds)
        self.assertIn("split-number", kinds)

    def test_tally_counts_the_edits_per_kind(self):
        out = run(["explain", "data"], check_rc=0).stdout.decode("utf-8")
        body, tally = out.rstrip("\n").rsplit("\n", 1)
        counts = {}
        for m in map(EXPLAIN_LINE.match, body.splitlines()):
            if m:
                counts[m["kind"]] = counts.get(m["kind"], 0) + 1
        head, _, per_kind = tally.partition(": ")
        self.assertRegex(head, r"^\d+ edits in 3 files$")
        self.assertEqual(int(head.split()[0]), sum(counts.values()))
        self.assertEqual({k: int(n) for k, n in (x.split(" ") for x in per_kind.split(", "))}, counts)

    def test_edits_in_scan_json_match_explain(self):
        recs = [json.loads(l) for l in run(["scan", DATA[2]], check_rc=0).stdout.decode().splitlines()]
        total = sum(sum(r["stats"]["edits"].values()) for r in recs if r["type"] == "article")
        explained = [l for l in run(["explain", DATA[2]], check_rc=0).stdout.decode().splitlines() if EXPLAIN_LINE.match(l)]
        self.assertEqual(total, len(explained))

    def test_only_filters_explain(self):
        out = run(["explain", "--only", "glued-words", DATA[0]], check_rc=0).stdout.decode("utf-8")
        kinds = {m["kind"] for m in map(EXPLAIN_LINE.match, out.splitlines()) if m}
        self.assertEqual(kinds, {"glued-words"})


if __name__ == "__main__":
    args, rest = harness.parse()
    BINARY, ROOT = args.binary, args.root
    harness.run_tests(rest)
