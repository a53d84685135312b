#pragma once
// Published good news, delivered to the team's group chats (WeCom, DingTalk, Feishu bots).
//
// enqueue_chat_deliveries() writes one delivery per enabled bot whose audience the news is for,
// in the transaction that publishes it (a manager's publish, or a rule publishing by itself):
// a publication Laurel acknowledged always reaches the outbox. A worker, woken by every commit
// and once a second, sends what is due in the order it was published, one request at a time
// (crm/chat_message.hpp), and records each attempt: sent; tried again later with exponential
// backoff and jitter (crm/chat_reply.hpp) when the failure may pass; dead after max_attempts or
// a failure that will not pass, until a manager retries it. A bot gets at most its
// max_per_minute messages in any minute: the rest wait their turn (queued, never dropped).
//
// One Laurel process delivers (the outbox is read without claiming rows, which is exact on
// SQLite's single node); the per-minute count starts afresh when Laurel restarts.

#include <deque>
#include <map>
#include <memory>
#include <random>

#include "auth/audit_trail.hpp"
#include "core/clock.hpp"
#include "core/local_date.hpp"
#include "core/wake_worker.hpp"
#include "crm/chat_poster.hpp"
#include "crm/good_news_service.hpp"
#include "store/chat_repository.hpp"
#include "store/store.hpp"

namespace laurel::crm {

struct ChatDeliveryOptions {
  std::chrono::seconds timeout{10};
  int max_attempts = 8;
  std::chrono::seconds retry_base{10};
  std::chrono::seconds retry_cap{3600};
  std::string public_url;  // server.public_url: where the chat apps fetch pictures from
};

// In the caller's (publishing) transaction. A news delivered to a bot once is never queued for
// it again (its idempotency key is taken), also when it is withdrawn and published again. The
// news's picture, if it has one and goes to a bot, is made public (store/picture_repository.hpp).
core::Status enqueue_chat_deliveries(store::Connection& db, const GoodNews& news, std::int64_t now);

struct ChatDeliveryPage {
  std::vector<store::ChatDeliveryRecord> deliveries;
  std::optional<std::int64_t> next_before_id;
};

class ChatDeliveryService {
 public:
  ChatDeliveryService(store::Store& store, const core::Clock& clock, core::CompanyZone zone,
                      auth::AuditTrail& audit, std::unique_ptr<ChatPoster> poster,
                      ChatDeliveryOptions options);
  ~ChatDeliveryService();
  ChatDeliveryService(const ChatDeliveryService&) = delete;
  ChatDeliveryService& operator=(const ChatDeliveryService&) = delete;

  void start(std::function<void(const core::Error&)> on_error);
  void stop();

  // One round: every delivery due now, oldest first. The worker's job; tests call it directly.
  core::Status deliver_due();

  core::Result<ChatDeliveryPage> list(store::ChatDeliveryFilter filter);
  core::Result<store::ChatDeliveryRecord> get(std::int64_t id);
  // A dead delivery, pending again and due at once; a conflict when it is not dead.
  core::Result<store::ChatDeliveryRecord> retry(std::int64_t id, const auth::Actor& actor);

 private:
  // Whether the bot took it.
  core::Result<bool> attempt(store::ChatDeliveryRecord delivery,
                             const store::ChatTargetRecord& target);
  core::Status save(const store::ChatDeliveryRecord& delivery);
  // When the bot may be sent its next message (now, or once its last minute has room).
  std::int64_t free_at(const store::ChatTargetRecord& target, std::int64_t now);
  // When the bot's quiet hours and daily cap let its next message go (now, or later).
  core::Result<std::int64_t> allowed_at(const store::ChatTargetRecord& target, std::int64_t now);

  store::Store& store_;
  const core::Clock& clock_;
  core::CompanyZone zone_;
  auth::AuditTrail& audit_;
  std::unique_ptr<ChatPoster> poster_;
  ChatDeliveryOptions options_;
  std::mutex mutex_;                                             // one round at a time
  std::map<std::int64_t, std::deque<std::int64_t>> sent_times_;  // per bot, the last minute's
  std::mt19937_64 random_{std::random_device{}()};
  core::WakeWorker worker_;
  store::Store::ObserverId observer_ = 0;
};

boost::json::object chat_delivery_to_json(const store::ChatDeliveryRecord& delivery);

}  // namespace laurel::crm
