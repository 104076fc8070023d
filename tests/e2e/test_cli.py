#!/usr/bin/python3
"""End-to-end tests: run the built corpus-scan binary the way users do and check what it prints.

Every JSON line is parsed and validated against docs/scan.schema.json; spans are checked to tile
each file's bytes; exit statuses are checked against the contract (0 / 1 / 2).
Run by ctest as: test_cli.py --binary build/corpus-scan --root <repo>.
"""
import json
import os
import subprocess
import tempfile
import unittest

import jsonschema
import harness

BINARY = None
ROOT = None


def run(args, stdin=None, check_rc=None):
    proc = subprocess.run([BINARY] + args, input=stdin, capture_output=True, cwd=ROOT)
    if check_rc is not None:
        assert proc.returncode == check_rc, (args, proc.returncode, proc.stderr.decode(errors="replace"))
    return proc


def records(stdout):
    return [json.loads(line) for line in stdout.decode("utf-8").splitlines()]


class SchemaMixin:
    @classmethod
    def setUpClass(cls):
        with open(os.path.join(ROOT, "docs", "scan.schema.json"), encoding="utf-8") as f:
            schema = json.load(f)
        cls.validator = jsonschema.Draft202012Validator(schema)

    def assert_valid(self, recs):
        for rec in recs:
            errors = list(self.validator.iter_errors(rec))
            self.assertFalse(errors, f"{rec.get('type')} record fails the schema: {errors[:1]}")

    def assert_tiles(self, recs, path):
        """Article and chrome spans of `path` cover its bytes exactly, in order."""
        size = os.path.getsize(os.path.join(ROOT, path))
        spans = [r for r in recs if r["type"] in ("article", "chrome") and r["path"] == path]
        harness.assert_spans_tile(self, spans, size, path)


class ScanDataTest(SchemaMixin, unittest.TestCase):
    def test_scan_data_every_line_is_valid_json_matching_the_schema(self):
        proc = run(["scan", "data"], check_rc=0)
        recs = records(proc.stdout)
        self.assertTrue(recs)
        self.assert_valid(recs)
        self.assertEqual(proc.stderr, b"", "a clean run logs nothing")

    def test_scan_data_accounts_for_every_file_and_tiles_its_bytes(self):
        recs = records(run(["scan", "data"], check_rc=0).stdout)
        files = sorted(os.listdir(os.path.join(ROOT, "data")))
        self.assertEqual([r["path"] for r in recs if r["type"] == "file"], [f"data/{f}" for f in files])
        for f in files:
            self.assert_tiles(recs, f"data/{f}")

    def test_article_index_counts_from_zero_within_each_file(self):
        recs = records(run(["scan", "data"], check_rc=0).stdout)
        by_file = {}
        for r in recs:
            if r["type"] == "article":
                by_file.setdefault(r["path"], []).append(r["index"])
        for path, idx in by_file.items():
            self.assertEqual(idx, list(range(len(idx))), path)

    def test_line_numbers_match_the_original_file(self):
        recs = records(run(["scan", "data"], check_rc=0).stdout)
        for r in recs:
            if r["type"] != "article":
                continue
            with open(os.path.join(ROOT, r["path"]), "rb") as f:
                data = f.read()
            # byte_start is the start of line line_start
            self.assertEqual(data[: r["byte_start"]].count(b"\n") + 1, r["line_start"])
            title_line = data.split(b"\n")[r["title_line"] - 1].decode("utf-8")
            self.assertEqual(title_line.strip(), r["title"])

    def test_output_is_deterministic(self):
        self.assertEqual(run(["scan", "data"]).stdout, run(["scan", "data"]).stdout)

    def test_output_is_the_same_for_any_thread_count(self):
        args = ["data", "tests/fixtures"]
        one = run(["scan", "-j", "1"] + args).stdout
        for j in ("2", "3", "8"):
            self.assertEqual(run(["scan", "-j", j] + args).stdout, one, f"-j {j}")

    def test_directory_walk_is_sorted_and_recursive(self):
        with tempfile.TemporaryDirectory() as d:
            os.makedirs(os.path.join(d, "b", "c"))
            for name in ("z.txt", "a.txt", os.path.join("b", "c", "m.txt"), os.path.join("b", "k.txt")):
                with open(os.path.join(d, name), "w") as f:
                    f.write("Title\n\nBody text of the article.\n")
            recs = records(run(["scan", d], check_rc=0).stdout)
            got = [r["path"][len(d) + 1:] for r in recs if r["type"] == "file"]
            self.assertEqual(got, ["a.txt", "b/c/m.txt", "b/k.txt", "z.txt"])

    def test_split_writes_original_text_that_matches_the_file(self):
        path = "data/001_2725a3a24cc2e181.txt"
        recs = records(run(["split", path], check_rc=0).stdout)
        self.assert_valid(recs)
        with open(os.path.join(ROOT, path), "rb") as f:
            data = f.read()
        joined = "".join(r["text"] for r in recs if r["type"] in ("article", "chrome"))
        self.assertEqual(joined.encode("utf-8"), data)


