#include "crm/chat_reply.hpp"

#include <algorithm>
#include <boost/json/parse.hpp>
#include <cmath>
#include <cstdint>
#include <optional>

namespace laurel::crm {
namespace {

bool rate_limited(std::string_view channel, std::int64_t code) {
  if (channel == "wecom") return code == 45009;
  if (channel == "dingtalk") return code == 130101 || code == 410100;
  return code == 9499 || code == 11232;
}

// The bot's own result code, if its answer has one.
std::optional<std::int64_t> code_of(std::string_view body, std::string& message) {
  boost::system::error_code ec;
  auto parsed = boost::json::parse(body, ec);
  if (ec || !parsed.is_object()) return std::nullopt;
  const auto& o = parsed.as_object();
  for (const char* key : {"errcode", "code", "StatusCode"}) {
    if (const auto* v = o.if_contains(key); v && v->is_int64()) {
      for (const char* text : {"errmsg", "msg", "StatusMessage"}) {
        if (const auto* m = o.if_contains(text); m && m->is_string()) {
          message = std::string(m->as_string());
        }
      }
      return v->as_int64();
    }
  }
  return std::nullopt;
}

std::string cut(std::string_view text) {
  return std::string(text.substr(0, 300));
}

}  // namespace

Verdict judge_reply(std::string_view channel, const HttpReply& reply) {
  if (reply.status == 0) return {DeliveryOutcome::retry, "no answer: " + reply.error};
  const auto status = std::to_string(reply.status);
  if (reply.status == 429 || reply.status >= 500) {
    return {DeliveryOutcome::retry, "HTTP " + status + ": " + cut(reply.body)};
  }
  if (reply.status < 200 || reply.status >= 300) {
    return {DeliveryOutcome::dead, "HTTP " + status + ": " + cut(reply.body)};
  }
  std::string message;
  const auto code = code_of(reply.body, message);
  if (!code || *code == 0) return {};  // a plain 2xx from a receiver that is not a bot is fine
  const auto what = "the bot answered " + std::to_string(*code) +
                    (message.empty() ? std::string() : " (" + cut(message) + ")");
  return {rate_limited(channel, *code) ? DeliveryOutcome::retry : DeliveryOutcome::dead, what};
}

std::chrono::milliseconds retry_delay(int attempt, std::chrono::seconds base,
                                      std::chrono::seconds cap, double unit) {
  const double doubled =
      static_cast<double>(base.count()) * 1000.0 * std::pow(2.0, std::max(0, attempt - 1));
  const double ceiling = std::min(doubled, static_cast<double>(cap.count()) * 1000.0);
  return std::chrono::milliseconds(static_cast<std::int64_t>(ceiling / 2 + unit * ceiling / 2));
}

}  // namespace laurel::crm
