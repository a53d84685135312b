#pragma once
// What Laurel sends a group-chat bot for one published good news: the request for each channel's
// webhook, signed where the channel signs.
//
// - WeCom (企业微信) group bot: a markdown message, the title in bold above the text; with a
//   picture, a news card (title, text, the picture, a link to Laurel) instead.
// - DingTalk (钉钉) custom bot: a markdown message, the picture between title and text; with a
//   secret ("加签"), the URL carries timestamp (ms) and
//   sign = Base64(HMAC-SHA256(secret, timestamp + "\n" + secret)), URL-encoded.
// - Feishu (飞书) custom bot: a "post" message; a picture as a link under the text (a post's
//   own images must be uploaded to Feishu first, which a custom bot cannot do); with a secret,
//   the body carries timestamp (s) and sign = Base64(HMAC-SHA256(key: timestamp + "\n" + secret,
//   message: empty)).
//
// The picture goes with the message only when Laurel knows the address the chat app can fetch it
// from (server.public_url): the picture's public URL, /api/v1/public/pictures/{token}.
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

// `public_url`: where Laurel is reachable from the chat apps ("https://laurel.example.com"), or
// empty when it is not (the message goes without its picture).
ChatRequest chat_request(const store::ChatTargetRecord& target,
                         const store::ChatDeliveryRecord& delivery, std::string_view public_url,
                         std::chrono::system_clock::time_point now);

// The public address of a picture sent to the chats, under `public_url`.
std::string public_picture_url(std::string_view public_url, std::string_view token);

// Base64 (standard alphabet, padded) of HMAC-SHA256(key, message).
std::string hmac_sha256_base64(std::string_view key, std::string_view message);
// Percent-encoding of everything but unreserved characters (RFC 3986).
std::string url_encode(std::string_view text);

}  // namespace laurel::crm
