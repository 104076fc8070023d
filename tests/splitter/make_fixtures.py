#!/usr/bin/python3
"""Rebuilds tests/fixtures/split/ from the articles of data/ (re-cut and re-glued, no invented
prose) and writes tests/splitter/fixtures.tsv, the title lines each fixture must split at.

    tests/splitter/make_fixtures.py          # run from anywhere; rewrites both

Each fixture shows one thing the three sample dumps do not: another separator word, another page
header, bodies all indented or all flush, a dump of one article, an empty file, a file of only
chrome, an article whose title is one short line.
"""
import os

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT = os.path.join(ROOT, "tests", "fixtures", "split")


def load_articles():
    """{(file prefix, title line): (title, [body paragraphs, stripped])} from gold.tsv."""
    gold = {}
    with open(os.path.join(ROOT, "tests", "splitter", "gold.tsv"), encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            name, n, _ = line.rstrip("\n").split("\t", 2)
            gold.setdefault(name, []).append(int(n))
    arts = {}
    for name, starts in gold.items():
        with open(os.path.join(ROOT, "data", name), encoding="utf-8", errors="replace") as f:
            lines = f.read().split("\n")
        for i, s in enumerate(starts):
            end = starts[i + 1] - 1 if i + 1 < len(starts) else len(lines)
            body = [l.strip() for l in lines[s:end] if l.strip() and l.strip() != "通过admin"]
            arts[(name[:3], s)] = (lines[s - 1].strip(), body)
    return arts


def glue(parts, separator=None, header=None, indent="", blank=True):
    """Returns (text, title lines). parts: (title, body paragraphs)."""
    out, titles = [], []
    gap = [""] if blank else []
    if header:
        out += [header] + gap
    for title, body in parts:
        if separator:
            out += [separator] + gap
        titles.append(len(out) + 1)
        out.append(title)
        for p in body:
            out += gap + [indent + p]
        out += gap
    return "\n".join(out) + "\n", titles


def main():
    a = load_articles()
    cut = lambda key, n: (a[key][0], a[key][1][:n])
    fixtures = {
        # another separator word and another page header
        "by_admin.txt": glue([cut(("000", 814), 4), cut(("002", 191), 1), cut(("001", 173), 2)],
                             separator="By admin", header="分类目录归档 科技新闻"),
        # "Posted by editor", no page header, no blank lines
        "posted_by_editor.txt": glue([cut(("000", 55), 6), cut(("000", 473), 4), cut(("000", 848), 3)],
                                     separator="Posted by editor", blank=False),
        # no separator, every body two-space indented (titles flush)
        "indented.txt": glue([cut(("002", 1), 5), cut(("002", 41), 5), cut(("001", 412), 5)], indent="  "),
        # no separator, every body flush
        "flush.txt": glue([cut(("002", 153), 12), a[("002", 191)], a[("002", 195)], cut(("001", 173), 2),
                           cut(("001", 180), 6)]),
        # one article, with its photo-caption stubs
        "one_article.txt": glue([a[("001", 300)]]),
        # a single short line as a title, between two longer articles
        "short_title.txt": glue([cut(("001", 476), 4), cut(("000", 814), 5), cut(("002", 203), 5)]),
        # nothing but page chrome
        "only_chrome.txt": ("标签归档 武汉品茶资源\n\n通过admin\n\n", []),
        "empty.txt": ("", []),
    }
    os.makedirs(OUT, exist_ok=True)
    with open(os.path.join(ROOT, "tests", "splitter", "fixtures.tsv"), "w", encoding="utf-8") as gold:
        gold.write("# Title lines of tests/fixtures/split/*, written by tests/splitter/make_fixtures.py.\n")
        for name, (text, titles) in sorted(fixtures.items()):
            with open(os.path.join(OUT, name), "w", encoding="utf-8", newline="") as f:
                f.write(text)
            gold.write(f"{name}\t{' '.join(map(str, titles))}\n")


if __name__ == "__main__":
    main()
