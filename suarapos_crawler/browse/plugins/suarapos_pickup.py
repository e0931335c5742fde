"""Datasette plugin: "Did our press release run?", a page at ``/-/pickup`` where a press release is pasted and the
archived articles that reused it are listed, with the share each reused, which paragraphs, and the words the
newsroom changed (storage/pickup.py finds them, as `scrapy pickup` does). It only reads: a published copy
answers it too. The release is in the address (GET), so a result is a link to send."""

from __future__ import annotations

from datasette import hookimpl
from datasette.utils import tilde_encode
from datasette.utils.asgi import Response
from sqlite_utils import Database

from suarapos_crawler.clock import wib_date
from suarapos_crawler.enrich.pickup import Release
from suarapos_crawler.storage.pickup import MIN_SHARE, find_pickups

MAX_RELEASE_CHARS = 30_000  # a long release is ten pages; an address longer than this is not a release


async def pickup_page(request, datasette):
    text = (request.args.get("release") or "")[:MAX_RELEASE_CHARS]
    try:
        least = min(1.0, max(0.05, float(request.args.get("min_share") or MIN_SHARE)))
    except ValueError:
        least = MIN_SHARE
    database = datasette.get_database()
    release = Release.from_text(text) if text.strip() else None
    found = []
    if release and release.paragraphs:
        pairs = await database.execute_fn(lambda conn: find_pickups(Database(conn), release, least))
        found = [shown(datasette, database.name, row, reuse) for row, reuse in pairs]
    context = {"release_text": text, "release": release, "found": found, "min_share": least}
    return Response.html(await datasette.render_template("pickup.html", context, request=request))


def shown(datasette, database: str, row: dict, reuse) -> dict:
    return {
        **row,
        "archived": datasette.urls.row(database, "articles", tilde_encode(row["url"])),
        "published": wib_date(row["published_at"], row["published_precision"]),
        "share": reuse.share,
        "title_kept": reuse.title_kept,
        "paragraphs": reuse.paragraphs,
    }


@hookimpl
def register_routes():
    return [(r"^/-/pickup$", pickup_page)]
