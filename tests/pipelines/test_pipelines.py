"""Pipelines, one job each, with a real crawler object and an in-memory or temporary database."""

from __future__ import annotations

import asyncio
import threading

import pytest
from sqlite_utils import Database

from suarapos_crawler.items import Article, Duplicate, Reject
from suarapos_crawler.pipelines.dedup import DedupPipeline
from suarapos_crawler.pipelines.sqlite import SqlitePipeline
from suarapos_crawler.pipelines.validate import ValidatePipeline
from tests.conftest import opened_archive, project_crawler

BODY = " ".join(["Warga Pangkalpinang mengikuti kegiatan donor darah di halaman kantor wali kota."] * 4)


def make(url="https://www.suarapos.com/a/", **kw) -> Article:
    values = dict(
        url=url,
        post_id=10,
        title="Donor Darah",
        published_at="2023-02-08T20:15:32+07:00",
        published_raw="x",
        date_source="json-ld",
        body=BODY,
        word_count=len(BODY.split()),
        sections=["Daerah"],
        section="Daerah",
    )
    values.update(kw)
    return Article(**values)


def crawler(**settings):
    return project_crawler(**settings)


def pipelines(c):
    """The dedup and SQLite pipelines of a crawl, on its opened archive."""
    archive = opened_archive(c)
    return (
        DedupPipeline(archive, c.settings.getint("DEDUP_MEMORY"), c.stats),
        SqlitePipeline(archive, c.settings.getint("SQLITE_BATCH_SIZE"), c.stats),
        archive,
    )


def close(store, archive):
    asyncio.run(store.close_spider())
    archive.close()


def test_validate_turns_a_bad_item_into_a_reject_with_reasons():
    out = ValidatePipeline.from_crawler(crawler()).process_item(
        make(title="", published_at="", published_raw="", word_count=3)
    )
    assert isinstance(out, Reject) and out.stage == "validate"
    assert "no title" in out.reason and "no publication date" in out.reason and "3 words" in out.reason


def test_a_date_the_page_states_but_no_parser_may_believe_is_said_as_such():
    validate = ValidatePipeline.from_crawler(crawler())
    placeholder = validate.process_item(make(published_at="", published_raw="9999-12-31T23:59:59+00:00"))
    assert placeholder.reason == "publication date out of range (year 9999): '9999-12-31T23:59:59+00:00'"
    first = validate.process_item(make(published_at="", published_raw="0001-01-01T00:00:00+07:00"))
    assert first.reason == "publication date out of range (year 1): '0001-01-01T00:00:00+07:00'"
    garbled = validate.process_item(make(published_at="", published_raw="kemarin sore"))
    assert garbled.reason == "publication date unreadable: 'kemarin sore'"


def test_a_page_whose_only_date_is_a_placeholder_keeps_what_it_stated():
    from scrapy.http import HtmlResponse

    from suarapos_crawler.pages.article import ArticlePage

    page = (
        '<html><head><script type="application/ld+json">{"@type": "NewsArticle", "headline": "Judul", '
        '"datePublished": "9999-12-31T23:59:59+00:00"}</script></head><body><h1>Judul</h1></body></html>'
    )
    response = HtmlResponse("https://www.suarapos.com/a/", body=page.encode(), encoding="utf-8")
    item = ArticlePage(response, "https://www.suarapos.com").to_item()
    assert (item.published_at, item.published_raw) == ("", "9999-12-31T23:59:59+00:00")


def test_validate_passes_a_good_item():
    item = make()
    assert ValidatePipeline.from_crawler(crawler()).process_item(item) is item


def test_dedup_never_merges_on_title_alone():
    dedup = DedupPipeline.from_crawler(crawler(SQLITE_PATH=""))
    first = dedup.process_item(make())
    other = dedup.process_item(make(url="https://www.suarapos.com/b/", body=BODY + " Berbeda."))
    assert isinstance(first, Article) and isinstance(other, Article)


def test_dedup_records_the_later_copy_as_duplicate():
    dedup = DedupPipeline.from_crawler(crawler(SQLITE_PATH=""))
    dedup.process_item(make())
    copy = dedup.process_item(
        make(url="https://www.suarapos.com/a-2/", post_id=11, published_at="2023-02-08T23:00:00+07:00")
    )
    assert isinstance(copy, Duplicate) and copy.duplicate_of == "https://www.suarapos.com/a/"


def test_dedup_keeps_the_original_when_the_copy_came_first():
    dedup = DedupPipeline.from_crawler(crawler(SQLITE_PATH=""))
    dedup.process_item(make(url="https://www.suarapos.com/a-2/", post_id=11, published_at="2023-02-08T23:00:00+07:00"))
    original = dedup.process_item(make())
    assert isinstance(original, Article) and original.replaces == "https://www.suarapos.com/a-2/"


