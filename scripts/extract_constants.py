#!/usr/bin/env python3
"""Writes assets/constants.json: the name every library gives each HTTP status code.

Each library's names come from that library's own source, fetched with the ordinary client of a
package registry this machine reaches (Debian packages with apt-get, crates with cargo, npm
packages with npm) or read from the tool installed here (javap, node). Four sources are published
in none of those registries (Spring's HttpStatus, .NET's HttpStatusCode, ASP.NET Core's
StatusCodes, Plug's Plug.Conn.Status): for those the script reads a copy of the file, taken from
the public repository at the commit recorded below, from the cache folder (see docs/catalog.md for
how to put it there). Nothing from a library's source is written into this repository: only the
names, the code each stands for, whether the library marks it as an older alias or deprecated, the
version a name appeared in where the library or its documentation says so, and where the facts
came from.

Usage: python3 scripts/extract_constants.py [--check]
  --check   compare with the committed assets/constants.json instead of writing it (exit 1 on a
            difference)

Downloads are cached under $STATUS_CONSTANTS_CACHE (default ~/.cache/status-constants), so a
rerun fetches nothing and reproduces the same file. Python 3.11 standard library only.
"""

from __future__ import annotations

import ast
import csv
import html
import json
import os
import re
import subprocess
import sys
import tarfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "assets" / "constants.json"
REGISTRY_CSV = ROOT / "tests" / "data" / "iana-status-codes.csv"
CATALOG = ROOT / "assets" / "catalog.json"
CACHE = Path(os.environ.get("STATUS_CONSTANTS_CACHE", Path.home() / ".cache" / "status-constants"))

# Debian's stable release at the time of extraction: it carries current Go, Python, Rack, Symfony
# and Ruby versions, where the machine's own release (bookworm) carries older ones.
DEBIAN_SUITE = "trixie"
DEBIAN = {
    "go": ("golang-1.24-src", "1.24.4-1", "usr/share/go-1.24/src/net/http/status.go"),
    "python": ("libpython3.13-stdlib", "3.13.5-2+deb13u5", "usr/lib/python3.13/http/__init__.py"),
    "python-doc": ("python3.13-doc", "3.13.5-2+deb13u5", "usr/share/doc/python3.13/html/library/http.html"),
    "symfony": (
        "php-symfony-http-foundation",
        "6.4.50+dfsg-0+deb13u1",
        "usr/share/php/Symfony/Component/HttpFoundation/Response.php",
    ),
    "rack": (
        "ruby-rack",
        "3.1.20-0+deb13u2",
        "usr/share/rubygems-integration/all/gems/rack-3.1.20/lib/rack/utils.rb",
    ),
    "nethttp": ("libruby3.3", "3.3.8-2", "usr/lib/ruby/3.3.0/net/http/responses.rb"),
    "nethttp-version": ("libruby3.3", "3.3.8-2", "usr/lib/ruby/3.3.0/net/http.rb"),
}
RUST_HTTP_VERSION = "1.5.0"
NPM_PACKAGE = ("http-status-codes", "2.3.0")

# Files read from public repositories (the search tool's read_file), by repository, commit, path.
REPO_FILES = {
    "spring": (
        "spring-projects/spring-framework",
        "002040239d2c4b3f345286a8af4c38a2b6b34f77",
        "spring-web/src/main/java/org/springframework/http/HttpStatus.java",
    ),
    "dotnet": (
        "dotnet/runtime",
        "16775de38433a72f213070da1f1240f9cfa78588",
        "src/libraries/System.Net.Primitives/src/System/Net/HttpStatusCode.cs",
    ),
    "aspnetcore": (
        "dotnet/aspnetcore",
        "09e9cb2f99c985441daeeaa85a9ce0fa5b017671",
        "src/Http/Http.Abstractions/src/StatusCodes.cs",
    ),
    "plug": (
        "elixir-plug/plug",
        "3071bdc87c0ef9ffa18e2c4d9432de69076dbb9a",
        "lib/plug/conn/status.ex",
    ),
}


