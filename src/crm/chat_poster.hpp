#pragma once
// Sends one request to a group-chat bot's webhook and brings back its answer. The delivery
// worker's only door to the network, so that its tests and benchmarks can point it anywhere.

#include <chrono>
#include <memory>

#include "crm/chat_message.hpp"
#include "crm/chat_reply.hpp"

namespace laurel::crm {

class ChatPoster {
 public:
  virtual ~ChatPoster() = default;
  // POSTs `request`; an answer that takes longer than `timeout` in all is no answer.
  virtual HttpReply post(const ChatRequest& request, std::chrono::milliseconds timeout) = 0;
};

// Over libcurl: HTTP and HTTPS only, no redirects followed, at most 64 KiB of answer kept.
std::unique_ptr<ChatPoster> make_curl_poster();

}  // namespace laurel::crm
