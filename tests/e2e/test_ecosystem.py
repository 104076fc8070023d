#!/usr/bin/python3
"""End-to-end tests of how corpus-scan fits around it: install layout and .deb, man page and
completions, --help examples, config file / environment / --print-config, the progress bar on a
terminal, --files-from / --shard, merge under a real GNU parallel, and the HTML report in headless
Chromium.

Run by ctest as: test_ecosystem.py --binary build/corpus-scan --root <repo>.
Tools that may be missing (GNU parallel, chromium, zsh, dpkg-deb) make their tests skip with a
message saying which package to install.
"""
import json
import os
import re
import shutil
import struct
import subprocess
import tempfile
import unittest
import zlib
import harness

BINARY = None
ROOT = None
SUBCOMMANDS = ["scan", "normalize", "split", "explain", "merge", "report"]


def hermetic_env(**extra):
    """The environment of a run that no user config or CORPUS_SCAN_* variable can change."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("CORPUS_SCAN_") and k != "NO_COLOR"}
    env["XDG_CONFIG_HOME"] = tempfile.mkdtemp(prefix="eco-xdg-")
    env.update(extra)
    return env


def run(args, stdin=None, env=None, check_rc=None, cwd=None):
    proc = subprocess.run([BINARY] + args, input=stdin, capture_output=True, cwd=cwd or ROOT,
                          env=env or hermetic_env())
    if check_rc is not None:
        assert proc.returncode == check_rc, (args, proc.returncode, proc.stderr.decode(errors="replace"))
    return proc


def records(stdout):
    return [json.loads(line) for line in stdout.decode("utf-8").splitlines() if line.strip()]


def file_paths(stdout):
    return [r["path"] for r in records(stdout) if r["type"] in ("file", "skipped")]


DATA_FILES = None


def data_files():
    return [f"data/{f}" for f in sorted(os.listdir(os.path.join(ROOT, "data")))]


def corpus_with_duplicates(tmp):
    """data/ plus an exact copy of one dump and a near copy of another, in a second directory:
    a corpus whose cross-file duplicates land in different shards."""
    os.makedirs(os.path.join(tmp, "a"))
    os.makedirs(os.path.join(tmp, "b"))
    for f in sorted(os.listdir(os.path.join(ROOT, "data"))):
        shutil.copy(os.path.join(ROOT, "data", f), os.path.join(tmp, "a", f))
    shutil.copy(os.path.join(ROOT, "data", "001_2725a3a24cc2e181.txt"), os.path.join(tmp, "b", "copy.txt"))
    with open(os.path.join(ROOT, "data", "002_f2556a01afc1b775.txt"), encoding="utf-8") as f:
        text = f.read()
    with open(os.path.join(tmp, "b", "near.txt"), "w", encoding="utf-8") as f:
        f.write(text.replace("the ", "a ", 1))
    return tmp


class HelpTest(unittest.TestCase):
    def test_every_subcommand_has_help_with_an_example(self):
        for sub in SUBCOMMANDS:
            out = run([sub, "--help"], check_rc=0).stdout.decode()
            self.assertRegex(out, r"Examples?:\n  [^\n]*corpus-scan ", sub)


class InputSelectionTest(unittest.TestCase):
    def test_files_from_newline_crlf_and_nul_lists_read_the_listed_files_in_list_order(self):
        files = list(reversed(data_files()))
        for listing, extra in ((("\n".join(files) + "\n").encode(), []),
                               (("\r\n".join(files) + "\r\n").encode(), []),
                               (("\0".join(files) + "\0").encode(), ["-0"])):
            proc = run(["scan", "--format", "jsonl", "--files-from", "-"] + extra, stdin=listing, check_rc=0)
            self.assertEqual(file_paths(proc.stdout), files, listing[:40])

    def test_files_from_a_file_adds_to_the_path_arguments(self):
        with tempfile.NamedTemporaryFile("w", suffix=".list", delete=False) as f:
            f.write("data/002_f2556a01afc1b775.txt\n\n")
        proc = run(["scan", "--format", "jsonl", "data/000_bf0e3fdb9f6fa110.txt", "--files-from", f.name], check_rc=0)
        self.assertEqual(file_paths(proc.stdout), ["data/000_bf0e3fdb9f6fa110.txt", "data/002_f2556a01afc1b775.txt"])

    def test_unreadable_list_and_missing_inputs_are_usage_errors(self):
        proc = run(["scan", "--files-from", "/nonexistent/list"], check_rc=2)
        self.assertIn(b"cannot read --files-from /nonexistent/list", proc.stderr)
        proc = run(["scan"], check_rc=2)
        self.assertIn(b"--files-from", proc.stderr)

    def test_shards_partition_the_inputs_and_are_deterministic(self):
        every = file_paths(run(["scan", "--format", "jsonl", "data", "tests/fixtures"]).stdout)
        for n in (2, 3, 5):
            shards = [file_paths(run(["scan", "--format", "jsonl", "--shard", f"{k}/{n}", "data", "tests/fixtures"]).stdout)
                      for k in range(1, n + 1)]
            self.assertEqual(sorted(sum(shards, [])), sorted(every), f"N={n}: every input exactly once")
            again = file_paths(run(["scan", "--format", "jsonl", "--shard", f"1/{n}", "data", "tests/fixtures"]).stdout)
            self.assertEqual(again, shards[0])
        self.assertTrue(all(len(s) < len(every) for s in [shards[0]]), "a shard is a strict share")

    def test_bad_shard_specs_are_rejected(self):
        for spec in ("0/3", "4/3", "3", "a/b", "1/0", "-1/2"):
            proc = run(["scan", "--shard", spec, "data"], check_rc=2)
            self.assertIn(b"K/N", proc.stderr, spec)


class ConfigTest(unittest.TestCase):
    def print_config(self, args, env):
        out = run(["scan"] + args + ["--print-config"], env=env, check_rc=0).stdout.decode()
        settings = {}
        for line in out.splitlines():
            m = re.match(r"^(\S+) = (.*?)\s+# (.*) \(CORPUS_SCAN_\w+\)$", line)
            if m:
                settings[m.group(1)] = (m.group(2), m.group(3))
        return out, settings

    def test_precedence_command_line_then_environment_then_file_then_default(self):
        env = hermetic_env()
        os.makedirs(os.path.join(env["XDG_CONFIG_HOME"], "corpus-scan"))
        with open(os.path.join(env["XDG_CONFIG_HOME"], "corpus-scan", "config.toml"), "w") as f:
            f.write('threads = 5\nencoding = "GB18030"\n[scan]\ndisable = ["glued-words"]\nnfkc = true\n')
        out, s = self.print_config([], env)
        self.assertIn("config.toml", out)
        self.assertEqual(s["threads"], ("5", "config file"))
        self.assertEqual(s["disable"], ('["glued-words"]', "config file"))
        self.assertEqual(s["nfkc"], ("true", "config file"))
        self.assertEqual(s["only"], ("[]", "default"))
        env["CORPUS_SCAN_THREADS"] = "3"
        _, s = self.print_config([], env)
        self.assertEqual(s["threads"], ("3", "environment"))
        _, s = self.print_config(["-j", "2"], env)
        self.assertEqual(s["threads"], ("2", "command line"))

    def test_the_config_file_changes_what_scan_does(self):
        env = hermetic_env()
        cfg = os.path.join(env["XDG_CONFIG_HOME"], "only-ws.toml")
        with open(cfg, "w") as f:
            f.write('[scan]\nonly = ["whitespace"]\n')
        plain = records(run(["scan", "--format", "jsonl", "data"], env=env, check_rc=0).stdout)
        env["CORPUS_SCAN_CONFIG"] = cfg
        limited = records(run(["scan", "--format", "jsonl", "data"], env=env, check_rc=0).stdout)
        edits = lambda recs, kind: sum(r["stats"]["edits"][kind] for r in recs if r["type"] == "article")
        self.assertGreater(edits(plain, "broken-apostrophe"), 0)
        self.assertEqual(edits(limited, "broken-apostrophe"), 0)
        self.assertGreater(edits(limited, "whitespace"), 0)

    def test_misspelt_keys_and_missing_named_files_are_errors(self):
        env = hermetic_env()
        cfg = os.path.join(env["XDG_CONFIG_HOME"], "bad.toml")
        with open(cfg, "w") as f:
            f.write("[scan]\nthread = 4\n")
        proc = run(["scan", "--config", cfg, "data"], env=env, check_rc=2)
        self.assertIn(b"unknown setting 'scan.thread'", proc.stderr)
        env["CORPUS_SCAN_CONFIG"] = "/nonexistent/config.toml"
        run(["scan", "data"], env=env, check_rc=2)


class ProgressTest(unittest.TestCase):
    """The bar needs a terminal: `script` gives the run a pseudo-terminal and records what it wrote."""

    @classmethod
    def setUpClass(cls):
        if not shutil.which("script"):
            raise unittest.SkipTest("`script` (Debian bsdutils) is needed to give the run a terminal")
        cls.tmp = tempfile.mkdtemp(prefix="eco-progress-")
        # The run must outlast the bar's half-second quiet start however fast the scan is (a large
        # enough corpus at 60 MB/s is too small at 200 MB/s). So its last input is standard input,
        # which a `sleep` holds open for 1.5 s: the bar is drawn while the run waits there, after the
        # 30 links to the samples (counted: 31 files in all) are done.
        for i in range(10):
            for f in os.listdir(os.path.join(ROOT, "data")):
                os.symlink(os.path.join(ROOT, "data", f), os.path.join(cls.tmp, f"{i:03}_{f}"))

    def on_terminal(self, extra, **env):
        typescript = os.path.join(tempfile.mkdtemp(prefix="eco-typescript-"), "typescript")
        cmd = f"sleep 1.5 | {BINARY} scan -j1 --format jsonl {' '.join(extra)} {self.tmp} - > /dev/null"
        subprocess.run(["script", "-qfec", cmd, typescript], capture_output=True, check=True,
                       env=hermetic_env(TERM="xterm", COLUMNS="120", **env))
        with open(typescript, "rb") as f:
            return f.read()

    def test_bar_on_a_terminal_shows_files_bytes_rate_and_time_left(self):
        out = self.on_terminal([])
        self.assertRegex(out, rb"\r\[\x1b\[32m#*\x1b\[0m\.*\] \d+/31 files  [\d.]+/[\d.]+ MB  [\d.]+ MB/s  \d+:\d\d left")
        # The bar is erased at the end: the last thing written to the terminal is "\r" + erase-line.
        self.assertRegex(out, rb"\r\x1b\[K\r?\n(Script done|$)")

    def test_no_colour_with_NO_COLOR_and_no_bar_with_no_progress(self):
        out = self.on_terminal([], NO_COLOR="1")
        self.assertIn(b" files  ", out)
        self.assertNotIn(b"\x1b[32m", out)
        self.assertNotIn(b" files  ", self.on_terminal(["--no-progress"]))

    def test_no_bar_when_stderr_is_not_a_terminal(self):
        # The same slow standard input as on a terminal: without it the 30 samples are read before the
        # bar's quiet start ends, and the test would pass with a bar drawn on a pipe.
        proc = subprocess.run(f"sleep 1.5 | {BINARY} scan -j1 --format jsonl {self.tmp} - > /dev/null", shell=True,
                              capture_output=True, env=hermetic_env())
        self.assertEqual(proc.returncode, 0, proc.stderr.decode(errors="replace"))
        self.assertEqual(proc.stderr, b"")


class MergeTest(unittest.TestCase):
    @staticmethod
    def comparable(summary):
        """Fields about time and threads may differ between runs; nothing else may."""
        return {k: v for k, v in summary.items() if not re.search(r"seconds|time|threads|elapsed", k)}

    def single_and_sharded(self, corpus, shards):
        single = records(run(["scan", "--format", "jsonl", "--summary", corpus], check_rc=0).stdout)
        tmp = tempfile.mkdtemp(prefix="eco-shards-")
        proc = subprocess.run(
            ["parallel", "--will-cite", "--halt", "now,fail=1", BINARY, "scan", "--format", "jsonl", "--shard",
             f"{{}}/{shards}", corpus, ">", os.path.join(tmp, "shard-{}.jsonl"), ":::"]
            + [str(k) for k in range(1, shards + 1)],
            cwd=ROOT, env=hermetic_env(), capture_output=True)
        self.assertEqual(proc.returncode, 0, proc.stderr.decode(errors="replace"))
        outputs = sorted(os.path.join(tmp, f) for f in os.listdir(tmp))
        self.assertEqual(len(outputs), shards)
        self.assertGreaterEqual(sum(os.path.getsize(p) > 0 for p in outputs), 2, "the merge has shards to merge")
        merged = records(run(["merge"] + list(reversed(outputs)), check_rc=0).stdout)
        return single, merged

    def assert_merge_equals_single_run(self, single, merged):
        summary = [r for r in single if r["type"] == "summary"]
        self.assertEqual(len(summary), 1)
        self.assertEqual(merged[-1]["type"], "summary")
        self.assertEqual(self.comparable(merged[-1]), self.comparable(summary[0]))
        marks = [(r["path"], r["index"], r["duplicate_of"]) for r in single
                 if r["type"] == "article" and r.get("duplicate_of")]
        merged_marks = [(r["path"], r["index"], r["duplicate_of"]) for r in merged if r["type"] == "duplicate"]
        self.assertEqual(merged_marks, marks)
        return marks

    @unittest.skipUnless(shutil.which("parallel"), "GNU parallel is missing: apt-get install parallel")
    def test_gnu_parallel_shards_of_data_merge_to_the_single_run_summary(self):
        single, merged = self.single_and_sharded("data", 3)
        self.assert_merge_equals_single_run(single, merged)
        self.assertEqual(merged[-1]["files"], 3)

    @unittest.skipUnless(shutil.which("parallel"), "GNU parallel is missing: apt-get install parallel")
    def test_duplicates_across_shards_are_marked_as_one_run_marks_them(self):
        corpus = corpus_with_duplicates(tempfile.mkdtemp(prefix="eco-dups-"))
        single, merged = self.single_and_sharded(corpus, 4)
        marks = self.assert_merge_equals_single_run(single, merged)
        kinds = {m[2]["kind"] for m in marks}
        self.assertEqual(kinds, {"exact", "near"}, "the corpus has both kinds")
        self.assertTrue(all(m[0].startswith(corpus + "/b/") and m[2]["path"].startswith(corpus + "/a/")
                            for m in marks), "marks point from the copies back to the originals")

    def test_merge_of_one_shard_equals_its_own_summary_and_ignores_summary_records(self):
        out = run(["scan", "--format", "jsonl", "--summary", "data", "tests/fixtures"]).stdout
        merged = records(run(["merge", "--no-duplicates"], stdin=out, check_rc=0).stdout)
        self.assertEqual(len(merged), 1)
        self.assertEqual(merged[0], records(out)[-1])

    def test_merge_rejects_what_is_not_scan_output_with_its_location(self):
        proc = run(["merge", "-"], stdin=b'{"type":"file","path":"x","bytes":1,"chrome":0}\nnot json\n', check_rc=2)
        self.assertIn(b"-:2: not a record of 'corpus-scan scan'", proc.stderr)


# --- PNG reading for the screenshot check (no imaging library needed) ---

def png_pixels(path):
    """Decodes an 8-bit RGB/RGBA non-interlaced PNG (what Chromium writes) to (width, height, rows)."""
    with open(path, "rb") as f:
        data = f.read()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat, width = 8, b"", None
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", body)
            assert depth == 8 and colour in (2, 6) and interlace == 0, (depth, colour, interlace)
            bpp = 3 if colour == 2 else 4
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    raw = zlib.decompress(idat)
    stride = width * bpp
    rows, prev = [], bytearray(stride)
    for y in range(height):
        filt, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b, c = prev[i], prev[i - bpp] if i >= bpp else 0
            if filt == 1: line[i] = (line[i] + a) & 255
            elif filt == 2: line[i] = (line[i] + b) & 255
            elif filt == 3: line[i] = (line[i] + (a + b) // 2) & 255
            elif filt == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(bytes(line))
        prev = line
    return width, height, bpp, rows


def colour_count(png, rgb):
    width, height, bpp, rows = png
    target = bytes(rgb)
    return sum(1 for row in rows for x in range(0, width * bpp, bpp) if row[x:x + 3] == target)


class ReportTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.scan = run(["scan", "--format", "jsonl", "data", "tests/fixtures"]).stdout
        cls.tmp = tempfile.mkdtemp(prefix="eco-report-")
        cls.page_path = os.path.join(cls.tmp, "report.html")
        run(["report", "-o", cls.page_path], stdin=cls.scan, check_rc=0)
        with open(cls.page_path, encoding="utf-8") as f:
            cls.page = f.read()

    def test_the_page_is_self_contained(self):
        self.assertTrue(self.page.startswith("<!DOCTYPE html>"))
        for forbidden in ("<script", "http:", "https:", "src=", "href=", "@import", "url("):
            self.assertNotIn(forbidden, self.page)

    def test_the_page_has_every_chart_and_the_worst_articles_with_line_ranges(self):
        self.assertEqual(self.page.count('<svg class="histogram"'), 12)
        self.assertEqual(self.page.count('<svg class="rules"'), 1)
        self.assertEqual(self.page.count('<svg class="artifacts"'), 1)
        failing = sum(1 for r in records(self.scan) if r["type"] == "article" and r["stats"]["quality"]["failed"])
        self.assertGreater(failing, 0)
        worst = re.findall(r"<td><code>([^<]+):(\d+)-(\d+)</code></td>", self.page)
        self.assertEqual(len(worst), 25)
        articles = {(r["path"], r["line_start"], r["line_end"]) for r in records(self.scan) if r["type"] == "article"}
        for path, start, end in worst:
            self.assertIn((path, int(start), int(end)), articles)
        self.assertIn("tests/fixtures/binary.bin", self.page, "skipped files are listed")

    def test_files_and_stdin_give_the_same_page(self):
        scan_file = os.path.join(self.tmp, "scan.jsonl")
        with open(scan_file, "wb") as f:
            f.write(self.scan)
        self.assertEqual(run(["report", scan_file], check_rc=0).stdout.decode(), self.page)

    @unittest.skipUnless(shutil.which("chromium"), "chromium is missing (apt-get install chromium): "
                         "the report was not rendered in a browser")
    def test_chromium_renders_the_charts(self):
        profile = tempfile.mkdtemp(prefix="eco-chromium-")
        flags = ["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 f"--user-data-dir={profile}", "--hide-scrollbars"]
        url = "file://" + self.page_path
        dom = subprocess.run(flags + ["--dump-dom", url], capture_output=True, timeout=120).stdout.decode()
        self.assertEqual(dom.count("<svg"), 14, "the browser parsed every chart")
        self.assertGreater(dom.count("<rect"), 100)
        shot = os.path.join(self.tmp, "report.png")
        subprocess.run(flags + ["--window-size=1280,1800", f"--screenshot={shot}", url], capture_output=True,
                       timeout=120, check=True)
        png = png_pixels(shot)
        self.assertEqual(png[0], 1280)
        # Histogram bars and failing-rule bars are painted in their colours (not just present in the DOM).
        self.assertGreater(colour_count(png, (0x4e, 0x79, 0xa7)), 5000)
        self.assertGreater(colour_count(png, (0xe1, 0x57, 0x59)), 1000)


class InstallTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.build = os.path.dirname(os.path.abspath(BINARY))
        if not os.path.exists(os.path.join(cls.build, "cmake_install.cmake")):
            raise unittest.SkipTest("not a CMake build directory: " + cls.build)
        cls.root = tempfile.mkdtemp(prefix="eco-install-")
        subprocess.run(["cmake", "--install", cls.build, "--prefix", "/usr"], check=True, capture_output=True,
                       env=dict(os.environ, DESTDIR=cls.root))

    def path(self, *parts):
        return os.path.join(self.root, "usr", *parts)

    def test_install_puts_binary_man_page_and_completions_where_tools_look(self):
        proc = subprocess.run([self.path("bin", "corpus-scan"), "--version"], capture_output=True, check=True)
        self.assertRegex(proc.stdout.decode(), r"^corpus-scan \d+\.\d+\.\d+\n$")
        for p in (("share", "man", "man1", "corpus-scan.1"), ("share", "bash-completion", "completions", "corpus-scan"),
                  ("share", "zsh", "vendor-completions", "_corpus-scan")):
            self.assertTrue(os.path.isfile(self.path(*p)), p)

    def options_of(self, sub):
        """Every long option the subcommand's --help lists."""
        out = run([sub, "--help"], check_rc=0).stdout.decode()
        return set(re.findall(r"(?:^|[ ,])(--[a-z][a-z0-9-]+)", out, re.M)) - {"--help"}

    def test_man_page_covers_every_subcommand_and_option(self):
        with open(self.path("share", "man", "man1", "corpus-scan.1"), encoding="utf-8") as f:
            man = f.read().replace("\\-", "-")
        for sub in SUBCOMMANDS:
            self.assertIn(f'.SS "corpus-scan {sub}"', man)
            section = man.split(f'.SS "corpus-scan {sub}"')[1].split(".SS ")[0]
            for opt in self.options_of(sub):
                self.assertIn(opt, section, f"{sub} {opt}")
        if shutil.which("man"):
            text = subprocess.run(["man", "-l", self.path("share", "man", "man1", "corpus-scan.1")],
                                  capture_output=True, env=dict(os.environ, MANWIDTH="100")).stdout.decode()
            self.assertIn("EXIT STATUS", text)

    def complete(self, words):
        script = (f"source {self.path('share', 'bash-completion', 'completions', 'corpus-scan')}\n"
                  f"COMP_WORDS=({words}); COMP_CWORD=$((${{#COMP_WORDS[@]}}-1)); _corpus_scan; "
                  "printf '%s\\n' \"${COMPREPLY[@]}\"")
        return subprocess.run(["bash", "-c", script], capture_output=True, check=True).stdout.decode().split()

    def test_bash_completion_completes_subcommands_options_and_kinds(self):
        self.assertEqual(self.complete("corpus-scan m"), ["merge"])
        self.assertIn("--files-from", self.complete("corpus-scan scan --f"))
        self.assertNotIn("--files-from", self.complete("corpus-scan normalize --"))
        self.assertEqual(self.complete("corpus-scan scan --disable glued-words,spl"),
                         ["glued-words,split-ellipsis", "glued-words,split-dash", "glued-words,split-number",
                          "glued-words,split-domain"])

    @unittest.skipUnless(shutil.which("zsh"), "zsh is missing: the zsh completion was not loaded")
    def test_zsh_completion_loads(self):
        comp = self.path("share", "zsh", "vendor-completions", "_corpus-scan")
        subprocess.run(["zsh", "-n", comp], check=True)
        # -D: no dump file. compinit replaces its dump file, so "-d /dev/null" (as this test once said)
        # turned /dev/null into a regular file when the tests ran as root.
        proc = subprocess.run(["zsh", "-fc", f"fpath=({os.path.dirname(comp)} $fpath); autoload -Uz compinit; "
                               "compinit -u -D; print ${_comps[corpus-scan]}"],
                              capture_output=True, check=True)
        self.assertEqual(proc.stdout.decode().strip(), "_corpus-scan")


