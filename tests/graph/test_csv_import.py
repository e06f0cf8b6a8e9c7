"""A folder of CSV files (an HR export) imports like the JSON document, or says where it is wrong."""

from __future__ import annotations

from pathlib import Path

import pytest

from teamcredit.services.container import Services
from teamcredit.services.csv_import import CsvFolder, load_csv_folder
from teamcredit.services.document import DocumentError
from teamcredit.services.importer import Importer

FILES = {
    "organizations.csv": "id,name\norg-acme,Acme Robotics\n",
    # Semicolons, as a French spreadsheet exports them; a quoted cell holding one.
    "teams.csv": "id;name;description;organization_id\n"
    't-platform;Platform;"APIs; CI";org-acme\n'
    "t-data;Équipe Données;;org-acme\n",
    # A byte-order mark (Excel's "CSV UTF-8"), columns in another order, a blank line.
    "people.csv": "\ufeffID,Name,Country,Handle,Headline,Locale\n"
    'p-alice,Alice Martin,fr,alice-martin,"Engineering manager, Platform",fr-FR\n'
    "p-bob,Bob Nguyen,US,https://www.linkedin.com/in/Bob-Nguyen/,,\n"
    "\n"
    "p-carla,Carla Rossi,,,,\n",
    "projects.csv": "id,name,aliases,keywords,team id,started at\n"
    "pr-atlas,Atlas,Atlas API|Projet Atlas,,t-platform,2025-02-01\n"
    "pr-beacon,Beacon,,dashboard,t-data,\n",
    "memberships.csv": "Person ID,Team ID,Role,Since\n"
    "p-alice,t-platform,Engineering manager,2024-01-15\n"
    "p-bob,t-platform,Backend lead,\n"
    "p-carla,t-data,,\n",
    "contributions.csv": "personId\tprojectId\trole\tweight\n"
    "p-alice\tpr-atlas\tproject lead\t1.0\n"
    "p-bob\tpr-atlas\tbackend\t0.9\n"
    "p-carla\tpr-beacon\t\t\n",
}


def folder(tmp_path: Path, **changes: str | None) -> Path:
    files = dict(FILES)
    for name, text in changes.items():
        key = name.replace("_csv", ".csv")
        if text is None:
            files.pop(key)
        else:
            files[key] = text
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    return tmp_path


def problems(path: Path) -> list[tuple[str, str]]:
    with pytest.raises(DocumentError) as info:
        load_csv_folder(path)
    return info.value.problems


def test_csv_folder_reads_like_the_json_document(tmp_path: Path) -> None:
    doc = load_csv_folder(folder(tmp_path))
    assert [t.description for t in doc.teams] == ["APIs; CI", None]
    assert [p.id for p in doc.people] == ["p-alice", "p-bob", "p-carla"]
    assert doc.people[0].country == "FR" and doc.people[1].handle == "bob-nguyen"
    assert doc.projects[0].aliases == ["Atlas API", "Projet Atlas"]
    assert doc.projects[1].keywords == ["dashboard"]
    assert doc.memberships[0].since is not None and doc.memberships[1].since is None
    assert [c.weight for c in doc.contributions] == [1.0, 0.9, 1.0]  # empty: the default


async def test_csv_import_writes_the_graph_and_is_idempotent(
    clean: Services, tmp_path: Path
) -> None:
    doc = load_csv_folder(folder(tmp_path))
    first = await Importer(clean.client).run(doc)
    assert first.counts["people"].created == 3 and first.counts["contributions"].created == 3
    rows = await clean.client.read(
        "MATCH (p:Person)-[m:MEMBER_OF]->(t:Team)-[:PART_OF]->(o:Organization) "
        "RETURN p.id AS person, m.role AS role, t.id AS team, o.id AS org ORDER BY person"
    )
    assert [(r["person"], r["role"], r["team"], r["org"]) for r in rows] == [
        ("p-alice", "Engineering manager", "t-platform", "org-acme"),
        ("p-bob", "Backend lead", "t-platform", "org-acme"),
        ("p-carla", None, "t-data", "org-acme"),
    ]
    owned = await clean.client.read(
        "MATCH (t:Team)-[:OWNS]->(x:Project)<-[c:CONTRIBUTED_TO]-(p:Person) "
        "RETURN x.id AS project, count(p) AS people ORDER BY project"
    )
    assert [(r["project"], r["people"]) for r in owned] == [("pr-atlas", 2), ("pr-beacon", 1)]
    again = await Importer(clean.client).run(load_csv_folder(folder(tmp_path)))
    assert again.changed == 0