class SourceMissing(Exception):
    """A source could not be fetched or found; the message says how to get it."""


def run(args: list[str], cwd: Path | None = None) -> str:
    result = subprocess.run(args, cwd=cwd, capture_output=True, text=True)
    if result.returncode != 0:
        raise SourceMissing(f"`{' '.join(args)}` failed:\n{result.stderr.strip()}")
    return result.stdout


# --- Fetching ------------------------------------------------------------------------------------


def debian_mirror() -> str:
    """The Debian mirror this machine's apt already uses (so no host is written here)."""
    for path in [Path("/etc/apt/sources.list.d/debian.sources"), Path("/etc/apt/sources.list")]:
        if not path.exists():
            continue
        for line in path.read_text().splitlines():
            match = re.match(r"\s*URIs:\s*(\S+/debian)/?\s*$", line) or re.match(
                r"\s*deb\s+(?:\[[^]]*\]\s+)?(\S+/debian)/?\s", line
            )
            if match:
                return match.group(1)
    raise SourceMissing("no Debian mirror found in /etc/apt/sources.list(.d)")


def apt_options() -> list[str]:
    """apt-get options for a private package list of DEBIAN_SUITE: the system's apt is untouched."""
    base = CACHE / f"apt-{DEBIAN_SUITE}"
    (base / "lists" / "partial").mkdir(parents=True, exist_ok=True)
    (base / "cache" / "archives" / "partial").mkdir(parents=True, exist_ok=True)
    sources = base / "sources.list"
    keyring = "/usr/share/keyrings/debian-archive-keyring.gpg"
    sources.write_text(f"deb [signed-by={keyring}] {debian_mirror()} {DEBIAN_SUITE} main\n")
    return [
        f"-o=Dir::Etc::SourceList={sources}",
        "-o=Dir::Etc::SourceParts=/nonexistent",
        f"-o=Dir::State::Lists={base / 'lists'}",
        f"-o=Dir::Cache={base / 'cache'}",
        "-o=Dir::State::status=/var/lib/dpkg/status",
        "-o=Debug::NoDropPrivs=true",
    ]


def debian_file(key: str) -> Path:
    package, version, member = DEBIAN[key]
    unpacked = CACHE / "deb" / f"{package}_{version}"
    target = unpacked / member
    if target.exists():
        return target
    debs = CACHE / "debs"
    debs.mkdir(parents=True, exist_ok=True)
    deb = next(debs.glob(f"{package}_{version.replace(':', '%3a')}_*.deb"), None)
    if deb is None:
        options = apt_options()
        run(["apt-get", *options, "-q", "update"])
        run(["apt-get", *options, "-q", "download", f"{package}={version}"], cwd=debs)
        deb = next(debs.glob(f"{package}_*.deb"), None)
        if deb is None:
            raise SourceMissing(f"apt-get download {package}={version} left no .deb in {debs}")
    unpacked.mkdir(parents=True, exist_ok=True)
    data = subprocess.run(["dpkg-deb", "--fsys-tarfile", str(deb)], capture_output=True, check=True)
    tar_path = unpacked / "data.tar"
    tar_path.write_bytes(data.stdout)
    with tarfile.open(tar_path) as tar:
        for name in (f"./{member}", member):
            try:
                tar.extract(name, unpacked, filter="data")
                break
            except KeyError:
                continue
        else:
            raise SourceMissing(f"{member} is not in {deb.name}")
    tar_path.unlink()
    return target


def rust_http_source() -> Path:
    project = CACHE / "cargo-http"
    (project / "src").mkdir(parents=True, exist_ok=True)
    (project / "src" / "lib.rs").touch()
    (project / "Cargo.toml").write_text(
        '[package]\nname = "fetch-http"\nversion = "0.0.0"\nedition = "2021"\n\n'
        f'[dependencies]\nhttp = "={RUST_HTTP_VERSION}"\n'
    )
    run(["cargo", "fetch", "--quiet"], cwd=project)
    metadata = json.loads(run(["cargo", "metadata", "--format-version", "1"], cwd=project))
    for package in metadata["packages"]:
        if package["name"] == "http" and package["version"] == RUST_HTTP_VERSION:
            return Path(package["manifest_path"]).parent / "src" / "status.rs"
    raise SourceMissing(f"cargo did not fetch http {RUST_HTTP_VERSION}")


