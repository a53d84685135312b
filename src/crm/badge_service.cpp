#include "crm/badge_service.hpp"

#include <algorithm>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include "core/timestamp.hpp"
#include "crm/point_rule.hpp"

namespace laurel::crm {

using core::Error;

namespace {

core::Result<BadgeRule> stored_rule(const store::BadgeRuleRow& row) {
  boost::system::error_code ec;
  const auto doc = boost::json::parse(row.definition, ec);
  if (ec || !doc.is_object()) {
    return Error::internal("badge rule " + std::to_string(row.id) + " is unreadable");
  }
  auto rule = read_badge_rule(doc.as_object());
  if (!rule) {
    return Error::internal("badge rule " + std::to_string(row.id) + ": " + rule.error().message);
  }
  rule->engine.id = row.id;
  return rule;
}

}  // namespace

core::Result<BadgeRule> BadgeService::save(store::Connection& db, BadgeRule rule,
                                           const auth::Actor& actor, bool first) {
  const auto now = std::chrono::time_point_cast<std::chrono::microseconds>(clock_.now());
  if (first) {
    rule.created_at = now;
    rule.created_by = actor.user_id;
  }
  rule.updated_at = now;
  if (!rule.grace_days_set) rule.engine.grace_days = default_grace_days_;
  const auto json = badge_rule_to_json(rule);
  if (auto s = store::BadgeRepository(db).save_rule(
          rule.engine.id, rule.name, boost::json::serialize(json), core::to_micros(now));
      !s) {
    return s.error();
  }
  if (auto seq = events_.append(
          db, actor,
          {first ? "badge_rule.created" : "badge_rule.changed", "badge_rule",
           std::to_string(rule.engine.id), std::nullopt, boost::json::value(json), std::nullopt});
      !seq) {
    return seq.error();
  }
  return rule;
}

core::Result<BadgeRule> BadgeService::create(BadgeRule rule, const auth::Actor& actor) {
  auto write = store::WriteTransaction::begin(store_);
  if (!write) return write.error();
  auto id = store::BadgeRepository(write->connection())
                .insert_rule(rule.name, core::to_micros(clock_.now()));
  if (!id) return id.error();
  rule.engine.id = *id;
  auto saved = save(write->connection(), std::move(rule), actor, true);
  if (!saved) return saved.error();
  if (auto s = write->commit(); !s) return s.error();
  return saved;
}

core::Result<BadgeRule> BadgeService::change(std::int64_t id, BadgeRule rule,
                                             const auth::Actor& actor) {
  auto write = store::WriteTransaction::begin(store_);
  if (!write) return write.error();
  auto row = store::BadgeRepository(write->connection()).rule(id);
  if (!row) return row.error();
  if (!*row) return Error::not_found("no badge rule " + std::to_string(id));
  auto before = stored_rule(**row);
  if (!before) return before.error();
  if (rule.engine.kind != before->engine.kind) {
    return Error::invalid("kind", "stays " + std::string(to_string(before->engine.kind)) +
                                      ": define a new rule for another kind of badge");
  }
  if (rule.engine.event != before->engine.event) {
    return Error::invalid("event", "stays " + std::string(to_string(before->engine.event)) +
                                       ": define a new rule for other activity");
  }
  rule.engine.id = id;
  rule.created_at = before->created_at;
  rule.created_by = before->created_by;
  auto saved = save(write->connection(), std::move(rule), actor, false);
  if (!saved) return saved.error();
  if (auto s = write->commit(); !s) return s.error();
  return saved;
}

core::Result<BadgeRule> BadgeService::get(std::int64_t id) {
  auto connection = store_.acquire();
  if (!connection) return connection.error();
  auto row = store::BadgeRepository(**connection).rule(id);
  if (!row) return row.error();
  if (!*row) return Error::not_found("no badge rule " + std::to_string(id));
  return stored_rule(**row);
}

core::Result<BadgeRulePage> BadgeService::list(std::int64_t after_id, int limit) {
  auto connection = store_.acquire();
  if (!connection) return connection.error();
  auto rows = store::BadgeRepository(**connection).rules(after_id, limit);
  if (!rows) return rows.error();
  BadgeRulePage page;
  const bool more = rows->size() > static_cast<std::size_t>(limit);
  if (more) rows->pop_back();
  for (const auto& row : *rows) {
    auto rule = stored_rule(row);
    if (!rule) return rule.error();
    page.rules.push_back(std::move(*rule));
  }
  if (more) page.next_after_id = page.rules.back().engine.id;
  return page;
}

core::Result<std::vector<PersonBadge>> BadgeService::of(std::int64_t staff_id) {
  // Caught up first, so the badge of a visit just saved is there.
  if (auto s = engine_.catch_up(); !s) return s.error();
  auto rules = list(0, 200);
  if (!rules) return rules.error();
  auto connection = store_.acquire();
  if (!connection) return connection.error();
  auto awards = store::BadgeRepository(**connection).awards_of(staff_id);
  if (!awards) return awards.error();
  std::vector<std::int64_t> ids;
  for (const auto& rule : rules->rules)
    ids.push_back(rule.engine.id);
  auto progress = engine_.badge_progress(staff_id, ids);
  if (!progress) return progress.error();
  std::vector<PersonBadge> out;
  for (std::size_t i = 0; i < rules->rules.size(); ++i) {
    PersonBadge badge{std::move(rules->rules[i]), std::nullopt, 0};
    const auto id = ids[i];
    const auto found = std::find_if(awards->begin(), awards->end(),
                                    [id](const auto& a) { return a.rule_id == id; });
    if (found != awards->end()) badge.award = *found;
    badge.progress = std::min((*progress)[i], badge.rule.engine.count);
    out.push_back(std::move(badge));
  }
  return out;
}

core::Result<BadgeWhy> BadgeService::why(std::int64_t staff_id, std::int64_t rule_id) {
  auto badges = of(staff_id);
  if (!badges) return badges.error();
  const auto found = std::find_if(badges->begin(), badges->end(),
                                  [rule_id](const auto& b) { return b.rule.engine.id == rule_id; });
  if (found == badges->end()) return Error::not_found("no badge rule " + std::to_string(rule_id));
  BadgeWhy out{std::move(*found), {}};
  if (out.badge.award) {
    auto connection = store_.acquire();
    if (!connection) return connection.error();
    auto events =
        store::EventRepository(**connection).of_record("visit", out.badge.award->visit_id);
    if (!events) return events.error();
    out.source_events = std::move(*events);
  }
  return out;
}

}  // namespace laurel::crm
