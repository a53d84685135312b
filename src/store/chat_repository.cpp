#include "store/chat_repository.hpp"

#include "store/id_list.hpp"
#include "store/sql_conditions.hpp"

namespace laurel::store {
namespace {

constexpr std::string_view kTargetColumns =
    "id, name, channel, url, secret, department_ids, language, max_per_minute, enabled, "
    "created_at, updated_at, quiet_from, quiet_to, max_per_day";
constexpr std::string_view kDeliveryColumns =
    "id, idempotency_key, target_id, good_news_id, title, body, status, attempts, "
    "next_attempt_at, last_error, last_status, created_at, sent_at, updated_at, picture_id, "
    "(SELECT public_token FROM pictures WHERE pictures.id = chat_outbox.picture_id)";

ChatTargetRecord target_of(const Row& r) {
  ChatTargetRecord t;
  t.id = r.integer(0);
  t.name = r.text(1);
  t.channel = r.text(2);
  t.url = r.text(3);
  t.secret = r.optional_text(4);
  t.department_ids = id_list_of(r.text(5));
  t.language = r.text(6);
  t.max_per_minute = static_cast<int>(r.integer(7));
  t.enabled = r.boolean(8);
  t.created_at = r.integer(9);
  t.updated_at = r.integer(10);
  const auto small = [&](int column) {
    const auto v = r.optional_integer(column);
    return v ? std::optional<int>(static_cast<int>(*v)) : std::nullopt;
  };
  t.quiet_from = small(11);
  t.quiet_to = small(12);
  t.max_per_day = small(13);
  return t;
}

Value small_or_null(const std::optional<int>& v) {
  return v ? Value(std::int64_t{*v}) : Value(Null{});
}

ChatDeliveryRecord delivery_of(const Row& r) {
  ChatDeliveryRecord d;
  d.id = r.integer(0);
  d.idempotency_key = r.text(1);
  d.target_id = r.integer(2);
  d.good_news_id = r.integer(3);
  d.title = r.text(4);
  d.body = r.text(5);
  d.status = r.text(6);
  d.attempts = static_cast<int>(r.integer(7));
  d.next_attempt_at = r.integer(8);
  d.last_error = r.optional_text(9);
  d.last_status = r.optional_integer(10);
  d.created_at = r.integer(11);
  d.sent_at = r.optional_integer(12);
  d.updated_at = r.integer(13);
  d.picture_id = r.optional_integer(14);
  d.picture_token = r.optional_text(15);
  return d;
}

core::Result<std::vector<ChatDeliveryRecord>> deliveries_of(core::Result<Rows> rows) {
  if (!rows) return rows.error();
  std::vector<ChatDeliveryRecord> out;
  out.reserve(rows->size());
  for (const auto& r : *rows)
    out.push_back(delivery_of(r));
  return out;
}

}  // namespace

core::Result<std::int64_t> ChatRepository::due_now(std::int64_t target_id, std::int64_t now) {
  auto rows = db_.query(
      "UPDATE chat_outbox SET next_attempt_at = $2 WHERE target_id = $1 AND status = 'pending' "
      "AND next_attempt_at > $2",
      {target_id, now});
  if (!rows) return rows.error();
  return rows->changes;
}

core::Result<std::int64_t> ChatRepository::sent_since(std::int64_t target_id, std::int64_t since) {
  auto rows = db_.query(
      "SELECT COUNT(*) FROM chat_outbox WHERE target_id = $1 AND status = 'sent' AND sent_at >= $2",
      {target_id, since});
  if (!rows) return rows.error();
  return rows->front().integer(0);
}

core::Result<std::int64_t> ChatRepository::insert_target(const ChatTargetRecord& t) {
  auto rows = db_.query(
      "INSERT INTO chat_targets (name, channel, url, secret, department_ids, language, "
      "max_per_minute, enabled, created_at, updated_at, quiet_from, quiet_to, max_per_day) "
      "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9, $10, $11, $12) RETURNING id",
      {t.name, t.channel, t.url, nullable(t.secret), id_list_text(t.department_ids), t.language,
       std::int64_t{t.max_per_minute}, boolean(t.enabled), t.created_at,
       small_or_null(t.quiet_from), small_or_null(t.quiet_to), small_or_null(t.max_per_day)});
  if (!rows) return rows.error();
  return rows->front().integer(0);
}

core::Status ChatRepository::update_target(const ChatTargetRecord& t) {
  auto rows = db_.query(
      "UPDATE chat_targets SET name = $1, url = $2, secret = $3, department_ids = $4, "
      "language = $5, max_per_minute = $6, enabled = $7, updated_at = $8, quiet_from = $10, "
      "quiet_to = $11, max_per_day = $12 WHERE id = $9",
      {t.name, t.url, nullable(t.secret), id_list_text(t.department_ids), t.language,
       std::int64_t{t.max_per_minute}, boolean(t.enabled), t.updated_at, t.id,
       small_or_null(t.quiet_from), small_or_null(t.quiet_to), small_or_null(t.max_per_day)});
  if (!rows) return rows.error();
  return {};
}

core::Result<std::optional<ChatTargetRecord>> ChatRepository::find_target(std::int64_t id) {
  auto rows =
      db_.query("SELECT " + std::string(kTargetColumns) + " FROM chat_targets WHERE id = $1", {id});
  if (!rows) return rows.error();
  if (rows->empty()) return std::optional<ChatTargetRecord>();
  return std::optional<ChatTargetRecord>(target_of(rows->front()));
}

core::Result<std::vector<ChatTargetRecord>> ChatRepository::targets(bool enabled_only) {
  auto rows = db_.query("SELECT " + std::string(kTargetColumns) + " FROM chat_targets" +
                        (enabled_only ? " WHERE enabled = 1" : "") + " ORDER BY id");
  if (!rows) return rows.error();
  std::vector<ChatTargetRecord> out;
  for (const auto& r : *rows)
    out.push_back(target_of(r));
  return out;
}

core::Result<bool> ChatRepository::enqueue(const ChatDeliveryRecord& d) {
  auto rows = db_.query(
      "INSERT INTO chat_outbox (idempotency_key, target_id, good_news_id, title, body, "
      "picture_id, status, attempts, next_attempt_at, created_at, updated_at) "
      "VALUES ($1, $2, $3, $4, $5, $6, 'pending', 0, $7, $7, $7) "
      "ON CONFLICT (idempotency_key) DO NOTHING",
      {d.idempotency_key, d.target_id, d.good_news_id, d.title, d.body, nullable(d.picture_id),
       d.created_at});
  if (!rows) return rows.error();
  return rows->changes == 1;
}

core::Result<std::vector<ChatDeliveryRecord>> ChatRepository::due(std::int64_t now, int limit) {
  return deliveries_of(db_.query("SELECT " + std::string(kDeliveryColumns) +
                                     " FROM chat_outbox WHERE status = 'pending' AND "
                                     "next_attempt_at <= $1 ORDER BY id LIMIT $2",
                                 {now, std::int64_t{limit}}));
}

core::Result<std::optional<std::int64_t>> ChatRepository::next_due_at() {
  auto rows = db_.query("SELECT MIN(next_attempt_at) FROM chat_outbox WHERE status = 'pending'");
  if (!rows) return rows.error();
  return rows->front().optional_integer(0);
}

core::Result<std::optional<ChatDeliveryRecord>> ChatRepository::find_delivery(std::int64_t id) {
  auto found = deliveries_of(db_.query(
      "SELECT " + std::string(kDeliveryColumns) + " FROM chat_outbox WHERE id = $1", {id}));
  if (!found) return found.error();
  if (found->empty()) return std::optional<ChatDeliveryRecord>();
  return std::optional<ChatDeliveryRecord>(std::move(found->front()));
}

core::Result<std::vector<ChatDeliveryRecord>> ChatRepository::deliveries(
    const ChatDeliveryFilter& filter) {
  std::vector<Value> params{std::int64_t{filter.limit + 1}};
  SqlConditions where(params);
  if (filter.status) where.add("status = ?", text(*filter.status));
  where.add_if(filter.target_id, "target_id = ?");
  where.add_if(filter.good_news_id, "good_news_id = ?");
  if (filter.before_id > 0) where.add("id < ?", filter.before_id);
  return deliveries_of(db_.query("SELECT " + std::string(kDeliveryColumns) +
                                     " FROM chat_outbox WHERE 1 = 1" + where.sql() +
                                     " ORDER BY id DESC LIMIT $1",
                                 params));
}

core::Status ChatRepository::record_attempt(const ChatDeliveryRecord& d) {
  auto rows = db_.query(
      "UPDATE chat_outbox SET status = $1, attempts = $2, next_attempt_at = $3, last_error = $4, "
      "last_status = $5, sent_at = $6, updated_at = $7 WHERE id = $8",
      {d.status, std::int64_t{d.attempts}, d.next_attempt_at, nullable(d.last_error),
       nullable(d.last_status), nullable(d.sent_at), d.updated_at, d.id});
  if (!rows) return rows.error();
  return {};
}

core::Result<bool> ChatRepository::revive(std::int64_t id, std::int64_t now) {
  auto rows = db_.query(
      "UPDATE chat_outbox SET status = 'pending', attempts = 0, next_attempt_at = $1, "
      "updated_at = $1 WHERE id = $2 AND status = 'dead'",
      {now, id});
  if (!rows) return rows.error();
  return rows->changes == 1;
}

core::Result<std::pair<std::int64_t, std::int64_t>> ChatRepository::backlog() {
  auto rows = db_.query(
      "SELECT status, COUNT(*) FROM chat_outbox WHERE status IN ('pending', 'dead') "
      "GROUP BY status");
  if (!rows) return rows.error();
  std::pair<std::int64_t, std::int64_t> out{0, 0};
  for (const auto& r : *rows)
    (r.text(0) == "pending" ? out.first : out.second) = r.integer(1);
  return out;
}

}  // namespace laurel::store