def npm_source() -> Path:
    name, version = NPM_PACKAGE
    folder = CACHE / "npm"
    folder.mkdir(parents=True, exist_ok=True)
    tarball = folder / f"{name}-{version}.tgz"
    if not tarball.exists():
        run(["npm", "pack", "--silent", f"{name}@{version}"], cwd=folder)
    unpacked = folder / f"{name}-{version}"
    if not unpacked.exists():
        with tarfile.open(tarball) as tar:
            tar.extractall(unpacked, filter="data")
    return unpacked / "package" / "build" / "cjs" / "status-codes.d.ts"


def repo_file(key: str) -> Path:
    repo, commit, path = REPO_FILES[key]
    target = CACHE / "files" / repo / commit / path
    if not target.exists():
        raise SourceMissing(
            f"{target} is missing: read {path} of {repo} at commit {commit} (the search tool's "
            "read_file) and save its text there (see docs/catalog.md)"
        )
    return target


# --- Extracting ----------------------------------------------------------------------------------
# Each extractor returns (provenance, names), names being a list of
# (code, name as written in code, status, since or None, the library's own phrase or None).
# status: "current" (the name the library prefers), "older" (an older name kept as an alias of a
# current one), "deprecated" (marked deprecated, with no current name for the code).


def extract_go():
    path = debian_file("go")
    names = []
    for name, code in re.findall(r"^\s*(Status\w+)\s*=\s*(\d{3})\b", path.read_text(), re.M):
        names.append((int(code), f"http.{name}", "current", None, None))
    package, version, member = DEBIAN["go"]
    return {
        "version": version.split("-")[0],
        "obtained": f"Debian {DEBIAN_SUITE} package {package} {version} (apt-get download)",
        "path": "src/net/http/status.go",
    }, names


def python_since_notes(path: Path) -> tuple[dict[str, str], str | None]:
    """Names the documentation says were added in a version, and the version of the RFC 9110 renaming."""
    text = html.unescape(re.sub(r"<[^>]+>", "", path.read_text()))
    added: dict[str, str] = {}
    renamed = None
    for version, note in re.findall(r"(?:Added|Changed) in version (\d+\.\d+):\s*([^\n]*)", text):
        for _, name in re.findall(r"\b(\d{3}) ([A-Z][A-Z_]+)\b", note):
            added[name] = version
        if "RFC9110 naming" in note or "RFC 9110 naming" in note:
            renamed = version
    return added, renamed


def extract_python():
    path = debian_file("python")
    added, renamed = python_since_notes(debian_file("python-doc"))
    tree = ast.parse(path.read_text())
    cls = next(n for n in tree.body if isinstance(n, ast.ClassDef) and n.name == "HTTPStatus")
    codes: dict[str, int] = {}
    phrases: dict[str, str] = {}
    aliases: list[tuple[str, str]] = []
    for node in cls.body:
        if not (isinstance(node, ast.Assign) and len(node.targets) == 1):
            continue
        target = node.targets[0]
        if not isinstance(target, ast.Name) or not target.id.isupper():
            continue
        value = node.value
        if isinstance(value, ast.Tuple) and isinstance(value.elts[0], ast.Constant):
            codes[target.id] = value.elts[0].value
            phrases[target.id] = value.elts[1].value
        elif isinstance(value, ast.Name):
            aliases.append((target.id, value.id))
    renamed_to = {current for _, current in aliases}
    names = []
    for name, code in codes.items():
        since = added.get(name) or (renamed if name in renamed_to else None)
        names.append((code, f"HTTPStatus.{name}", "current", since, phrases[name]))
    for alias, current in aliases:
        names.append((codes[current], f"HTTPStatus.{alias}", "older", None, None))
    package, version, _ = DEBIAN["python"]
    return {
        "version": version.split("-")[0],
        "obtained": f"Debian {DEBIAN_SUITE} package {package} {version} (apt-get download); "
        f"versions from the versionadded and versionchanged notes of python3.13-doc's library/http.html",
        "path": "Lib/http/__init__.py",
    }, names


