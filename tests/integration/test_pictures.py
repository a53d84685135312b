"""Pictures for good news: a manager uploads the designed poster (PNG, JPEG or WebP, judged by
its bytes, at most 5 MB) and attaches it; everyone in the company sees it, served with a long
private cache. Pictures that are not pictures, too large, or lie about their type are refused."""
import base64
import tempfile

import pytest

from conftest import Laurel
from goodnews import made_news, small_org

# A real 1×1 PNG, as any browser decodes it.
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==")
# The header of an 800×600 JPEG (start of image, JFIF, a baseline frame).
JPEG = (b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00"
        b"\xff\xc0\x00\x11\x08\x02\x58\x03\x20\x03\x01\x22\x00\x02\x11\x01\x03\x11\x01\xff\xd9")


@pytest.fixture(scope="module")
def org(laurel):
    return small_org(laurel, "pic")


def upload(who, data, media_type="image/png"):
    return who["api"].call("POST", "/api/v1/pictures", data=data,
                           headers={"Content-Type": media_type})


def test_a_manager_uploads_a_picture_once_and_everyone_sees_it_cached(org):
    first = upload(org.boss, PNG)
    assert first.status_code == 201, first.text
    picture = first.json()
    assert (picture["media_type"], picture["width"], picture["height"]) == ("image/png", 1, 1)
    assert picture["size"] == len(PNG) and first.headers["Location"] == picture["url"]
    again = upload(org.boss, PNG, "application/octet-stream")
    assert again.status_code == 200 and again.json()["id"] == picture["id"], "same bytes, same"

    seen = org.li["api"].call("GET", picture["url"])
    assert seen.status_code == 200 and seen.content == PNG
    assert seen.headers["Content-Type"] == "image/png"
    assert seen.headers["Cache-Control"] == "private, max-age=31536000, immutable"
    assert seen.headers["ETag"] == f'"{picture["sha256"]}"'
    cached = org.li["api"].call("GET", picture["url"], headers={"If-None-Match": seen.headers["ETag"]})
    assert cached.status_code == 304 and cached.content == b""

    jpeg = upload(org.boss, JPEG, "image/jpeg").json()
    assert (jpeg["media_type"], jpeg["width"], jpeg["height"]) == ("image/jpeg", 800, 600)


def test_a_picture_on_a_good_news_shows_with_it(org):
    news = made_news(org)
    picture = upload(org.boss, PNG).json()
    edited = org.boss["api"].call("PATCH", f"/api/v1/good-news/{news['id']}",
                                  {"picture_id": picture["id"]})
    assert edited.status_code == 200, edited.text
    assert edited.json()["picture"] == {"id": picture["id"], "url": picture["url"]}
    assert edited.json()["title"] == news["title"], "the words stay"
    org.boss["api"].call("POST", f"/api/v1/good-news/{news['id']}/publish")
    [feed] = [n for n in org.li["api"].call("GET", "/api/v1/good-news?limit=200").json()["items"]
              if n["id"] == news["id"]]
    assert feed["picture"]["url"] == picture["url"]

    missing = org.boss["api"].call("PATCH", f"/api/v1/good-news/{news['id']}",
                                   {"picture_id": 999999})
    assert missing.status_code == 400 and missing.json()["field"] == "picture_id"
    off = org.boss["api"].call("PATCH", f"/api/v1/good-news/{news['id']}", {"picture_id": None})
    assert off.json()["picture"] is None
    events = org.admin.call(
        "GET", f"/api/v1/events?entity_type=good_news&entity_id={news['id']}").json()["items"]
    edits = [e for e in events if e["type"] == "good_news.edited"]
    assert edits[0]["payload"]["after"]["picture_id"] == picture["id"]


@pytest.mark.parametrize("data,media_type,status,field", [
    (b"hello, I am a text file called poster.png", "image/png", 400, "body"),
    (PNG[:20], "image/png", 400, "body"),
    (JPEG, "image/png", 400, "Content-Type"),
    (PNG, "image/webp", 400, "Content-Type"),
    (b"GIF89a\x01\x00\x01\x00" + b"\x00" * 30, "image/gif", 415, "Content-Type"),
    (b"", "image/png", 400, "body"),
    (PNG + b"\x00" * (5 * 1024 * 1024), "image/png", 400, "body"),
    (PNG + b"\x00" * (6 * 1024 * 1024), "image/png", 413, "body"),
])
def test_what_is_not_a_picture_is_refused_naming_why(org, data, media_type, status, field):
    r = upload(org.boss, data, media_type)
    assert r.status_code == status and r.json()["field"] == field, r.text[:300]


def test_who_may_upload_and_see(org):
    assert upload(org.li, PNG).status_code == 403, "salespeople do not upload posters"
    picture = upload(org.boss, PNG).json()
    assert org.ta.call("GET", picture["url"]).status_code == 403
    assert org.laurel.api().call("GET", picture["url"], token="").status_code == 401
    assert org.li["api"].call("GET", "/api/v1/pictures/999999").status_code == 404
