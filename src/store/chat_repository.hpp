#pragma once
// The group-chat bots good news is sent to, and the outbox of deliveries to them (migration
// 0021). A delivery is written in the transaction that publishes its good news; the delivery
// worker moves it to sent, or back to pending with a later attempt, or to dead.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/connection.hpp"

namespace laurel::store {

struct ChatTargetRecord {
  std::int64_t id = 0;
  std::string name;
  std::string channel;  // wecom, dingtalk, feishu
  std::string url;
  std::optional<std::string> secret;
  std::vector<std::int64_t> department_ids;  // empty: everyone's good news
  std::string language = "zh-CN";
  int max_per_minute = 20;
  // Quiet hours, in minutes after midnight company time (from == to is never stored); the
  // window runs past midnight when to < from. Messages wait for its end.
  std::optional<int> quiet_from;
  std::optional<int> quiet_to;
  std::optional<int> max_per_day;  // messages a company day; the rest wait for the next day
  bool enabled = true;
  std::int64_t created_at = 0;
  std::int64_t updated_at = 0;
};

struct ChatDeliveryRecord {
  std::int64_t id = 0;
  std::string idempotency_key;
  std::int64_t target_id = 0;
  std::int64_t good_news_id = 0;
  std::string title;
  std::string body;
  std::optional<std::int64_t> picture_id;    // the news's picture when it was published
  std::optional<std::string> picture_token;  // read only: its public token (never written here)
  std::string status;                        // pending, sent, dead
  int attempts = 0;
  std::int64_t next_attempt_at = 0;
  std::optional<std::string> last_error;
  std::optional<std::int64_t> last_status;
  std::int64_t created_at = 0;
  std::optional<std::int64_t> sent_at;
  std::int64_t updated_at = 0;
};

struct ChatDeliveryFilter {
  std::optional<std::string> status;
  std::optional<std::int64_t> target_id;
  std::optional<std::int64_t> good_news_id;
  std::int64_t before_id = 0;  // newest first
  int limit = 50;
};

class ChatRepository {
 public:
  explicit ChatRepository(Connection& connection) : db_(connection) {}

  core::Result<std::int64_t> insert_target(const ChatTargetRecord& target);
  core::Status update_target(const ChatTargetRecord& target);
  core::Result<std::optional<ChatTargetRecord>> find_target(std::int64_t id);
  // Ordered by id.
  core::Result<std::vector<ChatTargetRecord>> targets(bool enabled_only);

  // False when a delivery with its idempotency key exists already (nothing is written).
  core::Result<bool> enqueue(const ChatDeliveryRecord& delivery);
  // Pending deliveries whose attempt is due at `now`, oldest first; up to `limit`.
  core::Result<std::vector<ChatDeliveryRecord>> due(std::int64_t now, int limit);
  // A bot's waiting messages due now rather than later (its quiet hours or cap changed): the
  // worker judges them again. How many.
  core::Result<std::int64_t> due_now(std::int64_t target_id, std::int64_t now);
  // How many messages went to a bot from `since` (micros) on: its daily cap's count.
  core::Result<std::int64_t> sent_since(std::int64_t target_id, std::int64_t since);
  // When the next pending delivery is due, if any is.
  core::Result<std::optional<std::int64_t>> next_due_at();
  core::Result<std::optional<ChatDeliveryRecord>> find_delivery(std::int64_t id);
  // Newest first; up to limit + 1 rows.
  core::Result<std::vector<ChatDeliveryRecord>> deliveries(const ChatDeliveryFilter& filter);

  // The outcome of one attempt: sent, pending again (with its next attempt), or dead.
  core::Status record_attempt(const ChatDeliveryRecord& delivery);
  // How many deliveries wait (pending) and how many are dead, for monitoring.
  core::Result<std::pair<std::int64_t, std::int64_t>> backlog();
  // Dead → pending, due now, its attempts counted afresh. False when it is not dead.
  core::Result<bool> revive(std::int64_t id, std::int64_t now);

 private:
  Connection& db_;
};

}  // namespace laurel::store