def extract_rust():
    path = rust_http_source()
    names = []
    for code, name, phrase in re.findall(r'^\s*\((\d{3}), (\w+), "([^"]*)"\);', path.read_text(), re.M):
        names.append((int(code), f"StatusCode::{name}", "current", None, phrase))
    return {
        "version": RUST_HTTP_VERSION,
        "obtained": f"crate http {RUST_HTTP_VERSION} (cargo fetch)",
        "path": "src/status.rs",
    }, names


def extract_spring():
    path = repo_file("spring")
    names = []
    since = None
    deprecated = False
    for line in path.read_text().splitlines():
        stripped = line.strip()
        if match := re.match(r"\* @since (\S+)", stripped):
            since = match.group(1)
        elif stripped.startswith("@Deprecated"):
            deprecated = True
        elif match := re.match(r'([A-Z_]+)\((\d{3}), Series\.\w+, "([^"]*)"(, true)?\)[,;]', stripped):
            name, code, phrase, duplicate = match.groups()
            status = "older" if duplicate else ("deprecated" if deprecated else "current")
            names.append((int(code), f"HttpStatus.{name}", status, since, phrase))
            since = None
            deprecated = False
    repo, commit, file = REPO_FILES["spring"]
    return {
        "version": None,
        "repo": repo,
        "commit": commit,
        "obtained": "read from the public repository at this commit (the newest copy reachable "
        "from here; Spring's own releases are published in no registry this machine reaches)",
        "path": file,
    }, names


def extract_java():
    out = run(["javap", "-constants", "-v", "java.net.HttpURLConnection"])
    names = []
    deprecated = set()
    current = None
    for line in out.splitlines():
        if match := re.match(r"\s+public static final int (HTTP_\w+) = (\d{3});", line):
            current = match.group(1)
            names.append([int(match.group(2)), current])
        elif current and re.match(r"\s+Deprecated: true", line):
            deprecated.add(current)
    by_code: dict[int, list[str]] = {}
    for code, name in names:
        by_code.setdefault(code, []).append(name)
    result = []
    for code, name in names:
        if name in deprecated:
            others = [n for n in by_code[code] if n not in deprecated]
            status = "older" if others else "deprecated"
        else:
            status = "current"
        result.append((code, f"HttpURLConnection.{name}", status, None, None))
    settings = subprocess.run(
        ["java", "-XshowSettings:properties", "-version"], capture_output=True, text=True
    ).stderr
    match = re.search(r"java\.runtime\.version = (\S+)", settings)
    version = match.group(1) if match else "unknown"
    return {
        "version": version,
        "obtained": f"javap -constants -v java.net.HttpURLConnection of the JDK installed here ({version})",
        "path": "java.base/java/net/HttpURLConnection",
    }, result


def extract_dotnet():
    path = repo_file("dotnet")
    names = []
    for name, code in re.findall(r"^\s*(\w+) = (\d{3}),?\s*$", path.read_text(), re.M):
        names.append((int(code), f"HttpStatusCode.{name}", "current", None, None))
    repo, commit, file = REPO_FILES["dotnet"]
    return {
        "version": None,
        "repo": repo,
        "commit": commit,
        "obtained": "read from the public repository at this commit (NuGet is not reachable from here)",
        "path": file,
        "note": "Two names for one code (Ambiguous and MultipleChoices, Moved, Redirect, "
        "RedirectMethod, RedirectKeepVerb) are equal members of the enum: neither is deprecated.",
    }, names


