#!/usr/bin/env python3
"""Derive the BCP 14 keywords that RFC sections use with header field names.

Writes tests/data/requirement-keywords.json, which tests/requirements.rs reads to check that every
header the catalog marks MUST, SHOULD or MAY cites a section that uses that keyword for that
field. Only facts are written (document, section, keyword, field names), never RFC text: the RFC
texts stay in the shared reference folder, outside the repository.

Rerun it after changing a header's level or citation in assets/catalog.json:

    python3 scripts/derive_requirements.py                      # texts in ../shared/reference
    python3 scripts/derive_requirements.py --reference DIR      # texts elsewhere

It needs only the Python standard library. The reference folder holds plain-text renderings named
rfcNNNN.txt (RFC 9110, 9111, 6585, 7538, 7725, 8297, 8470, 5789). Cited documents with no text
there (RFC 3229, the resumable-upload draft) are listed under "unavailable"; the test names those
headers explicitly and docs/content-review.md records their hand check.

How a keyword is tied to a field: the section's text is split into paragraphs (a paragraph that
ends with a colon runs on into the list that follows it) and then into sentences; a keyword is
recorded with every field name of the vocabulary (every header name in the catalog) that occurs in
the same sentence, matched case-insensitively as a whole token ("Location" does not match inside
"Content-Location").
"""

import argparse
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CATALOG = ROOT / "assets" / "catalog.json"
OUTPUT = ROOT / "tests" / "data" / "requirement-keywords.json"

# Longest first, so "MUST NOT" is not also counted as "MUST".
KEYWORDS = [
    "MUST NOT",
    "SHALL NOT",
    "SHOULD NOT",
    "NOT RECOMMENDED",
    "MUST",
    "REQUIRED",
    "SHALL",
    "SHOULD",
    "RECOMMENDED",
    "MAY",
    "OPTIONAL",
]
KEYWORD_PATTERN = re.compile(r"(?<![A-Za-z-])(" + "|".join(KEYWORDS) + r")(?![A-Za-z-])")
HEADING = re.compile(r"^(\d+(?:\.\d+)*)\.\s+\S")
SENTENCE_END = re.compile(r"(?<=[.;])\s+(?=[A-Z\"(\[])")


def document_file(reference: Path, document: str) -> Path | None:
    match = re.fullmatch(r"RFC (\d+)", document)
    if not match:
        return None
    path = reference / f"rfc{match.group(1)}.txt"
    return path if path.exists() else None


def section_text(lines: list[str], section: str) -> str | None:
    """The lines of one section, up to the next heading of any depth (subsections excluded)."""
    start = None
    for index, line in enumerate(lines):
        heading = HEADING.match(line)
        if not heading:
            continue
        if start is not None:
            return "\n".join(lines[start:index])
        if heading.group(1) == section:
            start = index + 1
    return "\n".join(lines[start:]) if start is not None else None


def sentences(text: str) -> list[str]:
    paragraphs = [" ".join(part.split()) for part in re.split(r"\n\s*\n", text)]
    merged: list[str] = []
    for paragraph in paragraphs:
        if not paragraph:
            continue
        if merged and merged[-1].endswith(":"):
            merged[-1] += " " + paragraph
        else:
            merged.append(paragraph)
    return [sentence for paragraph in merged for sentence in SENTENCE_END.split(paragraph)]


def field_pattern(name: str) -> re.Pattern:
    return re.compile(r"(?<![A-Za-z0-9-])" + re.escape(name) + r"(?![A-Za-z0-9-])", re.IGNORECASE)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--reference", type=Path, default=ROOT.parent / "shared" / "reference")
    args = parser.parse_args()

    catalog = json.loads(CATALOG.read_text(encoding="utf-8"))
    vocabulary = sorted({h["name"] for entry in catalog["codes"] for h in entry["headers"]})
    patterns = {name: field_pattern(name) for name in vocabulary}

    wanted: set[tuple[str, str]] = set()
    for entry in catalog["codes"]:
        if entry["vendor"] is not None:
            continue
        for header in entry["headers"]:
            if header.get("document") and header.get("section"):
                wanted.add((header["document"], header["section"]))

    sections: dict[str, dict[str, dict[str, list[str]]]] = {}
    unavailable: set[str] = set()
    for document, section in sorted(wanted):
        path = document_file(args.reference, document)
        if path is None:
            unavailable.add(document)
            continue
        text = section_text(path.read_text(encoding="utf-8").splitlines(), section)
        if text is None:
            print(f"{document} has no section {section}", file=sys.stderr)
            return 1
        found: dict[str, set[str]] = {}
        for sentence in sentences(text):
            keywords = set(KEYWORD_PATTERN.findall(sentence))
            if not keywords:
                continue
            names = {name for name, pattern in patterns.items() if pattern.search(sentence)}
            for keyword in keywords:
                found.setdefault(keyword, set()).update(names)
        sections.setdefault(document, {})[section] = {
            keyword: sorted(names) for keyword, names in sorted(found.items())
        }

    OUTPUT.write_text(
        json.dumps(
            {
                "generated_by": "scripts/derive_requirements.py",
                "sections": sections,
                "unavailable": sorted(unavailable),
            },
            indent=2,
            ensure_ascii=False,
        )
        + "\n",
        encoding="utf-8",
    )
    print(f"wrote {OUTPUT.relative_to(ROOT)}: {sum(len(s) for s in sections.values())} sections")
    return 0


if __name__ == "__main__":
    sys.exit(main())
