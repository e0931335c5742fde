"""Datasette plugin of the archive: facets counted from what the archive keeps counted, and the articles of a tag
found through its index (browse/facets.py)."""

from __future__ import annotations

from datasette import hookimpl

from suarapos_crawler.browse.facets import CountedFacet, tag_filter


@hookimpl
def register_facet_classes():
    return [CountedFacet]


@hookimpl
def filters_from_request(request, database, table, datasette):
    return tag_filter(request, table)
