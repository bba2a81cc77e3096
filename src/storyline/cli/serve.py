"""`storyline serve`: the web app and JSON API over a store, served by uvicorn.

Registered on the main app by ``storyline.cli.main``; imports the web stack only when it runs.
"""

# no `from __future__ import annotations`: Typer reads these annotations

import os
from typing import Annotated

import typer


def register(app: typer.Typer) -> None:
    from storyline.cli import main as cli

    @app.command()
    def serve(
        db: cli.Db = None,
        host: Annotated[str, typer.Option(help="Address to bind; anything but loopback needs --token.")] = "127.0.0.1",
        port: Annotated[int, typer.Option(min=0, max=65535, help="Port to listen on.")] = 8000,
        token: Annotated[str | None, typer.Option(envvar="STORYLINE_TOKEN", show_default=False,
                                                  help="Token required for writes (and reads unless --public-read).")] = None,
        public_read: Annotated[bool, typer.Option("--public-read", help="Let anyone read without the token.")] = False,
        allow_private: cli.AllowPrivate = False,
    ) -> None:
        """Serve the stories in the store as web pages and a JSON API (/api, /openapi.json)."""
        import uvicorn

        from storyline.store.errors import StoreError
        from storyline.web import create_app
        from storyline.web.security import needs_token

        if needs_token(host) and not token:
            cli.fail(f"serving on {host} opens the store to the network: give --token (or STORYLINE_TOKEN)")
        try:
            web = create_app(db or os.environ.get("STORYLINE_DB"), token=token, public_read=public_read,
                             allow_private=allow_private)
        except StoreError as exc:
            cli.fail(str(exc))
        typer.echo(f"serving on http://{host}:{port}/ (Ctrl-C to stop)", err=True)
        uvicorn.run(web, host=host, port=port, log_level="warning")
