"""``teamcredit keys create|list|revoke``: API keys, whose secret is shown once."""

from __future__ import annotations

import typer
from rich.table import Table

from teamcredit.cli.common import console, with_services
from teamcredit.models import StoredKey
from teamcredit.services.container import Services
from teamcredit.services.keys import SCOPES, IssuedKey

app = typer.Typer(help="Manage API keys (scopes: " + ", ".join(SCOPES) + ").", no_args_is_help=True)


@app.command("create", help="Create a key; its secret is printed once, only a hash is kept.")
def create(
    scope: str = typer.Option(..., "--scope", help="Comma-separated scopes, e.g. analyze,read"),
    name: str = typer.Option(..., "--name", help="What the key is for, e.g. laptop"),
) -> None:
    async def work(services: Services) -> IssuedKey:
        return await services.keys.create(name, scope)

    issued = with_services(work)
    console.print(f"Created key {issued.id} ({issued.name}; scopes: {', '.join(issued.scopes)}).")
    console.print("It is shown once; store it now:")
    console.print(f"API key: {issued.secret}", soft_wrap=True, highlight=False)


@app.command("list", help="List every key: id, name, scopes, when created and revoked.")
def list_() -> None:
    async def work(services: Services) -> list[StoredKey]:
        return await services.keys.list()

    table = Table(title="API keys")
    for column in ("id", "name", "scopes", "created", "revoked"):
        # A narrow terminal folds a cell onto two lines rather than cutting it.
        table.add_column(column, overflow="fold")
    for key in with_services(work):
        table.add_row(
            key.id,
            key.name,
            ",".join(key.scopes),
            key.created_at.isoformat(timespec="seconds") if key.created_at else "",
            key.revoked_at.isoformat(timespec="seconds") if key.revoked_at else "",
        )
    console.print(table)


@app.command("revoke", help="Revoke a key by id; it stops working at once.")
def revoke(key_id: str = typer.Argument(..., help="The key id shown by `keys list`.")) -> None:
    async def work(services: Services) -> StoredKey:
        return await services.keys.revoke(key_id)

    key = with_services(work)
    console.print(f"Revoked key {key.id} ({key.name}); it stops working at once.")
