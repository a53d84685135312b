// What each group-chat bot is sent, and how its answer is judged: the message shapes, the
// DingTalk and Feishu signatures (checked against Python's hmac, computed independently), the
// bots' "HTTP 200 but failed" answers, and the backoff between attempts.

#include "crm/chat_message.hpp"

#include <gtest/gtest.h>

#include <boost/json/parse.hpp>

#include "crm/chat_reply.hpp"

namespace laurel::crm {
namespace {

namespace json = boost::json;
using namespace std::chrono_literals;

// 2025-12-01T08:00:00Z
const auto kNow = std::chrono::system_clock::time_point(1764576000s);

store::ChatTargetRecord bot(std::string channel, std::optional<std::string> secret = {}) {
  store::ChatTargetRecord t;
  t.id = 3;
  t.channel = std::move(channel);
  t.url = "https://bots.example/hook?key=abc";
  t.secret = std::move(secret);
  return t;
}

store::ChatDeliveryRecord delivery() {
  store::ChatDeliveryRecord d;
  d.idempotency_key = "laurel-good-news-7-bot-3";
  d.title = "开门红！";
  d.body = "华东机构销售部本周债基净流入突破5000万";
  return d;
}

std::string header(const ChatRequest& r, std::string_view name) {
  for (const auto& [n, v] : r.headers) {
    if (n == name) return v;
  }
  return {};
}

TEST(ChatMessageTest, WeComGetsMarkdownWithTheTitleInBold) {
  const auto r = chat_request(bot("wecom"), delivery(), "", kNow);
  EXPECT_EQ(r.url, "https://bots.example/hook?key=abc");
  const auto body = json::parse(r.body).as_object();
  EXPECT_EQ(body.at("msgtype"), "markdown");
  EXPECT_EQ(body.at("markdown").at("content"),
            "**开门红！**\n华东机构销售部本周债基净流入突破5000万");
  EXPECT_EQ(header(r, "X-Laurel-Idempotency-Key"), "laurel-good-news-7-bot-3");
  EXPECT_EQ(header(r, "Content-Type"), "application/json; charset=utf-8");
}

TEST(ChatMessageTest, DingTalkSignsTheUrlWithTimestampAndHmac) {
  const auto r = chat_request(bot("dingtalk", "SEC0123456789abcdef"), delivery(), "", kNow);
  EXPECT_EQ(r.url,
            "https://bots.example/hook?key=abc&timestamp=1764576000000&sign="
            "lRMtZMTlfT9mOF7iYCyOtZz2Vk%2BPjl0aVvnX5oJ2xnk%3D");
  const auto body = json::parse(r.body).as_object();
  EXPECT_EQ(body.at("msgtype"), "markdown");
  EXPECT_EQ(body.at("markdown").at("title"), "开门红！");
  EXPECT_EQ(body.at("markdown").at("text"),
            "### 开门红！\n\n华东机构销售部本周债基净流入突破5000万");
  EXPECT_EQ(chat_request(bot("dingtalk"), delivery(), "", kNow).url,
            "https://bots.example/hook?key=abc")
      << "no secret: no signature (the bot checks a keyword instead)";
}

TEST(ChatMessageTest, FeishuSignsTheBody) {
  const auto r = chat_request(bot("feishu", "SEC0123456789abcdef"), delivery(), "", kNow);
  EXPECT_EQ(r.url, "https://bots.example/hook?key=abc");
  const auto body = json::parse(r.body).as_object();
  EXPECT_EQ(body.at("timestamp"), "1764576000");
  EXPECT_EQ(body.at("sign"), "bsZMnLJsBRUXmzW8d7Tkf/rgKmQDUBV0n1nTDfOo3xo=");
  EXPECT_EQ(body.at("msg_type"), "post");
  const auto& post = body.at("content").at("post").at("zh_cn");
  EXPECT_EQ(post.at("title"), "开门红！");
  EXPECT_EQ(post.at("content").at(0).at(0).at("text"), "华东机构销售部本周债基净流入突破5000万");
  auto english = bot("feishu");
  english.language = "en";
  EXPECT_TRUE(json::parse(chat_request(english, delivery(), "", kNow).body)
                  .at("content")
                  .at("post")
                  .as_object()
                  .contains("en_us"));
}

store::ChatDeliveryRecord with_picture() {
  auto d = delivery();
  d.picture_id = 12;
  d.picture_token = "tok3n";
  return d;
}

constexpr std::string_view kPublic = "https://laurel.example.com";
constexpr const char* kPictureUrl = "https://laurel.example.com/api/v1/public/pictures/tok3n";

TEST(ChatMessageTest, WithAPictureWeComGetsANewsCardLinkingToLaurel) {
  const auto body = json::parse(chat_request(bot("wecom"), with_picture(), kPublic, kNow).body);
  EXPECT_EQ(body.at("msgtype"), "news");
  const auto& article = body.at("news").at("articles").at(0);
  EXPECT_EQ(article.at("title"), "开门红！");
  EXPECT_EQ(article.at("description"), "华东机构销售部本周债基净流入突破5000万");
  EXPECT_EQ(article.at("picurl"), kPictureUrl);
  EXPECT_EQ(article.at("url"), "https://laurel.example.com/");
  EXPECT_EQ(json::parse(chat_request(bot("wecom"), with_picture(), "", kNow).body).at("msgtype"),
            "markdown")
      << "without server.public_url the chat app could not fetch the picture: words only";
}

TEST(ChatMessageTest, WithAPictureDingTalkShowsItAndFeishuLinksIt) {
  const auto ding = json::parse(chat_request(bot("dingtalk"), with_picture(), kPublic, kNow).body);
  EXPECT_EQ(std::string(ding.at("markdown").at("text").as_string()),
            "### 开门红！\n\n![开门红！](" + std::string(kPictureUrl) +
                ")\n\n华东机构销售部本周债基净流入突破5000万");
  const auto feishu = json::parse(chat_request(bot("feishu"), with_picture(), kPublic, kNow).body);
  const auto& lines = feishu.at("content").at("post").at("zh_cn").at("content").as_array();
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines.at(1).at(0).at("tag"), "a");
  EXPECT_EQ(lines.at(1).at(0).at("href"), kPictureUrl);
  EXPECT_EQ(lines.at(1).at(0).at("text"), "查看喜报图片");
  const auto plain = json::parse(chat_request(bot("feishu"), delivery(), kPublic, kNow).body);
  EXPECT_EQ(plain.at("content").at("post").at("zh_cn").at("content").as_array().size(), 1u)
      << "no picture, no link";
}

TEST(ChatReplyTest, TheBotsOwnCodesDecide) {
  EXPECT_EQ(judge_reply("wecom", {200, R"({"errcode":0,"errmsg":"ok"})", ""}).outcome,
            DeliveryOutcome::sent);
  EXPECT_EQ(judge_reply("feishu", {200, R"({"code":0,"msg":"success"})", ""}).outcome,
            DeliveryOutcome::sent);
  EXPECT_EQ(judge_reply("wecom", {200, "", ""}).outcome, DeliveryOutcome::sent)
      << "a plain 2xx from a receiver that is not a bot";
  const auto limited = judge_reply("wecom", {200, R"({"errcode":45009,"errmsg":"freq"})", ""});
  EXPECT_EQ(limited.outcome, DeliveryOutcome::retry);
  EXPECT_EQ(limited.error, "the bot answered 45009 (freq)");
  EXPECT_EQ(judge_reply("dingtalk", {200, R"({"errcode":130101})", ""}).outcome,
            DeliveryOutcome::retry);
  EXPECT_EQ(judge_reply("feishu", {200, R"({"code":11232,"msg":"frequency"})", ""}).outcome,
            DeliveryOutcome::retry);
  EXPECT_EQ(judge_reply("wecom", {200, R"({"errcode":93000,"errmsg":"invalid key"})", ""}).outcome,
            DeliveryOutcome::dead)
      << "a wrong key does not pass by waiting";
}

TEST(ChatReplyTest, NoAnswerOverloadAndServerErrorsAreTriedAgainOtherRefusalsAreDead) {
  const auto none = judge_reply("wecom", {0, "", "Connection refused"});
  EXPECT_EQ(none.outcome, DeliveryOutcome::retry);
  EXPECT_EQ(none.error, "no answer: Connection refused");
  EXPECT_EQ(judge_reply("wecom", {429, "slow down", ""}).outcome, DeliveryOutcome::retry);
  EXPECT_EQ(judge_reply("wecom", {503, "", ""}).outcome, DeliveryOutcome::retry);
  const auto gone = judge_reply("wecom", {404, "no such hook", ""});
  EXPECT_EQ(gone.outcome, DeliveryOutcome::dead);
  EXPECT_EQ(gone.error, "HTTP 404: no such hook");
}

TEST(ChatReplyTest, BackoffDoublesUpToTheCapWithJitterInTheUpperHalf) {
  const auto at = [](int attempt, double unit) {
    return retry_delay(attempt, 10s, 3600s, unit).count();
  };
  EXPECT_EQ(at(1, 0.0), 5'000);
  EXPECT_EQ(at(1, 0.999999), 9'999);
  EXPECT_EQ(at(2, 0.0), 10'000);
  EXPECT_EQ(at(3, 0.5), 30'000);  // 40 s: from 20 to 40
  EXPECT_EQ(at(20, 0.0), 1'800'000) << "capped at an hour";
  EXPECT_EQ(at(20, 1.0), 3'600'000);
}

}  // namespace
}  // namespace laurel::crm
