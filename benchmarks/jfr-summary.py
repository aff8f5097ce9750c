#!/usr/bin/env python3
"""Summarises `jfr print --events jdk.ExecutionSample` output: hot leaf methods, and the share of
samples per pipeline component (the first recognised frame walking from the leaf to the root)."""
import collections, re, sys

COMPONENTS = [
    ("org.yaml.snakeyaml", "yaml"),
    ("com.vladsch.flexmark.parser", "flexmark parse"),
    ("com.vladsch.flexmark.ext", "flexmark parse"),
    ("com.vladsch.flexmark.html", "flexmark render"),
    ("org.jsoup.safety", "jsoup clean"),
    ("org.jsoup.parser", "jsoup parse"),
    ("org.jsoup.nodes", "jsoup serialize/dom"),
    ("org.jsoup.select", "jsoup select"),
    ("io.pebbletemplates", "pebble"),
    ("com.ibm.icu", "icu"),
    ("java.nio.file", "file io"),
    ("sun.nio", "file io"),
    ("java.io", "file io"),
]

def main(path, top=30):
    text = open(path).read()
    events = text.split("jdk.ExecutionSample")[1:]
    leaf = collections.Counter()
    comp = collections.Counter()
    for e in events:
        frames = re.findall(r"^\s+([\w.$<>]+)\(.*?line:", e, re.M)
        if not frames:
            continue
        leaf[frames[0]] += 1
        name = "other"
        for f in frames:
            hit = next((c for p, c in COMPONENTS if f.startswith(p)), None)
            if hit:
                name = hit
                break
        comp[name] += 1
    n = sum(comp.values())
    print(f"samples: {n}")
    for k, v in comp.most_common():
        print(f"{100*v/n:5.1f}%  {k}")
    print("--- hottest leaf methods")
    for k, v in leaf.most_common(top):
        print(f"{100*v/n:5.1f}%  {k}")

if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 30)
