#include "crm/chat_delivery_service.hpp"

#include <algorithm>
#include <set>

#include "auth/secret_token.hpp"
#include "core/timestamp.hpp"
#include "crm/chat_quiet_hours.hpp"
#include "crm/data_scope.hpp"
#include "store/picture_repository.hpp"
#include "store/staff_repository.hpp"

namespace laurel::crm {
namespace {

namespace json = boost::json;

constexpr std::int64_t kMinute = 60'000'000;  // micros
constexpr int kRound = 100;                   // deliveries looked at per round

// The department a good news is about, if it is about one (a person's: their department now).
core::Result<std::optional<std::int64_t>> department_of(store::Connection& db,
                                                        const GoodNews& news) {
  const auto subject = news.record.detected.subject_id;
  if (news.record.detected.fact_key.empty()) return std::optional<std::int64_t>();
  if (news.subject_kind == engine::SubjectKind::department) {
    return std::optional<std::int64_t>(subject);
  }
  if (news.subject_kind == engine::SubjectKind::staff) {
    return store::StaffRepository(db).department_on(subject, "9999-12-31");
  }
  return std::optional<std::int64_t>();
}

// Whether `department` is one of the bot's departments or under one.
bool covers(store::Connection& db, const store::ChatTargetRecord& target, std::int64_t department) {
  return std::any_of(target.department_ids.begin(), target.department_ids.end(), [&](auto root) {
    const auto subtree = department_subtree(db, root);
    return std::find(subtree.begin(), subtree.end(), department) != subtree.end();
  });
}

// A bot of everyone's news carries every detected news and hand-written news for everyone; a
// department's bot, news about its people, and hand-written news for its departments. News a
// manager wrote for some departments never goes to a company-wide bot.
bool for_audience(store::Connection& db, const store::ChatTargetRecord& target,
                  const GoodNews& news, std::optional<std::int64_t> department) {
  const auto& audience = news.record.audience;
  if (!audience.empty()) {
    return std::any_of(audience.begin(), audience.end(),
                       [&](auto d) { return covers(db, target, d); });
  }
  if (target.department_ids.empty()) return true;
  return department && covers(db, target, *department);
}

std::string key_of(std::int64_t good_news_id, std::int64_t target_id) {
  return "laurel-good-news-" + std::to_string(good_news_id) + "-bot-" + std::to_string(target_id);
}

json::value micros_or_null(const std::optional<std::int64_t>& micros) {
  if (!micros) return nullptr;
  return json::value(core::format_rfc3339(core::from_micros(*micros)));
}

}  // namespace

core::Status enqueue_chat_deliveries(store::Connection& db, const GoodNews& news,
                                     std::int64_t now) {
  store::ChatRepository chats(db);
  auto targets = chats.targets(true);
  if (!targets) return targets.error();
  if (targets->empty()) return {};
  auto department = department_of(db, news);
  if (!department) return department.error();
  bool picture_sent = false;
  for (const auto& target : *targets) {
    if (!for_audience(db, target, news, *department)) continue;
    const std::size_t language = target.language == "en" ? 1 : 0;  // kLanguages' order
    store::ChatDeliveryRecord delivery;
    delivery.idempotency_key = key_of(news.record.id, target.id);
    delivery.target_id = target.id;
    delivery.good_news_id = news.record.id;
    delivery.title = news.texts[language].title;
    delivery.body = news.texts[language].body;
    delivery.picture_id = news.record.picture_id;
    delivery.created_at = now;
    auto queued = chats.enqueue(delivery);
    if (!queued) return queued.error();
    picture_sent = picture_sent || (*queued && delivery.picture_id);
  }
  if (picture_sent) {
    auto token =
        store::PictureRepository(db).make_public(*news.record.picture_id, auth::generate_token(""));
    if (!token) return token.error();
  }
  return {};
}

ChatDeliveryService::ChatDeliveryService(store::Store& store, const core::Clock& clock,
                                         core::CompanyZone zone, auth::AuditTrail& audit,
                                         std::unique_ptr<ChatPoster> poster,
                                         ChatDeliveryOptions options)
    : store_(store),
      clock_(clock),
      zone_(zone),
      audit_(audit),
      poster_(std::move(poster)),
      options_(options) {}

ChatDeliveryService::~ChatDeliveryService() {
  stop();
}

void ChatDeliveryService::start(std::function<void(const core::Error&)> on_error) {
  observer_ = store_.add_commit_observer([this] { worker_.wake(); });
  worker_.start(std::chrono::seconds(1), [this, on_error = std::move(on_error)] {
    if (auto s = deliver_due(); !s && on_error) on_error(s.error());
  });
}

void ChatDeliveryService::stop() {
  if (!worker_.running()) return;
  store_.remove_commit_observer(observer_);
  worker_.stop();
}

core::Status ChatDeliveryService::deliver_due() {
  std::lock_guard lock(mutex_);
  std::vector<store::ChatDeliveryRecord> due;
  std::map<std::int64_t, std::optional<store::ChatTargetRecord>> targets;
  {
    auto connection = store_.acquire();
    if (!connection) return connection.error();
    store::ChatRepository chats(**connection);
    auto found = chats.due(core::to_micros(clock_.now()), kRound);
    if (!found) return found.error();
    due = std::move(*found);
    for (const auto& d : due) {
      if (targets.contains(d.target_id)) continue;
      auto target = chats.find_target(d.target_id);
      if (!target) return target.error();
      targets[d.target_id] = std::move(*target);
    }
  }
  std::set<std::int64_t> failing;  // bots that did not answer this round: one wait each, not many
  for (auto& delivery : due) {
    const auto& target = targets[delivery.target_id];
    if (failing.contains(delivery.target_id)) continue;  // due again next round
    const auto now = core::to_micros(clock_.now());
    if (!target || !target->enabled) {
      // Waits for its bot to be switched back on; looked at again in a minute.
      delivery.next_attempt_at = now + kMinute;
      delivery.updated_at = now;
      if (auto s = save(delivery); !s) return s;
      continue;
    }
    // Quiet hours and the day's cap: it waits for them, it is not an attempt.
    auto allowed = allowed_at(*target, now);
    if (!allowed) return allowed.error();
    if (*allowed > now) {
      delivery.next_attempt_at = *allowed;
      delivery.updated_at = now;
      if (auto s = save(delivery); !s) return s;
      continue;
    }
    if (const auto free = free_at(*target, now); free > now) {
      delivery.next_attempt_at = free;  // its turn in the bot's next minute: not an attempt
      delivery.updated_at = now;
      if (auto s = save(delivery); !s) return s;
      continue;
    }
    auto sent = attempt(std::move(delivery), *target);
    if (!sent) return sent.error();
    if (!*sent) failing.insert(target->id);
  }
  return {};
}

core::Result<std::int64_t> ChatDeliveryService::allowed_at(const store::ChatTargetRecord& target,
                                                           std::int64_t now) {
  if (!target.quiet_from && !target.max_per_day) return now;
  const auto at = core::from_micros(now);
  std::int64_t sent_today = 0;
  if (target.max_per_day) {
    auto connection = store_.acquire();
    if (!connection) return connection.error();
    auto sent = store::ChatRepository(**connection)
                    .sent_since(target.id, core::to_micros(zone_.start_of(zone_.date_of(at))));
    if (!sent) return sent.error();
    sent_today = *sent;
  }
  return core::to_micros(chat_free_from(target, at, sent_today, zone_));
}

std::int64_t ChatDeliveryService::free_at(const store::ChatTargetRecord& target, std::int64_t now) {
  auto& times = sent_times_[target.id];
  while (!times.empty() && times.front() <= now - kMinute)
    times.pop_front();
  if (times.size() < static_cast<std::size_t>(target.max_per_minute)) return now;
  return times.front() + kMinute;
}

core::Result<bool> ChatDeliveryService::attempt(store::ChatDeliveryRecord delivery,
                                                const store::ChatTargetRecord& target) {
  const auto request = chat_request(target, delivery, options_.public_url, clock_.now());
  const auto reply = poster_->post(
      request, std::chrono::duration_cast<std::chrono::milliseconds>(options_.timeout));
  const auto verdict = judge_reply(target.channel, reply);
  const auto now = core::to_micros(clock_.now());
  sent_times_[target.id].push_back(now);  // a refused message counts against the bot's minute too
  ++delivery.attempts;
  delivery.updated_at = now;
  delivery.last_status = reply.status ? std::optional<std::int64_t>(reply.status) : std::nullopt;
  delivery.last_error = verdict.error.empty() ? std::nullopt : std::optional(verdict.error);
  switch (verdict.outcome) {
    case DeliveryOutcome::sent:
      delivery.status = "sent";
      delivery.sent_at = now;
      break;
    case DeliveryOutcome::retry:
      if (delivery.attempts >= options_.max_attempts) {
        delivery.status = "dead";
      } else {
        const double unit = std::uniform_real_distribution<double>(0.0, 1.0)(random_);
        const auto wait =
            retry_delay(delivery.attempts, options_.retry_base, options_.retry_cap, unit);
        delivery.next_attempt_at =
            now + std::chrono::duration_cast<std::chrono::microseconds>(wait).count();
      }
      break;
    case DeliveryOutcome::dead:
      delivery.status = "dead";
      break;
  }
  if (auto s = save(delivery); !s) return s.error();
  return verdict.outcome == DeliveryOutcome::sent;
}

core::Status ChatDeliveryService::save(const store::ChatDeliveryRecord& delivery) {
  auto write = store::WriteTransaction::begin(store_);
  if (!write) return write.error();
  if (auto s = store::ChatRepository(write->connection()).record_attempt(delivery); !s) return s;
  return write->commit();
}

core::Result<ChatDeliveryPage> ChatDeliveryService::list(store::ChatDeliveryFilter filter) {
  auto connection = store_.acquire();
  if (!connection) return connection.error();
  auto rows = store::ChatRepository(**connection).deliveries(filter);
  if (!rows) return rows.error();
  ChatDeliveryPage page;
  if (rows->size() > static_cast<std::size_t>(filter.limit)) {
    rows->pop_back();
    page.next_before_id = rows->back().id;
  }
  page.deliveries = std::move(*rows);
  return page;
}

core::Result<store::ChatDeliveryRecord> ChatDeliveryService::get(std::int64_t id) {
  auto connection = store_.acquire();
  if (!connection) return connection.error();
  auto found = store::ChatRepository(**connection).find_delivery(id);
  if (!found) return found.error();
  if (!*found) return core::Error::not_found("no chat delivery " + std::to_string(id));
  return std::move(**found);
}

core::Result<store::ChatDeliveryRecord> ChatDeliveryService::retry(std::int64_t id,
                                                                   const auth::Actor& actor) {
  auto write = store::WriteTransaction::begin(store_);
  if (!write) return write.error();
  store::ChatRepository chats(write->connection());
  auto before = chats.find_delivery(id);
  if (!before) return before.error();
  if (!*before) return core::Error::not_found("no chat delivery " + std::to_string(id));
  auto revived = chats.revive(id, core::to_micros(clock_.now()));
  if (!revived) return revived.error();
  if (!*revived) {
    return core::Error::conflict("chat delivery " + std::to_string(id) + " is " +
                                     (*before)->status + ": only a dead one is retried",
                                 "status");
  }
  auto after = chats.find_delivery(id);
  if (!after) return after.error();
  if (auto s = audit_.record(write->connection(), actor,
                             {"chat_delivery.retry", "chat_delivery", std::to_string(id),
                              chat_delivery_to_json(**before), chat_delivery_to_json(**after)});
      !s) {
    return s.error();
  }
  if (auto s = write->commit(); !s) return s.error();
  return std::move(**after);
}

json::object chat_delivery_to_json(const store::ChatDeliveryRecord& d) {
  return {{"id", d.id},
          {"idempotency_key", d.idempotency_key},
          {"target_id", d.target_id},
          {"good_news_id", d.good_news_id},
          {"title", d.title},
          {"text", d.body},
          {"picture_id", d.picture_id ? json::value(*d.picture_id) : json::value(nullptr)},
          {"status", d.status},
          {"attempts", d.attempts},
          {"next_attempt_at",
           d.status == "pending" ? micros_or_null(d.next_attempt_at) : json::value(nullptr)},
          {"last_error", d.last_error ? json::value(*d.last_error) : json::value(nullptr)},
          {"last_status", d.last_status ? json::value(*d.last_status) : json::value(nullptr)},
          {"created_at", core::format_rfc3339(core::from_micros(d.created_at))},
          {"sent_at", micros_or_null(d.sent_at)}};
}

}  // namespace laurel::crm