class ReaderEdgeCasesTest(SchemaMixin, unittest.TestCase):
    def scan(self, path, rc):
        recs = records(run(["scan", path], check_rc=rc).stdout)
        self.assert_valid(recs)
        return recs

    def test_crlf_lines_and_offsets(self):
        recs = self.scan("tests/fixtures/crlf.txt", 0)
        self.assert_tiles(recs, "tests/fixtures/crlf.txt")
        art = [r for r in recs if r["type"] == "article"][0]
        self.assertEqual(art["title"], "Premier League")
        self.assertEqual(art["line_end"], 5)
        self.assertEqual([r for r in recs if r["type"] == "file"][0]["lines"], 5)

    def test_lone_cr_counts_as_a_line_end(self):
        recs = self.scan("tests/fixtures/lone_cr.txt", 0)
        self.assert_tiles(recs, "tests/fixtures/lone_cr.txt")
        self.assertEqual([r for r in recs if r["type"] == "file"][0]["lines"], 4)

    def test_bom_is_reported_and_kept_out_of_the_title(self):
        recs = self.scan("tests/fixtures/bom.txt", 0)
        self.assert_tiles(recs, "tests/fixtures/bom.txt")
        self.assertTrue([r for r in recs if r["type"] == "file"][0]["bom"])
        self.assertEqual([r for r in recs if r["type"] == "article"][0]["title"], "Premier League")

    def test_invalid_utf8_is_counted_with_its_offsets_and_the_run_goes_on(self):
        path = "tests/fixtures/invalid_utf8.txt"
        recs = self.scan(path, 0)
        self.assert_tiles(recs, path)
        with open(os.path.join(ROOT, path), "rb") as f:
            data = f.read()
        info = [r for r in recs if r["type"] == "file"][0]["invalid_utf8"]
        self.assertEqual(info["bytes"], 6)
        self.assertEqual([run_["offset"] for run_ in info["runs"]],
                         [data.index(b"\xff"), data.index(b"\xc0"), data.index(b"\xe4\xb8")])

    def test_binary_file_is_skipped_with_a_record_and_status_1(self):
        proc = run(["scan", "tests/fixtures/binary.bin", "tests/fixtures/crlf.txt"], check_rc=1)
        recs = records(proc.stdout)
        self.assert_valid(recs)
        self.assertEqual(recs[0], {"type": "skipped", "path": "tests/fixtures/binary.bin", "reason": "binary",
                                   "message": recs[0]["message"]})
        self.assertIn("binary.bin", proc.stderr.decode())
        self.assertTrue(any(r["type"] == "article" for r in recs), "the run goes on after a skipped file")

    def test_missing_file_is_skipped_as_unreadable(self):
        proc = run(["scan", "no/such/file.txt"], check_rc=1)
        recs = records(proc.stdout)
        self.assert_valid(recs)
        self.assertEqual(recs[0]["reason"], "unreadable")

    def test_empty_and_blank_files_are_accounted_for(self):
        for path in ("tests/fixtures/empty.txt", "tests/fixtures/blank_lines.txt"):
            recs = self.scan(path, 0)
            self.assertEqual(len([r for r in recs if r["type"] == "file"]), 1)
            self.assertEqual([r for r in recs if r["type"] == "article"], [])
            if os.path.getsize(os.path.join(ROOT, path)):
                self.assert_tiles(recs, path)

    def test_standard_input(self):
        with open(os.path.join(ROOT, "tests/fixtures/crlf.txt"), "rb") as f:
            data = f.read()
        recs = records(run(["scan", "-"], stdin=data, check_rc=0).stdout)
        self.assert_valid(recs)
        self.assertEqual([r["path"] for r in recs if r["type"] == "file"], ["-"])

    def test_non_utf8_file_name_is_written_as_base64_bytes(self):
        with tempfile.TemporaryDirectory() as d:
            name = os.path.join(d.encode(), b"caf\xe9.txt")
            with open(name, "wb") as f:
                f.write(b"Title\n\nBody.\n")
            proc = subprocess.run([BINARY, "scan", d], capture_output=True)
            self.assertEqual(proc.returncode, 0)
            recs = records(proc.stdout)
            self.assert_valid(recs)
            import base64
            self.assertEqual(base64.b64decode(recs[-1]["path"]["bytes"]), name)