def test_dedup_finds_copies_stored_by_an_earlier_run(tmp_path):
    path = str(tmp_path / "a.db")
    c = crawler(SQLITE_PATH=path, SQLITE_BATCH_SIZE=1, SQLITE_WRITER_THREAD=False)
    dedup, store, archive = pipelines(c)
    store.process_item(dedup.process_item(make()))
    close(store, archive)
    later, later_store, later_archive = pipelines(crawler(SQLITE_PATH=path))
    out = later.process_item(
        make(url="https://www.suarapos.com/a-2/", post_id=11, published_at="2023-02-09T08:00:00+07:00")
    )
    assert isinstance(out, Duplicate)
    close(later_store, later_archive)


def test_sqlite_pipeline_writes_every_kind_of_item_in_batches(tmp_path):
    path = tmp_path / "b.db"
    c = crawler(SQLITE_PATH=str(path), SQLITE_BATCH_SIZE=2, SQLITE_WRITER_THREAD=False)
    _, store, archive = pipelines(c)
    store.process_item(make())
    assert Database(path)["articles"].count == 0  # still in the batch
    store.process_item(Reject("https://www.suarapos.com/x/", "fetch", "HTTP 404"))
    assert Database(path)["articles"].count == 1  # the batch was committed
    store.process_item(Duplicate("https://www.suarapos.com/a-2/", "https://www.suarapos.com/a/", "same"))
    close(store, archive)
    db = Database(path)
    assert db["rejects"].count == 1 and db["duplicates"].count == 1
    assert c.stats.get_value("sqlite/articles_new") == 1


def test_sqlite_writer_thread_stores_a_batch_before_its_last_item_completes(tmp_path):
    path = tmp_path / "t.db"
    c = crawler(SQLITE_PATH=str(path), SQLITE_BATCH_SIZE=2, SQLITE_WRITER_THREAD=True)
    _, store, archive = pipelines(c)

    async def feed():
        assert store.process_item(make()) is not None  # first of the batch: done at once
        return await store.process_item(make(url="https://www.suarapos.com/b/", post_id=11))  # another post

    item = asyncio.run(feed())
    assert item.url == "https://www.suarapos.com/b/"
    assert Database(path)["articles"].count == 2  # committed by the time the item completed
    assert c.stats.get_value("sqlite/articles_new") == 2
    store.process_item(Reject("https://www.suarapos.com/x/", "fetch", "HTTP 404"))
    close(store, archive)  # the last, partial batch
    assert Database(path)["rejects"].count == 1
    assert not [t for t in threading.enumerate() if t.name.startswith("sqlite-writer")]


def test_sqlite_writer_thread_names_every_item_of_a_batch_it_could_not_store(tmp_path):
    path = tmp_path / "f.db"
    c = crawler(SQLITE_PATH=str(path), SQLITE_BATCH_SIZE=2, SQLITE_WRITER_THREAD=True)
    _, store, archive = pipelines(c)
    Database(path).execute("DROP TABLE fetches")  # every write of the ledger now fails

    async def feed():
        store.process_item(make())
        await store.process_item(make(url="https://www.suarapos.com/b/"))

    with pytest.raises(Exception, match="could not store 2 items"):
        asyncio.run(feed())
    assert archive.record.lost == ["https://www.suarapos.com/a/", "https://www.suarapos.com/b/"]
    assert c.stats.get_value("sqlite/lost_items") == 2
    assert Database(path)["articles"].count == 0  # the transaction took nothing half-way
    archive.close()


def test_dedup_memory_is_small_on_a_first_run_copies_are_found_in_the_archive(tmp_path):
    path = str(tmp_path / "first.db")  # a first run: no file yet when the pipelines open
    c = crawler(SQLITE_PATH=path, SQLITE_BATCH_SIZE=1, SQLITE_WRITER_THREAD=False, DEDUP_MEMORY=1)
    dedup, store, archive = pipelines(c)
    store.process_item(dedup.process_item(make()))
    store.process_item(dedup.process_item(make(url="https://www.suarapos.com/other/", title="Lain", post_id=12)))
    assert len(dedup.seen) == 1  # the first article is forgotten...
    copy = dedup.process_item(
        make(url="https://www.suarapos.com/a-2/", post_id=11, published_at="2023-02-09T08:00:00+07:00")
    )
    assert isinstance(copy, Duplicate) and copy.duplicate_of == "https://www.suarapos.com/a/"  # ...and found stored
    close(store, archive)
