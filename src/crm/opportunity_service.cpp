#include "crm/opportunity_service.hpp"

#include <algorithm>
#include <array>
#include <boost/json/array.hpp>
#include <boost/json/value_from.hpp>

#include "core/timestamp.hpp"
#include "crm/management_scope.hpp"
#include "crm/product_service.hpp"
#include "crm/record_checks.hpp"
#include "crm/text_rules.hpp"
#include "crm/visit_service.hpp"

namespace laurel::crm {
namespace {

using core::Error;

constexpr std::array<std::string_view, 5> kStages = {"prospect", "contacted", "proposal", "won",
                                                     "lost"};
constexpr std::array<std::string_view, 3> kOpenStages = {"prospect", "contacted", "proposal"};

bool is_closed(std::string_view stage) {
  return stage == "won" || stage == "lost";
}

core::Status check_content(store::Connection& db, const store::OpportunityRecord& o) {
  if (auto s = check_text("title", o.title, 200); !s) return s;
  if (o.notes) {
    if (auto s = check_long_text("notes", *o.notes, 5000); !s) return s;
  }
  if (o.product_ids.size() > OpportunityService::kMaxProducts) {
    return Error::invalid(
        "product_ids",
        "may name at most " + std::to_string(OpportunityService::kMaxProducts) + " products");
  }
  if (auto s = check_exists(db, RecordKind::client, "client_id", o.client_id); !s) return s;
  if (auto s = check_all_exist(db, RecordKind::product, "product_ids", o.product_ids); !s) return s;
  if (o.campaign_id) {
    if (auto s = check_exists(db, RecordKind::campaign, "campaign_id", *o.campaign_id); !s) {
      return s;
    }
  }
  return check_exists(db, RecordKind::staff, "owner_staff_id", o.owner_staff_id);
}

// Salespeople own their own opportunities; managers give them to the staff they manage.
core::Status check_owner(store::Connection& db, const auth::Principal& caller,
                         const DataScope& scope, std::int64_t owner) {
  if (scope.everything || owner == scope.staff_id) return {};
  if (caller.role != auth::Role::manager) {
    return Error::forbidden("salespeople own their own opportunities");
  }
  auto managed = manages_staff(db, scope, owner);
  if (!managed) return managed.error();
  if (!*managed) return outside_management("staff member " + std::to_string(owner));
  return {};
}

core::Status append(const EventLog& events, store::Connection& db, const auth::Actor& actor,
                    std::string type, const std::optional<store::OpportunityRecord>& before,
                    const store::OpportunityRecord& after,
                    std::optional<core::Timestamp> occurred_at = std::nullopt) {
  CrmEvent event{std::move(type),
                 "opportunity",
                 std::to_string(after.id),
                 std::nullopt,
                 opportunity_to_json(after),
                 occurred_at};
  if (before) event.before = opportunity_to_json(*before);
  auto seq = events.append(db, actor, event);
  if (!seq) return seq.error();
  return {};
}

std::vector<std::int64_t> sorted(std::vector<std::int64_t> ids) {
  std::sort(ids.begin(), ids.end());
  return ids;
}

}  // namespace

std::span<const std::string_view> opportunity_stages() {
  return kStages;
}

boost::json::object opportunity_to_json(const store::OpportunityRecord& o) {
  boost::json::array stages;
  for (const auto& change : o.stages) {
    stages.push_back({{"stage", change.stage},
                      {"entered_at", core::format_rfc3339(core::from_micros(change.entered_at))},
                      {"changed_by", change.changed_by}});
  }
  return {{"id", o.id},
          {"client_id", o.client_id},
          {"owner_staff_id", o.owner_staff_id},
          {"campaign_id", o.campaign_id ? boost::json::value(*o.campaign_id) : nullptr},
          {"title", o.title},
          {"expected_amount", core::format_amount(o.expected_fen)},
          {"expected_close_date",
           o.expected_close_date ? boost::json::value(*o.expected_close_date) : nullptr},
          {"notes", o.notes ? boost::json::value(*o.notes) : nullptr},
          {"stage", o.stage},
          {"open", !is_closed(o.stage)},
          {"lost_reason", o.lost_reason ? boost::json::value(*o.lost_reason) : nullptr},
          {"product_ids", boost::json::value_from(o.product_ids)},
          {"stages", std::move(stages)},
          {"created_by", o.created_by},
          {"created_at", core::format_rfc3339(core::from_micros(o.created_at))},
          {"updated_at", core::format_rfc3339(core::from_micros(o.updated_at))}};
}

core::Result<store::OpportunityRecord> OpportunityService::create(const OpportunityInput& input,
                                                                  const auth::Principal& caller,
                                                                  const auth::Actor& actor) {
  if (auto s = check_one_of("stage", input.stage, kOpenStages); !s) return s.error();
  if (input.expected < 0) return Error::invalid("expected_amount", "must not be negative");
  auto scope = scopes_.of(caller);
  if (!scope) return scope.error();
  if (!scope->amounts) return Error::forbidden("your role does not see amounts");
  const auto owner = input.owner_staff_id ? input.owner_staff_id : scope->staff_id;
  if (!owner) {
    return Error::invalid("owner_staff_id", "is required: you have no staff record of your own");
  }
  const auto now = core::to_micros(clock_.now());
  store::OpportunityRecord o;
  o.client_id = input.client_id;
  o.owner_staff_id = *owner;
  o.campaign_id = input.campaign_id;
  o.title = input.title;
  o.expected_fen = input.expected;
  if (input.expected_close_date)
    o.expected_close_date = core::format_date(*input.expected_close_date);
  o.notes = input.notes;
  o.stage = input.stage;
  o.product_ids = sorted(input.product_ids);
  o.created_by = caller.user_id;
  o.created_at = o.updated_at = now;
  o.stages.push_back({o.stage, now, caller.user_id});
  auto write = store::WriteTransaction::begin(store_);
  if (!write) return write.error();
  auto& db = write->connection();
  if (auto s = check_content(db, o); !s) return s.error();
  if (auto s = check_owner(db, caller, *scope, o.owner_staff_id); !s) return s.error();
  auto id = store::OpportunityRepository(db).insert(o);
  if (!id) return id.error();
  o.id = *id;
  if (auto s = append(events_, db, actor, "opportunity.created", std::nullopt, o); !s) {
    return s.error();
  }
  if (auto s = write->commit(); !s) return s.error();
  return o;
}

core::Result<store::OpportunityRecord> OpportunityService::load_changeable(
    store::Connection& db, std::int64_t id, const auth::Principal& caller, const DataScope& scope) {
  store::OpportunityRepository opportunities(db);
  auto visible = opportunities.visible(id, scope.records());
  if (!visible) return visible.error();
  auto found = opportunities.find(id);
  if (!found) return found.error();
  if (!*visible || !*found) return Error::not_found("no opportunity " + std::to_string(id));
  if (auto s = check_owner(db, caller, scope, (*found)->owner_staff_id); !s) {
    return Error::forbidden("only the opportunity's owner, their managers and admins change it");
  }
  return std::move(**found);
}

core::Result<store::OpportunityRecord> OpportunityService::update(std::int64_t id,
                                                                  const OpportunityChanges& changes,
                                                                  const auth::Principal& caller,
                                                                  const auth::Actor& actor) {
  auto scope = scopes_.of(caller);
  if (!scope) return scope.error();
  auto write = store::WriteTransaction::begin(store_);
  if (!write) return write.error();
  auto& db = write->connection();
  auto before = load_changeable(db, id, caller, *scope);
  if (!before) return before.error();
  auto after = *before;
  if (changes.owner_staff_id) after.owner_staff_id = *changes.owner_staff_id;
  if (changes.campaign_id) after.campaign_id = *changes.campaign_id;
  if (changes.title) after.title = *changes.title;
  if (changes.expected) {
    if (*changes.expected < 0) return Error::invalid("expected_amount", "must not be negative");
    after.expected_fen = *changes.expected;
  }
  if (changes.expected_close_date) {
    after.expected_close_date.reset();
    if (*changes.expected_close_date) {
      after.expected_close_date = core::format_date(**changes.expected_close_date);
    }
  }
  if (changes.notes) after.notes = *changes.notes;
  if (changes.product_ids) after.product_ids = sorted(*changes.product_ids);
  if (auto s = check_content(db, after); !s) return s.error();
  if (after.owner_staff_id != before->owner_staff_id) {
    if (auto s = check_owner(db, caller, *scope, after.owner_staff_id); !s) return s.error();
  }
  if (opportunity_to_json(after) == opportunity_to_json(*before)) return before;
  after.updated_at = core::to_micros(clock_.now());
  if (auto s = store::OpportunityRepository(db).update(after); !s) return s.error();
  if (auto s = append(events_, db, actor, "opportunity.updated", *before, after); !s) {
    return s.error();
  }
  if (auto s = write->commit(); !s) return s.error();
  return after;
}

core::Result<store::OpportunityRecord> OpportunityService::move(std::int64_t id,
                                                                const StageMove& move,
                                                                const auth::Principal& caller,
                                                                const auth::Actor& actor) {
  if (auto s = check_one_of("stage", move.stage, kStages); !s) return s.error();
  if (move.lost_reason) {
    if (move.stage != "lost") return Error::invalid("lost_reason", "is only for the stage lost");
    if (auto s = check_text("lost_reason", *move.lost_reason, 500); !s) return s.error();
  }
  const auto now = clock_.now();
  const auto at = move.at.value_or(now);
  if (at > now + VisitService::kClockSkew) return Error::invalid("at", "is in the future");
  auto scope = scopes_.of(caller);
  if (!scope) return scope.error();
  auto write = store::WriteTransaction::begin(store_);
  if (!write) return write.error();
  auto& db = write->connection();
  auto before = load_changeable(db, id, caller, *scope);
  if (!before) return before.error();
  if (is_closed(before->stage)) {
    return Error::conflict("opportunity " + std::to_string(id) + " is already " + before->stage +
                               "; a closed opportunity keeps its outcome",
                           "stage");
  }
  if (move.stage == before->stage) {
    return Error::conflict("opportunity " + std::to_string(id) + " is already at " + move.stage,
                           "stage");
  }
  if (core::to_micros(at) < before->stages.back().entered_at) {
    return Error::invalid(
        "at", "is before the opportunity entered its current stage (" +
                  core::format_rfc3339(core::from_micros(before->stages.back().entered_at)) + ")");
  }
  auto after = *before;
  after.stage = move.stage;
  after.lost_reason = move.lost_reason;
  after.updated_at = core::to_micros(now);
  after.stages.push_back({move.stage, core::to_micros(at), caller.user_id});
  if (auto s = store::OpportunityRepository(db).update(after); !s) return s.error();
  if (auto s = append(events_, db, actor, "opportunity.stage_changed", *before, after, at); !s) {
    return s.error();
  }
  if (auto s = write->commit(); !s) return s.error();
  return after;
}

core::Result<store::OpportunityRecord> OpportunityService::get(std::int64_t id,
                                                               const auth::Principal& caller) {
  auto scope = scopes_.of(caller);
  if (!scope) return scope.error();
  auto connection = store_.acquire();
  if (!connection) return connection.error();
  store::OpportunityRepository opportunities(**connection);
  auto visible = opportunities.visible(id, scope->records());
  if (!visible) return visible.error();
  auto found = opportunities.find(id);
  if (!found) return found.error();
  if (!*visible || !*found) return Error::not_found("no opportunity " + std::to_string(id));
  return std::move(**found);
}

core::Result<Page<store::OpportunityRecord>> OpportunityService::list(
    const store::OpportunityFilter& filter, const auth::Principal& caller) {
  auto scope = scopes_.of(caller);
  if (!scope) return scope.error();
  auto connection = store_.acquire();
  if (!connection) return connection.error();
  auto rows = store::OpportunityRepository(**connection).list(filter, scope->records());
  if (!rows) return rows.error();
  return page_from(std::move(*rows), filter.limit);
}

}  // namespace laurel::crm
