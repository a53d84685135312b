#include "crm/chat_message.hpp"

#include <sodium.h>

#include <boost/json/serialize.hpp>

namespace laurel::crm {
namespace {

namespace json = boost::json;

std::int64_t seconds_of(std::chrono::system_clock::time_point t) {
  return std::chrono::duration_cast<std::chrono::seconds>(t.time_since_epoch()).count();
}
std::int64_t millis_of(std::chrono::system_clock::time_point t) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(t.time_since_epoch()).count();
}

}  // namespace

std::string hmac_sha256_base64(std::string_view key, std::string_view message) {
  crypto_auth_hmacsha256_state state;
  crypto_auth_hmacsha256_init(&state, reinterpret_cast<const unsigned char*>(key.data()),
                              key.size());
  crypto_auth_hmacsha256_update(&state, reinterpret_cast<const unsigned char*>(message.data()),
                                message.size());
  unsigned char mac[crypto_auth_hmacsha256_BYTES];
  crypto_auth_hmacsha256_final(&state, mac);
  char encoded[sodium_base64_ENCODED_LEN(sizeof mac, sodium_base64_VARIANT_ORIGINAL)];
  sodium_bin2base64(encoded, sizeof encoded, mac, sizeof mac, sodium_base64_VARIANT_ORIGINAL);
  return encoded;
}

std::string url_encode(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (const unsigned char c : text) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out.push_back(static_cast<char>(c));
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

std::string public_picture_url(std::string_view public_url, std::string_view token) {
  return std::string(public_url) + "/api/v1/public/pictures/" + std::string(token);
}

ChatRequest chat_request(const store::ChatTargetRecord& target,
                         const store::ChatDeliveryRecord& delivery, std::string_view public_url,
                         std::chrono::system_clock::time_point now) {
  ChatRequest request;
  request.url = target.url;
  request.headers = {{"Content-Type", "application/json; charset=utf-8"},
                     {"X-Laurel-Idempotency-Key", delivery.idempotency_key}};
  const auto& title = delivery.title;
  const auto& text = delivery.body;
  const auto picture = delivery.picture_token && !public_url.empty()
                           ? public_picture_url(public_url, *delivery.picture_token)
                           : std::string();
  json::object body;
  if (target.channel == "wecom") {
    if (picture.empty()) {
      body = {{"msgtype", "markdown"}, {"markdown", {{"content", "**" + title + "**\n" + text}}}};
    } else {
      // A card opens its link when tapped: Laurel's "my day", where the news is in the feed.
      json::object article{{"title", title},
                           {"description", text},
                           {"url", std::string(public_url) + "/"},
                           {"picurl", picture}};
      body = {{"msgtype", "news"}, {"news", {{"articles", json::array{std::move(article)}}}}};
    }
  } else if (target.channel == "dingtalk") {
    const auto image = picture.empty() ? std::string() : "![" + title + "](" + picture + ")\n\n";
    body = {{"msgtype", "markdown"},
            {"markdown", {{"title", title}, {"text", "### " + title + "\n\n" + image + text}}}};
    if (target.secret && !target.secret->empty()) {
      const auto timestamp = std::to_string(millis_of(now));
      const auto sign = hmac_sha256_base64(*target.secret, timestamp + "\n" + *target.secret);
      request.url += (request.url.find('?') == std::string::npos ? "?" : "&");
      request.url += "timestamp=" + timestamp + "&sign=" + url_encode(sign);
    }
  } else {  // feishu
    const bool english = target.language == "en";
    json::array lines{json::array{json::object{{"tag", "text"}, {"text", text}}}};
    if (!picture.empty()) {
      lines.push_back(
          json::array{json::object{{"tag", "a"},
                                   {"text", english ? "See the picture" : "查看喜报图片"},
                                   {"href", picture}}});
    }
    body = {
        {"msg_type", "post"},
        {"content",
         {{"post",
           {{english ? "en_us" : "zh_cn", {{"title", title}, {"content", std::move(lines)}}}}}}}};
    if (target.secret && !target.secret->empty()) {
      const auto timestamp = std::to_string(seconds_of(now));
      body["timestamp"] = timestamp;
      body["sign"] = hmac_sha256_base64(timestamp + "\n" + *target.secret, "");
    }
  }
  request.body = json::serialize(body);
  return request;
}

}  // namespace laurel::crm
