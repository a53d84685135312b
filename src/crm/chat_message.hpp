#pragma once
// What Laurel sends a group-chat bot for one published good news: the request for each channel's
// webhook, signed where the channel signs.
//
// - WeCom (企业微信) group bot: a markdown message, the title in bold above the text.
// - DingTalk (钉钉) custom bot: a markdown message; with a secret ("加签"), the URL carries
//   timestamp (ms) and sign = Base64(HMAC-SHA256(secret, timestamp + "\n" + secret)), URL-encoded.
// - Feishu (飞书) custom bot: a "post" message; with a secret, the body carries timestamp (s) and
//   sign = Base64(HMAC-SHA256(key: timestamp + "\n" + secret, message: empty)).
//
// Every request carries the delivery's idempotency key (X-Laurel-Idempotency-Key), so that a
// receiver that saw it already can drop a repeat sent after a lost answer.

#include <chrono>
#include <string>
#include <utility>
#include <vector>

#include "store/chat_repository.hpp"

namespace laurel::crm {

struct ChatRequest {
  std::string url;
  std::string body;  // JSON
  std::vector<std::pair<std::string, std::string>> headers;
};

ChatRequest chat_request(const store::ChatTargetRecord& target,
                         const store::ChatDeliveryRecord& delivery,
                         std::chrono::system_clock::time_point now);

// Base64 (standard alphabet, padded) of HMAC-SHA256(key, message).
std::string hmac_sha256_base64(std::string_view key, std::string_view message);
// Percent-encoding of everything but unreserved characters (RFC 3986).
std::string url_encode(std::string_view text);

}  // namespace laurel::crm