def extract_aspnetcore():
    path = repo_file("aspnetcore")
    names = []
    for name, code, comment in re.findall(
        r"public const int (Status\w+) = (\d{3});\s*(?://\s*([^\n]*))?", path.read_text()
    ):
        status = "older" if "renamed" in comment else "current"
        names.append((int(code), f"StatusCodes.{name}", status, None, None))
    repo, commit, file = REPO_FILES["aspnetcore"]
    return {
        "version": None,
        "repo": repo,
        "commit": commit,
        "obtained": "read from the public repository at this commit (NuGet is not reachable from here); "
        "an older name is one the source comments as renamed",
        "path": file,
    }, names


def extract_symfony():
    path = debian_file("symfony")
    names = []
    for name, code in re.findall(r"public const (HTTP_\w+) = (\d{3});", path.read_text()):
        names.append((int(code), f"Response::{name}", "current", None, None))
    package, version, _ = DEBIAN["symfony"]
    return {
        "version": version.split("+")[0],
        "obtained": f"Debian {DEBIAN_SUITE} package {package} {version} (apt-get download)",
        "path": "src/Symfony/Component/HttpFoundation/Response.php",
    }, names


def ruby_hash(text: str, constant: str) -> str:
    match = re.search(rf"{constant} = \{{(.*?)\n\s*\}}", text, re.S)
    if not match:
        raise SourceMissing(f"{constant} not found")
    return match.group(1)


def extract_rack():
    text = debian_file("rack").read_text()
    names = []
    # SYMBOL_TO_STATUS_CODE derives each symbol from HTTP_STATUS_CODES: the phrase downcased,
    # each space or hyphen made an underscore.
    if "message.downcase.gsub(/\\s|-/, '_').to_sym" not in text:
        raise SourceMissing("Rack's SYMBOL_TO_STATUS_CODE no longer derives symbols as expected")
    for code, phrase in re.findall(r"(\d{3}) => '([^']*)'", ruby_hash(text, "HTTP_STATUS_CODES")):
        symbol = re.sub(r"\s|-", "_", phrase.lower())
        names.append((int(code), f":{symbol}", "current", None, phrase))
    obsolete = dict(re.findall(r"(\w+): (\d{3})", ruby_hash(text, "OBSOLETE_SYMBOLS_TO_STATUS_CODES")))
    mapped = dict(re.findall(r"(\w+): :(\w+)", ruby_hash(text, "OBSOLETE_SYMBOL_MAPPINGS")))
    for symbol, code in obsolete.items():
        status = "older" if symbol in mapped else "deprecated"
        names.append((int(code), f":{symbol}", status, None, None))
    package, version, _ = DEBIAN["rack"]
    return {
        "version": version.split("-")[0],
        "obtained": f"Debian {DEBIAN_SUITE} package {package} {version} (apt-get download)",
        "path": "lib/rack/utils.rb",
        "note": "Symbols as Rack::Utils.status_code accepts them: SYMBOL_TO_STATUS_CODE (derived from "
        "HTTP_STATUS_CODES), and the obsolete symbols it still accepts: older where Rack maps one to "
        "a current symbol, deprecated where it warns that the symbol will be removed.",
    }, names


def extract_nethttp():
    text = debian_file("nethttp").read_text()
    version_match = re.search(r'VERSION = "([^"]+)"', debian_file("nethttp-version").read_text())
    table = dict((name, int(code)) for code, name in re.findall(r"'(\d{3})' => Net::(HTTP\w+)", text))
    names = [(code, f"Net::{name}", "current", None, None) for name, code in table.items()]
    for alias, target in re.findall(r"^\s*(HTTP\w+) = (HTTP\w+)\s*$", text, re.M):
        while target not in table:
            found = re.search(rf"^\s*{target} = (HTTP\w+)\s*$", text, re.M)
            if not found:
                break
            target = found.group(1)
        if target in table:
            names.append((table[target], f"Net::{alias}", "older", None, None))
    package, version, _ = DEBIAN["nethttp"]
    return {
        "version": version_match.group(1) if version_match else None,
        "obtained": f"net-http as bundled with Ruby {version.split('-')[0]}: Debian {DEBIAN_SUITE} "
        f"package {package} {version} (apt-get download)",
        "path": "lib/net/http/responses.rb",
        "note": "Response classes from CODE_TO_OBJ; an older name is a constant assigned to another class.",
    }, names


