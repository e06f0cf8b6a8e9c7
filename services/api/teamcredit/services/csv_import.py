"""A folder of CSV files (what an HR system exports) as an import document.

Files: people.csv, teams.csv, memberships.csv, projects.csv, contributions.csv, and
optionally organizations.csv (docs/import.md). Columns are the JSON document's fields,
matched loosely (``personId``, ``person_id`` and ``Person ID`` are one column), so the
CSV format cannot drift from the JSON one: both are validated by the same models.

Every problem is reported as ``file:line:column`` (1-based, the line a spreadsheet shows),
and nothing is imported unless every file is valid.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from teamcredit.services.document import (
    ContributionDoc,
    DocumentError,
    ImportDocument,
    MembershipDoc,
    OrganizationDoc,
    PersonDoc,
    ProjectDoc,
    TeamDoc,
    parse_document,
)

# File -> (document section, row model). Order is the order problems are reported in.
FILES: dict[str, tuple[str, type[BaseModel]]] = {
    "organizations.csv": ("organizations", OrganizationDoc),
    "teams.csv": ("teams", TeamDoc),
    "people.csv": ("people", PersonDoc),
    "projects.csv": ("projects", ProjectDoc),
    "memberships.csv": ("memberships", MembershipDoc),
    "contributions.csv": ("contributions", ContributionDoc),
}
LIST_SEPARATOR = "|"  # inside one cell: "Atlas API|Projet Atlas"
_DELIMITERS = (",", ";", "\t")  # spreadsheets in many locales export with ";"
_PATH = re.compile(r"^\$\.(\w+)\[(\d+)\](?:\.(\w+))?")
_EARLIER = re.compile(r"(first at|used at) \[(\d+)\]")


def _key(header: str) -> str:
    return re.sub(r"[^a-z0-9]", "", header.lower())


@dataclass(frozen=True, slots=True)
class _Table:
    """One file's rows, and where each row and column came from."""

    file: str
    columns: dict[str, int]  # field name -> 1-based column
    lines: list[int]  # row index -> 1-based line
    rows: list[dict[str, Any]]

    def where(self, row: int, field: str | None) -> str:
        line = self.lines[row] if row < len(self.lines) else 1
        column = self.columns.get(field or "")
        return f"{self.file}:{line}:{column}" if column else f"{self.file}:{line}"


def _delimiter(header_line: str) -> str:
    return max(_DELIMITERS, key=header_line.count)


def _read_table(
    path: Path, model: type[BaseModel], problems: list[tuple[str, str]]
) -> _Table | None:
    name = path.name
    try:
        text = path.read_text(encoding="utf-8-sig")  # Excel writes a byte-order mark
    except UnicodeDecodeError as exc:
        problems.append((f"{name}:1", f"not UTF-8 text ({exc.reason}); save it as CSV UTF-8"))
        return None
    if not text.strip():
        problems.append((f"{name}:1", "empty file: the first line must name the columns"))
        return None
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text.split("\n", 1)[0]))
    header = next(reader)
    fields = {_key(f): f for f in model.model_fields}
    columns: dict[str, int] = {}
    for number, title in enumerate(header, start=1):
        field = fields.get(_key(title))
        if field is None:
            problems.append(
                (
                    f"{name}:1:{number}",
                    f"unknown column {title.strip()!r}; {name} columns are "
                    + ", ".join(model.model_fields),
                )
            )
        elif field in columns:
            problems.append((f"{name}:1:{number}", f"column {field!r} appears twice"))
        else:
            columns[field] = number
    for field, info in model.model_fields.items():
        if info.is_required() and field not in columns:
            problems.append((f"{name}:1", f"missing column {field!r}"))
    lists = {
        field
        for field, info in model.model_fields.items()
        if getattr(info.annotation, "__origin__", None) is list
    }
    table = _Table(name, columns, [], [])
    line = reader.line_num
    for cells in reader:
        start, line = line + 1, reader.line_num
        if not any(cell.strip() for cell in cells):
            continue  # blank line
        if len(cells) > len(header):
            problems.append(
                (f"{name}:{start}", f"{len(cells)} cells but the header names {len(header)}")
            )
            continue
        row: dict[str, Any] = {}
        for field, number in columns.items():
            cell = cells[number - 1].strip() if number <= len(cells) else ""
            if not cell:
                continue  # empty cell: the field's default, as when a JSON key is absent
            row[field] = (
                [part.strip() for part in cell.split(LIST_SEPARATOR) if part.strip()]
                if field in lists
                else cell
            )
        table.lines.append(start)
        table.rows.append(row)
    return table


class CsvFolder:
    """A folder read into a document, remembering which file, line and column each value came
    from, so that problems found later (a team id unknown to the graph, at import time)
    can be reported as ``file:line:column`` too."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._tables: dict[str, _Table] = {}
        self.document = self._load()

    def _load(self) -> ImportDocument:
        problems: list[tuple[str, str]] = []
        present = sorted(p for p in self.folder.iterdir() if p.suffix.lower() == ".csv")
        known = {p.name.lower(): p for p in present}
        for path in present:
            if path.name.lower() not in FILES:
                problems.append(
                    (
                        f"{path.name}:1",
                        "unknown file; expected " + ", ".join(FILES) + " (any subset)",
                    )
                )
        if not known.keys() & FILES.keys():
            raise DocumentError(
                [(str(self.folder), "no CSV files found; expected " + ", ".join(FILES))]
            )
        raw: dict[str, Any] = {"version": 1}
        for file, (section, model) in FILES.items():
            if file not in known:
                continue
            table = _read_table(known[file], model, problems)
            if table is not None:
                self._tables[section] = table
                raw[section] = table.rows
        if problems:
            raise DocumentError(problems)
        try:
            return parse_document(raw)
        except DocumentError as exc:
            raise self.relocate(exc) from None

    def locate(self, json_path: str) -> str:
        """``$.people[3].name`` -> ``people.csv:5:2`` (line and column of that cell)."""
        match = _PATH.match(json_path)
        if match is None or match.group(1) not in self._tables:
            return json_path
        return self._tables[match.group(1)].where(int(match.group(2)), match.group(3))

    def relocate(self, error: DocumentError) -> DocumentError:
        """The same problems, located in the CSV files instead of the JSON document."""
        return DocumentError(
            [(self.locate(path), self._reword(path, msg)) for path, msg in error.problems]
        )

    def _reword(self, json_path: str, message: str) -> str:
        match = _PATH.match(json_path)
        if match is None or match.group(1) not in self._tables:
            return message
        table = self._tables[match.group(1)]
        if message == "Field required" and match.group(3):
            return f"empty cell: {match.group(3)} is required"
        # "(first at [0])" is a JSON index; in a file, the line is what helps.
        return _EARLIER.sub(lambda m: f"{m.group(1)} line {table.lines[int(m.group(2))]}", message)


def load_csv_folder(folder: Path) -> ImportDocument:
    """Read the folder's CSV files into a validated document, or raise DocumentError."""
    return CsvFolder(folder).document