class NormalizeFilterTest(unittest.TestCase):
    def test_invalid_byte_gives_one_line_and_status_0(self):
        proc = run(["normalize"], stdin=b"a\xffb\n", check_rc=0)
        self.assertEqual(proc.stdout.count(b"\n"), 1)
        self.assertEqual(proc.stdout, "a\ufffdb\n".encode())

    def test_one_output_line_per_input_line_over_data(self):
        for name in sorted(os.listdir(os.path.join(ROOT, "data"))):
            with open(os.path.join(ROOT, "data", name), "rb") as f:
                data = f.read()
            out = run(["normalize", f"data/{name}"], check_rc=0).stdout
            self.assertEqual(out.count(b"\n"), len(data.splitlines()), name)
            out.decode("utf-8")  # output is always valid UTF-8

    def test_crlf_and_lone_cr_each_end_one_line(self):
        out = run(["normalize"], stdin=b"a\r\nb\rc\n\nd", check_rc=0).stdout
        self.assertEqual(out, b"a\nb\nc\n\nd\n")

    def test_unknown_kind_is_a_usage_error(self):
        proc = run(["normalize", "--disable", "no-such-kind"], stdin=b"x\n", check_rc=2)
        self.assertEqual(proc.stdout, b"")
        self.assertIn(b"no-such-kind", proc.stderr)


class MannersTest(unittest.TestCase):
    def test_broken_pipe_ends_quietly(self):
        p = subprocess.run(f"'{BINARY}' scan data | head -1", shell=True, capture_output=True, cwd=ROOT,
                           executable="/bin/bash")
        self.assertEqual(p.stderr, b"")
        self.assertEqual(len(p.stdout.splitlines()), 1)
        p = subprocess.run(f"set -o pipefail; '{BINARY}' scan data | head -c 10 >/dev/null", shell=True,
                           cwd=ROOT, executable="/bin/bash", capture_output=True)
        self.assertEqual(p.returncode, 0, p.stderr)

    def test_full_disk_is_status_2_with_a_message(self):
        if not os.path.exists("/dev/full"):
            self.skipTest("no /dev/full")
        with open("/dev/full", "wb") as full:
            p = subprocess.run([BINARY, "scan", "data"], stdout=full, stderr=subprocess.PIPE, cwd=ROOT)
        self.assertEqual(p.returncode, 2)
        self.assertIn(b"cannot write", p.stderr)

    def test_usage_errors_exit_2_and_print_nothing_on_stdout(self):
        for args in (["bogus"], [], ["scan"], ["scan", "--no-such-flag", "data"]):
            p = run(args)
            self.assertEqual(p.returncode, 2, args)
            self.assertEqual(p.stdout, b"", args)

    def test_help_at_every_level_with_an_example(self):
        for sub in ("scan", "normalize", "split", "explain"):
            p = run([sub, "--help"], check_rc=0)
            self.assertIn(b"Example", p.stdout, sub)
        self.assertIn(b"scan", run(["--help"], check_rc=0).stdout)
        self.assertRegex(run(["--version"], check_rc=0).stdout.decode(), r"^corpus-scan \d+\.\d+\.\d+\n$")

    def test_quiet_silences_warnings(self):
        p = run(["-q", "scan", "tests/fixtures/binary.bin"], check_rc=1)
        self.assertEqual(p.stderr, b"")


if __name__ == "__main__":
    args, rest = harness.parse()
    BINARY, ROOT = args.binary, args.root
    harness.run_tests(rest)
