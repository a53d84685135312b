#include "crm/point_rule_service.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include "core/timestamp.hpp"
#include "store/point_rule_repository.hpp"

namespace laurel::crm {

using core::Error;

core::Result<PointRule> point_rule_of(std::int64_t rule_id, const std::string& definition) {
  boost::system::error_code ec;
  const auto doc = boost::json::parse(definition, ec);
  if (ec || !doc.is_object()) {
    return Error::internal("points rule " + std::to_string(rule_id) + " is unreadable");
  }
  auto rule = read_point_rule(doc.as_object());
  if (!rule) {
    return Error::internal("points rule " + std::to_string(rule_id) + ": " + rule.error().message);
  }
  rule->engine.id = rule_id;
  return rule;
}

core::Result<PointRule> PointRuleService::add_version(store::Connection& db, PointRule rule,
                                                      const auth::Actor& actor, bool first) {
  rule.created_at = std::chrono::time_point_cast<std::chrono::microseconds>(clock_.now());
  rule.created_by = actor.user_id;
  if (!rule.effective_from_set) rule.engine.effective_from = rule.created_at;
  if (!rule.grace_days_set) rule.engine.grace_days = default_grace_days_;
  if (rule.engine.valid_until && *rule.engine.valid_until <= rule.engine.effective_from) {
    return Error::invalid("valid_until", "must be after effective_from");
  }
  const auto json = point_rule_to_json(rule);
  const auto definition = boost::json::serialize(json);
  if (auto s = store::PointRuleRepository(db).add_version(
          {rule.engine.id, rule.engine.version, definition, rule.created_by,
           core::to_micros(rule.created_at)},
          rule.name);
      !s) {
    return s.error();
  }
  if (auto seq = events_.append(
          db, actor,
          {first ? "point_rule.created" : "point_rule.changed", "point_rule",
           std::to_string(rule.engine.id), std::nullopt, boost::json::value(json), std::nullopt});
      !seq) {
    return seq.error();
  }
  return rule;
}

core::Result<PointRule> PointRuleService::create(PointRule rule, const auth::Actor& actor) {
  auto write = store::WriteTransaction::begin(store_);
  if (!write) return write.error();
  auto& db = write->connection();
  const auto now = core::to_micros(clock_.now());
  auto id = store::PointRuleRepository(db).insert_rule(rule.name, actor.user_id, now);
  if (!id) return id.error();
  rule.engine.id = *id;
  rule.engine.version = 1;
  auto added = add_version(db, std::move(rule), actor, true);
  if (!added) return added.error();
  if (auto s = write->commit(); !s) return s.error();
  return added;
}

core::Result<PointRule> PointRuleService::change(std::int64_t id, PointRule rule,
                                                 const auth::Actor& actor) {
  auto write = store::WriteTransaction::begin(store_);
  if (!write) return write.error();
  auto& db = write->connection();
  auto latest = store::PointRuleRepository(db).latest(id);
  if (!latest) return latest.error();
  if (!*latest) return Error::not_found("no points rule " + std::to_string(id));
  auto previous = point_rule_of(id, (*latest)->definition);
  if (!previous) return previous.error();
  if (rule.engine.event != previous->engine.event) {
    return Error::invalid("event", "stays " + std::string(to_string(previous->engine.event)) +
                                       ": a rule's versions judge the same activity (define a "
                                       "new rule for another)");
  }
  rule.engine.id = id;
  rule.engine.version = previous->engine.version + 1;
  if (rule.effective_from_set && rule.engine.effective_from < previous->engine.effective_from) {
    return Error::invalid("effective_from",
                          "must not be before the current version's (" +
                              core::format_rfc3339(previous->engine.effective_from) + ")");
  }
  auto added = add_version(db, std::move(rule), actor, false);
  if (!added) return added.error();
  if (auto s = write->commit(); !s) return s.error();
  return added;
}

core::Result<PointRule> PointRuleService::get(std::int64_t id) {
  auto connection = store_.acquire();
  if (!connection) return connection.error();
  auto latest = store::PointRuleRepository(**connection).latest(id);
  if (!latest) return latest.error();
  if (!*latest) return Error::not_found("no points rule " + std::to_string(id));
  return point_rule_of(id, (*latest)->definition);
}

core::Result<std::vector<PointRule>> PointRuleService::versions(std::int64_t id) {
  auto connection = store_.acquire();
  if (!connection) return connection.error();
  auto rows = store::PointRuleRepository(**connection).versions(id);
  if (!rows) return rows.error();
  if (rows->empty()) return Error::not_found("no points rule " + std::to_string(id));
  std::vector<PointRule> out;
  for (const auto& v : *rows) {
    auto rule = point_rule_of(id, v.definition);
    if (!rule) return rule.error();
    out.push_back(std::move(*rule));
  }
  return out;
}

core::Result<PointRulePage> PointRuleService::list(std::int64_t after_id, int limit) {
  auto connection = store_.acquire();
  if (!connection) return connection.error();
  auto rows = store::PointRuleRepository(**connection).list_latest(after_id, limit);
  if (!rows) return rows.error();
  PointRulePage page;
  const bool more = rows->size() > static_cast<std::size_t>(limit);
  if (more) rows->pop_back();
  for (const auto& v : *rows) {
    auto rule = point_rule_of(v.rule_id, v.definition);
    if (!rule) return rule.error();
    page.rules.push_back(std::move(*rule));
  }
  if (more) page.next_after_id = page.rules.back().engine.id;
  return page;
}

}  // namespace laurel::crm
