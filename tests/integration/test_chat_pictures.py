"""Pictures in group-chat messages: with server.public_url set, published good news goes to
WeCom as a news card with its picture, to DingTalk with the picture in its markdown, to Feishu
with a link to it; the chat apps fetch the picture without signing in from its unguessable public
address, which exists only once the picture went to a chat. Against a real HTTP receiver."""
import sqlite3
import tempfile

import pytest

from conftest import Laurel
from goodnews import made_news, small_org
from test_chat_delivery import bot, publish, receiver  # noqa: F401 (receiver: a fixture)
from test_pictures import JPEG, PNG, upload

PUBLIC = "https://laurel.example.com"
PICTURES = PUBLIC + "/api/v1/public/pictures/"


@pytest.fixture(scope="module")
def laurel():
    with tempfile.TemporaryDirectory() as directory:
        # With a trailing slash, as an admin may well write it.
        server = Laurel(directory, env={"LAUREL_SERVER_PUBLIC_URL": PUBLIC + "/"})
        yield server
        assert server.stop() == 0, server.log()[-2000:]


@pytest.fixture(scope="module")
def org(laurel):
    return small_org(laurel, "chatpic")


def with_picture(org, data=PNG, media_type="image/png"):
    news = made_news(org)
    picture = upload(org.boss, data, media_type).json()
    r = org.boss["api"].call("PATCH", f"/api/v1/good-news/{news['id']}",
                             {"picture_id": picture["id"]})
    assert r.status_code == 200, r.text
    return news, picture


def public_token(laurel, picture):
    with sqlite3.connect(laurel.db) as db:
        return db.execute("SELECT public_token FROM pictures WHERE id = ?",
                          (picture["id"],)).fetchone()[0]


def test_each_chat_gets_the_picture_of_published_news_and_fetches_it_unsigned(
        laurel, org, receiver):
    wecom = bot(org, receiver, "wecom")
    ding = bot(org, receiver, "dingtalk")
    feishu = bot(org, receiver, "feishu")
    news, picture = with_picture(org)
    assert public_token(laurel, picture) is None, "a draft's picture is not public"
    publish(org, news)

    [card] = receiver.wait_for(wecom["path"], 1)
    assert card["body"]["msgtype"] == "news"
    [article] = card["body"]["news"]["articles"]
    assert article["title"] == news["title"]["zh-CN"]
    assert article["description"] == news["text"]["zh-CN"]
    assert article["url"] == PUBLIC + "/", "tapping the card opens Laurel"
    picture_url = article["picurl"]
    assert picture_url.startswith(PICTURES)
    token = picture_url[len(PICTURES):]
    assert len(token) == 43 and token == public_token(laurel, picture)

    [markdown] = receiver.wait_for(ding["path"], 1)
    assert f"![{news['title']['zh-CN']}]({picture_url})" in markdown["body"]["markdown"]["text"]
    [post] = receiver.wait_for(feishu["path"], 1)
    link = post["body"]["content"]["post"]["zh_cn"]["content"][1][0]
    assert (link["tag"], link["href"]) == ("a", picture_url)

    # The chat app's fetch: no credentials, any cache may keep it.
    anonymous = laurel.api()
    fetched = anonymous.call("GET", "/api/v1/public/pictures/" + token)
    assert fetched.status_code == 200 and fetched.content == PNG
    assert fetched.headers["Content-Type"] == "image/png"
    assert fetched.headers["Cache-Control"] == "public, max-age=31536000, immutable"
    again = anonymous.call("GET", "/api/v1/public/pictures/" + token,
                           headers={"If-None-Match": fetched.headers["ETag"]})
    assert again.status_code == 304
    delivered = org.boss["api"].call("GET", f"/api/v1/chat-deliveries?good_news_id={news['id']}")
    assert {d["picture_id"] for d in delivered.json()["items"]} == {picture["id"]}

    # The same picture on other news keeps its one address.
    other = made_news(org)
    org.boss["api"].call("PATCH", f"/api/v1/good-news/{other['id']}", {"picture_id": picture["id"]})
    publish(org, other)
    [_, second] = receiver.wait_for(wecom["path"], 2)
    assert second["body"]["news"]["articles"][0]["picurl"] == picture_url


def test_news_without_a_picture_goes_as_words_and_unknown_tokens_are_not_found(
        laurel, org, receiver):
    wecom = bot(org, receiver, "wecom")
    news = made_news(org)
    publish(org, news)
    [got] = receiver.wait_for(wecom["path"], 1)
    assert got["body"]["msgtype"] == "markdown"

    draft, picture = with_picture(org, JPEG, "image/jpeg")
    assert public_token(laurel, picture) is None
    for token in ("x" * 43, "", "../1"):
        r = laurel.api().call("GET", "/api/v1/public/pictures/" + token, check=bool(token) and "/" not in token)
        assert r.status_code == 404, (token, r.status_code)
        assert r.headers["Content-Type"].endswith("json")
    private = laurel.api().call("GET", picture["url"])
    assert private.status_code == 401, "the picture's own address still needs signing in"