def extract_node():
    out = run(["node", "-e", "process.stdout.write(JSON.stringify([process.version, require('http').STATUS_CODES]))"])
    version, phrases = json.loads(out)
    names = [(int(code), f"http.STATUS_CODES[{code}]", "current", None, phrase) for code, phrase in phrases.items()]
    return {
        "version": version.lstrip("v"),
        "obtained": f"http.STATUS_CODES of the node installed here ({version})",
        "note": "STATUS_CODES maps a code to its reason phrase: the phrase is what a program gets.",
    }, names


def extract_npm():
    text = npm_source().read_text()
    names = []
    for doc, name, code in re.findall(r"(/\*\*(?:(?!\*/).)*\*/)\s*(\w+) = (\d{3})", text, re.S):
        status = "deprecated" if "@deprecated" in doc else "current"
        names.append((int(code), f"StatusCodes.{name}", status, None, None))
    name, version = NPM_PACKAGE
    return {
        "version": version,
        "obtained": f"npm package {name} {version} (npm pack)",
        "path": "build/cjs/status-codes.d.ts",
        "note": "The StatusCodes enum. The package's older top-level constants (legacy.d.ts) are "
        "all deprecated in favour of it and are not listed.",
    }, names


def extract_plug():
    text = repo_file("plug").read_text()
    names = []
    for code, phrase in re.findall(r'(\d{3}) => "([^"]*)"', text):
        # Plug.Conn.Status turns a phrase into its atom: downcased, apostrophes dropped, every
        # other character outside a-z and 0-9 made an underscore.
        atom = re.sub(r"[^a-z0-9]", "_", phrase.lower().replace("'", ""))
        names.append((int(code), f":{atom}", "current", None, phrase))
    aliased = re.search(r"aliased_statuses = \[(.*?)\]", text, re.S)
    for code, atom in re.findall(r"\{(\d{3}), :(\w+)\}", aliased.group(1) if aliased else ""):
        names.append((int(code), f":{atom}", "older", None, None))
    repo, commit, file = REPO_FILES["plug"]
    return {
        "version": None,
        "repo": repo,
        "commit": commit,
        "obtained": "read from the public repository at this commit (Hex is not reachable from here)",
        "path": file,
    }, names


LIBRARIES = [
    ("go", "Go net/http", "Go", "http.StatusNotFound", extract_go),
    ("python", "Python http.HTTPStatus", "Python", "HTTPStatus.NOT_FOUND", extract_python),
    ("rust", "Rust http::StatusCode", "Rust", "StatusCode::NOT_FOUND", extract_rust),
    ("spring", "Spring HttpStatus", "Java", "HttpStatus.NOT_FOUND", extract_spring),
    ("java", "Java HttpURLConnection", "Java", "HttpURLConnection.HTTP_NOT_FOUND", extract_java),
    ("dotnet", ".NET HttpStatusCode", "C#", "HttpStatusCode.NotFound", extract_dotnet),
    ("aspnetcore", "ASP.NET Core StatusCodes", "C#", "StatusCodes.Status404NotFound", extract_aspnetcore),
    ("symfony", "Symfony Response", "PHP", "Response::HTTP_NOT_FOUND", extract_symfony),
    ("rack", "Rack status symbols", "Ruby", ":not_found", extract_rack),
    ("nethttp", "Ruby Net::HTTP", "Ruby", "Net::HTTPNotFound", extract_nethttp),
    ("node", "Node http.STATUS_CODES", "JavaScript", "http.STATUS_CODES[404]", extract_node),
    ("npm-http-status-codes", "npm http-status-codes", "JavaScript", "StatusCodes.NOT_FOUND", extract_npm),
    ("plug", "Elixir Plug", "Elixir", ":not_found", extract_plug),
]