class DebianPackageTest(unittest.TestCase):
    @unittest.skipUnless(shutil.which("cpack") and shutil.which("dpkg-deb"), "cpack or dpkg-deb is missing")
    def test_cpack_builds_a_deb_with_its_dependencies_that_installs_and_runs(self):
        build = os.path.dirname(os.path.abspath(BINARY))
        out = tempfile.mkdtemp(prefix="eco-deb-")
        subprocess.run(["cpack", "--config", os.path.join(build, "CPackConfig.cmake"), "-B", out], check=True,
                       capture_output=True)
        debs = [f for f in os.listdir(out) if f.endswith(".deb")]
        self.assertEqual(len(debs), 1, os.listdir(out))
        deb = os.path.join(out, debs[0])
        info = subprocess.run(["dpkg-deb", "-f", deb, "Package", "Depends"], capture_output=True, check=True).stdout.decode()
        self.assertIn("Package: corpus-scan", info)
        for lib in ("libicu72", "libfmt9", "libspdlog1.10", "libstdc++6", "libc6"):
            self.assertIn(lib, info)
        contents = subprocess.run(["dpkg-deb", "-c", deb], capture_output=True, check=True).stdout.decode()
        for p in ("bin/corpus-scan", "man/man1/corpus-scan.1", "bash-completion/completions/corpus-scan", "_corpus-scan"):
            self.assertIn(p, contents)
        root = os.path.join(out, "root")
        subprocess.run(["dpkg-deb", "-x", deb, root], check=True)
        binary = [os.path.join(d, "corpus-scan") for d, _, fs in os.walk(root) if d.endswith("/bin") and "corpus-scan" in fs]
        self.assertEqual(len(binary), 1)
        version = subprocess.run([binary[0], "--version"], capture_output=True, check=True).stdout.decode()
        self.assertTrue(version.startswith("corpus-scan "))
        if os.geteuid() == 0:
            # Debian checks the declared dependencies against this system without installing.
            proc = subprocess.run(["dpkg", "--dry-run", "-i", deb], capture_output=True)
            self.assertEqual(proc.returncode, 0, proc.stderr.decode())


if __name__ == "__main__":
    args, rest = harness.parse()
    BINARY, ROOT = args.binary, args.root
    harness.run_tests(rest)
