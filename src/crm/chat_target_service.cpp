#include "crm/chat_target_service.hpp"

#include "core/timestamp.hpp"
#include "crm/chat_quiet_hours.hpp"
#include "crm/record_checks.hpp"

namespace laurel::crm {
namespace {

namespace json = boost::json;
using core::Error;

json::value clock_or_null(const std::optional<int>& minutes) {
  return minutes ? json::value(format_clock_minutes(*minutes)) : json::value(nullptr);
}

// Quiet hours come in pairs, and a window of no length is none at all.
core::Status check_quiet_hours(const store::ChatTargetRecord& t) {
  if (t.quiet_from.has_value() != t.quiet_to.has_value()) {
    return Error::invalid(t.quiet_from ? "quiet_to" : "quiet_from",
                          "is required with the other end of the quiet hours (null for none)");
  }
  if (t.quiet_from && *t.quiet_from == *t.quiet_to) {
    return Error::invalid("quiet_to", "must differ from quiet_from (null both for no quiet hours)");
  }
  return {};
}

void apply_limits(const ChatTargetChange& change, store::ChatTargetRecord& t) {
  if (change.quiet_from) t.quiet_from = *change.quiet_from;
  if (change.quiet_to) t.quiet_to = *change.quiet_to;
  if (change.max_per_day) t.max_per_day = *change.max_per_day;
}

// What the audit log keeps of a bot: everything but its URL's key and its secret.
json::object audited(const store::ChatTargetRecord& t) {
  auto out = chat_target_to_json(t);
  out.erase("created_at");
  out.erase("updated_at");
  return out;
}

}  // namespace

int default_max_per_minute(std::string_view channel) {
  return channel == "feishu" ? 100 : 20;
}

std::string url_hint(std::string_view url) {
  const auto scheme = url.find("://");
  if (scheme == std::string_view::npos) return "…";
  const auto path = url.find('/', scheme + 3);
  return std::string(url.substr(0, path)) + "/…";
}

json::object chat_target_to_json(const store::ChatTargetRecord& t) {
  json::array departments;
  for (auto id : t.department_ids)
    departments.emplace_back(id);
  return {{"id", t.id},
          {"name", t.name},
          {"channel", t.channel},
          {"url_hint", url_hint(t.url)},
          {"has_secret", t.secret.has_value()},
          {"department_ids", std::move(departments)},
          {"language", t.language},
          {"max_per_minute", t.max_per_minute},
          {"quiet_from", clock_or_null(t.quiet_from)},
          {"quiet_to", clock_or_null(t.quiet_to)},
          {"max_per_day", t.max_per_day ? json::value(*t.max_per_day) : json::value(nullptr)},
          {"enabled", t.enabled},
          {"created_at", core::format_rfc3339(core::from_micros(t.created_at))},
          {"updated_at", core::format_rfc3339(core::from_micros(t.updated_at))}};
}

core::Result<store::ChatTargetRecord> ChatTargetService::create(const ChatTargetChange& input,
                                                                const auth::Actor& actor) {
  store::ChatTargetRecord t;
  t.name = input.name.value_or("");
  t.channel = input.channel.value_or("");
  t.url = input.url.value_or("");
  t.secret = input.secret.value_or(std::nullopt);
  t.department_ids = input.department_ids.value_or(std::vector<std::int64_t>{});
  t.language = input.language.value_or("zh-CN");
  t.max_per_minute = input.max_per_minute.value_or(default_max_per_minute(t.channel));
  t.enabled = input.enabled.value_or(true);
  apply_limits(input, t);
  if (auto s = check_quiet_hours(t); !s) return s.error();
  t.created_at = t.updated_at = core::to_micros(clock_.now());
  auto write = store::WriteTransaction::begin(store_);
  if (!write) return write.error();
  auto& db = write->connection();
  if (auto s = check_each_exists(db, RecordKind::department, "department_ids", t.department_ids);
      !s)
    return s.error();
  auto id = store::ChatRepository(db).insert_target(t);
  if (!id) return id.error();
  t.id = *id;
  if (auto s = audit_.record(
          db, actor,
          {"chat_target.create", "chat_target", std::to_string(t.id), std::nullopt, audited(t)});
      !s) {
    return s.error();
  }
  if (auto s = write->commit(); !s) return s.error();
  return t;
}

core::Result<store::ChatTargetRecord> ChatTargetService::update(std::int64_t id,
                                                                const ChatTargetChange& change,
                                                                const auth::Actor& actor) {
  auto write = store::WriteTransaction::begin(store_);
  if (!write) return write.error();
  auto& db = write->connection();
  store::ChatRepository chats(db);
  auto found = chats.find_target(id);
  if (!found) return found.error();
  if (!*found) return Error::not_found("no chat bot " + std::to_string(id));
  const auto before = **found;
  auto t = before;
  if (change.name) t.name = *change.name;
  if (change.url) t.url = *change.url;
  if (change.secret) t.secret = *change.secret;
  if (change.department_ids) {
    if (auto s =
            check_each_exists(db, RecordKind::department, "department_ids", *change.department_ids);
        !s)
      return s.error();
    t.department_ids = *change.department_ids;
  }
  if (change.language) t.language = *change.language;
  if (change.max_per_minute) t.max_per_minute = *change.max_per_minute;
  if (change.enabled) t.enabled = *change.enabled;
  apply_limits(change, t);
  if (auto s = check_quiet_hours(t); !s) return s.error();
  t.updated_at = core::to_micros(clock_.now());
  if (auto s = chats.update_target(t); !s) return s.error();
  if (t.quiet_from != before.quiet_from || t.quiet_to != before.quiet_to ||
      t.max_per_day != before.max_per_day || t.max_per_minute != before.max_per_minute) {
    // What they held back is judged again under the new limits (it may go at once).
    if (auto due = chats.due_now(t.id, t.updated_at); !due) return due.error();
  }
  if (auto s = audit_.record(
          db, actor,
          {"chat_target.update", "chat_target", std::to_string(id), audited(before), audited(t)});
      !s) {
    return s.error();
  }
  if (auto s = write->commit(); !s) return s.error();
  return t;
}

core::Result<store::ChatTargetRecord> ChatTargetService::get(std::int64_t id) {
  auto connection = store_.acquire();
  if (!connection) return connection.error();
  auto found = store::ChatRepository(**connection).find_target(id);
  if (!found) return found.error();
  if (!*found) return Error::not_found("no chat bot " + std::to_string(id));
  return std::move(**found);
}

core::Result<std::vector<store::ChatTargetRecord>> ChatTargetService::list() {
  auto connection = store_.acquire();
  if (!connection) return connection.error();
  return store::ChatRepository(**connection).targets(false);
}

}  // namespace laurel::crm