# What precedes the words of the phrase in a name, per library, to compare a name with phrases.
QUALIFIERS = {
    "go": r"http\.Status",
    "python": r"HTTPStatus\.",
    "rust": r"StatusCode::",
    "spring": r"HttpStatus\.",
    "java": r"HttpURLConnection\.HTTP_",
    "dotnet": r"HttpStatusCode\.",
    "aspnetcore": r"StatusCodes\.Status\d{3}",
    "symfony": r"Response::HTTP_",
    "rack": r":",
    "nethttp": r"Net::HTTP",
    "npm-http-status-codes": r"StatusCodes\.",
    "plug": r":",
}


def words(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", text.lower().replace("'", ""))


def former_phrase(library: str, name: str, phrase: str | None, entry: dict | None) -> str | None:
    """The code's former phrase that this name (or, for Node, its phrase) spells, if any."""
    if not entry:
        return None
    if library == "node":
        spelled = words(phrase or "")
    else:
        spelled = words(re.sub(f"^{QUALIFIERS[library]}", "", name))
    if spelled == words(entry["phrase"]):
        return None
    for former in entry.get("former_phrases") or []:
        if spelled == words(former):
            return former
    return None


def build() -> dict:
    with REGISTRY_CSV.open(newline="") as f:
        registered = {int(row["code"]): row["phrase"] for row in csv.DictReader(f)}
    catalog = {entry["code"]: entry for entry in json.loads(CATALOG.read_text())["codes"]}

    libraries = []
    by_code: dict[int, dict[str, list]] = {}
    for library, display, language, example, extract in LIBRARIES:
        source, names = extract()
        if len({(code, name) for code, name, *_ in names}) != len(names):
            raise SystemExit(f"{library}: a name is listed twice")
        if len(names) < 20:
            raise SystemExit(f"{library}: only {len(names)} names extracted; has the source changed shape?")
        libraries.append(
            {"id": library, "name": display, "language": language, "example": example, "source": source}
        )
        order = {"current": 0, "older": 1, "deprecated": 2}
        for code, name, status, since, phrase in sorted(names, key=lambda n: (n[0], order[n[2]])):
            item = {"name": name, "status": status}
            if since:
                item["since"] = since
            if phrase is not None:
                item["phrase"] = phrase
            former = former_phrase(library, name, phrase, catalog.get(code))
            if former:
                item["former_phrase"] = former
            by_code.setdefault(code, {}).setdefault(library, []).append(item)

    codes = []
    for code in sorted(set(registered) | set(by_code)):
        defined = by_code.get(code, {})
        codes.append(
            {
                "code": code,
                "registered": code in registered,
                # Every library appears for every code: an empty list says the library has no
                # name for this code.
                "names": {library: defined.get(library, []) for library, *_ in LIBRARIES},
            }
        )
    return {
        "about": "The names HTTP libraries give each status code, extracted from each library's own "
        "source by scripts/extract_constants.py. Schema: docs/catalog.md.",
        "libraries": libraries,
        "codes": codes,
    }


def main() -> int:
    try:
        data = build()
    except SourceMissing as error:
        print(f"extract_constants: {error}", file=sys.stderr)
        return 2
    text = json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    if "--check" in sys.argv[1:]:
        if OUT.read_text() != text:
            print("extract_constants: assets/constants.json differs from a fresh extraction", file=sys.stderr)
            return 1
        print("extract_constants: assets/constants.json is up to date")
        return 0
    OUT.write_text(text)
    total = sum(len(n) for c in data["codes"] for n in c["names"].values())
    print(f"extract_constants: wrote {OUT.relative_to(ROOT)}: {len(data['libraries'])} libraries, "
          f"{len(data['codes'])} codes, {total} names")
    return 0


if __name__ == "__main__":
    sys.exit(main())
