"""What every end-to-end suite shares: its command line (--binary, --root) and how it runs.

ctest runs each suite as `/usr/bin/python3 tests/e2e/test_X.py --binary BUILD/corpus-scan --root REPO`;
arguments it does not know are passed on to unittest (a test name, -k PATTERN, ...).
"""
import argparse
import os
import sys
import unittest


def parse(add_arguments=None):
    """Returns (args, rest) with args.binary and args.root made absolute."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", required=True, help="the corpus-scan binary under test")
    parser.add_argument("--root", required=True, help="the repository (data/, tests/fixtures/, docs/)")
    if add_arguments:
        add_arguments(parser)
    args, rest = parser.parse_known_args()
    args.binary = os.path.abspath(args.binary)
    args.root = os.path.abspath(args.root)
    return args, rest


def run_tests(rest):
    unittest.main(argv=[sys.argv[0]] + rest, verbosity=2)


def assert_spans_tile(test, spans, size, label):
    """Article and chrome `spans` (records of one file, in output order) cover its `size` bytes
    exactly: no gap, no overlap, none empty."""
    at = 0
    for r in spans:
        test.assertEqual(r["byte_start"], at, f"gap or overlap before {r}")
        test.assertLess(r["byte_start"], r["byte_end"])
        at = r["byte_end"]
    test.assertEqual(at, size, f"{label}: spans end at {at}, file has {size} bytes")
