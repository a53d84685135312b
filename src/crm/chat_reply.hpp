#pragma once
// What one attempt to deliver to a group-chat bot came to, and when to try again.
//
// The bots answer HTTP 200 for most failures and say what went wrong in the body: WeCom and
// DingTalk {"errcode": 0, …} on success, Feishu {"code": 0, …} (older bots {"StatusCode": 0}).
// A failure that may pass is tried again: no answer (refused, timed out), HTTP 429 or 5xx, or
// the bot's own "too many messages" (WeCom 45009, DingTalk 130101 and 410100, Feishu 9499 and
// 11232). Anything else will not pass by waiting (a wrong key, a bot removed from its group,
// a message it cannot read): the delivery is dead at once, for someone to fix and retry.

#include <chrono>
#include <string>

namespace laurel::crm {

struct HttpReply {
  long status = 0;  // 0: no answer
  std::string body;
  std::string error;  // why there was no answer
};

enum class DeliveryOutcome { sent, retry, dead };

struct Verdict {
  DeliveryOutcome outcome = DeliveryOutcome::sent;
  std::string error;  // empty when sent
};

Verdict judge_reply(std::string_view channel, const HttpReply& reply);

// The wait before attempt `attempt + 1` after `attempt` failed ones: base · 2^(attempt−1), at most
// `cap`, with "equal jitter" — a uniform draw from its upper half (`unit` in [0, 1)), so that
// deliveries failing together do not all come back at the same moment.
std::chrono::milliseconds retry_delay(int attempt, std::chrono::seconds base,
                                      std::chrono::seconds cap, double unit);

}  // namespace laurel::crm