def test_a_persons_aliases_are_one_cell(tmp_path: Path) -> None:
    doc = load_csv_folder(
        folder(
            tmp_path,
            people_csv="id,name,aliases\np-kenta,田中 健太,Kenta Tanaka|タナカ ケンタ\n"
            "p-ada,Ada,\n",
        )
    )
    assert [p.aliases for p in doc.people] == [["Kenta Tanaka", "タナカ ケンタ"], []]
    eleven = "|".join(f"Ada {i}" for i in range(11))
    found = problems(folder(tmp_path, people_csv=f"id,name,aliases\np-1,Ada,{eleven}\n"))
    assert len(found) == 1 and found[0][0] == "people.csv:2:3" and "at most 10" in found[0][1]


def test_bad_cells_are_reported_by_file_line_and_column(tmp_path: Path) -> None:
    found = problems(
        folder(
            tmp_path,
            people_csv="id,name,country\np-1,Ada,FR\n\np-2,,France\n",
            contributions_csv="personId,projectId,weight\np-1,pr-atlas,heavy\n",
        )
    )
    assert ("people.csv:4:2", "empty cell: name is required") in found
    assert any(where == "people.csv:4:3" for where, _ in found)  # 'France' is not ISO alpha-2
    assert any(where == "contributions.csv:2:3" and "number" in msg for where, msg in found)


def test_header_problems_point_at_the_header(tmp_path: Path) -> None:
    found = problems(
        folder(
            tmp_path,
            people_csv="id,full name\np-1,Ada\n",
            memberships_csv="personId,role\np-1,lead\n",
        )
    )
    assert (
        "people.csv:1:2",
        "unknown column 'full name'; people.csv columns are "
        "id, name, handle, headline, country, locale, aliases",
    ) in found
    assert ("people.csv:1", "missing column 'name'") in found
    assert ("memberships.csv:1", "missing column 'teamId'") in found


def test_rows_and_files_that_do_not_fit(tmp_path: Path) -> None:
    (tmp_path / "posts.csv").write_text("id,text\n", encoding="utf-8")
    found = problems(folder(tmp_path, teams_csv="id,name\nt-1,One,extra\n"))
    assert ("teams.csv:2", "3 cells but the header names 2") in found
    assert any(where == "posts.csv:1" and "unknown file" in msg for where, msg in found)


def test_duplicate_ids_name_the_second_row(tmp_path: Path) -> None:
    found = problems(folder(tmp_path, people_csv="id,name\np-1,Ada\np-2,Bob\np-1,Ada again\n"))
    assert found == [("people.csv:4:1", "duplicate id 'p-1' (first at line 2)")]


def test_a_folder_without_csv_files(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("hello", encoding="utf-8")
    found = problems(tmp_path)
    assert len(found) == 1 and "no CSV files found" in found[0][1]


def test_not_utf8_is_reported(tmp_path: Path) -> None:
    folder(tmp_path)
    (tmp_path / "people.csv").write_bytes("id,name\np-1,Zoë\n".encode("latin-1"))
    assert problems(tmp_path)[0][0] == "people.csv:1"


async def test_unknown_references_found_at_import_are_located_in_the_files(
    clean: Services, tmp_path: Path
) -> None:
    source = CsvFolder(folder(tmp_path, memberships_csv="personId,teamId\np-alice,t-ghost\n"))
    with pytest.raises(DocumentError) as info:
        await Importer(clean.client).run(source.document)
    assert source.relocate(info.value).problems == [
        ("memberships.csv:2:2", "unknown team id 't-ghost'")
    ]
