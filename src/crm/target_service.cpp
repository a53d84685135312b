#include "crm/target_service.hpp"

#include <algorithm>
#include <array>

#include "core/money.hpp"
#include "core/timestamp.hpp"
#include "crm/built_in_boards.hpp"
#include "crm/management_scope.hpp"
#include "crm/percent.hpp"
#include "crm/product_service.hpp"
#include "crm/record_checks.hpp"
#include "crm/target_period.hpp"
#include "store/campaign_repository.hpp"
#include "store/record_scope.hpp"
#include "store/staff_repository.hpp"

namespace laurel::crm {
namespace {

using core::Error;

constexpr std::array<std::string_view, 4> kMetrics = {"subscription", "net_flow", "visits",
                                                      "key_person_visits"};
constexpr std::array<std::string_view, 2> kSubjectKinds = {"staff", "department"};

core::Result<std::int64_t> achieved(store::Connection& db, const store::TargetRecord& t) {
  store::AchievementQuery query;
  query.metric = t.metric;
  query.from = t.period_start;
  query.to = t.period_end;
  query.client_id = t.client_id;
  query.campaign_id = t.campaign_id;
  if (t.subject_kind == "staff") {
    query.staff_id = t.subject_id;
  } else {
    query.department_ids = department_subtree(db, t.subject_id);
  }
  if (t.campaign_id) {
    auto campaign = store::CampaignRepository(db).find(*t.campaign_id);
    if (!campaign) return campaign.error();
    if (!*campaign) return std::int64_t{0};
    query.from = std::max(query.from, (*campaign)->starts_on);
    query.to = std::min(query.to, (*campaign)->ends_on);
    if (query.from > query.to) return std::int64_t{0};
  }
  return store::TargetRepository(db).achieved(query);
}

core::Result<TargetProgress> with_progress(store::Connection& db, store::TargetRecord target) {
  auto value = achieved(db, target);
  if (!value) return value.error();
  return TargetProgress{std::move(target), *value};
}

core::Status check_manages_subject(store::Connection& db, const DataScope& scope,
                                   const store::TargetRecord& t) {
  if (t.subject_kind == "department") {
    if (!manages_department(scope, t.subject_id)) {
      return outside_management("department " + std::to_string(t.subject_id));
    }
    return {};
  }
  auto managed = manages_staff(db, scope, t.subject_id);
  if (!managed) return managed.error();
  if (!*managed) return outside_management("staff member " + std::to_string(t.subject_id));
  return {};
}

core::Status append(const EventLog& events, store::Connection& db, const auth::Actor& actor,
                    std::string type, const std::optional<store::TargetRecord>& before,
                    const std::optional<store::TargetRecord>& after) {
  const auto& subject = after ? *after : *before;
  CrmEvent event{std::move(type), "target",     std::to_string(subject.id),
                 std::nullopt,    std::nullopt, std::nullopt};
  if (before) event.before = target_to_json(*before);
  if (after) event.after = target_to_json(*after);
  auto seq = events.append(db, actor, event);
  if (!seq) return seq.error();
  return {};
}

// The target's number in the form its metric takes.
core::Result<std::int64_t> value_for(std::string_view metric, const TargetValue& value) {
  const bool amount = is_amount_metric(metric);
  const std::string_view wanted = amount ? "target_amount" : "target_count";
  const std::string_view other = amount ? "target_count" : "target_amount";
  if (amount ? value.count.has_value() : value.amount.has_value()) {
    return Error::invalid(
        std::string(other),
        "does not apply to the metric " + std::string(metric) + ": give " + std::string(wanted));
  }
  const auto number = amount ? value.amount : value.count;
  if (!number) return Error::invalid(std::string(wanted), "is required");
  if (*number <= 0) return Error::invalid(std::string(wanted), "must be more than 0");
  return *number;
}

std::optional<boost::json::value> amount_or_count(const store::TargetRecord& t, std::int64_t value,
                                                  bool amount) {
  if (is_amount_metric(t.metric) != amount) return boost::json::value(nullptr);
  if (amount) return boost::json::value(core::format_amount(value));
  return boost::json::value(value);
}

}  // namespace

std::span<const std::string_view> target_metrics() {
  return kMetrics;
}

bool is_amount_metric(std::string_view metric) {
  return metric == "subscription" || metric == "net_flow";
}

boost::json::object target_to_json(const store::TargetRecord& t) {
  return {{"id", t.id},
          {"subject_kind", t.subject_kind},
          {"subject_id", t.subject_id},
          {"scope", t.scope},
          {"client_id", t.client_id ? boost::json::value(*t.client_id) : nullptr},
          {"campaign_id", t.campaign_id ? boost::json::value(*t.campaign_id) : nullptr},
          {"metric", t.metric},
          {"period", t.period},
          {"period_start", t.period_start},
          {"period_end", t.period_end},
          {"target_amount", *amount_or_count(t, t.value, true)},
          {"target_count", *amount_or_count(t, t.value, false)},
          {"set_by", t.set_by},
          {"created_at", core::format_rfc3339(core::from_micros(t.created_at))},
          {"updated_at", core::format_rfc3339(core::from_micros(t.updated_at))}};
}

boost::json::object target_progress_to_json(const TargetProgress& p) {
  auto json = target_to_json(p.target);
  json["achieved_amount"] = *amount_or_count(p.target, p.achieved, true);
  json["achieved_count"] = *amount_or_count(p.target, p.achieved, false);
  json["achievement_percent"] = percent(p.achieved, p.target.value);
  return json;
}

core::Result<store::TargetScope> TargetService::scope_of(const auth::Principal& caller) {
  auto scope = scopes_.of(caller);
  if (!scope) return scope.error();
  store::TargetScope targets;
  targets.everything = scope->everything;
  targets.staff_id = scope->staff_id;
  targets.today = scope->today;
  if (caller.role == auth::Role::manager) {
    targets.staff_departments_json = targets.department_ids_json =
        store::json_ids(scope->department_ids);
  } else if (scope->staff_id) {
    auto connection = store_.acquire();
    if (!connection) return connection.error();
    auto department =
        store::StaffRepository(**connection).department_on(*scope->staff_id, scope->today);
    if (!department) return department.error();
    if (*department) targets.department_ids_json = store::json_ids({**department});
  }
  return targets;
}

core::Result<TargetProgress> TargetService::create(const TargetInput& input,
                                                   const auth::Principal& caller,
                                                   const auth::Actor& actor) {
  if (auto s = check_one_of("subject_kind", input.subject_kind, kSubjectKinds); !s) {
    return s.error();
  }
  if (auto s = check_one_of("metric", input.metric, kMetrics); !s) return s.error();
  const auto period = parse_target_period(input.period);
  if (!period) {
    return Error::invalid("period",
                          "must be a month (2026-11), a quarter (2026-Q4) or a year (2026)");
  }
  if (input.client_id && input.campaign_id) {
    return Error::invalid("campaign_id", "a target is for one client or one campaign, not both");
  }
  auto value = value_for(input.metric, input.value);
  if (!value) return value.error();
  auto scope = scopes_.of(caller);
  if (!scope) return scope.error();
  store::TargetRecord target;
  target.subject_kind = input.subject_kind;
  target.subject_id = input.subject_id;
  target.scope = input.client_id ? "client" : input.campaign_id ? "campaign" : "overall";
  target.client_id = input.client_id;
  target.campaign_id = input.campaign_id;
  target.metric = input.metric;
  target.period = period->key;
  target.period_start = core::format_date(period->first);
  target.period_end = core::format_date(period->last);
  target.value = *value;
  target.set_by = caller.user_id;
  target.created_at = target.updated_at = core::to_micros(clock_.now());
  auto write = store::WriteTransaction::begin(store_);
  if (!write) return write.error();
  auto& db = write->connection();
  if (auto s = check_exists(
          db, target.subject_kind == "staff" ? RecordKind::staff : RecordKind::department,
          "subject_id", target.subject_id);
      !s) {
    return s.error();
  }
  if (target.client_id) {
    if (auto s = check_exists(db, RecordKind::client, "client_id", *target.client_id); !s) {
      return s.error();
    }
  }
  if (target.campaign_id) {
    if (auto s = check_exists(db, RecordKind::campaign, "campaign_id", *target.campaign_id); !s) {
      return s.error();
    }
  }
  if (auto s = check_manages_subject(db, *scope, target); !s) return s.error();
  store::TargetRepository targets(db);
  auto existing = targets.find_same(target);
  if (!existing) return existing.error();
  if (*existing) {
    return Error::conflict("target " + std::to_string(**existing) +
                               " is already set for this subject, scope, metric and period;"
                               " change its value instead",
                           "period");
  }
  auto id = targets.insert(target);
  if (!id) return id.error();
  target.id = *id;
  if (auto s = append(events_, db, actor, "target.set", std::nullopt, target); !s) {
    return s.error();
  }
  // The first client target on subscription of its kind brings Laurel's board of them.
  if (target.client_id && target.metric == "subscription") {
    if (auto s = BuiltInBoards(clock_, events_)
                     .ensure_client_targets(db, actor, target.subject_kind == "department",
                                            core::parse_period(period->key)->kind);
        !s) {
      return s.error();
    }
  }
  auto progress = with_progress(db, target);
  if (!progress) return progress.error();
  if (auto s = write->commit(); !s) return s.error();
  return progress;
}

core::Result<TargetProgress> TargetService::change_value(std::int64_t id, const TargetValue& input,
                                                         const auth::Principal& caller,
                                                         const auth::Actor& actor) {
  auto scope = scopes_.of(caller);
  if (!scope) return scope.error();
  auto write = store::WriteTransaction::begin(store_);
  if (!write) return write.error();
  auto& db = write->connection();
  store::TargetRepository targets(db);
  auto found = targets.find(id);
  if (!found) return found.error();
  if (!*found) return Error::not_found("no target " + std::to_string(id));
  const auto before = **found;
  if (auto s = check_manages_subject(db, *scope, before); !s) return s.error();
  auto value = value_for(before.metric, input);
  if (!value) return value.error();
  auto after = before;
  if (*value != before.value) {
    after.value = *value;
    after.set_by = caller.user_id;
    after.updated_at = core::to_micros(clock_.now());
    if (auto s = targets.update(after); !s) return s.error();
    if (auto s = append(events_, db, actor, "target.changed", before, after); !s) {
      return s.error();
    }
  }
  auto progress = with_progress(db, after);
  if (!progress) return progress.error();
  if (auto s = write->commit(); !s) return s.error();
  return progress;
}

core::Status TargetService::remove(std::int64_t id, const auth::Principal& caller,
                                   const auth::Actor& actor) {
  auto scope = scopes_.of(caller);
  if (!scope) return scope.error();
  auto write = store::WriteTransaction::begin(store_);
  if (!write) return write.error();
  auto& db = write->connection();
  store::TargetRepository targets(db);
  auto found = targets.find(id);
  if (!found) return found.error();
  if (!*found) return Error::not_found("no target " + std::to_string(id));
  if (auto s = check_manages_subject(db, *scope, **found); !s) return s;
  if (auto s = targets.remove(id); !s) return s;
  if (auto s = append(events_, db, actor, "target.deleted", **found, std::nullopt); !s) return s;
  return write->commit();
}

core::Result<TargetProgress> TargetService::get(std::int64_t id, const auth::Principal& caller) {
  auto scope = scope_of(caller);
  if (!scope) return scope.error();
  auto connection = store_.acquire();
  if (!connection) return connection.error();
  store::TargetRepository targets(**connection);
  auto visible = targets.visible(id, *scope);
  if (!visible) return visible.error();
  auto found = targets.find(id);
  if (!found) return found.error();
  if (!*visible || !*found) return Error::not_found("no target " + std::to_string(id));
  return with_progress(**connection, std::move(**found));
}

core::Result<Page<TargetProgress>> TargetService::list(const store::TargetFilter& filter,
                                                       const auth::Principal& caller) {
  auto scope = scope_of(caller);
  if (!scope) return scope.error();
  auto connection = store_.acquire();
  if (!connection) return connection.error();
  auto targets = store::TargetRepository(**connection).list(filter, *scope);
  if (!targets) return targets.error();
  auto records = page_from(std::move(*targets), filter.limit);
  Page<TargetProgress> page{{}, records.next_after_id};
  for (auto& target : records.items) {
    auto progress = with_progress(**connection, std::move(target));
    if (!progress) return progress.error();
    page.items.push_back(std::move(*progress));
  }
  return page;
}

core::Result<std::vector<TargetProgress>> TargetService::of_staff_on(std::int64_t staff_id,
                                                                     const std::string& day) {
  auto connection = store_.acquire();
  if (!connection) return connection.error();
  store::TargetFilter filter;
  filter.subject_kind = "staff";
  filter.subject_id = staff_id;
  filter.covering = day;
  filter.limit = 200;
  store::TargetScope everything;
  everything.everything = true;
  auto targets = store::TargetRepository(**connection).list(filter, everything);
  if (!targets) return targets.error();
  std::vector<TargetProgress> progress;
  for (auto& target : *targets) {
    auto one = with_progress(**connection, std::move(target));
    if (!one) return one.error();
    progress.push_back(std::move(*one));
  }
  return progress;
}

}  // namespace laurel::crm
